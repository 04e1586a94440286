/*
 * The rule table, generated from the one list of rules, PV_RULES in
 * src/check/checks.h. To add a rule:
 *   1. a row in PV_RULES (code, default severity, flags, and 1 when a check
 *      function finds it), and its citation keys in src/catalogue/citations.yaml;
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
#define ROW(code, sev, flags, check) { #code, sev, flags, FN_##check(code) },
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
