#!/usr/bin/env bash
# Writes tests/fuzz/pveplan.dict (the libFuzzer dictionary of every harness)
# from the sources of truth: plan keys from src/model/schema.c, enumeration
# words from include/pveplan/enums.def, rule codes from src/check/checks.h,
# configuration keys from src/policy/config.c; then the YAML syntax and the
# escapes that try the outputs, written out below. Run it after a key, a
# value or a rule is added, and commit the result:
#   bash tests/fuzz/gen-dict.sh > tests/fuzz/pveplan.dict
set -euo pipefail
cd "$(dirname "$0")/../.."

words() { sort -u | grep -v "^$" | while read -r w; do printf '"%s"\n' "$w"; done; }

echo '# libFuzzer dictionary of the pveplan harnesses: written by tests/fuzz/gen-dict.sh.'
echo '# Plan keys (src/model/schema.c), each also as a YAML key.'
grep -o 'F([^,]*, "[a-z_0-9]*"' src/model/schema.c | sed 's/.*"\(.*\)"/\1/' | sort -u |
  while read -r k; do printf '"%s"\n"%s: "\n' "$k" "$k"; done
echo '# Enumeration words (include/pveplan/enums.def).'
grep -o '"[a-z_0-9]*"' include/pveplan/enums.def | tr -d '"' | words
echo '# Rule codes (src/check/checks.h) and the configuration (src/policy/config.c).'
grep -o 'X([A-Z]\{3\}[0-9]\{3\}' src/check/checks.h | cut -c3- | words
printf '%s\n' rules thresholds public_sector society_sectors regional_bodies info warning error off | words
cat <<'DICT'
# Values the loader parses: dates, codes, amounts, versions.
"2025-01"
"2025-03-14"
"2030-12-31"
"1969-12-31"
"9999-12"
"XE"
"FR"
"USD"
"EUR"
"en"
"fr"
"ar"
"zh"
"1e308"
"-0"
"0x1F"
".inf"
".nan"
"true"
"false"
"null"
"~"
# YAML syntax.
"---"
"..."
"- "
": "
"? "
"{"
"}"
"["
"]"
", "
"&a "
"*a"
"<<: *a"
"!!str "
"!!binary "
"!tag "
"%YAML 1.2"
"%TAG ! tag:x,2026:"
"|"
"|-"
">+"
"|2"
"'"
"\""
"#"
"\x0a  "
"\x0a- "
"\x0d\x0a"
"\x09"
"\xef\xbb\xbf"
# YAML escapes in double-quoted scalars (as written in the plan).
"\\x04"
"\\x00"
"\\e"
"\\e[2J"
"\\x1b[2J"
"\\x1b]8;;http://x\\x07"
"\\a"
"\\b"
"\\v"
"\\f"
"\\r"
"\\N"
"\\L"
"\\P"
"\\_"
"\\uFFFF"
"\\uFFFE"
"\\uFEFF"
"\\u202E"
"\\u2066"
"\\u2028"
"\\U0010FFFF"
"\\uD800"
"\\x85"
"\\x9b"
# The same characters raw (after a YAML escape they reach the outputs).
"\x04"
"\x1b[2J"
"\x1b[31m"
"\x7f"
"\xc2\x85"
"\xc2\x9b"
"\xe2\x80\xae"
"\xe2\x80\xa8"
"\xef\xbf\xbf"
"\xed\xa0\x80"
"\xff"
# What the outputs treat as structure: Markdown, HTML, XML, JSON, workflow commands.
"# "
"## "
"```"
"~~~"
"| "
"|---|"
"***"
"> "
"![x](http://x)"
"[x](javascript:alert(1))"
"<script>"
"<!--"
"]]>"
"<![CDATA["
"&#0;"
"&#x1;"
"&amp;"
"&#xFFFE;"
"{{body}}"
"{{title}}"
"%0A"
"::error file="
"\\"
"\\n"
"\\u0000"
"=SUM(A1)"
"@"
DICT
