/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/bug.h of the simulated machine (tests/host/mm_sim): a WARN or a BUG is
 * a call, not a ud2 (a user process has no invalid-opcode handler of its
 * own to find the __bug_table in).  sim_bug() (kernel.c) prints Linux's
 * report, counts the WARN in nr_warnings and returns; a BUG does not return.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

void sim_bug(const char *file, unsigned int line, unsigned int flags);

#define _BUG_FLAGS(flags) sim_bug(__FILE__, __LINE__, flags)

#endif /* _ASM_X86_BUG_H */
