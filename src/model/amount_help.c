/* Help that fits an amount or a currency FMT004 refuses: what the drafter
 * most likely meant, and the value to write instead. */
#include "amount.h"

#include "iso_codes.h"
#include "pveplan/model.h"

#include <stdlib.h>
#include <string.h>

/* ---- folding: case and spacing do not tell currency names apart ---- */

/* Lower-cases ASCII, Latin-1 capitals and Cyrillic А-Я, turns runs of
 * ASCII or no-break spaces into one space and drops them at both ends.
 * Returns 0 when `out` is too small. */
static int fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (c == ' ' || (c == 0xc2 && d == 0xa0)) {
			i += c != ' ';
			space = o > 0;
			continue;
		}
		if (o + 4 >= cap)
			return 0;
		if (space)
			out[o++] = ' ';
		space = 0;
		if (c >= 'A' && c <= 'Z') {
			out[o++] = (char)(c + 32);
		} else if (c == 0xc3 && d >= 0x80 && d <= 0x9e && d != 0x97) {
			out[o++] = (char)c;
			out[o++] = (char)(d + 0x20);
			i++;
		} else if (c == 0xd0 && d >= 0x90 && d <= 0xaf) {
			out[o++] = (char)(d < 0xa0 ? 0xd0 : 0xd1);
			out[o++] = (char)(d < 0xa0 ? d + 0x20 : d - 0x20);
			i++;
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return 1;
}

/* ---- currency names and signs ---- */

/* Names and signs in the six UN languages (folded), for the currencies
 * plans are most often costed in; a sign shared by two currencies names
 * both. The English names of every code come from iso-codes beside. */
static const struct currency_name {
	const char *name, *code, *alt;
} currency_names[] = {
	{ "$", "USD", NULL }, { "us$", "USD", NULL }, { "dollar", "USD", NULL },
	{ "dollars", "USD", NULL }, { "us dollar", "USD", NULL }, { "us dollars", "USD", NULL },
	{ "dollar américain", "USD", NULL }, { "dollars américains", "USD", NULL },
	{ "dólar", "USD", NULL }, { "dólares", "USD", NULL }, { "dolar", "USD", NULL },
	{ "dolares", "USD", NULL }, { "доллар", "USD", NULL }, { "доллара", "USD", NULL },
	{ "долларов", "USD", NULL }, { "доллары", "USD", NULL }, { "美元", "USD", NULL },
	{ "دولار", "USD", NULL }, { "€", "EUR", NULL }, { "euro", "EUR", NULL },
	{ "euros", "EUR", NULL }, { "евро", "EUR", NULL }, { "欧元", "EUR", NULL },
	{ "يورو", "EUR", NULL }, { "£", "GBP", NULL }, { "pound sterling", "GBP", NULL },
	{ "livre sterling", "GBP", NULL }, { "livres sterling", "GBP", NULL },
	{ "¥", "CNY", "JPY" }, { "元", "CNY", NULL }, { "人民币", "CNY", NULL },
	{ "yuan", "CNY", NULL }, { "renminbi", "CNY", NULL }, { "yen", "JPY", NULL },
	{ "円", "JPY", NULL }, { "₽", "RUB", NULL }, { "руб", "RUB", NULL },
	{ "рубль", "RUB", NULL }, { "рубля", "RUB", NULL }, { "рублей", "RUB", NULL },
	{ "рубли", "RUB", NULL }, { "rouble", "RUB", NULL }, { "roubles", "RUB", NULL },
	{ "ruble", "RUB", NULL }, { "rubles", "RUB", NULL }, { "fcfa", "XOF", "XAF" },
	{ "f cfa", "XOF", "XAF" }, { "cfa", "XOF", "XAF" }, { "franc cfa", "XOF", "XAF" },
	{ "francs cfa", "XOF", "XAF" }, { "cfa franc", "XOF", "XAF" },
	{ "cfa francs", "XOF", "XAF" }, { "₦", "NGN", NULL }, { "₹", "INR", NULL },
	{ "৳", "BDT", NULL }, { "₵", "GHS", NULL }, { "؋", "AFN", NULL },
	{ "dirham", "MAD", "AED" }, { "dirhams", "MAD", "AED" }, { "درهم", "MAD", "AED" },
	{ "dh", "MAD", NULL }, { "dhs", "MAD", NULL },
};

static int lookup_name(const char *f, const char **code, const char **alt)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(currency_names); i++)
		if (!strcmp(f, currency_names[i].name)) {
			*code = currency_names[i].code;
			*alt = currency_names[i].alt;
			return *alt ? 2 : 1;
		}
	for (size_t i = 0; i < pv_iso_currencies_nr; i++) {
		char g[64];
		const char *name = pv_iso_currencies[i].name;
		if (fold(name, strlen(name), g, sizeof(g)) && !strcmp(f, g)) {
			*code = pv_iso_currencies[i].code;
			return 1;
		}
	}
	return 0;
}

static int currency_in(const char *s, size_t n, const char **code, const char **alt)
{
	char f[64], up[4];
	*code = *alt = NULL;
	if (!fold(s, n, f, sizeof(f)) || !*f)
		return 0;
	size_t len = strlen(f);
	if (len > 1 && f[len - 1] == '.')
		f[--len] = '\0';	/* `руб.`, `Dhs.` */
	if (len == 3) {
		for (int i = 0; i < 3; i++)
			up[i] = (char)(f[i] >= 'a' && f[i] <= 'z' ? f[i] - 32 : f[i]);
		up[3] = '\0';
		for (size_t i = 0; i < pv_iso_currencies_nr; i++)
			if (!strcmp(up, pv_iso_currencies[i].code)) {
				*code = pv_iso_currencies[i].code;
				return 1;
			}
	}
	return lookup_name(f, code, alt);
}

int pv_currency_from_name(const char *s, const char **code, const char **alt)
{
	return currency_in(s, strlen(s), code, alt);
}

static const char *currency_name(const char *code)
{
	for (size_t i = 0; i < pv_iso_currencies_nr; i++)
		if (!strcmp(code, pv_iso_currencies[i].code))
			return pv_iso_currencies[i].name;
	return "";
}

/* ---- multipliers ---- */

/* Folded, longest first where one begins another (`mil millones`, `mil`). */
static const struct multiplier {
	const char *word;
	int power;
} multipliers[] = {
	{ "mil millones", 9 }, { "thousands", 3 }, { "thousand", 3 }, { "millions", 6 },
	{ "million", 6 }, { "billions", 9 }, { "billion", 9 }, { "millones", 6 },
	{ "millón", 6 }, { "millon", 6 }, { "milliards", 9 }, { "milliard", 9 },
	{ "millardos", 9 }, { "millardo", 9 }, { "mille", 3 }, { "mil", 3 }, { "mln", 6 },
	{ "mio", 6 }, { "mrd", 9 }, { "mds", 9 }, { "md", 9 }, { "mn", 6 }, { "mm", 6 },
	{ "bn", 9 }, { "k", 3 }, { "m", 6 }, { "тысяч", 3 }, { "тысячи", 3 }, { "тысяча", 3 },
	{ "тыс", 3 }, { "миллионов", 6 }, { "миллиона", 6 }, { "миллион", 6 }, { "млн", 6 },
	{ "миллиардов", 9 }, { "миллиарда", 9 }, { "миллиард", 9 }, { "млрд", 9 },
	{ "百万", 6 }, { "千", 3 }, { "万", 4 }, { "萬", 4 }, { "亿", 8 }, { "億", 8 },
	{ "آلاف", 3 }, { "ألف", 3 }, { "ملايين", 6 }, { "مليون", 6 }, { "مليارات", 9 },
	{ "مليار", 9 },
};

static int is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The multiplier `f` (folded) starts with, and its length in *len. */
static int multiplier_at(const char *f, size_t *len)
{
	int best = 0;
	*len = 0;
	for (size_t i = 0; i < PV_ARRAY_SIZE(multipliers); i++) {
		size_t n = strlen(multipliers[i].word);
		if (n <= *len || strncmp(f, multipliers[i].word, n))
			continue;
		/* `k` of `kg` or `mil` of `miles` is no multiplier: a word ends
		 * where a letter of its own script does not follow. */
		unsigned char w = (unsigned char)multipliers[i].word[0], next = (unsigned char)f[n];
		if ((w < 0x80 && is_ascii_letter(f[n])) ||
		    ((w == 0xd0 || w == 0xd1) && (next == 0xd0 || next == 0xd1)) ||
		    (w >= 0xd8 && w <= 0xdb && next >= 0xd8 && next <= 0xdb))
			continue;
		best = multipliers[i].power;
		*len = n + (f[n] == '.');
	}
	return best;
}

/* A single word, most likely a currency pveplan does not know by name
 * (`pesos`, `Ksh`): letters only, no sign such as `%`. */
static int word_like(const char *f)
{
	size_t n = 0;
	for (; f[n]; n++)
		if (!(is_ascii_letter(f[n]) || (unsigned char)f[n] >= 0x80 || f[n] == '.'))
			return 0;
	return n && n <= 16;
}

/* What follows the last digit: a multiplier, a currency, both, or nothing. */
static int read_tail(const char *s, struct pv_amount_reading *r)
{
	char f[64];
	size_t n;
	if (!fold(s, strlen(s), f, sizeof(f)))
		return -1;
	if (!*f)
		return 0;
	const char *rest = f;
	r->power = multiplier_at(f, &n);
	if (r->power) {
		rest = f + n;
		while (*rest == ' ')
			rest++;
		if (!strncmp(rest, "de ", 3) || !strncmp(rest, "of ", 3))
			rest += 3;
		else if (!strncmp(rest, "d'", 2))
			rest += 2;
		if (!*rest)
			return 0;
	}
	r->has_currency = 1;
	currency_in(rest, strlen(rest), &r->currency, &r->currency_alt);
	return r->currency || r->power || word_like(rest) ? 0 : -1;
}

/* ---- the number ---- */

static int separator_at(const char *p, enum pv_amount_group *g)
{
	static const struct {
		const char *s;
		enum pv_amount_group g;
	} seps[] = {
		{ ".", PV_GROUP_DOT }, { ",", PV_GROUP_COMMA }, { " ", PV_GROUP_SPACE },
		{ "\xc2\xa0", PV_GROUP_NBSP }, { "\xe2\x80\xaf", PV_GROUP_NNBSP },
		{ "\xe2\x80\x89", PV_GROUP_THIN }, { "'", PV_GROUP_APOSTROPHE },
		{ "\xe2\x80\x99", PV_GROUP_APOSTROPHE }, { "_", PV_GROUP_UNDERSCORE },
	};
	for (size_t i = 0; i < PV_ARRAY_SIZE(seps); i++) {
		size_t n = strlen(seps[i].s);
		if (!strncmp(p, seps[i].s, n)) {
			*g = seps[i].g;
			return (int)n;
		}
	}
	return 0;
}

#define RUNS_MAX 12

struct runs {
	const char *at[RUNS_MAX];
	size_t len[RUNS_MAX];
	enum pv_amount_group sep[RUNS_MAX];	/* sep[i] comes before run i + 1 */
	size_t n;
};

/* Splits `s` up to `end` into runs of digits and single separators. */
static int split_runs(const char *s, const char *end, struct runs *rs)
{
	rs->n = 0;
	for (const char *p = s; p < end;) {
		if (rs->n == RUNS_MAX || *p < '0' || *p > '9')
			return -1;
		rs->at[rs->n] = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		rs->len[rs->n] = (size_t)(p - rs->at[rs->n]);
		if (p < end) {
			int k = separator_at(p, &rs->sep[rs->n]);
			if (!k)
				return -1;
			p += k;
		}
		rs->n++;
	}
	return rs->n ? 0 : -1;
}

/* Runs `from` to `to` (inclusive) are groups of thousands: 1 to 3 digits,
 * then 3 each (or 2 each then 3, as lakhs and crores are grouped). */
static int are_groups(const struct runs *rs, size_t to)
{
	int three = 1, two = 1;
	if (rs->len[0] < 1 || rs->len[0] > 3)
		return 0;
	for (size_t i = 1; i <= to; i++) {
		three &= rs->len[i] == 3;
		two &= rs->len[i] == (i == to ? 3u : 2u);
	}
	return three || two;
}

/* The digits of runs `from` to `to` joined, after `out`; -1 when they do
 * not fit (no number is shown cut short). */
static int join(char *out, size_t cap, const struct runs *rs, size_t from, size_t to)
{
	size_t o = strlen(out);
	for (size_t i = from; i <= to; i++)
		for (size_t j = 0; j < rs->len[i]; j++) {
			if (o + 1 >= cap)
				return -1;
			out[o++] = rs->at[i][j];
		}
	out[o] = '\0';
	return 0;
}

/* `ip`.`fp` times 10^power, written without leading zeros. */
static int shift(const char *ip, const char *fp, int power, char *out, size_t cap)
{
	char d[96];
	size_t ni = strlen(ip), nf = strlen(fp);
	if (ni + nf + (size_t)power + 2 >= sizeof(d) || ni + (size_t)power + 2 >= cap)
		return -1;
	memcpy(d, ip, ni);
	memcpy(d + ni, fp, nf);
	size_t nd = ni + nf, point = ni + (size_t)power;
	while (nd < point)
		d[nd++] = '0';
	size_t start = 0;
	while (start + 1 < point && d[start] == '0')
		start++;
	size_t o = 0;
	for (size_t i = start; i < nd && o + 2 < cap; i++) {
		if (i == point)
			out[o++] = '.';
		out[o++] = d[i];
	}
	out[o] = '\0';
	return o + 1 < cap ? 0 : -1;
}

/* `1.200` read as decimals is written 1.2. */
static void trim_zeros(char *s)
{
	char *dot = strchr(s, '.');
	if (!dot)
		return;
	size_t n = strlen(s);
	while (n > (size_t)(dot - s) && (s[n - 1] == '0' || s[n - 1] == '.'))
		s[--n] = '\0';
	if (!n)
		strcpy(s, "0");
}

/* `english`: the number follows `$` or `£`, so a comma groups thousands and
 * a dot marks decimals, as where those signs are written first. */
static int read_number(const char *s, const char *end, struct pv_amount_reading *r,
		       int english)
{
	struct runs rs;
	char ip[48] = "", fp[48] = "";
	if (split_runs(s, end, &rs) < 0)
		return -1;
	size_t last = rs.n - 1;	/* runs 0..last, separators 0..last-1 */
	enum pv_amount_group ls = last ? rs.sep[last - 1] : PV_GROUP_NONE;
	size_t same = 0;
	for (size_t i = 0; i < last; i++)
		same += rs.sep[i] == ls;
	if (last && (ls == PV_GROUP_DOT || (ls == PV_GROUP_COMMA && !english)) && same == 1) {
		for (size_t i = 0; i + 1 < last; i++)
			if (rs.sep[i] != rs.sep[0])
				return -1;
		if (last == 1 && rs.len[1] == 3 && rs.len[0] <= 3 && *rs.at[0] != '0' && !english) {
			/* `1.200`: 1200 with the dot grouping, or 1.2 */
			r->ambiguous = 1;
			r->group = ls;
			size_t w = (size_t)(end - s);
			memcpy(r->written, s, w < sizeof(r->written) ? w : sizeof(r->written) - 1);
			if (join(ip, sizeof(ip), &rs, 0, 0) < 0 || join(fp, sizeof(fp), &rs, 1, 1) < 0 ||
			    shift(ip, fp, r->power, r->other, sizeof(r->other)) < 0)
				return -1;
			trim_zeros(r->other);
			if (join(ip, sizeof(ip), &rs, 1, 1) < 0)
				return -1;
			return shift(ip, "", r->power, r->number, sizeof(r->number));
		}
		if (last > 1 && !are_groups(&rs, last - 1))
			return -1;
		r->group = last > 1 ? rs.sep[0] : PV_GROUP_NONE;
		r->decimal_comma = ls == PV_GROUP_COMMA;
		if (join(ip, sizeof(ip), &rs, 0, last - 1) < 0 ||
		    join(fp, sizeof(fp), &rs, last, last) < 0)
			return -1;
	} else {
		if (last && (same != last || !are_groups(&rs, last)))
			return -1;
		r->group = ls;
		if (join(ip, sizeof(ip), &rs, 0, last) < 0)
			return -1;
	}
	return shift(ip, fp, r->power, r->number, sizeof(r->number));
}

static int is_digit_or_sign(const char *p)
{
	return (*p >= '0' && *p <= '9') || *p == '-' || *p == '+' ||
	       !strncmp(p, "\xe2\x88\x92", 3);
}

int pv_amount_read(const char *s, struct pv_amount_reading *r)
{
	memset(r, 0, sizeof(*r));
	const char *p = s, *first, *end = NULL;
	while (*p && !is_digit_or_sign(p))
		p++;
	first = p;
	for (const char *q = p; *q; q++)
		if (*q >= '0' && *q <= '9')
			end = q + 1;
	if (!end)
		return 0;
	int english = 0;
	if (first > s) {
		char f[64];
		r->has_currency = 1;
		if (!fold(s, (size_t)(first - s), f, sizeof(f)))
			return 0;
		english = !strcmp(f, "$") || !strcmp(f, "us$") || !strcmp(f, "£");
		/* An unknown word before the number is taken for a currency
		 * only when short (`Rs`, `Ksh`), not `about` or `approx.`. */
		if (!currency_in(s, (size_t)(first - s), &r->currency, &r->currency_alt) &&
		    !(word_like(f) && strlen(f) <= 4))
			return 0;
	}
	const char *cur = r->currency, *alt = r->currency_alt;
	int before = r->has_currency;
	if (read_tail(end, r) < 0 || (before && r->has_currency && r->currency != cur))
		return 0;	/* a word that is not a multiplier or a currency */
	if (before && !r->currency) {
		r->currency = cur;
		r->currency_alt = alt;
	}
	if (*p == '-' || *p == '+' || *p == '\xe2') {
		r->negative = *p != '+';
		p += *p == '\xe2' ? 3 : 1;
		while (*p == ' ')
			p++;
	}
	if (read_number(p, end, r, english) < 0)
		return 0;
	return r->group || r->decimal_comma || r->ambiguous || r->negative || r->power ||
	       r->has_currency;
}

/* ---- hints ---- */

static struct pv_arg group_word(enum pv_amount_group g)
{
	switch (g) {
	case PV_GROUP_DOT:
		return PV_W("dots group the thousands");
	case PV_GROUP_COMMA:
		return PV_W("commas group the thousands");
	case PV_GROUP_SPACE:
		return PV_W("spaces group the thousands");
	case PV_GROUP_NBSP:
		return PV_W("no-break spaces group the thousands (they are invisible: they look like ordinary spaces, and are often pasted from Word)");
	case PV_GROUP_NNBSP:
		return PV_W("narrow no-break spaces group the thousands (they are invisible: they look like thin spaces)");
	case PV_GROUP_THIN:
		return PV_W("thin spaces group the thousands");
	case PV_GROUP_APOSTROPHE:
		return PV_W("apostrophes group the thousands");
	default:
		return PV_W("underscores group the thousands");
	}
}

static struct pv_arg power_word(int power)
{
	switch (power) {
	case 3:
		return PV_W("the word or letter after the number stands for thousands");
	case 4:
		return PV_W("the sign after the number stands for tens of thousands");
	case 6:
		return PV_W("the word or letter after the number stands for millions");
	case 8:
		return PV_W("the sign after the number stands for hundreds of millions");
	default:
		return PV_W("the word or letters after the number stand for billions (thousands of millions)");
	}
}

static void ambiguous_hint(struct pv_diag *g, const char *key, const struct pv_amount_reading *r)
{
	struct pv_arg mark = r->group == PV_GROUP_DOT ? PV_W("the dot") : PV_W("the comma");
	if (r->currency)
		pv_diag_hint(g, "'%s' can be read two ways: write `%s: %s` if %s groups the thousands, or `%s: %s` if it marks the decimals; the currency goes in `currency: %s`",
			     r->written, key, r->number, mark, key, r->other, r->currency);
	else
		pv_diag_hint(g, "'%s' can be read two ways: write `%s: %s` if %s groups the thousands, or `%s: %s` if it marks the decimals",
			     r->written, key, r->number, mark, key, r->other);
}

int pv_amount_hint(struct pv_diag *g, const char *key, const char *s, int money)
{
	struct pv_amount_reading r;
	if (!pv_amount_read(s, &r) || (!money && (r.has_currency || r.negative)))
		return 0;
	if (r.negative) {
		pv_diag_hint(g, "an amount cannot be negative: a cost or an amount of funding is 0 or more; if the minus sign is a slip, write `%s: %s`",
			     key, r.number);
		return 1;
	}
	if (r.ambiguous) {
		ambiguous_hint(g, key, &r);
		return 1;
	}
	struct pv_arg why[4];
	size_t n = 0;
	if (r.group)
		why[n++] = group_word(r.group);
	if (r.decimal_comma)
		why[n++] = PV_W("a comma marks the decimals (YAML numbers take a dot)");
	if (r.power)
		why[n++] = power_word(r.power);
	if (r.has_currency)
		why[n++] = PV_W("the currency is written with the number");
	struct pv_arg list = pv_msg_list(why, n);
	if (r.currency_alt)
		pv_diag_hint(g, "%s: write `%s: %s`; the currency goes in `currency: %s` or `currency: %s`",
			     list, key, r.number, r.currency, r.currency_alt);
	else if (r.currency)
		pv_diag_hint(g, "%s: write `%s: %s`; the currency goes in `currency: %s`", list, key,
			     r.number, r.currency);
	else if (r.has_currency)
		pv_diag_hint(g, "%s: write `%s: %s`; the currency goes in `currency:`, as its three-letter ISO 4217 code",
			     list, key, r.number);
	else
		pv_diag_hint(g, "%s: write `%s: %s`", list, key, r.number);
	return 1;
}

void pv_currency_hint(struct pv_diag *g, const char *key, const char *s)
{
	const char *code, *alt;
	switch (pv_currency_from_name(s, &code, &alt)) {
	case 1:
		pv_diag_hint(g, "a currency is written as its three-letter ISO 4217 code, not its name or sign: write `%s: %s` (%s)",
			     key, code, currency_name(code));
		break;
	case 2:
		pv_diag_hint(g, "a currency is written as its three-letter ISO 4217 code, and this name or sign stands for two: write `%s: %s` (%s) or `%s: %s` (%s)",
			     key, code, currency_name(code), key, alt, currency_name(alt));
		break;
	default:
		pv_diag_hint(g, "a currency is written as its three-letter ISO 4217 code, such as USD (US dollar), EUR (euro) or XOF (West African CFA franc)");
	}
}
