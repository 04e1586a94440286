/* The project configuration in force for a plan: --config, else the
 * .pveplan.yaml found upward from the plan. Shared by check and build. */
#include "cmd.h"

#include "pveplan/base.h"
#include "pveplan/read.h"
#include "pveplan/output.h"

#include <stdlib.h>
#include <string.h>

void pv_project_init(struct pv_project *pr)
{
	pv_config_init(&pr->config);
	pr->path = NULL;
}

void pv_project_release(struct pv_project *pr)
{
	pv_config_release(&pr->config);
	free(pr->path);
	pr->path = NULL;
}

const struct pv_config *pv_project_config(const struct pv_project *pr)
{
	return pr->path ? &pr->config : NULL;
}

void pv_project_locate(const char *explicit_path, const char *plan_path, struct pv_buf *out)
{
	struct pv_buf dir = PV_BUF_INIT;
	pv_buf_reset(out);
	if (explicit_path) {
		pv_buf_adds(out, explicit_path);
		return;
	}
	const char *slash = strcmp(plan_path, "-") ? strrchr(plan_path, '/') : NULL;
	if (slash)
		pv_buf_add(&dir, plan_path, (size_t)(slash - plan_path + (slash == plan_path)));
	else
		pv_buf_adds(&dir, ".");
	pv_config_find(dir.buf, out);
	pv_buf_release(&dir);
}

int pv_project_configure(struct pv_project *pr, const char *explicit_path, const char *plan_path,
			 unsigned flags, const struct pv_lang *lang)
{
	struct pv_buf found = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	struct pv_diags d = PV_DIAGS_INIT;
	int ret = 0;
	pv_project_locate(explicit_path, plan_path, &found);
	const char *cfg = explicit_path ? explicit_path : found.len ? found.buf : NULL;
	if (!cfg) {
		pv_project_release(pr);
		pv_project_init(pr);
		goto cleanup;
	}
	/* Plans of one folder share a configuration: read it once. */
	if (pr->path && !strcmp(pr->path, cfg))
		goto cleanup;
	pv_project_release(pr);
	pv_project_init(pr);
	pr->path = xstrdup(cfg);
	pv_diags_init(&d, cfg);
	int rc = pv_config_load(&pr->config, cfg, &d, &err);
	if (rc == -2) {
		pv_opts_error(&err);
		ret = -1;
	} else if (rc == -1) {
		struct pv_buf src = PV_BUF_INIT, out = PV_BUF_INIT;
		struct pv_msg e2 = { 0 };
		pv_input_read_small(cfg, PV_W("configuration"), &src, &e2);
		pv_diags_sort(&d);
		pv_render_text(&d, src.buf, src.len, flags & PV_TEXT_COLOR, lang, &out);
		fflush(stdout);
		fwrite(out.buf, 1, out.len, stderr);
		fprintf(stderr, pv_opts_text("pveplan: error: configuration '%s' has errors\n"), cfg);
		pv_buf_release(&src);
		pv_buf_release(&out);
		pv_msg_release(&e2);
		ret = -1;
	}
cleanup:
	pv_diags_release(&d);
	pv_buf_release(&found);
	pv_msg_release(&err);
	return ret;
}
