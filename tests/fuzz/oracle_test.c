/*
 * The oracles catch what they claim to: each bad output below must make
 * its oracle abort (in a child process), each good one must pass. Run by
 * .ci/fuzz before fuzzing: an oracle that never fires would make every
 * campaign pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oracle.h"
#include "pveplan/base.h"

enum kind { JSON, XML, CONTROLS, SGR };

struct oracle_case {
	enum kind kind;
	const char *s;
	int bad;		/* the oracle must abort */
};

static const struct oracle_case cases[] = {
	{ JSON, "{\"a\":[1,-2.5e3,true,null,\"\\u00e9\"]}", 0 },
	{ JSON, "{\"a\":1,}", 1 },
	{ JSON, "[\"\x01\"]", 1 },
	{ JSON, "01", 1 },
	{ JSON, "\"\\u12\"", 1 },
	{ JSON, "\"\xff\"", 1 },
	{ JSON, "{} {}", 1 },
	{ XML, "<a xmlns:p=\"u\"><p:b c=\"&amp;&#xe9;\"/></a>", 0 },
	{ XML, "<a>&#x1;</a>", 1 },
	{ XML, "<a>&#xFFFE;</a>", 1 },
	{ XML, "<a><b></a>", 1 },
	{ XML, "<a>\x01</a>", 1 },
	{ XML, "<a>\xef\xbf\xbf</a>", 1 },
	{ XML, "<q:a/>", 1 },
	{ CONTROLS, "ok\n\xc3\xa9\xe2\x80\x8b\n", 0 },
	{ CONTROLS, "a\x1b[2J", 1 },
	{ CONTROLS, "a\xc2\x9b", 1 },
	{ CONTROLS, "a\xff", 1 },
	{ CONTROLS, "a\tb", 1 },
	{ CONTROLS, "a\x7f", 1 },
	{ SGR, "\x1b[1;31mx\x1b[0m", 0 },
	{ SGR, "\x1b]8;;x\x07", 1 },
	{ SGR, "x\x1b[2", 1 },
};

static void run(const struct oracle_case *c)
{
	struct pv_buf b = PV_BUF_INIT;
	size_t len = strlen(c->s);
	switch (c->kind) {
	case JSON:
		fz_json_check("test", c->s, len, NULL);
		break;
	case XML:
		fz_xml_init();
		fz_xml_check("test", c->s, len, NULL);
		break;
	case CONTROLS:
		fz_no_controls("test", c->s, len, "\n");
		break;
	case SGR:
		fz_strip_sgr("test", c->s, len, &b);
		break;
	}
	pv_buf_release(&b);
}

/* 1 when the oracle aborted on the case. */
static int aborts(const struct oracle_case *c)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("oracle_test: fork");
		exit(2);
	}
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(2);
		run(c);
		_exit(0);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0) {
		perror("oracle_test: waitpid");
		exit(2);
	}
	return WIFSIGNALED(st);
}

int main(void)
{
	int failed = 0;
	for (size_t i = 0; i < PV_ARRAY_SIZE(cases); i++)
		if (aborts(&cases[i]) != cases[i].bad) {
			struct pv_buf v = PV_BUF_INIT;
			pv_buf_add_visible(&v, cases[i].s, strlen(cases[i].s));
			fprintf(stderr, "oracle_test: case %zu (%s) should %s\n", i, v.buf,
				cases[i].bad ? "abort" : "pass");
			pv_buf_release(&v);
			failed = 1;
		}
	/* The counts the harnesses compare. */
	const char *j = "{\"end_column\":1,\"x\":[{\"end_column\":2,\"s\":\"\\\"end_column\\\":\"}]}";
	if (fz_json_check("test", j, strlen(j), "end_column") != 2) {
		fprintf(stderr, "oracle_test: JSON keys miscounted\n");
		failed = 1;
	}
	fz_xml_init();
	const char *x = "<s><testcase/><t><testcase>&lt;testcase/&gt;</testcase></t></s>";
	if (fz_xml_check("test", x, strlen(x), "testcase") != 2) {
		fprintf(stderr, "oracle_test: XML elements miscounted\n");
		failed = 1;
	}
	if (!failed)
		printf("oracle_test: %zu cases, every oracle fires when it should\n",
		       PV_ARRAY_SIZE(cases));
	return failed;
}
