#ifndef PVEPLAN_UTF8_H
#define PVEPLAN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"

/*
 * UTF-8 and the characters of plan text that an output must not pass on
 * raw: plan text is data, and no byte of it may change how a terminal, a
 * parser or a reader sees pveplan's own output.
 */

/*
 * Decodes the character at `s` (`len` bytes available, at least 1).
 * Returns the bytes it takes (1 to 4); an invalid sequence takes 1 byte
 * and gives U+FFFD.
 */
size_t pv_utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * Whether `cp` must be shown escaped: C0 controls (tab, newline and
 * carriage return included), DEL, C1 controls, the line and paragraph
 * separators, the bidirectional embeddings, overrides and isolates,
 * U+FEFF, and the non-characters U+FFFE and U+FFFF.
 */
int pv_utf8_is_unsafe(uint32_t cp);

/* Appends the escape of one character: \t, \n, \r, \xHH below U+0080, else
 * \u{HHHH} (lower-case hex), as Rust's escape_debug writes them. */
void pv_utf8_add_escape(struct pv_buf *out, uint32_t cp);

/* Appends `len` bytes of plan text with every unsafe character escaped
 * (see above); invalid UTF-8 bytes are escaped as \xHH. */
void pv_buf_add_visible(struct pv_buf *out, const char *s, size_t len);

#endif
