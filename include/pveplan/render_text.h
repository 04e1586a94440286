#ifndef PVEPLAN_RENDER_TEXT_H
#define PVEPLAN_RENDER_TEXT_H

#include <stddef.h>

#include "pveplan/buf.h"
#include "pveplan/diag.h"
#include "pveplan/lang.h"

enum pv_text_flags {
	PV_TEXT_COLOR = 1 << 0,	/* ANSI colours */
	PV_TEXT_QUIET = 1 << 1,	/* errors only */
	PV_TEXT_WAIVED = 1 << 2,	/* also the findings silenced by accepted deviations */
};

/*
 * Appends the findings of one file, compiler-style: a header line
 * "file:line:col: severity[CODE]: message", the source line with carets
 * under the span, then "= help:" and "= note:" lines. `src` (may be NULL)
 * is the file's text, for the source lines.
 */
void pv_render_text(const struct pv_diags *d, const char *src, size_t len, unsigned flags,
		    const struct pv_lang *lang, struct pv_buf *out);

/* "2 errors, 5 warnings in 3 files" (infos and waived findings when there
 * are some). */
void pv_render_summary(size_t errors, size_t warnings, size_t infos, size_t waived,
		       size_t files, unsigned flags, const struct pv_lang *lang,
		       struct pv_buf *out);

#endif
