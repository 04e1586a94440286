#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"
#include "model/schema.h"

/*
 * docs/plan-format.md documents every key of the format and every value of
 * its enumerations: each is walked from the loader's own schema table and
 * must appear in the page, in backticks or as the key of a table row. A key added to the schema without
 * its documentation fails here.
 */
static char *doc;

static void read_doc(const char *srcdir)
{
	struct pv_buf path = PV_BUF_INIT, text = PV_BUF_INIT;
	char chunk[4096];
	size_t n;
	pv_buf_addf(&path, "%s/docs/plan-format.md", srcdir);
	FILE *f = fopen(path.buf, "r");
	if (!f) {
		fprintf(stderr, "cannot read %s\n", path.buf);
		exit(1);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pv_buf_add(&text, chunk, n);
	fclose(f);
	pv_buf_release(&path);
	doc = pv_buf_detach(&text, NULL);
}

static int documented(const char *word)
{
	char quoted[128], row[128];
	snprintf(quoted, sizeof(quoted), "`%s`", word);
	snprintf(row, sizeof(row), "\n| %s |", word);	/* the key column of a table */
	if (strstr(doc, quoted) || strstr(doc, row))
		return 1;
	/* Also inside a code span of several words: `key: value`, `[a, b]`. */
	for (const char *p = strchr(doc, '`'); p; p = strchr(p + 1, '`')) {
		const char *e = strchr(p + 1, '`');
		if (!e)
			break;
		size_t n = strlen(word);
		for (const char *q = p + 1; q + n <= e; q++)
			if (!strncmp(q, word, n) && !(q > p + 1 && (q[-1] == '_' || (q[-1] >= 'a' && q[-1] <= 'z'))) &&
			    !(q[n] == '_' || (q[n] >= 'a' && q[n] <= 'z')))
				return 1;
		p = e;
	}
	return 0;
}

static size_t missing;

static void walk(const struct pv_schema *s, const char *where, int depth)
{
	if (depth > 8)
		return;
	for (size_t i = 0; i < s->nfields; i++) {
		const struct pv_field *f = &s->fields[i];
		if (!documented(f->key)) {
			printf("docs/plan-format.md does not document key '%s' (in %s)\n", f->key, where);
			missing++;
		}
		for (size_t v = 1; f->names && f->names[v]; v++)
			if (!documented(f->names[v])) {
				printf("docs/plan-format.md does not document value '%s' of '%s' (in %s)\n",
				       f->names[v], f->key, where);
				missing++;
			}
		if (f->sub)
			walk(f->sub, f->key, depth + 1);
	}
}

static void test_every_key_documented(void **state)
{
	(void)state;
	walk(&pv_schema_file, "the top level", 0);
	if (missing)
		fail_msg("%zu keys or values are not documented", missing);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_docs SOURCE_DIR\n");
		return 2;
	}
	read_doc(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_documented),
	};
	int r = cmocka_run_group_tests_name("docs", tests, NULL, NULL);
	free(doc);
	return r;
}
