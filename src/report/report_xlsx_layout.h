#ifndef PVEPLAN_REPORT_XLSX_LAYOUT_H
#define PVEPLAN_REPORT_XLSX_LAYOUT_H

/*
 * The layout of the capacity-needs workbook: its sheets, and each sheet's
 * columns by name, with their header (a catalogue key) and width. Every
 * formula and cross-sheet reference of src/report/report_xlsx.c is built from
 * these names, never from a letter, so a column inserted here moves the
 * formulas with it. Included by src/report/report_xlsx.c only.
 */

#include "pveplan/model.h"

#include <xlsxwriter.h>

/* The sheets, in workbook order, and their names in the catalogue. */
enum sheet_id {
	SHEET_NEEDS, SHEET_PROVIDERS, SHEET_AREAS, SHEET_ACTIONS, SHEET_BUDGET, SHEET_INDICATORS,
	SHEET_FINDINGS, SHEET_ABOUT, SHEET_COUNT
};
static const char *const sheet_keys[SHEET_COUNT] = {
	[SHEET_NEEDS] = "sheet.needs", [SHEET_PROVIDERS] = "sheet.providers",
	[SHEET_AREAS] = "sheet.areas", [SHEET_ACTIONS] = "sheet.actions",
	[SHEET_BUDGET] = "sheet.budget", [SHEET_INDICATORS] = "sheet.indicators",
	[SHEET_FINDINGS] = "sheet.findings", [SHEET_ABOUT] = "sheet.about",
};

/* A column of a sheet: its header (a catalogue key) and its width. */
struct column {
	const char *label;
	double width;
};

/* Capacity needs: one row per need. The columns after NEED_SHOWN are
 * hidden: the providers and the area keys of each row, as ";a;b;", which the
 * By provider and By area formulas match, then the choices of the three
 * drop-down lists. */
enum need_col {
	NEED_ID, NEED_AREAS, NEED_PRIORITY, NEED_OBJECTIVE, NEED_ACTION, NEED_TEXT, NEED_KIND,
	NEED_BENEFICIARY, NEED_SUPPORT_FROM, NEED_RATING, NEED_COST, NEED_CURRENCY, NEED_STATUS,
	NEED_SHOWN,
	NEED_PROVIDER_KEYS = NEED_SHOWN, NEED_AREA_KEYS, NEED_LIST_KIND, NEED_LIST_RATING,
	NEED_LIST_STATUS, NEED_COLS
};
static const struct column need_cols[NEED_SHOWN] = {
	[NEED_ID] = { "col.id", 10 }, [NEED_AREAS] = { "col.areas", 28 },
	[NEED_PRIORITY] = { "col.priority", 10 }, [NEED_OBJECTIVE] = { "col.objective", 10 },
	[NEED_ACTION] = { "col.action", 36 }, [NEED_TEXT] = { "col.need", 44 },
	[NEED_KIND] = { "col.kind", 18 }, [NEED_BENEFICIARY] = { "col.beneficiary", 26 },
	[NEED_SUPPORT_FROM] = { "col.support_from", 30 }, [NEED_RATING] = { "col.priority", 10 },
	[NEED_COST] = { "col.cost", 14 }, [NEED_CURRENCY] = { "col.currency", 9 },
	[NEED_STATUS] = { "col.status", 14 },
};
#define NEED_HIDDEN_WIDTH 12

/* By provider: one row per provider asked, in plan order. */
enum provider_col { PROV_NAME, PROV_ID, PROV_COUNT, PROV_COST, PROV_COLS };
static const struct column provider_cols[PROV_COLS] = {
	[PROV_NAME] = { "col.provider", 40 }, [PROV_ID] = { "col.id", 14 },
	[PROV_COUNT] = { "col.needs_count", 16 }, [PROV_COST] = { "col.cost", 18 },
};

/* By area: one row per priority area, then, below, one per kind of need
 * (the kind's label in AREA_NAME, which the formulas match). */
enum area_col { AREA_NAME, AREA_ID, AREA_COUNT, AREA_COST, AREA_COLS };
static const struct column area_cols[AREA_COLS] = {
	[AREA_NAME] = { "col.area", 58 }, [AREA_ID] = { "col.id", 16 },
	[AREA_COUNT] = { "col.needs_count", 16 }, [AREA_COST] = { "col.cost", 18 },
};

/* Actions. ACT_COUNTS, hidden, is 1 when the row counts in the plan's totals. */
enum action_col {
	ACT_ID, ACT_PRIORITY, ACT_OBJECTIVE, ACT_TITLE, ACT_LEAD, ACT_PARTNERS, ACT_START, ACT_END,
	ACT_COST, ACT_COMMITTED, ACT_PLEDGED, ACT_GAP, ACT_STATUS, ACT_KIND, ACT_HUMAN_RIGHTS,
	ACT_CURRENCY,
	ACT_SHOWN,
	ACT_COUNTS = ACT_SHOWN, ACT_COLS
};
static const struct column action_cols[ACT_SHOWN] = {
	[ACT_ID] = { "col.id", 12 }, [ACT_PRIORITY] = { "col.priority", 10 },
	[ACT_OBJECTIVE] = { "col.objective", 10 }, [ACT_TITLE] = { "col.title", 44 },
	[ACT_LEAD] = { "col.lead", 28 }, [ACT_PARTNERS] = { "col.partners", 36 },
	[ACT_START] = { "col.start", 12 }, [ACT_END] = { "col.end", 12 },
	[ACT_COST] = { "col.cost", 14 }, [ACT_COMMITTED] = { "col.committed", 14 },
	[ACT_PLEDGED] = { "col.pledged", 14 }, [ACT_GAP] = { "col.gap", 14 },
	[ACT_STATUS] = { "col.status", 12 }, [ACT_KIND] = { "col.kind", 16 },
	[ACT_HUMAN_RIGHTS] = { "col.human_rights", 14 },
	[ACT_CURRENCY] = { "col.currency", 9 },
};
#define ACT_COUNTS_WIDTH 8

/* Budget: one row per priority, then the totals. */
enum budget_col { BUD_ID, BUD_TITLE, BUD_COST, BUD_COMMITTED, BUD_PLEDGED, BUD_GAP, BUD_SHARE, BUD_COLS };
static const struct column budget_cols[BUD_COLS] = {
	[BUD_ID] = { "col.id", 10 }, [BUD_TITLE] = { "col.priority", 50 },
	[BUD_COST] = { "col.cost", 16 }, [BUD_COMMITTED] = { "col.committed", 16 },
	[BUD_PLEDGED] = { "col.pledged", 16 }, [BUD_GAP] = { "col.gap", 16 },
	[BUD_SHARE] = { "col.share", 10 },
};
/* Which Actions column each Budget money column sums. */
static const struct {
	enum budget_col to;
	enum action_col from;
} budget_sums[] = {
	{ BUD_COST, ACT_COST }, { BUD_COMMITTED, ACT_COMMITTED }, { BUD_PLEDGED, ACT_PLEDGED },
};

enum indicator_col {
	IND_ID, IND_NAME, IND_UNIT, IND_BASELINE, IND_BASELINE_YEAR, IND_TARGET, IND_TARGET_YEAR,
	IND_SOURCE, IND_FREQUENCY, IND_RESPONSIBLE, IND_COLS
};
static const struct column indicator_cols[IND_COLS] = {
	[IND_ID] = { "col.id", 10 }, [IND_NAME] = { "col.indicator", 44 },
	[IND_UNIT] = { "col.unit", 14 }, [IND_BASELINE] = { "col.baseline", 12 },
	[IND_BASELINE_YEAR] = { "col.date", 8 }, [IND_TARGET] = { "col.target", 12 },
	[IND_TARGET_YEAR] = { "col.date", 8 }, [IND_SOURCE] = { "col.source", 30 },
	[IND_FREQUENCY] = { "col.frequency", 14 }, [IND_RESPONSIBLE] = { "col.responsible", 28 },
};

enum finding_col { FIND_CODE, FIND_SEVERITY, FIND_LINE, FIND_MESSAGE, FIND_COLS };
static const struct column finding_cols[FIND_COLS] = {
	[FIND_CODE] = { "col.code", 10 }, [FIND_SEVERITY] = { "col.severity", 12 },
	[FIND_LINE] = { "col.position", 8 }, [FIND_MESSAGE] = { "col.message", 90 },
};

/* About: item and value, then, below, the accepted deviations (no widths of
 * their own: they share the sheet's columns). */
enum about_col { ABOUT_ITEM, ABOUT_VALUE, ABOUT_COLS };
static const struct column about_cols[ABOUT_COLS] = {
	[ABOUT_ITEM] = { "col.item", 30 }, [ABOUT_VALUE] = { "col.value", 70 },
};
enum deviation_col { DEV_RULE, DEV_REASON, DEV_APPROVED_BY, DEV_EXPIRES, DEV_SCOPE, DEV_COLS };
static const struct column deviation_cols[DEV_COLS] = {
	[DEV_RULE] = { "col.rule", 0 }, [DEV_REASON] = { "col.reason", 0 },
	[DEV_APPROVED_BY] = { "col.approved_by", 0 }, [DEV_EXPIRES] = { "col.expires", 0 },
	[DEV_SCOPE] = { "col.scope", 0 },
};

/* The choices of the drop-down lists live in hidden columns of the needs
 * sheet rather than in the validation itself: Excel limits an inline list to
 * 255 characters, and libxlsxwriter 1.1 overflows on inline lists in
 * non-Latin scripts. */
static const struct choice_list {
	const char *const *names;	/* the enumeration's names, [0] unused */
	const char *prefix;		/* of their labels */
	enum need_col target;		/* the column the list validates */
	enum need_col choices;		/* the hidden column that holds the labels */
} choice_lists[] = {
	{ pv_need_kind_names, "need", NEED_KIND, NEED_LIST_KIND },
	{ pv_rating_names, "rating", NEED_RATING, NEED_LIST_RATING },
	{ pv_need_status_names, "need_status", NEED_STATUS, NEED_LIST_STATUS },
};

/* The stacked bars of the budget chart. */
static const struct {
	enum budget_col col;
	const char *legend;
} budget_series[] = {
	{ BUD_COMMITTED, "chart.legend.committed" }, { BUD_PLEDGED, "chart.legend.pledged" },
	{ BUD_GAP, "chart.legend.gap" },
};

#endif
