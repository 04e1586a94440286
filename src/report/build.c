/* A build: a checked plan rendered as the reports a ministry can circulate,
 * written as one set. Used by 'pveplan build' and the fuzz harness. */
#include "pveplan/report.h"

#include "pveplan/base.h"
#include "pveplan/read.h"
#include "pveplan/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>



void pv_build_result_init(struct pv_build_result *r)
{
	memset(r, 0, sizeof(*r));
	r->diags = (struct pv_diags)PV_DIAGS_INIT;
	pv_buf_init(&r->src);
}

void pv_build_result_release(struct pv_build_result *r)
{
	pv_diags_release(&r->diags);
	pv_buf_release(&r->src);
	pv_msg_release(&r->err);
	pv_pathlist_release(&r->written);
	pv_build_result_init(r);
}

static const char *const report_names[] = { "report.md", "report.html", "capacity-needs.xlsx" };
#define NREPORTS 3

/* One build in progress: the reports rendered, waiting to be renamed. */
struct job {
	const struct pv_build_opts *o;
	struct pv_build_result *r;
	const char *outdir;
	struct pv_buf finals[NREPORTS];		/* outdir/report.md ... */
	struct pv_tmpfile tmp[NREPORTS];
	struct pv_buf md, html;
	struct pv_report_input in;
};

static int wanted(const struct job *j, int i)
{
	return (j->o->formats & (1u << i)) != 0;
}

/* Checks the plan: PV_BUILD_* when the build stops there, else -1. */
static int check_plan(const struct pv_build_opts *o, struct pv_build_result *r,
		      struct pv_plan *plan, struct pv_policy *pol)
{
	int loaded;
	pv_diags_init(&r->diags, !o->src && !strcmp(o->plan_path, "-") ? "<stdin>" : o->plan_path);
	if (o->src) {
		pv_buf_add(&r->src, o->src, o->len);
		loaded = pv_check_text(r->src.buf, r->src.len, &o->check, plan, &r->diags, pol) == 0;
	} else {
		loaded = pv_check_file(o->plan_path, &o->check, &r->src, plan, &r->diags, pol, &r->err);
		if (loaded < 0)
			return PV_BUILD_IO;
	}
	r->loaded = loaded;
	r->errors = pv_diags_count(&r->diags, PV_SEV_ERROR);
	r->lang = o->lang ? o->lang : pv_lang_get(plan->plan.language.s);
	if (!r->lang)
		r->lang = pv_lang_default();
	if (!loaded || (r->errors && !o->force))
		return PV_BUILD_FINDINGS;
	return -1;
}

/* The plan's id names the default folder only when it is a valid id (under
 * --force it may not be): plan text never chooses a path elsewhere. */
static const char *default_folder(const struct pv_plan *plan)
{
	const char *id = plan->plan.id.s;
	if (!id || !((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z')) || strlen(id) > 64)
		return "report";
	for (const char *p = id; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *p))
			return "report";
	return id;
}

/* Refuses a report that is one of the build's inputs (the same file under
 * another name, or through a hard link): writing it would destroy what the
 * report is made from. A symbolic link at a report's name is not an input:
 * it is replaced, never followed, so what it points to is safe. */
static int refuse_inputs(struct job *j)
{
	const struct pv_build_opts *o = j->o;
	struct pv_buf page = PV_BUF_INIT, style = PV_BUF_INIT;
	const char *inputs[4];
	size_t n = 0;
	int ret = 0;

	if (!o->src)
		inputs[n++] = o->plan_path;
	if (o->config_path)
		inputs[n++] = o->config_path;
	if (o->template_dir) {
		pv_buf_addf(&page, "%s/page.html", o->template_dir);
		pv_buf_addf(&style, "%s/style.css", o->template_dir);
		inputs[n++] = page.buf;
		inputs[n++] = style.buf;
	}
	for (int i = 0; i < NREPORTS && !ret; i++) {
		struct stat st;
		if (lstat(j->finals[i].buf, &st) == 0 && S_ISLNK(st.st_mode))
			continue;
		long k = wanted(j, i) ? pv_output_find_input(j->finals[i].buf, inputs, n) : -1;
		if (k >= 0) {
			pv_err(&j->r->err, "the report '%s' is the input '%s' (the same file): "
				    "nothing written; choose another folder with -o",
				    j->finals[i].buf, inputs[k]);
			ret = -1;
		}
	}
	pv_buf_release(&page);
	pv_buf_release(&style);
	return ret;
}

/* Creates `dir` and its missing parents, as mkdir -p does. */
static int make_dir(const char *dir, struct pv_msg *err)
{
	struct pv_buf p = PV_BUF_INIT;
	struct stat st;
	int ret = 0;

	pv_buf_adds(&p, dir);
	for (size_t i = 1; i <= p.len && !ret; i++) {
		if (i < p.len && p.buf[i] != '/')
			continue;
		char c = p.buf[i];
		p.buf[i] = '\0';
		if (mkdir(p.buf, 0777) < 0 && errno != EEXIST) {
			pv_err(err, "cannot create '%s': %s", p.buf, pv_arg_errno(errno));
			ret = -1;
		}
		p.buf[i] = c;
	}
	if (!ret && stat(dir, &st) < 0) {
		pv_err(err, "cannot create '%s': %s", dir, pv_arg_errno(errno));
		ret = -1;
	} else if (!ret && !S_ISDIR(st.st_mode)) {
		pv_err(err, "cannot create '%s': %s", dir, pv_arg_errno(ENOTDIR));
		ret = -1;
	}
	pv_buf_release(&p);
	return ret;
}

/* Takes the folder's lock, waiting for a build that holds it. The lock is
 * flock(2) on the folder itself: nothing is left behind, and it goes with
 * the process that holds it, however that process ends. */
static int lock_folder(const char *dir, FILE *notices, struct pv_msg *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		pv_err(err, "cannot open the folder '%s': %s", dir, pv_arg_errno(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK && notices) {
		fprintf(notices, "pveplan: waiting for another build writing to '%s'\n", dir);
		fflush(notices);
	}
	int r;
	while ((r = flock(fd, LOCK_EX)) < 0 && errno == EINTR)
		;
	if (r < 0) {
		pv_err(err, "cannot lock the folder '%s': %s", dir, pv_arg_errno(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* Renders every report to its temporary file; nothing is renamed yet. */
static int render_all(struct job *j)
{
	struct pv_msg *err = &j->r->err;
	const struct pv_buf *bodies[] = { &j->md, &j->html };

	for (int i = 0; i < 2; i++)
		if (wanted(j, i) && pv_tmpfile_create(&j->tmp[i], j->finals[i].buf, bodies[i]->buf,
						      bodies[i]->len, err) < 0)
			return -1;
	if (!wanted(j, 2))
		return 0;
	/* libxlsxwriter writes to a path: the temporary file's. */
	if (pv_tmpfile_create(&j->tmp[2], j->finals[2].buf, NULL, 0, err) < 0 ||
	    pv_report_xlsx(&j->in, j->tmp[2].tmp, j->finals[2].buf, j->outdir, err) < 0)
		return -1;
	return 0;
}

/* Renames the complete set into place. A folder in the way is found
 * before the first rename, so it cannot leave half a set. */
static int commit_all(struct job *j)
{
	struct stat st;
	for (int i = 0; i < NREPORTS; i++)
		if (wanted(j, i) && lstat(j->finals[i].buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			pv_err(&j->r->err, "cannot write '%s': it is a directory",
				    j->finals[i].buf);
			return -1;
		}
	for (int i = 0; i < NREPORTS; i++) {
		if (!wanted(j, i))
			continue;
		if (pv_tmpfile_commit(&j->tmp[i], &j->r->err) < 0)
			return -1;
		pv_pathlist_add(&j->r->written, j->finals[i].buf);
	}
	return 0;
}

static int write_reports(struct job *j)
{
	struct pv_msg *err = &j->r->err;
	int fd = -1, ret = PV_BUILD_IO;

	for (int i = 0; i < NREPORTS; i++)
		pv_buf_addf(&j->finals[i], "%s/%s", j->outdir, report_names[i]);
	if (refuse_inputs(j) < 0)
		return PV_BUILD_REFUSED;
	/* In memory first: a template problem writes nothing at all. */
	if (wanted(j, 0) || wanted(j, 1))
		pv_report_markdown(&j->in, &j->md);
	if (wanted(j, 1) &&
	    pv_report_html(&j->in, j->md.buf, j->md.len, j->o->template_dir, &j->html, err) < 0)
		return PV_BUILD_IO;
	if (make_dir(j->outdir, err) < 0 || (fd = lock_folder(j->outdir, j->o->notices, err)) < 0)
		return PV_BUILD_IO;
	if (render_all(j) == 0 && commit_all(j) == 0)
		ret = PV_BUILD_OK;
	for (int i = 0; i < NREPORTS; i++)
		pv_tmpfile_release(&j->tmp[i]);
	close(fd);	/* releases the lock, once the set is in place */
	return ret;
}

/* Renders and writes the reports of a checked plan. */
static int build_reports(const struct pv_build_opts *o, struct pv_build_result *r,
			 const struct pv_plan *plan, const struct pv_policy *pol)
{
	struct pv_matrix matrix;
	struct job j = {
		.o = o, .r = r,
		.outdir = o->outdir ? o->outdir : default_folder(plan),
		.finals = { PV_BUF_INIT, PV_BUF_INIT, PV_BUF_INIT },
		.tmp = { PV_TMPFILE_INIT, PV_TMPFILE_INIT, PV_TMPFILE_INIT },
		.md = PV_BUF_INIT, .html = PV_BUF_INIT,
	};
	int ret = PV_BUILD_REFUSED;

	pv_matrix_build(pol, &r->diags, 1, &matrix);
	j.in = (struct pv_report_input){ plan, &r->diags, &matrix, r->lang, plan->plan.language.s,
					 o->redact, r->errors, pv_now() };
	if (*j.outdir)
		ret = write_reports(&j);
	else
		pv_err(&r->err, "the output folder is an empty name");
	for (int i = 0; i < NREPORTS; i++)
		pv_buf_release(&j.finals[i]);
	pv_buf_release(&j.md);
	pv_buf_release(&j.html);
	return ret;
}

int pv_build(const struct pv_build_opts *o, struct pv_build_result *r)
{
	struct pv_plan plan;
	struct pv_policy pol;
	int ret = check_plan(o, r, &plan, &pol);
	if (ret < 0)
		ret = build_reports(o, r, &plan, &pol);
	pv_plan_release(&plan);
	return ret;
}
