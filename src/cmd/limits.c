/* The limits of check and build (the FMT007 safety limits, and how many
 * findings are shown): one table and one parser for both. */
#include "cmd.h"

#include <string.h>

enum { L_FILE_SIZE, L_DEPTH, L_NODES, L_SCALAR, L_EXPANDED, L_FINDINGS };

const struct pv_option pv_limit_options[] = {
	[L_FILE_SIZE] = { "max-file-size", 0, "SIZE", "refuse larger files (default: 64M)" },
	[L_DEPTH] = { "max-depth", 0, "N", "refuse deeper nesting (default: 100)" },
	[L_NODES] = { "max-nodes", 0, "N", "refuse documents with more nodes, aliases expanded (default: 10000000)" },
	[L_SCALAR] = { "max-scalar", 0, "SIZE", "refuse longer strings (default: 1M)" },
	[L_EXPANDED] = { "max-expanded-size", 0, "SIZE", "refuse documents larger than SIZE once aliases are expanded (default: 64M)" },
	[L_FINDINGS] = { "max-findings", 0, "N", "show at most N findings of each rule in each file, 0 for all (default: 1000; counts stay true)" },
	{ NULL, 0, NULL, NULL },
};

int pv_limits_option(const struct pv_command_help *h, int opt, const char *arg,
		     struct pv_check_opts *o)
{
	struct pv_limits *lim = &o->limits;
	int i = opt - PV_OPT_LIMIT;
	uint64_t v = 0;
	if (i == L_FINDINGS) {
		if (pv_opts_parse_count(arg, &v) < 0) {
			pv_opts_usage_error(h, "--max-findings takes a whole number, not '%s'", arg);
			return -1;
		}
		o->max_findings = (size_t)v;
		return 0;
	}
	if (i == L_FILE_SIZE || i == L_SCALAR || i == L_EXPANDED) {
		if (pv_opts_parse_size(arg, &v) < 0 || !v) {
			pv_opts_usage_error(h, "--%s takes a size such as 64M, not '%s'",
					    pv_limit_options[i].name, arg);
			return -1;
		}
		if (i == L_FILE_SIZE)
			lim->max_file_size = v;
		else if (i == L_SCALAR)
			lim->max_scalar = v;
		else
			lim->max_expanded = v;
		return 0;
	}
	if (pv_opts_parse_count(arg, &v) < 0 || !v || (i == L_DEPTH && v > 100000)) {
		pv_opts_usage_error(h, "--%s takes a positive whole number, not '%s'",
				    pv_limit_options[i].name, arg);
		return -1;
	}
	if (i == L_DEPTH)
		lim->max_depth = (uint32_t)v;
	else
		lim->max_nodes = v;
	return 0;
}
