/*
 * The rule table, generated from the one list of rules, PV_RULES in
 * src/check/checks.h. To add a rule:
 *   1. a row in PV_RULES (code, default severity, flags, cited documents,
 *      and 1 when a check function finds it);
 *   2. that function, pv_check_CODE, in src/check/pve.c, participation.c (who
 *      takes part) or consistency.c,
 *      reading the plan and the facts of src/check/facts.c;
 *   3. its text in src/catalogue/rules.en.yaml and rules.fr.yaml (the build
 *      refuses a rule without its seven fields; a test refuses a code the
 *      table does not have);
 *   4. a golden case that triggers it and one that does not
 *      (tests/golden/pve/PVEnnn-*), and its line in docs/rules.md.
 * Nothing else counts the rules.
 */
#include "pveplan/check.h"

#include "checks.h"
#include "pveplan/base.h"

#include <string.h>

#define FN_1(code) pv_check_##code
#define FN_0(code) NULL
#define ROW(code, sev, flags, sources, check) { #code, sev, flags, sources, FN_##check(code) },
#define CODE(code, ...) #code,

const struct pv_rule pv_rules[] = { PV_RULES(ROW) };
const size_t pv_rules_nr = PV_ARRAY_SIZE(pv_rules);
const char *const pv_rule_codes[] = { PV_RULES(CODE) NULL };
_Static_assert(PV_ARRAY_SIZE(pv_rules) <= PV_RULES_MAX,
	       "the rule table outgrew PV_RULES_MAX: raise it (include/pveplan/rules.h)");

const struct pv_rule *pv_rule_find(const char *code)
{
	for (size_t i = 0; i < pv_rules_nr; i++)
		if (!strcmp(code, pv_rules[i].code))
			return &pv_rules[i];
	return NULL;
}

const char *pv_source_name(unsigned bit)
{
	switch (bit) {
	case PV_SRC_A70674:
		return "A/70/674";
	case PV_SRC_ARES70291:
		return "A/RES/70/291";
	case PV_SRC_RG:
		return "RG";
	case PV_SRC_ARES60288:
		return "A/RES/60/288";
	case PV_SRC_IDDRS:
		return "IDDRS";
	case PV_SRC_SCR2250:
		return "SCR 2250";
	default:
		return "";
	}
}
