#include "embedded.h"

#include <string.h>

const struct pv_embedded *pv_embedded_find(const char *name)
{
	for (const struct pv_embedded *e = pv_embedded_files; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}
