#ifndef PVEPLAN_FUZZ_HARNESS_H
#define PVEPLAN_FUZZ_HARNESS_H

/* What every harness does the same way: the input as text, the limits
 * that keep one input to milliseconds, the choices an input makes. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pveplan/base.h"
#include "pveplan/yaml.h"

/* The name findings give the plan (text output lines begin with it). */
#define FZ_PLAN_NAME "fuzz.yaml"

/* The input, NUL-terminated as the parser wants it; the caller frees it. */
static inline char *fz_text(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Tighter than the defaults (which admit 64 MiB plans): inputs are small
 * (-max_len), and an alias bomb must stop at FMT007 within milliseconds. */
static inline void fz_limits(struct pv_limits *l)
{
	l->max_file_size = 1u << 20;
	l->max_depth = 64;
	l->max_nodes = 100000;
	l->max_scalar = 64u << 10;
	l->max_expanded = 4u << 20;
}

/* FNV-1a of the input: the choices of a run (language, --redact) follow
 * from the input alone, so every run of an input is the same run. */
static inline uint32_t fz_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

#endif
