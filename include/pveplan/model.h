#ifndef PVEPLAN_MODEL_H
#define PVEPLAN_MODEL_H

/*
 * The plan model and its loader: the schema, the typed plan, identifiers
 * (FMT002-FMT005, REF001-REF003), values.
 */

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"
#include "pveplan/enums.def"
#include "pveplan/yaml.h"

/* ---- values ---- */

/* Value syntax of plan format 1: identifiers, dates, numbers, codes. */

/* ^[A-Za-z][A-Za-z0-9._-]{0,63}$ */
int pv_is_identifier(const char *s);

enum pv_date_prec { PV_DATE_NONE = 0, PV_DATE_YEAR, PV_DATE_MONTH, PV_DATE_DAY };

struct pv_date {
	int16_t year;
	int8_t month, day;	/* 0 when not given */
	uint8_t prec;		/* enum pv_date_prec; PV_DATE_NONE = absent */
};

/*
 * Parses YYYY, YYYY-MM or YYYY-MM-DD (years 1000-9999). Returns 0, or -1 and
 * sets *why to a static reason (a translatable PV_W() word).
 */
int pv_date_parse(const char *s, struct pv_date *out, struct pv_arg *why);
/* Days since 1970-01-01 of the first / last day the date covers. */
int32_t pv_date_first_day(const struct pv_date *d);
int32_t pv_date_last_day(const struct pv_date *d);
/* Writes the date as it was given ("2025", "2025-03", "2025-03-14"). */
void pv_date_format(const struct pv_date *d, char out[16]);
/* The date as a message argument, written in the language of the message
 * ("14 March 2025", "14 mars 2025", "2025年3月14日"). */
struct pv_arg pv_date_arg(const struct pv_date *d);
int pv_days_in_month(int year, int month);

/*
 * Parses a YAML 1.1 decimal number: [-+]digits[.digits][e[-+]digits].
 * No thousands separators, no underscores, no hex/octal, no .inf/.nan.
 * Returns 0 or -1.
 */
int pv_number_parse(const char *s, double *out);
/* YAML 1.1 booleans (true/false/yes/no/on/off and their capitalised forms). */
int pv_bool_parse(const char *s, int *out);

/* ISO 3166-1 alpha-2, including the user-assigned AA, QM-QZ, XA-XZ, ZZ
 * (used for fictional and test plans). */
int pv_is_country(const char *code);
/* English short name of an ISO 3166-1 country, or NULL. */
const char *pv_country_name(const char *code);
/* Its short name in language `lang` ("ar" ... "zh"), from iso-codes'
 * translations; English when iso-codes has none; NULL for no country. */
const char *pv_country_name_in(const char *code, const char *lang);
/* ISO 4217 alphabetic code. */
int pv_is_currency(const char *code);
/* BCP 47 primary language subtag: ISO 639-1, or ISO 639-2/3 where no
 * two-letter code exists. Case-sensitive: lower case. */
int pv_is_language(const char *tag);
/* Calls `fn` on every code that pv_is_country, pv_is_currency or
 * pv_is_language accepts, in strcmp order (for `pveplan schema`). */
enum pv_code_kind { PV_CODE_COUNTRY, PV_CODE_CURRENCY, PV_CODE_LANGUAGE };
void pv_codes_each(enum pv_code_kind kind, void (*fn)(const char *code, void *ctx), void *ctx);
/* The code that `text` names, for a value written as a name where a code is
 * wanted ("Mali" or "MLI": ML; "español": es), in any of the six languages
 * (case and accents ignored); NULL when it names none. `kind` is
 * PV_CODE_COUNTRY or PV_CODE_LANGUAGE (NULL for any other). */
const char *pv_model_code_for_name(enum pv_code_kind kind, const char *text);

/* Optimal-string-alignment edit distance, or max + 1 once it exceeds max. */
size_t pv_edit_distance(const char *a, const char *b, size_t max);
/* The candidate closest to `word` within `max` edits, or NULL. Ties go to the
 * earlier candidate. */
const char *pv_suggest(const char *word, const char *const *cands, size_t n,
		       size_t max);

/* ---- plan ---- */

/*
 * The typed model of a plan file, format 1 (see docs/plan-format.md).
 * Every value keeps its position; a `pos.line` of 0 means "not given".
 * Every object struct starts with its position (the loader relies on it).
 * Strings point into the document's arena and live as long as the plan.
 */

#define PV_LIST(T)                                                             \
	struct {                                                               \
		T *v;                                                          \
		uint32_t n;                                                    \
		struct pv_pos pos;                                             \
	}

/*
 * `invalid`: a value was written for the key but refused (its FMT finding
 * is made), or the key was misspelt into one that FMT003 suggests. The
 * value is absent all the same, but the rules that report a missing value
 * leave it alone: the drafter has been told what to fix. A refused mapping
 * (`baseline: 0`) marks each of its fields so.
 */
struct pv_str {
	struct pv_pos pos;
	const char *s;		/* NULL when absent */
	int invalid;
};

struct pv_text_item {
	const char *lang;	/* NULL for a plain string */
	const char *s;
};

/* Text: a string, or a map of language -> string. */
struct pv_text {
	struct pv_pos pos;
	uint32_t n;		/* 0 when absent */
	struct pv_text_item *items;
};

struct pv_dateval {
	struct pv_pos pos;
	struct pv_date d;	/* d.prec == PV_DATE_NONE when absent */
};

struct pv_num {
	struct pv_pos pos;
	double v;
	int set;
	int invalid;		/* as pv_str's */
};

/* An enumerated value: 0 when absent, else the 1-based index in its table. */
struct pv_enum {
	struct pv_pos pos;
	int v;
	int invalid;		/* as pv_str's */
};

struct pv_bool {
	struct pv_pos pos;
	int v;			/* -1 absent, 0, 1 */
};

/* A baseline or target: a number (or a short text) and a year. */
struct pv_measure {
	struct pv_pos pos;
	struct pv_str value;	/* as written */
	struct pv_num number;	/* set when the value is a number */
	struct pv_num year;
};

typedef PV_LIST(struct pv_str) pv_str_list;
typedef PV_LIST(struct pv_text) pv_text_list;
typedef PV_LIST(struct pv_enum) pv_enum_list;

/* Enumerations: include/pveplan/enums.def declares each once. */

/* Kinds of identified things: one namespace, but references check the kind. */
enum pv_kind {
	PV_KIND_STAKEHOLDER = 1 << 0,
	PV_KIND_PRIORITY = 1 << 1,
	PV_KIND_OBJECTIVE = 1 << 2,
	PV_KIND_ACTION = 1 << 3,
	PV_KIND_INDICATOR = 1 << 4,
	PV_KIND_NEED = 1 << 5,
	PV_KIND_RISK = 1 << 6,
	PV_KIND_DRIVER = 1 << 7,
	PV_KIND_ANY = 0xff,
};

struct pv_focal_point {
	struct pv_pos pos;
	struct pv_str name, role, email;
};

struct pv_period {
	struct pv_pos pos;
	struct pv_dateval start, end;
};

struct pv_plan_info {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text title;
	struct pv_enum scope;
	struct pv_str country;
	struct pv_str organization;
	pv_str_list member_states;
	struct pv_str language;
	struct pv_period period;
	struct pv_enum status;
	struct pv_str version;
	struct pv_dateval adopted_on;
	struct pv_text adopted_by;
	struct pv_str currency;
	struct pv_text summary;
	pv_str_list references;
};

struct pv_coordination {
	struct pv_pos pos;
	struct pv_str body;
	struct pv_text mandate;
	struct pv_enum meets;
	struct pv_focal_point focal_point;
};

struct pv_driver {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_enum kind;
	struct pv_text description;
	struct pv_bool confidential;
};

/* A strategy the plan relates to; context.related_strategies given as []
 * (pos set, n 0) says that there is none. */
struct pv_strategy {
	struct pv_pos pos;
	struct pv_text title;
	struct pv_enum kind;		/* enum pv_strategy_kind */
	struct pv_text relation;
};

struct pv_context {
	struct pv_pos pos;
	struct pv_text assessment;
	pv_text_list sources;
	struct pv_bool conflict_affected;
	PV_LIST(struct pv_driver) drivers;
	pv_enum_list levels;
	PV_LIST(struct pv_strategy) related_strategies;
};

struct pv_stakeholder {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text name;
	struct pv_enum sector;
	struct pv_text role;
	struct pv_enum level;
	struct pv_str country;		/* the member state it belongs to (regional plans) */
	struct pv_bool confidential;
};

struct pv_consultation {
	struct pv_pos pos;
	struct pv_dateval date;
	struct pv_enum kind;
	struct pv_text title;
	pv_str_list participants;
	struct pv_num women_share, youth_share;
	struct pv_str location;
	struct pv_bool confidential;
};

struct pv_funding {
	struct pv_pos pos;
	struct pv_str source;
	struct pv_num amount;
	struct pv_enum status;
};

struct pv_need {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text need;
	struct pv_enum kind;
	struct pv_str beneficiary;
	pv_str_list support_from;
	struct pv_enum priority;
	struct pv_num cost;
	struct pv_enum status;
	pv_str_list actions;	/* top-level needs only */
	struct pv_bool confidential;
};
typedef PV_LIST(struct pv_need) pv_need_list;

struct pv_action {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text title;
	struct pv_text description;
	struct pv_str lead;
	pv_str_list partners;
	struct pv_dateval start, end;
	struct pv_num cost;
	struct pv_str currency;
	PV_LIST(struct pv_funding) funding;
	pv_enum_list target_groups;
	struct pv_enum level;
	struct pv_enum kind;		/* enum pv_action_kind */
	struct pv_bool gender_responsive;
	struct pv_text human_rights;
	pv_str_list indicators;
	struct pv_enum status;
	pv_need_list capacity_needs;
	struct pv_bool confidential;
};

struct pv_objective {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text title;
	struct pv_text outcome;
	pv_str_list indicators;
	pv_str_list addresses;		/* drivers */
	PV_LIST(struct pv_action) actions;
	struct pv_bool confidential;
};

struct pv_priority {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text title;
	pv_enum_list areas;
	pv_enum_list gcts_pillars;	/* v is the pillar number, 1 to 4 */
	pv_str_list addresses;		/* drivers */
	PV_LIST(struct pv_objective) objectives;
	struct pv_bool confidential;
};

struct pv_indicator {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text name;
	struct pv_str unit;
	struct pv_measure baseline, target;
	struct pv_text source;
	struct pv_enum frequency;
	pv_enum_list disaggregation;
	struct pv_bool counts_people;	/* it counts persons */
	struct pv_str responsible;
	struct pv_bool confidential;
};

struct pv_review {
	struct pv_pos pos;
	struct pv_enum kind;
	struct pv_dateval date;
};

struct pv_monitoring {
	struct pv_pos pos;
	struct pv_str responsible;
	struct pv_enum reporting;
	PV_LIST(struct pv_review) reviews;
	struct pv_enum evaluation;
	struct pv_text learning;
};

struct pv_risk {
	struct pv_pos pos;
	struct pv_str id;
	struct pv_text description;
	struct pv_enum likelihood, impact;
	struct pv_text mitigation;
	struct pv_str owner;
	struct pv_bool confidential;
};

struct pv_deviation {
	struct pv_pos pos;
	struct pv_str rule;
	struct pv_text reason;
	struct pv_str approved_by;
	struct pv_dateval expires;
	pv_str_list scope;
};

/* A defined identifier. */
struct pv_iddef {
	const char *id;
	unsigned kind;		/* one enum pv_kind bit */
	struct pv_pos pos;
	void *obj;		/* the struct pv_<kind> that defines it */
};

struct pv_plan {
	struct pv_pos pos;
	struct pv_doc doc;	/* owns every string of the model */
	struct pv_num format;	/* the `pveplan:` version */
	struct pv_plan_info plan;
	struct pv_coordination coordination;
	struct pv_context context;
	PV_LIST(struct pv_stakeholder) stakeholders;
	PV_LIST(struct pv_consultation) consultations;
	PV_LIST(struct pv_priority) priorities;
	PV_LIST(struct pv_indicator) indicators;
	pv_need_list capacity_needs;
	struct pv_monitoring monitoring;
	PV_LIST(struct pv_risk) risks;
	struct pv_pos communication;	/* free-form in format 1 */
	PV_LIST(struct pv_deviation) accepted_deviations;

	struct pv_strmap ids;	/* id -> struct pv_iddef */
	struct pv_iddef *defs;
	size_t ndefs, defs_alloc;
};

void pv_plan_init(struct pv_plan *p);
void pv_plan_release(struct pv_plan *p);

/* The definition of `id`, or NULL. */
const struct pv_iddef *pv_plan_find(const struct pv_plan *p, const char *id);

/*
 * The string of `t` in `lang`, else in `fallback`, else the first given;
 * NULL when `t` is absent. Either language may be NULL.
 */
const char *pv_text_get(const struct pv_text *t, const char *lang, const char *fallback);

/* An action's money, in its own currency. */
struct pv_money {
	double cost;		/* 0 when not estimated */
	double committed, pledged;
};

/*
 * Sets `m` to action `a`'s cost and its funding committed and pledged.
 * Returns 1 when these amounts count in the plan's totals: a cost is
 * estimated and the action is in the plan's currency (amounts in another
 * currency, or in one FMT004 refused, cannot be added to them), else 0.
 */
int pv_action_money(const struct pv_plan *p, const struct pv_action *a, struct pv_money *m);

/* Calls `fn` for every action, in file order. */
void pv_plan_each_action(const struct pv_plan *p,
			 void (*fn)(const struct pv_action *a, void *ctx), void *ctx);

/* ---- load ---- */

/*
 * Loads a plan from `len` bytes at `src` (NUL-terminated at src[len]) into
 * `p` (initialised with pv_plan_init): parses the YAML, reads it into the
 * typed model checking every FMT rule, then resolves identifiers (REF).
 * Every finding goes to `d`. Returns 0 when the model was built (it may still
 * carry errors), -1 when the file could not be read as YAML at all.
 */
int pv_plan_load(struct pv_plan *p, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d);

#endif
