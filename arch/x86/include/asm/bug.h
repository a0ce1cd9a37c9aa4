/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/bug.h - how x86 marks a WARN or a BUG (include/bug.h has the rest).
 *
 * A `ud2` instruction, and a struct bug_entry in the __bug_table section with
 * its address, file, line and flags.  The invalid-opcode handler finds the
 * entry (kernel/bug.c): a WARN is reported and execution continues after
 * the ud2; a BUG oopses.  Nothing is spent on the path that does not warn.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#define _BUG_FLAGS(flags)                                                \
	__asm__ __volatile__("1:\tud2\n"                                 \
			     ".pushsection __bug_table,\"aw\"\n"         \
			     "2:\t.long 1b, %c0\n"                       \
			     "\t.word %c1, %c2\n"                        \
			     "\t.org 2b + %c3\n"                         \
			     ".popsection"                               \
			     :                                           \
			     : "i"(__FILE__), "i"(__LINE__), "i"(flags), \
			       "i"(sizeof(struct bug_entry))             \
			     : "memory")

#endif /* _ASM_X86_BUG_H */
