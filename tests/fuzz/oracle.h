#ifndef PVEPLAN_FUZZ_ORACLE_H
#define PVEPLAN_FUZZ_ORACLE_H

/*
 * The cheap oracles of the fuzz harnesses: properties every output has
 * whatever the plan says. A violation prints what was wrong, with the
 * offending bytes, and aborts, so libFuzzer keeps the input as a crash.
 */

#include <stddef.h>

/* Prints "oracle: <what>: <why>", the output around `at`, and aborts. */
_Noreturn void fz_fail(const char *what, const char *out, size_t len, size_t at,
		       const char *why);

/*
 * No control character in `s`: no C0 byte other than those in `allowed`
 * (e.g. "\n" or "\n\t"), no DEL, no C1 character, and valid UTF-8.
 */
void fz_no_controls(const char *what, const char *s, size_t len, const char *allowed);

/*
 * The text of a coloured output with its colours taken out: every ESC must
 * begin an SGR sequence (ESC '[' digits and ';' then 'm'), as pveplan's
 * own colours are, and nothing else. `out` receives the rest.
 */
struct pv_buf;
void fz_strip_sgr(const char *what, const char *s, size_t len, struct pv_buf *out);

/* Lines of `s` that begin with `prefix`. */
size_t fz_count_lines(const char *s, size_t len, const char *prefix);
/* Occurrences of `needle` in `s`. */
size_t fz_count(const char *s, const char *needle);

/*
 * `s` is one JSON value (RFC 8259), strictly: strings of valid UTF-8 with
 * no raw control character, numbers as the grammar has them. Returns how
 * many object members are named `key` (any depth; NULL: none counted).
 */
size_t fz_json_check(const char *what, const char *s, size_t len, const char *key);

/*
 * `s` is a well-formed XML 1.0 document (libxml2, no network, no entity
 * loading) made only of XML 1.0 characters (raw or as character
 * references). Returns how many elements are named `element` (NULL: none
 * counted).
 */
size_t fz_xml_check(const char *what, const char *s, size_t len, const char *element);

/* Once per process: libxml2 set up and silenced. */
void fz_xml_init(void);

/* A fixed clock for every harness: reports carry dates. */
void fz_fixed_clock(void);

/* A new folder for the files of a harness, in /dev/shm (memory) when it
 * can be written, else $TMPDIR or /tmp; removed at exit with the files
 * named `files` (NULL-terminated, names inside it). Returns its path. */
const char *fz_temp_folder(const char *const *files);
/* The whole file `path` appended to `out`; aborts when it cannot be read. */
void fz_read_file(const char *path, struct pv_buf *out);

#endif
