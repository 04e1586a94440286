/*
 * yaml_floor: the floor for any libyaml-based reader of a plan file.
 *
 *   yaml_floor FILE
 *
 * Reads FILE whole into memory (as pveplan must, to quote source lines in
 * diagnostics), then runs libyaml's event parser over it, deleting every
 * event, and prints the number of events. No tree is built and nothing is
 * checked, so no libyaml-based tool can be faster or use less memory than
 * this on the same file.
 *
 * Exit status: 0 on success, 1 on a YAML error, 3 when FILE is unreadable.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t alloc = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (n == alloc) {
			unsigned char *p;

			alloc = alloc ? 2 * alloc : 1 << 16;
			p = realloc(buf, alloc);
			if (!p) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, alloc - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		errno = e;
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned char *buf;
	size_t len = 0;
	unsigned long long events = 0;
	int ret = 0, done = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml_floor FILE\n");
		return 2;
	}
	buf = read_file(argv[1], &len);
	if (!buf) {
		fprintf(stderr, "yaml_floor: %s: %s\n", argv[1], strerror(errno));
		return 3;
	}
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "yaml_floor: cannot initialise the parser\n");
		free(buf);
		return 3;
	}
	yaml_parser_set_input_string(&parser, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "yaml_floor: %s:%lu:%lu: %s\n", argv[1],
				(unsigned long)parser.problem_mark.line + 1,
				(unsigned long)parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "YAML error");
			ret = 1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	free(buf);
	if (ret == 0)
		printf("%llu\n", events);
	return ret;
}
