#ifndef PVEPLAN_EMBEDDED_H
#define PVEPLAN_EMBEDDED_H

#include <stddef.h>

/* Data files built into the binary (cmake/embed.cmake), NUL-terminated. */
struct pv_embedded {
	const char *name;	/* path relative to the source tree, e.g. "src/catalogue/rules.en.yaml" */
	const char *data;
	size_t len;
};

extern const struct pv_embedded pv_embedded_files[];

/* The embedded file `name`, or NULL. */
const struct pv_embedded *pv_embedded_find(const char *name);

#endif
