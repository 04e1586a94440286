#ifndef PVEPLAN_CHECKS_H
#define PVEPLAN_CHECKS_H

#include <stddef.h>

#include "pveplan/base.h"
#include "pveplan/model.h"
#include "pveplan/check.h"

/*
 * The one list of rules: X(code, default severity, flags, cited documents,
 * check), where check is 1 when pv_check_<code> finds the rule's findings
 * in a loaded plan (0: the loader or the policy reports it). src/check/rules.c
 * makes the rule table from it, this header the checks' declarations.
 */
#define PV_RULES(X)                                                            \
	X(FMT001, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT002, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT003, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT004, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT005, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT006, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(FMT007, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(REF001, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(REF002, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(REF003, PV_SEV_ERROR, PV_RULE_FIXED, 0, 0)                                   \
	X(CON001, PV_SEV_ERROR, 0, 0, 1)                                               \
	X(CON002, PV_SEV_ERROR, 0, 0, 1)                                               \
	X(CON003, PV_SEV_WARNING, 0, 0, 1)                                              \
	X(CON004, PV_SEV_WARNING, 0, 0, 1)                                              \
	X(CON005, PV_SEV_WARNING, 0, 0, 1)                                              \
	X(CON006, PV_SEV_ERROR, 0, 0, 1)                                               \
	X(CON007, PV_SEV_WARNING, 0, 0, 1)                                              \
	X(PVE101, PV_SEV_WARNING, 0, PV_SRC_A70674 | PV_SRC_ARES70291, 1)               \
	X(PVE102, PV_SEV_WARNING, 0, PV_SRC_RG, 1)                                      \
	X(PVE103, PV_SEV_WARNING, PV_RULE_STAGE, PV_SRC_A70674, 1)                      \
	X(PVE104, PV_SEV_WARNING, PV_RULE_STAGE, PV_SRC_A70674 | PV_SRC_RG, 1)          \
	X(PVE105, PV_SEV_WARNING, 0, PV_SRC_A70674 | PV_SRC_RG, 1)                      \
	X(PVE106, PV_SEV_WARNING, 0, PV_SRC_A70674 | PV_SRC_RG, 1)                      \
	X(PVE107, PV_SEV_WARNING, 0, PV_SRC_RG, 1)                                      \
	X(PVE108, PV_SEV_WARNING, 0, PV_SRC_A70674 | PV_SRC_SCR2250, 1)                 \
	X(PVE109, PV_SEV_WARNING, 0, PV_SRC_A70674, 1)                                  \
	X(PVE110, PV_SEV_WARNING, PV_RULE_STAGE | PV_RULE_SCOPED_ONLY,                  \
	  PV_SRC_A70674 | PV_SRC_ARES60288, 1)                                 \
	X(PVE111, PV_SEV_ERROR, PV_RULE_SCOPED_ONLY, PV_SRC_A70674 | PV_SRC_ARES60288, 1) \
	X(PVE112, PV_SEV_WARNING, PV_RULE_STAGE, PV_SRC_RG, 1)                          \
	X(PVE113, PV_SEV_WARNING, PV_RULE_STAGE, PV_SRC_RG, 1)                          \
	X(PVE114, PV_SEV_WARNING, PV_RULE_STAGE, PV_SRC_RG, 1)                          \
	X(PVE115, PV_SEV_WARNING, 0, PV_SRC_A70674, 1)                                  \
	X(PVE116, PV_SEV_INFO, PV_RULE_REPORT, PV_SRC_A70674, 1)                      \
	X(PVE117, PV_SEV_WARNING, 0, PV_SRC_ARES70291, 1)                               \
	X(PVE118, PV_SEV_WARNING, 0, PV_SRC_A70674, 1)                                  \
	X(PVE119, PV_SEV_WARNING, 0, PV_SRC_IDDRS | PV_SRC_A70674, 1)                   \
	X(PVE120, PV_SEV_WARNING, 0, PV_SRC_A70674 | PV_SRC_RG, 1)                      \
	X(PVE121, PV_SEV_INFO, 0, PV_SRC_ARES70291, 1)                                \
	X(PVE122, PV_SEV_WARNING, 0, PV_SRC_RG, 1)                                      \
	X(PVE123, PV_SEV_WARNING, 0, PV_SRC_RG, 1)                                      \
	X(PVE124, PV_SEV_INFO, 0, PV_SRC_ARES70291 | PV_SRC_ARES60288, 1)             \
	X(PVE125, PV_SEV_WARNING, 0, 0, 0)                                             \
	X(SYN001, PV_SEV_WARNING, PV_RULE_UNWAIVABLE, 0, 0)                            \
	X(SYN002, PV_SEV_WARNING, PV_RULE_UNWAIVABLE, 0, 0)

/*
 * What several rules need to know about a plan, computed once in one walk
 * (src/check/facts.c), so that two rules about the same thing (who takes part,
 * what the actions cost) cannot count it two ways.
 */
struct pv_facts {
	size_t nactions;
	size_t uncosted;			/* actions without a cost */
	const struct pv_action *first_uncosted;
	const char *uncosted_ids[5];
	unsigned target_bits;			/* 1 << enum pv_target of every action */
	unsigned level_bits;			/* 1 << enum pv_level of every action */
	unsigned context_levels;		/* 1 << enum pv_level of context.levels */
	int gender_action;			/* an action is gender_responsive */
	struct pv_money money;			/* of the actions that count (pv_action_money) */
	int costed;				/* at least one action counts */
	size_t public_sector;			/* public-sector stakeholders leading or partnering */
	unsigned society;			/* 1 << sector of society involved or consulted */
	size_t regional_leads;			/* regional bodies leading actions */
	int victims_stakeholder;		/* a victims' organisation leads or partners */
	int society_consulted;			/* a society stakeholder took part in a consultation */
	int validation;				/* a consultation is a validation */
	int youth_declared, women_declared;	/* among the stakeholders */
	int any_need;				/* a capacity need, anywhere */
};

void pv_facts_compute(const struct pv_plan *p, struct pv_facts *f);

/* What a check is given. */
struct pv_rule_ctx {
	const struct pv_plan *p;
	const struct pv_facts *f;
	struct pv_diags *d;
	const struct pv_thresholds *t;
	enum pv_status stage;	/* the plan's status, or the one previewed with --stage */
	struct pv_pos top;	/* where plan-wide findings go */
};

/* `pos`, or the top of the plan when `pos` was not given. */
struct pv_pos pv_rule_where(const struct pv_rule_ctx *c, struct pv_pos pos);
/* The stakeholder `id` names, or NULL. */
const struct pv_stakeholder *pv_plan_stakeholder(const struct pv_plan *p, const char *id);

#define PV_CHECK_DECLARE(code, ...) void pv_check_##code(const struct pv_rule_ctx *c);
PV_RULES(PV_CHECK_DECLARE)

#endif
