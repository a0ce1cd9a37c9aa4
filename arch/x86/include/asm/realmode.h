/* SPDX-License-Identifier: GPL-2.0 */
/*
 * realmode.h - the real-mode trampoline that starts an application
 * processor (arch/x86/kernel/trampoline_32.S).
 *
 * A CPU woken by a STARTUP IPI begins in 16-bit real mode at physical
 * address vector << 12: a page below 1 MB.  The trampoline's code is
 * copied to such a page (reserved in memblock at boot) and the boot CPU
 * fills its header with what the AP cannot know.
 */
#ifndef _ASM_X86_REALMODE_H
#define _ASM_X86_REALMODE_H

#include <types.h>

struct trampoline_header {
	u32 cr3; /* a page directory that maps the trampoline 1:1 */
	u32 cr4; /* the boot CPU's CR4 (PSE, PGE) */
	u32 entry; /* where to go once paging is on (startup_32_smp) */
};

/* The code to copy, as linked (it is position independent). */
extern char trampoline_start[], trampoline_end[];
extern struct trampoline_header trampoline_header;

/* The page it is copied to (below 1 MB), 0 if none could be reserved. */
extern unsigned long real_mode_phys;

/* What startup_32_smp loads: the kernel's CR3, this AP's GDT and stack. */
extern unsigned long initial_cr3;
extern unsigned long initial_stack;

/* The AP's first instruction in the kernel image (trampoline_32.S). */
void startup_32_smp(void);

#endif /* _ASM_X86_REALMODE_H */
