/* SPDX-License-Identifier: GPL-2.0 */
/* sim_internal.h - what the files of the simulated machine share. */
#ifndef _MM_SIM_INTERNAL_H
#define _MM_SIM_INTERNAL_H

#include <compiler.h>
#include <types.h>

/* kernel.c: after a power-on or a snapshot: the console's settings. */
void sim_kernel_reset(void);
/* kernel.c: the report of a fault that nothing catches. */
void sim_report_fault(unsigned long addr, int write);
/* machine.c: a panic or BUG: to sim_catch_panic(), or abort (a finding). */
__noreturn void sim_bail(void);
/* machine.c: the log position where the current boot started. */
extern u64 sim_boot_mark;
/* mmu.c: the page directory and the direct map, at boot. */
void sim_paging_init(void);
/*
 * tlb.c: the host mappings a boot starts from (before the page tables);
 * true if the direct map of the last boot was kept (the rest is unmapped).
 */
bool tlb_boot(void);
/* tlb.c: after a snapshot's RAM is restored: the TLB as its tables say. */
void tlb_resync(void);
/* snapshot.c: the kernel's variables as the program loaded them. */
void sim_power_on(void);

#endif /* _MM_SIM_INTERNAL_H */
