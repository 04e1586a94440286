#ifndef PVEPLAN_ENUMS_H
#define PVEPLAN_ENUMS_H

/*
 * Every enumeration of the plan format, declared once: each row gives the C
 * name and the YAML name (and, for some, more columns). The C enums, the
 * name tables the loader and the reports use, and the groups of sectors are
 * all generated from these lists, so a value is added in one place.
 *
 * A row is X(PREFIX, NAME, "yaml name", ...): values count from 1 in list
 * order, 0 meaning "not given".
 */

#define PV_SCOPE_LIST(X) X(SCOPE, NATIONAL, "national") X(SCOPE, REGIONAL, "regional")

#define PV_STATUS_LIST(X)                                                      \
	X(STATUS, DRAFT, "draft") X(STATUS, CONSULTATION, "consultation")      \
	X(STATUS, VALIDATED, "validated") X(STATUS, ADOPTED, "adopted")        \
	X(STATUS, UNDER_REVIEW, "under_review")

/* Sectors, with the group each belongs to: the public sector, society (the
 * non-governmental sectors PVE106 counts), and international partners. */
#define PV_SECTOR_LIST(X)                                                      \
	X(SECTOR, GOVERNMENT, "government", PUBLIC)                            \
	X(SECTOR, PARLIAMENT, "parliament", PUBLIC)                            \
	X(SECTOR, JUDICIARY, "judiciary", PUBLIC)                              \
	X(SECTOR, SECURITY, "security", PUBLIC)                                \
	X(SECTOR, LOCAL_GOVERNMENT, "local_government", PUBLIC)                \
	X(SECTOR, CIVIL_SOCIETY, "civil_society", SOCIETY)                     \
	X(SECTOR, YOUTH, "youth", SOCIETY)                                     \
	X(SECTOR, WOMEN, "women", SOCIETY)                                     \
	X(SECTOR, RELIGIOUS, "religious", SOCIETY)                             \
	X(SECTOR, TRADITIONAL, "traditional", SOCIETY)                         \
	X(SECTOR, ACADEMIA, "academia", SOCIETY)                               \
	X(SECTOR, MEDIA, "media", SOCIETY)                                     \
	X(SECTOR, PRIVATE_SECTOR, "private_sector", SOCIETY)                   \
	X(SECTOR, VICTIMS, "victims", SOCIETY)                                 \
	X(SECTOR, UN_ENTITY, "un_entity", PARTNER)                             \
	X(SECTOR, REGIONAL_BODY, "regional_body", PARTNER)                     \
	X(SECTOR, INTERNATIONAL_ORG, "international_org", PARTNER)             \
	X(SECTOR, DONOR, "donor", PARTNER)

/* The groups of sectors, in the order the reports show them. */
#define PV_SECTOR_GROUP_LIST(X)                                                \
	X(SECTOR_GROUP, PUBLIC, "public") X(SECTOR_GROUP, SOCIETY, "society")  \
	X(SECTOR_GROUP, PARTNER, "partners")

/* The seven priority areas of the Plan of Action (A/70/674). */
#define PV_AREA_LIST(X)                                                        \
	X(AREA, DIALOGUE, "dialogue") X(AREA, GOVERNANCE, "governance")        \
	X(AREA, COMMUNITIES, "communities") X(AREA, YOUTH, "youth")            \
	X(AREA, GENDER, "gender") X(AREA, EDUCATION, "education")              \
	X(AREA, COMMUNICATIONS, "communications")

#define PV_FREQ_LIST(X)                                                        \
	X(FREQ, MONTHLY, "monthly") X(FREQ, QUARTERLY, "quarterly")            \
	X(FREQ, BIANNUAL, "biannual") X(FREQ, ANNUAL, "annual")                \
	X(FREQ, AD_HOC, "ad_hoc")

#define PV_CONSULT_KIND_LIST(X)                                                \
	X(CONSULT, WORKSHOP, "workshop") X(CONSULT, VALIDATION, "validation")  \
	X(CONSULT, SURVEY, "survey") X(CONSULT, HEARING, "hearing")            \
	X(CONSULT, BILATERAL, "bilateral") X(CONSULT, ONLINE, "online")

#define PV_DRIVER_KIND_LIST(X)                                                 \
	X(DRIVER, STRUCTURAL, "structural") X(DRIVER, INDIVIDUAL, "individual") \
	X(DRIVER, ENABLING, "enabling")

/* Levels of action; the last column says whether `context.levels` takes
 * the level too (a regional level is the plan's scope, not its context). */
#define PV_LEVEL_LIST(X)                                                       \
	X(LEVEL, NATIONAL, "national", 1) X(LEVEL, SUBNATIONAL, "subnational", 1) \
	X(LEVEL, LOCAL, "local", 1) X(LEVEL, REGIONAL, "regional", 0)

#define PV_FUNDING_STATUS_LIST(X)                                              \
	X(FUNDING, COMMITTED, "committed") X(FUNDING, PLEDGED, "pledged")      \
	X(FUNDING, REQUESTED, "requested")

#define PV_TARGET_LIST(X)                                                      \
	X(TARGET, YOUTH, "youth") X(TARGET, WOMEN, "women")                    \
	X(TARGET, CHILDREN, "children") X(TARGET, RETURNEES, "returnees")      \
	X(TARGET, DETAINEES, "detainees") X(TARGET, VICTIMS, "victims")        \
	X(TARGET, RELIGIOUS_LEADERS, "religious_leaders")                      \
	X(TARGET, TEACHERS, "teachers") X(TARGET, MEDIA, "media")              \
	X(TARGET, SECURITY_FORCES, "security_forces")                          \
	X(TARGET, LOCAL_COMMUNITIES, "local_communities")                      \
	X(TARGET, GENERAL_PUBLIC, "general_public") X(TARGET, OFFICIALS, "officials") \
	X(TARGET, FORMER_COMBATANTS, "former_combatants")

#define PV_ACTION_STATUS_LIST(X)                                               \
	X(ACTION, PLANNED, "planned") X(ACTION, ONGOING, "ongoing")            \
	X(ACTION, COMPLETED, "completed") X(ACTION, DELAYED, "delayed")        \
	X(ACTION, CANCELLED, "cancelled")

#define PV_NEED_KIND_LIST(X)                                                   \
	X(NEED, TRAINING, "training") X(NEED, TECHNICAL_ASSISTANCE, "technical_assistance") \
	X(NEED, LEGAL_DRAFTING, "legal_drafting") X(NEED, RESEARCH, "research") \
	X(NEED, EQUIPMENT, "equipment") X(NEED, INSTITUTIONAL, "institutional") \
	X(NEED, COORDINATION, "coordination") X(NEED, FUNDING, "funding")      \
	X(NEED, MONITORING, "monitoring")

#define PV_RATING_LIST(X)                                                      \
	X(RATING, HIGH, "high") X(RATING, MEDIUM, "medium") X(RATING, LOW, "low")

#define PV_NEED_STATUS_LIST(X)                                                 \
	X(NEED, IDENTIFIED, "identified") X(NEED, REQUESTED, "requested")      \
	X(NEED, IN_PROGRESS, "in_progress") X(NEED, MET, "met")

#define PV_IND_FREQ_LIST(X)                                                    \
	X(IFREQ, MONTHLY, "monthly") X(IFREQ, QUARTERLY, "quarterly")          \
	X(IFREQ, BIANNUAL, "biannual") X(IFREQ, ANNUAL, "annual")              \
	X(IFREQ, MIDTERM, "midterm") X(IFREQ, FINAL, "final")

#define PV_DISAGG_LIST(X)                                                      \
	X(DISAGG, SEX, "sex") X(DISAGG, AGE, "age") X(DISAGG, LOCATION, "location") \
	X(DISAGG, DISABILITY, "disability") X(DISAGG, GROUP, "group")

#define PV_REPORT_FREQ_LIST(X)                                                 \
	X(REPORT, MONTHLY, "monthly") X(REPORT, QUARTERLY, "quarterly")        \
	X(REPORT, BIANNUAL, "biannual") X(REPORT, ANNUAL, "annual")

#define PV_REVIEW_KIND_LIST(X)                                                 \
	X(REVIEW, MIDTERM, "midterm") X(REVIEW, FINAL, "final") X(REVIEW, ANNUAL, "annual")

#define PV_EVALUATION_LIST(X)                                                  \
	X(EVAL, INTERNAL, "internal") X(EVAL, INDEPENDENT, "independent")      \
	X(EVAL, JOINT, "joint")

/* Every enumeration: its list, the C type name, and its name table. */
#define PV_ENUM_LISTS(E)                                                       \
	E(PV_SCOPE_LIST, scope) E(PV_STATUS_LIST, status)                      \
	E(PV_SECTOR_LIST, sector) E(PV_SECTOR_GROUP_LIST, sector_group)        \
	E(PV_AREA_LIST, area) E(PV_FREQ_LIST, freq)                            \
	E(PV_CONSULT_KIND_LIST, consult_kind) E(PV_DRIVER_KIND_LIST, driver_kind) \
	E(PV_LEVEL_LIST, level) E(PV_FUNDING_STATUS_LIST, funding_status)      \
	E(PV_TARGET_LIST, target) E(PV_ACTION_STATUS_LIST, action_status)     \
	E(PV_NEED_KIND_LIST, need_kind) E(PV_RATING_LIST, rating)              \
	E(PV_NEED_STATUS_LIST, need_status) E(PV_IND_FREQ_LIST, ind_freq)      \
	E(PV_DISAGG_LIST, disagg) E(PV_REPORT_FREQ_LIST, report_freq)          \
	E(PV_REVIEW_KIND_LIST, review_kind) E(PV_EVALUATION_LIST, evaluation)

/* Row expanders. */
#define PV_ENUM_VALUE(P, N, ...) PV_##P##_##N,
#define PV_ENUM_NAME(P, N, ...) PV_ENUM_FIRST_(__VA_ARGS__, ~),
#define PV_ENUM_FIRST_(s, ...) s
#define PV_ENUM_ONE(P, N, ...) +1

/* enum pv_<name> { PV_<P>_<N> = 1, ... }, and pv_<name>_names[]: "" at
 * index 0, then the YAML names, NULL-terminated. */
#define PV_ENUM_DECLARE(LIST, name)                                            \
	enum pv_##name { pv_##name##_none_, LIST(PV_ENUM_VALUE) };             \
	extern const char *const pv_##name##_names[];
#define PV_ENUM_DEFINE(LIST, name)                                             \
	const char *const pv_##name##_names[] = { "", LIST(PV_ENUM_NAME) NULL };

PV_ENUM_LISTS(PV_ENUM_DECLARE)

#define PV_AREA_COUNT (0 PV_AREA_LIST(PV_ENUM_ONE))
#define PV_SECTOR_COUNT (0 PV_SECTOR_LIST(PV_ENUM_ONE))
#define PV_SECTOR_GROUP_COUNT (0 PV_SECTOR_GROUP_LIST(PV_ENUM_ONE))

/* The group of a sector (enum pv_sector_group), 0 for none. */
int pv_sector_group(int sector);
/* `context.levels` takes the levels marked so in PV_LEVEL_LIST. */
extern const char *const pv_context_level_names[];

#endif
