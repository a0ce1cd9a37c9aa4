#!/bin/sh
# check-kallsyms.sh PASS1 FINAL - the symbol table must not have moved code:
# every function symbol of the first link has the same address in the final.
set -eu
a=$(mktemp) b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
nm -n "$1" | awk 'NF == 3 && $2 ~ /^[tTwW]$/' > "$a"
nm -n "$2" | awk 'NF == 3 && $2 ~ /^[tTwW]$/' > "$b"
if ! cmp -s "$a" "$b"; then
	echo "kallsyms: function addresses moved between the two links:" >&2
	diff "$a" "$b" | head -20 >&2
	exit 1
fi
