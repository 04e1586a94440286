#ifndef PVEPLAN_MSG_SPEC_H
#define PVEPLAN_MSG_SPEC_H

#include <stddef.h>

/* One conversion of a message format, as pv_msg reads printf formats. */
struct pv_msg_spec {
	const char *start;	/* at '%' */
	size_t len;		/* through the conversion letter */
	int pos;		/* n of "%n$", or 0 */
	char conv;		/* d i u x X o c s f g e, or '%' */
	char length[3];		/* "", "h", "hh", "l", "ll", "z" */
};

/* Parses the conversion at `p` (a '%'); returns 0 or -1. */
int pv_msg_parse_spec(const char *p, struct pv_msg_spec *s);
/* The spec without its "n$" part and with length modifier `length`
 * ("ll" for any integer), for snprintf. */
void pv_msg_plain_spec(const struct pv_msg_spec *s, const char *length, char *out, size_t size);

#endif
