/*
 * libyaml's problem and context strings (src/scanner.c, src/parser.c and
 * src/reader.c of libyaml 0.2.5), as words of the catalogue: when no case
 * of the syntax catalogue explains an error, its finding says libyaml's
 * problem in the drafter's language rather than in English. The note
 * "in YAML's own words" keeps them as libyaml wrote them.
 */
#include "pveplan/yaml.h"

#include <string.h>

static const struct pv_arg words[] = {
	/* scanner */
	PV_W_INIT("block sequence entries are not allowed in this context"),
	PV_W_INIT("could not find expected ':'"),
	PV_W_INIT("could not find expected directive name"),
	PV_W_INIT("did not find URI escaped octet"),
	PV_W_INIT("did not find expected '!'"),
	PV_W_INIT("did not find expected alphabetic or numeric character"),
	PV_W_INIT("did not find expected comment or line break"),
	PV_W_INIT("did not find expected digit or '.' character"),
	PV_W_INIT("did not find expected hexdecimal number"),
	PV_W_INIT("did not find expected tag URI"),
	PV_W_INIT("did not find expected version number"),
	PV_W_INIT("did not find expected whitespace or line break"),
	PV_W_INIT("did not find expected whitespace"),
	PV_W_INIT("did not find the expected '>'"),
	PV_W_INIT("found a tab character that violates indentation"),
	PV_W_INIT("found a tab character where an indentation space is expected"),
	PV_W_INIT("found an incorrect leading UTF-8 octet"),
	PV_W_INIT("found an incorrect trailing UTF-8 octet"),
	PV_W_INIT("found an indentation indicator equal to 0"),
	PV_W_INIT("found character that cannot start any token"),
	PV_W_INIT("found extremely long version number"),
	PV_W_INIT("found invalid Unicode character escape code"),
	PV_W_INIT("found unexpected ':'"),
	PV_W_INIT("found unexpected document indicator"),
	PV_W_INIT("found unexpected end of stream"),
	PV_W_INIT("found unexpected non-alphabetical character"),
	PV_W_INIT("found unknown directive name"),
	PV_W_INIT("found unknown escape character"),
	PV_W_INIT("mapping keys are not allowed in this context"),
	PV_W_INIT("mapping values are not allowed in this context"),
	/* parser */
	PV_W_INIT("did not find expected ',' or ']'"),
	PV_W_INIT("did not find expected ',' or '}'"),
	PV_W_INIT("did not find expected '-' indicator"),
	PV_W_INIT("did not find expected <document start>"),
	PV_W_INIT("did not find expected <stream-start>"),
	PV_W_INIT("did not find expected key"),
	PV_W_INIT("did not find expected node content"),
	PV_W_INIT("found duplicate %TAG directive"),
	PV_W_INIT("found duplicate %YAML directive"),
	PV_W_INIT("found incompatible YAML document"),
	PV_W_INIT("found undefined tag handle"),
	/* reader (the pre-scan reports most of these first) */
	PV_W_INIT("control characters are not allowed"),
	PV_W_INIT("incomplete UTF-8 octet sequence"),
	PV_W_INIT("invalid leading UTF-8 octet"),
	PV_W_INIT("invalid trailing UTF-8 octet"),
	PV_W_INIT("invalid length of a UTF-8 sequence"),
	PV_W_INIT("invalid Unicode character"),
	PV_W_INIT("input is too long"),
	/* contexts */
	PV_W_INIT("while parsing a %TAG directive"),
	PV_W_INIT("while parsing a block collection"),
	PV_W_INIT("while parsing a block mapping"),
	PV_W_INIT("while parsing a block node"),
	PV_W_INIT("while parsing a flow mapping"),
	PV_W_INIT("while parsing a flow node"),
	PV_W_INIT("while parsing a flow sequence"),
	PV_W_INIT("while parsing a node"),
	PV_W_INIT("while parsing a quoted scalar"),
	PV_W_INIT("while parsing a tag"),
	PV_W_INIT("while scanning a %TAG directive"),
	PV_W_INIT("while scanning a %YAML directive"),
	PV_W_INIT("while scanning a block scalar"),
	PV_W_INIT("while scanning a directive"),
	PV_W_INIT("while scanning a plain scalar"),
	PV_W_INIT("while scanning a quoted scalar"),
	PV_W_INIT("while scanning a simple key"),
	PV_W_INIT("while scanning a tag"),
	PV_W_INIT("while scanning an alias"),
	PV_W_INIT("while scanning an anchor"),
	PV_W_INIT("while scanning for the next token"),
};

struct pv_arg pv_yaml_word(const char *s)
{
	for (size_t i = 0; s && i < PV_ARRAY_SIZE(words); i++)
		if (!strcmp(words[i].u.s, s))
			return words[i];
	return pv_arg_text(s ? s : "unknown error");
}
