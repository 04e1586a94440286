#include "pveplan/model.h"

#include "iso_codes.h"
#include "pveplan/base.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pv_is_identifier(const char *s)
{
	size_t n = 0;
	if (!isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80)
		return 0;
	for (const char *p = s; *p; p++, n++) {
		unsigned char c = (unsigned char)*p;
		if (n >= 64)
			return 0;
		if (!(c < 0x80 && (isalnum(c) || c == '.' || c == '_' || c == '-')))
			return 0;
	}
	return 1;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int pv_days_in_month(int year, int month)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && is_leap(year))
		return 29;
	return dim[month - 1];
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int pv_date_parse(const char *s, struct pv_date *out, struct pv_arg *why)
{
	size_t n = strlen(s);
	int y, m = 0, d = 0;
	memset(out, 0, sizeof(*out));
	*why = PV_W("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
	if (n != 4 && n != 7 && n != 10)
		return -1;
	if ((y = digits(s, 4)) < 0)
		return -1;
	if (n >= 7 && (s[4] != '-' || (m = digits(s + 5, 2)) < 0))
		return -1;
	if (n == 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 0))
		return -1;
	if (y < 1000) {
		*why = PV_W("year out of range");
		return -1;
	}
	if (n >= 7 && (m < 1 || m > 12)) {
		*why = PV_W("month must be 01 to 12");
		return -1;
	}
	if (n == 10 && (d < 1 || d > pv_days_in_month(y, m))) {
		*why = PV_W("no such day in that month");
		return -1;
	}
	out->year = (int16_t)y;
	out->month = (int8_t)m;
	out->day = (int8_t)d;
	out->prec = n == 4 ? PV_DATE_YEAR : n == 7 ? PV_DATE_MONTH : PV_DATE_DAY;
	return 0;
}

/* Days from civil date (Howard Hinnant's algorithm). */
static int32_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int32_t pv_date_first_day(const struct pv_date *d)
{
	return days_from_civil(d->year, d->month ? d->month : 1, d->day ? d->day : 1);
}

int32_t pv_date_last_day(const struct pv_date *d)
{
	int m = d->month ? d->month : 12;
	int day = d->day ? d->day : pv_days_in_month(d->year, m);
	return days_from_civil(d->year, m, day);
}

struct pv_arg pv_date_arg(const struct pv_date *d)
{
	return pv_msg_date(d->year, d->prec >= PV_DATE_MONTH ? d->month : 0,
			   d->prec == PV_DATE_DAY ? d->day : 0);
}

void pv_date_format(const struct pv_date *d, char out[16])
{
	switch (d->prec) {
	case PV_DATE_YEAR:
		snprintf(out, 16, "%04u", (unsigned)d->year % 10000u);
		break;
	case PV_DATE_MONTH:
		snprintf(out, 16, "%04u-%02u", (unsigned)d->year % 10000u, (unsigned)d->month % 100u);
		break;
	case PV_DATE_DAY:
		snprintf(out, 16, "%04u-%02u-%02u", (unsigned)d->year % 10000u,
			 (unsigned)d->month % 100u, (unsigned)d->day % 100u);
		break;
	default:
		out[0] = '\0';
	}
}

int pv_number_parse(const char *s, double *out)
{
	const char *p = s;
	int nd = 0;
	if (*p == '-' || *p == '+')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, nd++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, nd++;
	}
	if (!nd)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return -1;
	*out = strtod(s, NULL);
	return 0;
}

int pv_bool_parse(const char *s, int *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(yes); i++) {
		if (!strcmp(s, yes[i])) {
			*out = 1;
			return 0;
		}
		if (!strcmp(s, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

static int cmp_entry(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pv_iso_entry *)elem)->code);
}

static int cmp_str(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

const char *pv_country_name(const char *code)
{
	const struct pv_iso_entry *e = bsearch(code, pv_iso_countries, pv_iso_countries_nr,
					       sizeof(*pv_iso_countries), cmp_entry);
	return e ? e->name : NULL;
}

int pv_is_country(const char *code)
{
	if (strlen(code) != 2 || !isupper((unsigned char)code[0]) ||
	    !isupper((unsigned char)code[1]))
		return 0;
	if (!strcmp(code, "AA") || !strcmp(code, "ZZ") || code[0] == 'X' ||
	    (code[0] == 'Q' && code[1] >= 'M'))
		return 1;
	return pv_country_name(code) != NULL;
}

int pv_is_currency(const char *code)
{
	return bsearch(code, pv_iso_currencies, pv_iso_currencies_nr,
		       sizeof(*pv_iso_currencies), cmp_entry) != NULL;
}

int pv_is_language(const char *tag)
{
	size_t n = strlen(tag);
	if (n < 2 || n > 3)
		return 0;
	return bsearch(tag, pv_iso_languages, pv_iso_languages_nr,
		       sizeof(*pv_iso_languages), cmp_str) != NULL;
}

void pv_codes_each(enum pv_code_kind kind, void (*fn)(const char *code, void *ctx), void *ctx)
{
	if (kind == PV_CODE_COUNTRY) {
		/* Every pair of letters, so the user-assigned codes come in their
		 * place and the list is exactly what pv_is_country accepts. */
		char code[3] = "AA";
		for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
			for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
				if (pv_is_country(code))
					fn(code, ctx);
	} else if (kind == PV_CODE_CURRENCY) {
		for (size_t i = 0; i < pv_iso_currencies_nr; i++)
			fn(pv_iso_currencies[i].code, ctx);
	} else {
		for (size_t i = 0; i < pv_iso_languages_nr; i++)
			if (pv_is_language(pv_iso_languages[i]))
				fn(pv_iso_languages[i], ctx);
	}
}

/* Suggestions look a few edits away; the band of the table that can hold
 * such a distance is all that is computed, so a comparison costs the
 * length of the word times (2 max + 1), without allocating. */
#define EDIT_MAX 8

/* A word that differs from a candidate only in ASCII case (`MINT` for
 * `mint`) is what a writer most likely meant, so case costs nothing. */
static int same_letter(char x, char y)
{
	if (x >= 'A' && x <= 'Z')
		x = (char)(x - 'A' + 'a');
	if (y >= 'A' && y <= 'Z')
		y = (char)(y - 'A' + 'a');
	return x == y;
}

size_t pv_edit_distance(const char *a, const char *b, size_t max)
{
	size_t n = strlen(a), m = strlen(b);
	if (max > EDIT_MAX)
		max = EDIT_MAX;
	size_t inf = max + 1, w = 2 * max + 1;
	if ((n > m ? n - m : m - n) > max)
		return inf;
	size_t rows[3][2 * EDIT_MAX + 1], *pp = rows[0], *p = rows[1], *c = rows[2];
	/* Cell (i, j) is at d = j - i + max of row i. */
	for (size_t d = 0; d < w; d++) {
		pp[d] = inf;
		p[d] = d >= max && d - max <= m ? d - max : inf;
	}
	for (size_t i = 1; i <= n; i++) {
		size_t best = inf;
		for (size_t d = 0; d < w; d++) {
			if (i + d < max || i + d - max > m) {
				c[d] = inf;
				continue;
			}
			size_t j = i + d - max, v;
			if (j == 0) {
				v = i < inf ? i : inf;
			} else {
				v = p[d] + !same_letter(a[i - 1], b[j - 1]);
				if (d + 1 < w && p[d + 1] + 1 < v)
					v = p[d + 1] + 1;
				if (d > 0 && c[d - 1] + 1 < v)
					v = c[d - 1] + 1;
				if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
				    same_letter(a[i - 2], b[j - 1]) &&
				    pp[d] + 1 < v)
					v = pp[d] + 1;
			}
			c[d] = v < inf ? v : inf;
			if (c[d] < best)
				best = c[d];
		}
		if (best > max)
			return inf;
		size_t *t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[m + max - n];
}

const char *pv_suggest(const char *word, const char *const *cands, size_t n,
		       size_t max)
{
	const char *best = NULL;
	size_t bestd = max + 1;
	for (size_t i = 0; i < n && bestd; i++) {
		size_t d = pv_edit_distance(word, cands[i], max);
		if (d < bestd) {
			best = cands[i];
			bestd = d;
		}
	}
	return best;
}
