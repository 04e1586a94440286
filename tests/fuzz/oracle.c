/* The oracles of the fuzz harnesses (oracle.h). */
#include "oracle.h"

#include "pveplan/base.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void fz_fail(const char *what, const char *out, size_t len, size_t at,
		       const char *why)
{
	size_t from = at > 120 ? at - 120 : 0, to = at + 120 < len ? at + 120 : len;
	struct pv_buf b = PV_BUF_INIT;
	if (out)
		pv_buf_add_visible(&b, out + from, to - from);
	fprintf(stderr, "oracle: %s: %s (at byte %zu of %zu)\n  ...%s...\n", what, why, at, len,
		b.buf);
	pv_buf_release(&b);
	abort();
}

/* The character at s[i], or fails on invalid UTF-8. */
static size_t utf8_char(const char *what, const char *s, size_t len, size_t i, uint32_t *cp)
{
	size_t n = pv_utf8_decode(s + i, len - i, cp);
	if (*cp == 0xfffd && n == 1 && (unsigned char)s[i] >= 0x80)
		fz_fail(what, s, len, i, "invalid UTF-8");
	return n;
}

void fz_no_controls(const char *what, const char *s, size_t len, const char *allowed)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_char(what, s, len, i, &cp);
		if ((cp < 0x20 && !(cp && strchr(allowed, (int)cp))) || (cp >= 0x7f && cp <= 0x9f))
			fz_fail(what, s, len, i, "a control character");
		i += n;
	}
}

void fz_strip_sgr(const char *what, const char *s, size_t len, struct pv_buf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\x1b') {
			pv_buf_addch(out, s[i]);
			continue;
		}
		size_t j = i + 1;
		if (j >= len || s[j] != '[')
			fz_fail(what, s, len, i, "ESC that begins no SGR sequence");
		for (j++; j < len && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'); j++)
			;
		if (j >= len || s[j] != 'm')
			fz_fail(what, s, len, i, "ESC that begins no SGR sequence");
		i = j;
	}
}

size_t fz_count_lines(const char *s, size_t len, const char *prefix)
{
	size_t n = 0, plen = strlen(prefix);
	for (size_t i = 0; i < len;) {
		if (len - i >= plen && !memcmp(s + i, prefix, plen))
			n++;
		const char *nl = memchr(s + i, '\n', len - i);
		i = nl ? (size_t)(nl - s) + 1 : len;
	}
	return n;
}

size_t fz_count(const char *s, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (const char *p = s; (p = strstr(p, needle)); p += k)
		n++;
	return n;
}

/* ---- JSON ---- */

struct json {
	const char *what, *s, *key;
	size_t len, i, keys;
};

#define JSON_MAX_DEPTH 200

static _Noreturn void json_fail(const struct json *j, const char *why)
{
	fz_fail(j->what, j->s, j->len, j->i, why);
}

static void json_ws(struct json *j)
{
	while (j->i < j->len && strchr(" \t\n\r", j->s[j->i]) && j->s[j->i])
		j->i++;
}

static int json_peek(const struct json *j)
{
	return j->i < j->len ? (unsigned char)j->s[j->i] : -1;
}

static void json_expect(struct json *j, int c)
{
	if (json_peek(j) != c)
		json_fail(j, "malformed JSON");
	j->i++;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A string; returns 1 when it is exactly j->key. */
static int json_string(struct json *j)
{
	size_t start = j->i + 1, klen = j->key ? strlen(j->key) : 0;
	int plain = 1;
	json_expect(j, '"');
	for (;;) {
		int c = json_peek(j);
		if (c < 0)
			json_fail(j, "unterminated JSON string");
		if (c == '"')
			break;
		if (c < 0x20)
			json_fail(j, "raw control character in a JSON string");
		if (c == '\\') {
			plain = 0;
			j->i++;
			c = json_peek(j);
			if (c == 'u') {
				for (int k = 1; k <= 4; k++)
					if (j->i + k >= j->len || hexval((unsigned char)j->s[j->i + k]) < 0)
						json_fail(j, "bad \\u escape");
				j->i += 5;
			} else if (c >= 0 && strchr("\"\\/bfnrt", c) && c) {
				j->i++;
			} else {
				json_fail(j, "bad escape in a JSON string");
			}
			continue;
		}
		uint32_t cp;
		j->i += utf8_char(j->what, j->s, j->len, j->i, &cp);
	}
	int is_key = plain && j->key && j->i - start == klen && !memcmp(j->s + start, j->key, klen);
	j->i++;
	return is_key;
}

static void json_number(struct json *j)
{
	const char *s = j->s;
	size_t i = j->i;
	if (i < j->len && s[i] == '-')
		i++;
	if (i < j->len && s[i] == '0')
		i++;
	else if (i < j->len && s[i] >= '1' && s[i] <= '9')
		while (i < j->len && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		json_fail(j, "malformed JSON number");
	if (i < j->len && s[i] == '.') {
		if (++i >= j->len || s[i] < '0' || s[i] > '9')
			json_fail(j, "malformed JSON number");
		while (i < j->len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < j->len && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < j->len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= j->len || s[i] < '0' || s[i] > '9')
			json_fail(j, "malformed JSON number");
		while (i < j->len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	j->i = i;
}

static void json_value(struct json *j, int depth);

static void json_container(struct json *j, int depth, int close)
{
	j->i++;
	json_ws(j);
	if (json_peek(j) == close) {
		j->i++;
		return;
	}
	for (;;) {
		json_ws(j);
		if (close == '}') {
			if (json_string(j))
				j->keys++;
			json_ws(j);
			json_expect(j, ':');
		}
		json_value(j, depth + 1);
		json_ws(j);
		if (json_peek(j) == close) {
			j->i++;
			return;
		}
		json_expect(j, ',');
	}
}

static void json_value(struct json *j, int depth)
{
	static const char *const words[] = { "true", "false", "null" };
	if (depth > JSON_MAX_DEPTH)
		json_fail(j, "JSON nested too deep");
	json_ws(j);
	int c = json_peek(j);
	if (c == '{' || c == '[') {
		json_container(j, depth, c == '{' ? '}' : ']');
		return;
	}
	if (c == '"') {
		json_string(j);
		return;
	}
	if (c == '-' || (c >= '0' && c <= '9')) {
		json_number(j);
		return;
	}
	for (size_t k = 0; k < PV_ARRAY_SIZE(words); k++) {
		size_t n = strlen(words[k]);
		if (j->len - j->i >= n && !memcmp(j->s + j->i, words[k], n)) {
			j->i += n;
			return;
		}
	}
	json_fail(j, "malformed JSON value");
}

size_t fz_json_check(const char *what, const char *s, size_t len, const char *key)
{
	struct json j = { what, s, key, len, 0, 0 };
	json_value(&j, 0);
	json_ws(&j);
	if (j.i != len)
		json_fail(&j, "text after the JSON value");
	return j.keys;
}

/* ---- XML ---- */

static int xml_char_ok(uint32_t c)
{
	return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
	       (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/* Every character, raw or referenced (&#N; &#xH;), is an XML 1.0 Char. */
static void xml_chars(const char *what, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_char(what, s, len, i, &cp);
		if (!xml_char_ok(cp))
			fz_fail(what, s, len, i, "not an XML 1.0 character");
		if (cp == '&' && i + 2 < len && s[i + 1] == '#') {
			int hex = s[i + 2] == 'x';
			unsigned long v = 0;
			size_t k = i + 2 + (size_t)hex;
			for (; k < len && s[k] != ';' && v <= 0x110000; k++) {
				int d = hex ? hexval((unsigned char)s[k]) : s[k] >= '0' && s[k] <= '9' ? s[k] - '0' : -1;
				if (d < 0)
					fz_fail(what, s, len, i, "malformed character reference");
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			}
			if (!xml_char_ok((uint32_t)v) || v > 0x10ffff)
				fz_fail(what, s, len, i, "a character reference to no XML 1.0 character");
		}
		i += n;
	}
}

static size_t count_elements(const xmlNode *n, const char *name)
{
	size_t c = 0;
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			c += !strcmp((const char *)n->name, name);
			c += count_elements(n->children, name);
		}
	return c;
}

static void xml_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void xml_silent_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

void fz_xml_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, xml_silent);
	xmlSetStructuredErrorFunc(NULL, xml_silent_structured);
}

size_t fz_xml_check(const char *what, const char *s, size_t len, const char *element)
{
	xml_chars(what, s, len);
	if (len > INT32_MAX)
		fz_fail(what, s, len, 0, "too large for libxml2");
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		pv_die_oom();
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, s, (int)len, what, NULL,
					  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc || !ctxt->wellFormed || !ctxt->nsWellFormed) {
		xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
		char why[300];
		snprintf(why, sizeof(why), "not well-formed XML: line %d: %s", e ? e->line : 0,
			 e && e->message ? e->message : "?");
		fz_fail(what, s, len, 0, why);
	}
	size_t n = element ? count_elements(xmlDocGetRootElement(doc), element) : 0;
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return n;
}

void fz_fixed_clock(void)
{
	/* 2026-12-02: deviations expire, reports are dated, the same each run. */
	setenv("SOURCE_DATE_EPOCH", "1796169600", 1);
}

static char temp_folder[256];
static const char *const *temp_files;

static void remove_temp_folder(void)
{
	char path[512];
	for (size_t i = 0; temp_files && temp_files[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", temp_folder, temp_files[i]);
		unlink(path);
	}
	rmdir(temp_folder);
}

const char *fz_temp_folder(const char *const *files)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	snprintf(temp_folder, sizeof(temp_folder), "%s/pveplan-fuzz-XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(temp_folder)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	temp_files = files;
	atexit(remove_temp_folder);
	return temp_folder;
}

void fz_read_file(const char *path, struct pv_buf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	if (!f)
		fz_fail(path, NULL, 0, 0, "cannot be read back");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pv_buf_add(out, chunk, n);
	fclose(f);
}
