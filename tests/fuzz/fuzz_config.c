/*
 * libFuzzer harness: the project configuration (.pveplan.yaml). The input
 * is written to a folder in /dev/shm (or $TMPDIR) and read as 'check'
 * reads it; its findings are shown as text; when it loads, a fixed plan
 * is checked under it and shown as text and JSON. Oracles: no control
 * character in the text, the JSON parses with one entry per finding, and
 * a configuration that loads makes the plan's verdict without a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "oracle.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/policy.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The plan of tests/golden/pve/config-overrides: it loads, and PVE124
 * and PVE116 (which that configuration changes) fire on it. */
static const char plan_text[] =
	"pveplan: 1\n"
	"plan:\n"
	"  id: pve-base\n"
	"  title: Base plan for the PVE rules\n"
	"  scope: national\n"
	"  country: XE\n"
	"  language: en\n"
	"  period: {start: 2025-01, end: 2027-12}\n"
	"  status: draft\n"
	"  currency: USD\n"
	"  references: [A/RES/70/291, A/70/674]\n"
	"coordination:\n"
	"  body: ncc\n"
	"context:\n"
	"  assessment: District survey of local drivers, 2024\n"
	"  conflict_affected: false\n"
	"  levels: [national, local]\n"
	"  drivers:\n"
	"    - {id: D1, kind: structural, description: Youth unemployment in border districts}\n"
	"stakeholders:\n"
	"  - {id: ncc, name: National Coordination Committee, sector: government}\n"
	"  - {id: moe, name: Ministry of Education, sector: government}\n"
	"  - {id: police, name: National Police, sector: security}\n"
	"  - {id: courts, name: Judicial Council, sector: judiciary}\n"
	"  - {id: youthnet, name: Youth Network, sector: youth}\n"
	"  - {id: womenorg, name: Women's Association, sector: women}\n"
	"  - {id: imams, name: Council of Religious Leaders, sector: religious}\n"
	"  - {id: undp, name: UNDP, sector: un_entity}\n"
	"consultations:\n"
	"  - {date: 2024-10-01, kind: workshop, participants: [ncc, youthnet, womenorg, imams]}\n"
	"priorities:\n"
	"  - id: P1\n"
	"    title: Prevention and dialogue\n"
	"    areas: [dialogue, governance, communities]\n"
	"    objectives:\n"
	"      - id: P1.O1\n"
	"        title: Communities and police work together\n"
	"        indicators: [I1]\n"
	"        actions:\n"
	"          - id: A1\n"
	"            title: Community policing forums\n"
	"            lead: police\n"
	"            partners: [courts, imams]\n"
	"            start: 2025-03\n"
	"            end: 2026-12\n"
	"            cost: 50000\n"
	"            funding: [{source: undp, amount: 20000, status: committed}]\n"
	"            level: local\n"
	"            target_groups: [local_communities]\n"
	"            human_rights: Forums follow a code of conduct; complaints go to the ombudsperson\n"
	"  - id: P2\n"
	"    title: Youth and women\n"
	"    areas: [youth, gender, education, communications]\n"
	"    objectives:\n"
	"      - id: P2.O1\n"
	"        title: Young people and women lead prevention\n"
	"        indicators: [I1]\n"
	"        actions:\n"
	"          - id: A2\n"
	"            title: Youth and women's prevention grants\n"
	"            lead: moe\n"
	"            partners: [youthnet, womenorg]\n"
	"            start: 2025-06\n"
	"            end: 2027-06\n"
	"            cost: 80000\n"
	"            funding: [{source: undp, amount: 30000, status: pledged}]\n"
	"            target_groups: [youth, women]\n"
	"            gender_responsive: true\n"
	"            human_rights: Grants are open to all; no data on beliefs is collected\n"
	"            capacity_needs:\n"
	"              - {id: N1, need: Grant management training, kind: training, priority: high, support_from: [undp]}\n"
	"indicators:\n"
	"  - id: I1\n"
	"    name: Districts with an active prevention forum\n"
	"    baseline: {value: 2, year: 2024}\n"
	"    target: {value: 12, year: 2027}\n"
	"    source: Ministry reports\n"
	"monitoring:\n"
	"  responsible: ncc\n"
	"  reporting: quarterly\n"
	"  reviews: [{kind: midterm, date: 2026-06}]\n"
	"risks:\n"
	"  - {id: R1, description: Stigmatisation of communities, impact: high, mitigation: Community oversight of every action}\n";

static char path[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const files[] = { ".pveplan.yaml", NULL };
	(void)argc;
	(void)argv;
	fz_fixed_clock();
	snprintf(path, sizeof(path), "%s/.pveplan.yaml", fz_temp_folder(files));
	return 0;
}

static void write_config(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror("fuzz_config: cannot write the configuration");
		abort();
	}
}

/* The fixed plan under the configuration `c`. */
static void check_plan(const struct pv_config *c, const struct pv_lang *lang)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_run_report r = { 0 };
	struct pv_plan plan;
	struct pv_policy pol = { NULL, PV_STATUS_DRAFT, 0, 0 };
	struct pv_buf out = PV_BUF_INIT;

	fz_limits(&o.limits);
	o.config = c;
	pv_diags_init(&d, FZ_PLAN_NAME);
	int loaded = pv_check_text(plan_text, sizeof(plan_text) - 1, &o, &plan, &d, &pol) == 0;
	if (!loaded)
		fz_fail("config", NULL, 0, 0, "the fixed plan did not load");
	pv_render_text(&d, plan_text, sizeof(plan_text) - 1, PV_TEXT_WAIVED, lang, &out);
	fz_no_controls("text", out.buf, out.len, "\n");
	r.lang = lang;
	pv_report_add(&r, FZ_PLAN_NAME, &plan, 1, &pol, &d);
	pv_buf_reset(&out);
	pv_render_json(&r, &out);
	if (fz_json_check("json", out.buf, out.len, "end_column") != r.files[0].diags.nr)
		fz_fail("json", out.buf, out.len, 0, "not one finding per finding");
	pv_buf_reset(&out);
	pv_render_matrix_text(&r.files[0], lang, 0, &out);
	fz_no_controls("matrix", out.buf, out.len, "\n");
	pv_buf_release(&out);
	pv_report_release(&r);
	pv_plan_release(&plan);
	pv_diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pv_config c;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_buf out = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	const struct pv_lang *lang = pv_lang_get(fz_hash(data, size) & 1 ? "fr" : "en");
	char *src = fz_text(data, size);

	write_config(data, size);
	pv_config_init(&c);
	pv_diags_init(&d, ".pveplan.yaml");
	int r = pv_config_load(&c, path, &d, &err);
	if (r == -2) {
		char *why = pv_msg_text(&err, NULL);
		fz_fail("config", why, strlen(why), 0, "the configuration cannot be read");
	}
	pv_render_text(&d, src, size, 0, lang, &out);
	fz_no_controls("config text", out.buf, out.len, "\n");
	if (fz_count_lines(out.buf, out.len, ".pveplan.yaml:") != d.nr)
		fz_fail("config text", out.buf, out.len, 0, "not one header line per finding");
	if ((r == 0) != (d.nr == 0))
		fz_fail("config", out.buf, out.len, 0, "loaded with findings, or refused without");
	if (r == 0)
		check_plan(&c, lang);
	pv_config_release(&c);
	pv_diags_release(&d);
	pv_msg_release(&err);
	pv_buf_release(&out);
	free(src);
	return 0;
}
