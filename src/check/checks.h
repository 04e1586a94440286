#ifndef PVEPLAN_CHECKS_H
#define PVEPLAN_CHECKS_H

#include <stddef.h>

#include "pveplan/base.h"
#include "pveplan/model.h"
#include "pveplan/check.h"

/*
 * The one list of rules: X(code, default severity, flags, check), where
 * check is 1 when pv_check_<code> finds the rule's findings in a loaded plan
 * (0: the loader or the policy reports it). What a rule cites, and so the
 * documents it is scored under, is data: src/catalogue/citations.yaml. src/check/rules.c
 * makes the rule table from it, this header the checks' declarations.
 */
#define PV_RULES(X)                                       \
	X(FMT001, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT002, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT003, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT004, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT005, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT006, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(FMT007, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(REF001, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(REF002, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(REF003, PV_SEV_ERROR, PV_RULE_FIXED, 0)         \
	X(CON001, PV_SEV_ERROR, 0, 1)                     \
	X(CON002, PV_SEV_ERROR, 0, 1)                     \
	X(CON003, PV_SEV_WARNING, 0, 1)                   \
	X(CON004, PV_SEV_WARNING, 0, 1)                   \
	X(CON005, PV_SEV_WARNING, 0, 1)                   \
	X(CON006, PV_SEV_ERROR, 0, 1)                     \
	X(CON007, PV_SEV_WARNING, 0, 1)                   \
	X(PVE101, PV_SEV_INFO, 0, 1)                      \
	X(PVE102, PV_SEV_WARNING, 0, 1)                   \
	X(PVE103, PV_SEV_WARNING, PV_RULE_STAGE, 1)       \
	X(PVE104, PV_SEV_WARNING, PV_RULE_STAGE, 1)       \
	X(PVE105, PV_SEV_WARNING, 0, 1)                   \
	X(PVE106, PV_SEV_WARNING, 0, 1)                   \
	X(PVE107, PV_SEV_WARNING, 0, 1)                   \
	X(PVE108, PV_SEV_WARNING, 0, 1)                   \
	X(PVE109, PV_SEV_WARNING, 0, 1)                   \
	X(PVE110, PV_SEV_WARNING, PV_RULE_SCOPED_ONLY, 1) \
	X(PVE111, PV_SEV_ERROR, PV_RULE_SCOPED_ONLY, 1)   \
	X(PVE112, PV_SEV_WARNING, PV_RULE_STAGE, 1)       \
	X(PVE113, PV_SEV_WARNING, PV_RULE_STAGE, 1)       \
	X(PVE114, PV_SEV_WARNING, PV_RULE_STAGE, 1)       \
	X(PVE115, PV_SEV_WARNING, 0, 1)                   \
	X(PVE116, PV_SEV_INFO, PV_RULE_REPORT, 1)         \
	X(PVE117, PV_SEV_WARNING, 0, 1)                   \
	X(PVE118, PV_SEV_WARNING, 0, 1)                   \
	X(PVE119, PV_SEV_WARNING, 0, 1)                   \
	X(PVE120, PV_SEV_WARNING, 0, 1)                   \
	X(PVE121, PV_SEV_INFO, 0, 1)                      \
	X(PVE122, PV_SEV_WARNING, 0, 1)                   \
	X(PVE123, PV_SEV_WARNING, 0, 1)                   \
	X(PVE124, PV_SEV_INFO, 0, 1)                      \
	X(PVE125, PV_SEV_WARNING, 0, 0)                   \
	X(PVE126, PV_SEV_WARNING, 0, 1)                   \
	X(PVE127, PV_SEV_WARNING, 0, 1)                   \
	X(PVE128, PV_SEV_WARNING, 0, 1)                   \
	X(PVE129, PV_SEV_WARNING, 0, 1)                   \
	X(PVE130, PV_SEV_WARNING, 0, 1)                   \
	X(PVE131, PV_SEV_INFO, 0, 1)                      \
	X(PVE132, PV_SEV_INFO, 0, 1)                      \
	X(PVE133, PV_SEV_WARNING, 0, 1)                   \
	X(PVE134, PV_SEV_INFO, 0, 1)                      \
	X(PVE135, PV_SEV_INFO, 0, 1)                      \
	X(SYN001, PV_SEV_WARNING, PV_RULE_UNWAIVABLE, 0)  \
	X(SYN002, PV_SEV_WARNING, PV_RULE_UNWAIVABLE, 0)

/* How a stakeholder takes part in the plan (struct pv_facts.roles). */
enum pv_role {
	PV_ROLE_LEAD = 1 << 0,
	PV_ROLE_PARTNER = 1 << 1,
	PV_ROLE_CONSULTED = 1 << 2,
	PV_ROLE_COORDINATION = 1 << 3,
	/* "Involved" in catalogue 2: any of these; being listed is not. */
	PV_ROLE_INVOLVED = PV_ROLE_LEAD | PV_ROLE_PARTNER | PV_ROLE_CONSULTED | PV_ROLE_COORDINATION,
};

/*
 * What several rules need to know about a plan, computed once in one walk
 * (src/check/facts.c), so that two rules about the same thing (who takes part,
 * what the actions cost) cannot count it two ways.
 */
struct pv_facts {
	unsigned char *roles;			/* enum pv_role bits, by stakeholder index */
	size_t nactions;
	size_t uncosted;			/* actions without a cost */
	const struct pv_action *first_uncosted;
	const char *uncosted_ids[5];
	unsigned target_bits;			/* 1 << enum pv_target of every action */
	unsigned level_bits;			/* 1 << enum pv_level of every action */
	int level_refused;			/* an action's level was refused (FMT004) */
	unsigned kind_bits;			/* 1 << enum pv_action_kind of every action */
	unsigned context_levels;		/* 1 << enum pv_level of context.levels */
	int gender_action;			/* an action is gender_responsive */
	struct pv_money money;			/* of the actions that count (pv_action_money) */
	int costed;				/* at least one action counts */
	size_t security_led;			/* actions led by a security stakeholder */
	double security_cost;			/* their cost, among the actions that count */
	int civil_public_lead;			/* a public stakeholder outside security and
						   judiciary leads an action */
	int society_lead;			/* a non-governmental stakeholder leads one */
	size_t public_sector;			/* public-sector stakeholders involved */
	unsigned society;			/* 1 << sector of society involved */
	size_t regional_bodies;			/* regional bodies involved */
	int victims_stakeholder;		/* a victims' organisation leads or partners */
	int society_consulted;			/* a society stakeholder took part in a consultation */
	int validation;				/* a consultation is a validation */
	int youth_involved, women_involved;	/* a youth / women's stakeholder is involved */
	int oversight_involved;			/* or is monitoring.responsible */
	int parliament_involved;
	/* Refused or misspelt values (FMT003/FMT004) leave these unknown: an
	 * involved stakeholder's sector, or an action's lead. Counts and "no
	 * such sector" rules that these could change stay silent. */
	size_t sector_unknown;			/* involved with a sector unknown */
	int lead_unknown;			/* an action's lead, or its sector */
	int any_country;			/* a stakeholder gives its country */
	int any_need;				/* a capacity need, anywhere */
};

void pv_facts_compute(const struct pv_plan *p, struct pv_facts *f);
void pv_facts_release(struct pv_facts *f);
/* The sector of the stakeholder `id` names, 0 when it names none. */
int pv_facts_sector_of(const struct pv_plan *p, const char *id);
/* Whether stakeholder `s` (an element of p->stakeholders) is involved. */
int pv_facts_involved(const struct pv_plan *p, const struct pv_facts *f,
		      const struct pv_stakeholder *s);

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
