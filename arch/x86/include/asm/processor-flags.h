/* SPDX-License-Identifier: GPL-2.0 */
/* processor-flags.h - bits of EFLAGS and the control registers (Intel SDM vol. 3). */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF 0x00000001 /* carry */
#define X86_EFLAGS_FIXED 0x00000002 /* bit 1: always set */
#define X86_EFLAGS_PF 0x00000004
#define X86_EFLAGS_AF 0x00000010
#define X86_EFLAGS_ZF 0x00000040
#define X86_EFLAGS_SF 0x00000080
#define X86_EFLAGS_TF 0x00000100 /* single step */
#define X86_EFLAGS_IF 0x00000200 /* interrupts enabled */
#define X86_EFLAGS_DF 0x00000400 /* string direction */
#define X86_EFLAGS_OF 0x00000800
#define X86_EFLAGS_IOPL 0x00003000 /* I/O privilege level */
#define X86_EFLAGS_NT 0x00004000 /* nested task */
#define X86_EFLAGS_RF 0x00010000
#define X86_EFLAGS_VM 0x00020000 /* virtual 8086 mode */
#define X86_EFLAGS_AC 0x00040000 /* alignment check */
#define X86_EFLAGS_ID 0x00200000 /* CPUID detection */

#define X86_CR0_PE 0x00000001 /* protection enable */
#define X86_CR0_MP 0x00000002 /* monitor coprocessor: WAIT obeys TS */
#define X86_CR0_EM 0x00000004 /* emulate the FPU (off: there is one) */
#define X86_CR0_TS 0x00000008 /* task switched: the next FPU use traps */
#define X86_CR0_NE 0x00000020 /* FPU errors as exception 16 */
#define X86_CR0_WP 0x00010000 /* write protect also in supervisor mode */
#define X86_CR0_PG 0x80000000 /* paging */

#define X86_CR4_PSE 0x00000010 /* 4 MB pages */
#define X86_CR4_PGE 0x00000080 /* global pages */

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
