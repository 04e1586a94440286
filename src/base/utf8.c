#include "pveplan/base.h"

#include <string.h>
#include <utf8proc.h>

int pv_utf8_charwidth(uint32_t cp)
{
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 0 : w;
}

size_t pv_utf8_width(const char *s, size_t len)
{
	size_t w = 0;
	uint32_t cp;
	for (size_t i = 0; i < len;) {
		i += pv_utf8_decode(s + i, len - i, &cp);
		w += (size_t)pv_utf8_charwidth(cp);
	}
	return w;
}

size_t pv_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;
	uint32_t c, min;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		n = 2, c = p[0] & 0x1f, min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		n = 3, c = p[0] & 0x0f, min = 0x800;
	} else if ((p[0] & 0xf8) == 0xf0) {
		n = 4, c = p[0] & 0x07, min = 0x10000;
	} else {
		goto bad;
	}
	if (n > len)
		goto bad;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

int pv_utf8_is_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

void pv_utf8_add_escape(struct pv_buf *out, uint32_t cp)
{
	switch (cp) {
	case '\t':
		pv_buf_adds(out, "\\t");
		break;
	case '\n':
		pv_buf_adds(out, "\\n");
		break;
	case '\r':
		pv_buf_adds(out, "\\r");
		break;
	default:
		if (cp < 0x80)
			pv_buf_addf(out, "\\x%02x", (unsigned)cp);
		else
			pv_buf_addf(out, "\\u{%x}", (unsigned)cp);
	}
}

void pv_buf_add_visible(struct pv_buf *out, const char *s, size_t len)
{
	size_t start = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = pv_utf8_decode(s + i, len - i, &cp);
		int invalid = cp == 0xfffd && n == 1 && (unsigned char)s[i] >= 0x80;
		if (!invalid && !pv_utf8_is_unsafe(cp)) {
			i += n;
			continue;
		}
		pv_buf_add(out, s + start, i - start);
		if (invalid)
			pv_buf_addf(out, "\\x%02x", (unsigned char)s[i]);
		else
			pv_utf8_add_escape(out, cp);
		i += n;
		start = i;
	}
	pv_buf_add(out, s + start, len - start);
}

size_t pv_line_break(const char *s, size_t len, size_t i)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
	return 0;
}
