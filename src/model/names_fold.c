#include "names_fold.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

long pv_names_fold(const char *s, char *out, size_t cap)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
					  UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
					  UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
	if (n < 0)
		return -1;
	size_t len = 0;
	int space = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		unsigned char c = m[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = len > 0;
			continue;
		}
		if (len + space + 2 > cap) {
			free(m);
			return -1;
		}
		if (space)
			out[len++] = ' ';
		space = 0;
		out[len++] = (char)c;
	}
	free(m);
	if (!cap)
		return -1;
	out[len] = '\0';
	return (long)len;
}
