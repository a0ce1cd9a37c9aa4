#!/bin/sh
# gen-kallsyms.sh - turn `nm -n kernel.elf` output (file or - for stdin) into
# an assembly file with the kernel's function symbols, sorted by address:
#
#   kallsyms_num                 number of symbols
#   kallsyms_addresses[num]      start address of each function
#   kallsyms_offsets[num]        offset of each name in kallsyms_names
#   kallsyms_names               the NUL-terminated names, back to back
#
# kernel/kallsyms.c looks addresses up in it for oops reports and %pS.
set -eu
input=${1:--}
[ "$input" = /dev/null ] && input=/dev/null

awk 'BEGIN { n = 0 }
NF == 3 && $2 ~ /^[tTwW]$/ && $3 !~ /^\.L/ && $3 !~ /^__kstrtab/ {
	addr[n] = $1; name[n] = $3; n++
}
END {
	print "\t.section .kallsyms, \"a\""
	print "\t.balign 4"
	print "\t.globl kallsyms_num"
	print "kallsyms_num:\n\t.long " n
	print "\t.globl kallsyms_addresses"
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) print "\t.long 0x" addr[i]
	print "\t.globl kallsyms_offsets"
	print "kallsyms_offsets:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "\t.globl kallsyms_names"
	print "kallsyms_names:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
	print "\t.byte 0"
}' "$input"
