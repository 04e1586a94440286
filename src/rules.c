#include "pveplan/rules.h"

#include <string.h>

#define E PV_SEV_ERROR
#define W PV_SEV_WARNING
#define I PV_SEV_INFO
#define FIXED PV_RULE_FIXED
#define STAGE PV_RULE_STAGE
#define A674 PV_SRC_A70674
#define R291 PV_SRC_ARES70291
#define RG PV_SRC_RG
#define R288 PV_SRC_ARES60288

/* Severities and citations as in the rule catalogue (docs/rules.md). */
const struct pv_rule pv_rules[] = {
	{ "FMT001", E, FIXED, 0 }, { "FMT002", E, FIXED, 0 }, { "FMT003", E, FIXED, 0 },
	{ "FMT004", E, FIXED, 0 }, { "FMT005", E, FIXED, 0 }, { "FMT006", E, FIXED, 0 },
	{ "FMT007", E, FIXED, 0 },
	{ "REF001", E, FIXED, 0 }, { "REF002", E, FIXED, 0 }, { "REF003", E, FIXED, 0 },
	{ "CON001", E, 0, 0 }, { "CON002", E, 0, 0 }, { "CON003", W, 0, 0 },
	{ "CON004", W, 0, 0 }, { "CON005", W, 0, 0 }, { "CON006", E, 0, 0 },
	{ "CON007", W, 0, 0 },
	{ "PVE101", W, 0, A674 | R291 },
	{ "PVE102", W, 0, RG },
	{ "PVE103", W, STAGE, A674 },
	{ "PVE104", W, STAGE, A674 | RG },
	{ "PVE105", W, 0, A674 | RG },
	{ "PVE106", W, 0, A674 | RG },
	{ "PVE107", W, 0, RG },
	{ "PVE108", W, 0, A674 | PV_SRC_SCR2250 },
	{ "PVE109", W, 0, A674 },
	{ "PVE110", W, STAGE | PV_RULE_SCOPED_ONLY, A674 | R288 },
	{ "PVE111", E, PV_RULE_SCOPED_ONLY, A674 | R288 },
	{ "PVE112", W, STAGE, RG },
	{ "PVE113", W, STAGE, RG },
	{ "PVE114", W, STAGE, RG },
	{ "PVE115", W, 0, A674 },
	{ "PVE116", I, PV_RULE_REPORT, A674 },
	{ "PVE117", W, 0, R291 },
	{ "PVE118", W, 0, A674 },
	{ "PVE119", W, 0, PV_SRC_IDDRS | A674 },
	{ "PVE120", W, 0, A674 | RG },
	{ "PVE121", I, 0, R291 },
	{ "PVE122", W, 0, RG },
	{ "PVE123", W, 0, RG },
	{ "PVE124", I, 0, R291 | R288 },
	{ "PVE125", W, 0, 0 },
};
const size_t pv_rules_nr = sizeof(pv_rules) / sizeof(pv_rules[0]);

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
