#include "schema.h"

#include "pveplan/base.h"
#include "pveplan/model.h"

#include <stddef.h>

PV_ENUM_LISTS(PV_ENUM_DEFINE)

#define CONTEXT_LEVEL(P, N, s, context) CONTEXT_LEVEL_##context(s)
#define CONTEXT_LEVEL_1(s) s,
#define CONTEXT_LEVEL_0(s)
const char *const pv_context_level_names[] = { "", PV_LEVEL_LIST(CONTEXT_LEVEL) NULL };

#define SECTOR_GROUP(P, N, s, group) PV_SECTOR_GROUP_##group,
static const unsigned char sector_groups[] = { 0, PV_SECTOR_LIST(SECTOR_GROUP) };

#define KIND_SENSITIVE(P, N, s, sensitive) sensitive,
static const unsigned char kind_sensitive[] = { 0, PV_ACTION_KIND_LIST(KIND_SENSITIVE) };

int pv_action_kind_sensitive(int kind)
{
	return kind > 0 && (size_t)kind < sizeof(kind_sensitive) && kind_sensitive[kind];
}

int pv_sector_group(int sector)
{
	return sector > 0 && sector <= PV_SECTOR_COUNT ? sector_groups[sector] : 0;
}

#define F(T, key, type, req, kinds, member, names, sub)                        \
	{ key, PV_F_##type, req, kinds, offsetof(T, member), names, sub }
#define SCHEMA(var, label, T, fields)                                          \
	static const struct pv_schema var = { PV_W_INIT(label), sizeof(T), fields,   \
					      PV_ARRAY_SIZE(fields) }

#define STK PV_KIND_STAKEHOLDER

/* plan */
static const struct pv_field period_fields[] = {
	F(struct pv_period, "start", DATE, 1, 0, start, NULL, NULL),
	F(struct pv_period, "end", DATE, 1, 0, end, NULL, NULL),
};
SCHEMA(period_schema, "period", struct pv_period, period_fields);

#define P struct pv_plan_info
static const struct pv_field plan_fields[] = {
	F(P, "id", ID, 1, 0, id, NULL, NULL),
	F(P, "title", TEXT, 1, 0, title, NULL, NULL),
	F(P, "scope", ENUM, 1, 0, scope, pv_scope_names, NULL),
	F(P, "country", COUNTRY, 0, 0, country, NULL, NULL),
	F(P, "organization", STR, 0, 0, organization, NULL, NULL),
	F(P, "member_states", COUNTRIES, 0, 0, member_states, NULL, NULL),
	F(P, "language", LANG, 1, 0, language, NULL, NULL),
	F(P, "period", MAP, 1, 0, period, NULL, &period_schema),
	F(P, "status", ENUM, 1, 0, status, pv_status_names, NULL),
	F(P, "version", STR, 0, 0, version, NULL, NULL),
	F(P, "adopted_on", DATE, 0, 0, adopted_on, NULL, NULL),
	F(P, "adopted_by", TEXT, 0, 0, adopted_by, NULL, NULL),
	F(P, "currency", CURRENCY, 0, 0, currency, NULL, NULL),
	F(P, "summary", TEXT, 0, 0, summary, NULL, NULL),
	F(P, "references", STRS, 0, 0, references, NULL, NULL),
};
#undef P
SCHEMA(plan_schema, "plan", struct pv_plan_info, plan_fields);

/* coordination */
static const struct pv_field focal_fields[] = {
	F(struct pv_focal_point, "name", STR, 0, 0, name, NULL, NULL),
	F(struct pv_focal_point, "role", STR, 0, 0, role, NULL, NULL),
	F(struct pv_focal_point, "email", STR, 0, 0, email, NULL, NULL),
};
SCHEMA(focal_schema, "focal_point", struct pv_focal_point, focal_fields);

static const struct pv_field coord_fields[] = {
	F(struct pv_coordination, "body", REF, 0, STK, body, NULL, NULL),
	F(struct pv_coordination, "mandate", TEXT, 0, 0, mandate, NULL, NULL),
	F(struct pv_coordination, "meets", ENUM, 0, 0, meets, pv_freq_names, NULL),
	F(struct pv_coordination, "focal_point", MAP, 0, 0, focal_point, NULL, &focal_schema),
};
SCHEMA(coord_schema, "coordination", struct pv_coordination, coord_fields);

/* context */
static const struct pv_field driver_fields[] = {
	F(struct pv_driver, "id", ID, 1, PV_KIND_DRIVER, id, NULL, NULL),
	F(struct pv_driver, "kind", ENUM, 1, 0, kind, pv_driver_kind_names, NULL),
	F(struct pv_driver, "description", TEXT, 1, 0, description, NULL, NULL),
	F(struct pv_driver, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
SCHEMA(driver_schema, "driver", struct pv_driver, driver_fields);

static const struct pv_field strategy_fields[] = {
	F(struct pv_strategy, "title", TEXT, 1, 0, title, NULL, NULL),
	F(struct pv_strategy, "kind", ENUM, 1, 0, kind, pv_strategy_kind_names, NULL),
	F(struct pv_strategy, "relation", TEXT, 0, 0, relation, NULL, NULL),
};
SCHEMA(strategy_schema, "related strategy", struct pv_strategy, strategy_fields);

static const struct pv_field context_fields[] = {
	F(struct pv_context, "assessment", TEXT, 0, 0, assessment, NULL, NULL),
	F(struct pv_context, "sources", TEXTS, 0, 0, sources, NULL, NULL),
	F(struct pv_context, "conflict_affected", BOOL, 0, 0, conflict_affected, NULL, NULL),
	F(struct pv_context, "drivers", SEQ, 0, 0, drivers, NULL, &driver_schema),
	F(struct pv_context, "levels", ENUMS, 0, 0, levels, pv_context_level_names, NULL),
	F(struct pv_context, "related_strategies", SEQ, 0, 0, related_strategies, NULL,
	  &strategy_schema),
};
SCHEMA(context_schema, "context", struct pv_context, context_fields);

/* stakeholders, consultations */
#define S struct pv_stakeholder
static const struct pv_field stakeholder_fields[] = {
	F(S, "id", ID, 1, STK, id, NULL, NULL),
	F(S, "name", TEXT, 1, 0, name, NULL, NULL),
	F(S, "sector", ENUM, 1, 0, sector, pv_sector_names, NULL),
	F(S, "role", TEXT, 0, 0, role, NULL, NULL),
	F(S, "level", ENUM, 0, 0, level, pv_level_names, NULL),
	F(S, "country", COUNTRY, 0, 0, country, NULL, NULL),
	F(S, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef S
SCHEMA(stakeholder_schema, "stakeholder", struct pv_stakeholder, stakeholder_fields);

#define C struct pv_consultation
static const struct pv_field consultation_fields[] = {
	F(C, "date", DATE, 1, 0, date, NULL, NULL),
	F(C, "kind", ENUM, 1, 0, kind, pv_consult_kind_names, NULL),
	F(C, "title", TEXT, 0, 0, title, NULL, NULL),
	F(C, "participants", REFS, 0, STK, participants, NULL, NULL),
	F(C, "women_share", SHARE, 0, 0, women_share, NULL, NULL),
	F(C, "youth_share", SHARE, 0, 0, youth_share, NULL, NULL),
	F(C, "location", STR, 0, 0, location, NULL, NULL),
	F(C, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef C
SCHEMA(consultation_schema, "consultation", struct pv_consultation, consultation_fields);

/* capacity needs: under an action, and top-level (which may name actions) */
#define N struct pv_need
#define NEED_FIELDS                                                            \
	F(N, "id", ID, 1, PV_KIND_NEED, id, NULL, NULL),                       \
	F(N, "need", TEXT, 1, 0, need, NULL, NULL),                            \
	F(N, "kind", ENUM, 1, 0, kind, pv_need_kind_names, NULL),              \
	F(N, "beneficiary", REF, 0, STK, beneficiary, NULL, NULL),             \
	F(N, "support_from", REFS, 0, STK, support_from, NULL, NULL),          \
	F(N, "priority", ENUM, 1, 0, priority, pv_rating_names, NULL),         \
	F(N, "cost", AMOUNT, 0, 0, cost, NULL, NULL),                          \
	F(N, "status", ENUM, 0, 0, status, pv_need_status_names, NULL),        \
	F(N, "confidential", BOOL, 0, 0, confidential, NULL, NULL)
static const struct pv_field need_fields[] = { NEED_FIELDS };
static const struct pv_field xneed_fields[] = {
	NEED_FIELDS,
	F(N, "actions", REFS, 0, PV_KIND_ACTION, actions, NULL, NULL),
};
#undef N
SCHEMA(need_schema, "capacity need", struct pv_need, need_fields);
SCHEMA(xneed_schema, "capacity need", struct pv_need, xneed_fields);

/* priorities > objectives > actions */
static const struct pv_field funding_fields[] = {
	F(struct pv_funding, "source", REF, 1, STK, source, NULL, NULL),
	F(struct pv_funding, "amount", AMOUNT, 1, 0, amount, NULL, NULL),
	F(struct pv_funding, "status", ENUM, 1, 0, status, pv_funding_status_names, NULL),
};
SCHEMA(funding_schema, "funding", struct pv_funding, funding_fields);

#define A struct pv_action
static const struct pv_field action_fields[] = {
	F(A, "id", ID, 1, PV_KIND_ACTION, id, NULL, NULL),
	F(A, "title", TEXT, 1, 0, title, NULL, NULL),
	F(A, "description", TEXT, 0, 0, description, NULL, NULL),
	F(A, "lead", REF, 1, STK, lead, NULL, NULL),
	F(A, "partners", REFS, 0, STK, partners, NULL, NULL),
	F(A, "start", DATE, 1, 0, start, NULL, NULL),
	F(A, "end", DATE, 1, 0, end, NULL, NULL),
	F(A, "cost", AMOUNT, 0, 0, cost, NULL, NULL),
	F(A, "currency", CURRENCY, 0, 0, currency, NULL, NULL),
	F(A, "funding", SEQ, 0, 0, funding, NULL, &funding_schema),
	F(A, "target_groups", ENUMS, 0, 0, target_groups, pv_target_names, NULL),
	F(A, "level", ENUM, 0, 0, level, pv_level_names, NULL),
	F(A, "kind", ENUM, 0, 0, kind, pv_action_kind_names, NULL),
	F(A, "gender_responsive", BOOL, 0, 0, gender_responsive, NULL, NULL),
	F(A, "human_rights", TEXT, 0, 0, human_rights, NULL, NULL),
	F(A, "indicators", REFS, 0, PV_KIND_INDICATOR, indicators, NULL, NULL),
	F(A, "status", ENUM, 0, 0, status, pv_action_status_names, NULL),
	F(A, "capacity_needs", SEQ, 0, 0, capacity_needs, NULL, &need_schema),
	F(A, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef A
SCHEMA(action_schema, "action", struct pv_action, action_fields);

#define O struct pv_objective
static const struct pv_field objective_fields[] = {
	F(O, "id", ID, 1, PV_KIND_OBJECTIVE, id, NULL, NULL),
	F(O, "title", TEXT, 1, 0, title, NULL, NULL),
	F(O, "outcome", TEXT, 0, 0, outcome, NULL, NULL),
	F(O, "indicators", REFS, 0, PV_KIND_INDICATOR, indicators, NULL, NULL),
	F(O, "addresses", REFS, 0, PV_KIND_DRIVER, addresses, NULL, NULL),
	F(O, "actions", SEQ, 1, 0, actions, NULL, &action_schema),
	F(O, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef O
SCHEMA(objective_schema, "objective", struct pv_objective, objective_fields);

#define PR struct pv_priority
static const struct pv_field priority_fields[] = {
	F(PR, "id", ID, 1, PV_KIND_PRIORITY, id, NULL, NULL),
	F(PR, "title", TEXT, 1, 0, title, NULL, NULL),
	F(PR, "areas", ENUMS, 1, 0, areas, pv_area_names, NULL),
	F(PR, "gcts_pillars", PILLARS, 0, 0, gcts_pillars, NULL, NULL),
	F(PR, "addresses", REFS, 0, PV_KIND_DRIVER, addresses, NULL, NULL),
	F(PR, "objectives", SEQ, 1, 0, objectives, NULL, &objective_schema),
	F(PR, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef PR
SCHEMA(priority_schema, "priority", struct pv_priority, priority_fields);

/* indicators */
static const struct pv_field measure_fields[] = {
	F(struct pv_measure, "value", VALUE, 0, 0, value, NULL, NULL),
	F(struct pv_measure, "year", YEAR, 0, 0, year, NULL, NULL),
};
SCHEMA(baseline_schema, "baseline", struct pv_measure, measure_fields);
SCHEMA(target_schema, "target", struct pv_measure, measure_fields);

#define I struct pv_indicator
static const struct pv_field indicator_fields[] = {
	F(I, "id", ID, 1, PV_KIND_INDICATOR, id, NULL, NULL),
	F(I, "name", TEXT, 1, 0, name, NULL, NULL),
	F(I, "unit", STR, 0, 0, unit, NULL, NULL),
	F(I, "baseline", MAP, 0, 0, baseline, NULL, &baseline_schema),
	F(I, "target", MAP, 0, 0, target, NULL, &target_schema),
	F(I, "source", TEXT, 0, 0, source, NULL, NULL),
	F(I, "frequency", ENUM, 0, 0, frequency, pv_ind_freq_names, NULL),
	F(I, "disaggregation", ENUMS, 0, 0, disaggregation, pv_disagg_names, NULL),
	F(I, "counts_people", BOOL, 0, 0, counts_people, NULL, NULL),
	F(I, "responsible", REF, 0, STK, responsible, NULL, NULL),
	F(I, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef I
SCHEMA(indicator_schema, "indicator", struct pv_indicator, indicator_fields);

/* monitoring, risks, deviations */
static const struct pv_field review_fields[] = {
	F(struct pv_review, "kind", ENUM, 1, 0, kind, pv_review_kind_names, NULL),
	F(struct pv_review, "date", DATE, 0, 0, date, NULL, NULL),
};
SCHEMA(review_schema, "review", struct pv_review, review_fields);

#define M struct pv_monitoring
static const struct pv_field monitoring_fields[] = {
	F(M, "responsible", REF, 0, STK, responsible, NULL, NULL),
	F(M, "reporting", ENUM, 0, 0, reporting, pv_report_freq_names, NULL),
	F(M, "reviews", SEQ, 0, 0, reviews, NULL, &review_schema),
	F(M, "evaluation", ENUM, 0, 0, evaluation, pv_evaluation_names, NULL),
	F(M, "learning", TEXT, 0, 0, learning, NULL, NULL),
};
#undef M
SCHEMA(monitoring_schema, "monitoring", struct pv_monitoring, monitoring_fields);

#define R struct pv_risk
static const struct pv_field risk_fields[] = {
	F(R, "id", ID, 1, PV_KIND_RISK, id, NULL, NULL),
	F(R, "description", TEXT, 1, 0, description, NULL, NULL),
	F(R, "likelihood", ENUM, 0, 0, likelihood, pv_rating_names, NULL),
	F(R, "impact", ENUM, 0, 0, impact, pv_rating_names, NULL),
	F(R, "mitigation", TEXT, 0, 0, mitigation, NULL, NULL),
	F(R, "owner", REF, 0, STK, owner, NULL, NULL),
	F(R, "confidential", BOOL, 0, 0, confidential, NULL, NULL),
};
#undef R
SCHEMA(risk_schema, "risk", struct pv_risk, risk_fields);

#define D struct pv_deviation
static const struct pv_field deviation_fields[] = {
	F(D, "rule", RULE, 1, 0, rule, NULL, NULL),
	F(D, "reason", TEXT, 1, 0, reason, NULL, NULL),
	F(D, "approved_by", STR, 1, 0, approved_by, NULL, NULL),
	F(D, "expires", DATE, 0, 0, expires, NULL, NULL),
	F(D, "scope", REFS, 0, PV_KIND_ANY, scope, NULL, NULL),
};
#undef D
SCHEMA(deviation_schema, "accepted deviation", struct pv_deviation, deviation_fields);

/* the file */
#define T struct pv_plan
static const struct pv_field file_fields[] = {
	F(T, "pveplan", VERSION, 0, 0, format, NULL, NULL),
	F(T, "plan", MAP, 1, 0, plan, NULL, &plan_schema),
	F(T, "coordination", MAP, 0, 0, coordination, NULL, &coord_schema),
	F(T, "context", MAP, 0, 0, context, NULL, &context_schema),
	F(T, "stakeholders", SEQ, 1, 0, stakeholders, NULL, &stakeholder_schema),
	F(T, "consultations", SEQ, 0, 0, consultations, NULL, &consultation_schema),
	F(T, "priorities", SEQ, 1, 0, priorities, NULL, &priority_schema),
	F(T, "indicators", SEQ, 0, 0, indicators, NULL, &indicator_schema),
	F(T, "capacity_needs", SEQ, 0, 0, capacity_needs, NULL, &xneed_schema),
	F(T, "monitoring", MAP, 0, 0, monitoring, NULL, &monitoring_schema),
	F(T, "risks", SEQ, 0, 0, risks, NULL, &risk_schema),
	F(T, "communication", FREE, 0, 0, communication, NULL, NULL),
	F(T, "accepted_deviations", SEQ, 0, 0, accepted_deviations, NULL, &deviation_schema),
};
#undef T
const struct pv_schema pv_schema_file = { PV_W_INIT("plan file"), sizeof(struct pv_plan), file_fields,
					  PV_ARRAY_SIZE(file_fields) };
