/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/processor.h of the simulated machine (tests/host/mm_sim): the CPU's
 * own instructions, as a user process can have them.
 *
 * The kernel's header (arch/x86/include/asm/processor.h) is privileged
 * instructions.  The simulation keeps their meaning:
 *  - the TLB.  The host mappings of the kernel's range are the TLB (mmu.c):
 *    __flush_tlb_one() and __flush_tlb_all() remove them, and a later access
 *    walks the page tables again.  A PTE cleared without a flush therefore
 *    still reads the old frame, as on the real CPU;
 *  - the time stamp counter is a counter that each read advances: the same
 *    values in every run, so that a fuzzer's input replays exactly;
 *  - one thread and no interrupts: the interrupt flag is a variable, so that
 *    irqs_disabled() still answers what local_irq_save() did, and a halt
 *    that waits for an interrupt is a hang.
 * Only what mm/ and the kernel files built with it use is here.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <asm/processor-flags.h>
#include <types.h>

/* Drop the TLB entry of one page: its host mapping (mmu.c). */
void __flush_tlb_one(unsigned long addr);
/* Drop every TLB entry (mmu.c). */
void __flush_tlb_all(void);

/*
 * CR3: the page directory, by its physical address.  The simulation has
 * one, the kernel's (no user address space is ever loaded): reloading it
 * drops the TLB; loading another is a finding (mmu.c).
 */
extern unsigned long sim_cr3;

static inline unsigned long read_cr3(void)
{
	return sim_cr3;
}

void write_cr3(unsigned long val);

extern u64 sim_tsc; /* the simulated time stamp counter */

static inline u64 rdtsc(void)
{
	return sim_tsc += 1000;
}

static inline u64 rdtsc_ordered(void)
{
	return rdtsc();
}

extern unsigned long sim_eflags; /* only X86_EFLAGS_IF is kept */

static inline void local_irq_disable(void)
{
	sim_eflags &= ~(unsigned long)X86_EFLAGS_IF;
}

static inline void local_irq_enable(void)
{
	sim_eflags |= X86_EFLAGS_IF;
}

static inline unsigned long native_save_fl(void)
{
	return sim_eflags;
}

#define local_irq_save(flags)               \
	do {                                \
		(flags) = native_save_fl(); \
		local_irq_disable();        \
	} while (0)

#define local_irq_restore(flags)            \
	do {                                \
		if ((flags)&X86_EFLAGS_IF)  \
			local_irq_enable(); \
	} while (0)

static inline bool irqs_disabled(void)
{
	return !(sim_eflags & X86_EFLAGS_IF);
}

static inline void cpu_relax(void)
{
}

/*
 * sti; hlt: on a machine of one CPU and no interrupts nothing would wake
 * it, so the simulation reports a hang instead (cpu.c): a finding.
 */
__attribute__((noreturn)) void sim_halt(void);

static inline void safe_halt(void)
{
	sim_halt();
}

/* What the simulated CPU has: the fields mm/ reads. */
struct cpuinfo_x86 {
	bool has_pse; /* 4 MB pages */
	bool has_pge; /* global pages */
	u32 x86_cache_alignment; /* cache line bytes */
};

extern struct cpuinfo_x86 boot_cpu_data;

/*
 * What the scheduler keeps of a switched-out task: the fields mm/ reads
 * (kmemleak scans a sleeping task's stack from sp to sp0).  The one task of
 * the simulation never switches out, so they stay 0.
 */
struct thread_struct {
	unsigned long sp0; /* top of its kernel stack */
	unsigned long sp; /* its kernel stack pointer, switched out */
	unsigned long ip; /* where it resumes */
};

#define cache_line_size() (boot_cpu_data.x86_cache_alignment)

#endif /* _ASM_X86_PROCESSOR_H */
