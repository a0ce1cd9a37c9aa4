/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu_context.h - changing address space at a context switch.
 *
 * An address space is a page directory: switching to a task of another
 * process loads its physical address into CR3, which also flushes every
 * TLB entry that is not global (the kernel's mappings are global and
 * survive).  Kernel threads have no address space of their own: they run
 * on the kernel's page directory, swapper_pg_dir, whose upper quarter is
 * the same as every process's.  (Linux lets a kernel thread borrow the
 * previous task's address space instead, "lazy TLB", to skip the CR3
 * write; under TCG a CR3 write costs one instruction.)
 */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

#include <asm/memlayout.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <mm_types.h>

/* The page directory this CPU has in CR3, physical (avoids reading CR3). */
extern __attribute__((section(PER_CPU_SECTION))) unsigned long cpu_loaded_cr3;

static inline unsigned long mm_pgd_phys(const struct mm_struct *mm)
{
	return mm ? __pa(mm->pgd) : __pa(swapper_pg_dir);
}

static inline void switch_mm_irqs_off(struct mm_struct *prev,
				      struct mm_struct *next)
{
	unsigned long cr3 = mm_pgd_phys(next);

	if (this_cpu_read(cpu_loaded_cr3) != cr3) {
		write_cr3(cr3);
		this_cpu_write(cpu_loaded_cr3, cr3);
	}
}

#endif /* _ASM_X86_MMU_CONTEXT_H */
