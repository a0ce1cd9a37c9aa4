/* SPDX-License-Identifier: GPL-2.0 */
/*
 * extable.h - exception fixups, as Linux's extable.
 *
 * An instruction that is allowed to fault (a probe of an address that may be
 * unmapped) is listed in the __ex_table section with the address to resume
 * at.  The trap handlers look the faulting EIP up before anything else: a
 * listed fault is not an oops, it is an answer.
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to)        \
	.pushsection __ex_table, "a"; \
	.balign 4;                    \
	.long from, to;               \
	.popsection
#else
#include <asm/ptrace.h>

#define _ASM_EXTABLE(from, to)            \
	".pushsection __ex_table,\"a\"\n" \
	".balign 4\n"                     \
	".long " #from ", " #to "\n"      \
	".popsection\n"

struct exception_table_entry {
	unsigned long insn; /* the instruction that may fault */
	unsigned long fixup; /* where to continue if it does */
};

/* Redirect regs->ip to the fixup if the fault is listed; true if it was. */
bool fixup_exception(struct pt_regs *regs);
const struct exception_table_entry *search_exception_tables(unsigned long ip);
#endif

#endif /* _ASM_X86_EXTABLE_H */
