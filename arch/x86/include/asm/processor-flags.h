/* SPDX-License-Identifier: GPL-2.0 */
/* processor-flags.h - bits of EFLAGS and the control registers (Intel SDM vol. 3). */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF 0x00000001 /* carry */
#define X86_EFLAGS_IF 0x00000200 /* interrupts enabled */
#define X86_EFLAGS_DF 0x00000400 /* string direction */
#define X86_EFLAGS_ID 0x00200000 /* CPUID detection */

#define X86_CR0_PE 0x00000001 /* protection enable */
#define X86_CR0_WP 0x00010000 /* write protect also in supervisor mode */
#define X86_CR0_PG 0x80000000 /* paging */

#define X86_CR4_PSE 0x00000010 /* 4 MB pages */
#define X86_CR4_PGE 0x00000080 /* global pages */

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
