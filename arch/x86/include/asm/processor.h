/* SPDX-License-Identifier: GPL-2.0 */
/*
 * processor.h - the CPU's own instructions: control registers, TLB, TSC,
 * CPUID and interrupt flag.  mm/ reaches the MMU only through these and the
 * page-table helpers in pgtable.h.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <asm/processor-flags.h>
#include <types.h>

static inline unsigned long read_cr0(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(val));
	return val;
}

static inline void write_cr0(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(val) : "memory");
}

/* CR2: the linear address of the last page fault. */
static inline unsigned long read_cr2(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(val));
	return val;
}

static inline unsigned long read_cr3(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(val));
	return val;
}

/* Loading CR3 also flushes every non-global TLB entry. */
static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(val));
	return val;
}

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

/* Drop the TLB entry for one page. */
static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

/* Drop every TLB entry, global ones included (toggle CR4.PGE). */
void __flush_tlb_all(void);

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* rdtsc that waits for earlier instructions (for benchmarks). */
static inline u64 rdtsc_ordered(void)
{
	__asm__ __volatile__("" : : : "memory");
	return rdtsc();
}

/* Model-specific registers (the APIC base is one). */
static inline u64 rdmsrl(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsrl(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32))
			     : "memory");
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(0));
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=r"(flags) : : "memory");
	return flags;
}

#define local_irq_save(flags)               \
	do {                                \
		(flags) = native_save_fl(); \
		local_irq_disable();        \
	} while (0)

/* The flags as they were, interrupt flag included: Linux's push; popf. */
static inline void native_restore_fl(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "g"(flags) : "memory", "cc");
}

#define local_irq_restore(flags) native_restore_fl(flags)

static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

/* Enable interrupts and halt until one arrives, with no window between. */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/* What CPUID says about a CPU (arch/x86/kernel/cpu.c), one per CPU. */
struct cpuinfo_x86 {
	char vendor[13]; /* "GenuineIntel", "AuthenticAMD", ... */
	char model_id[49]; /* brand string, if the CPU has one */
	u32 family, model, stepping;
	u32 cpuid_level; /* highest standard CPUID leaf */
	u32 x86_capability[4]; /* leaf 1 EDX, ECX; leaf 0x80000001 EDX, ECX */
	bool has_pse; /* 4 MB pages */
	bool has_pge; /* global pages */
	bool has_tsc; /* time stamp counter */
	bool has_pae; /* (not used: this kernel is non-PAE) */
	bool has_apic; /* a local APIC (needed for SMP) */
	u32 x86_cache_alignment; /* cache line bytes (CLFLUSH size, else 32) */
	u32 x86_clflush_size; /* CLFLUSH line size, 0 without CLFLUSH */
	u32 x86_phys_bits, x86_virt_bits; /* address sizes */
	u32 initial_apicid; /* APIC ID from CPUID leaf 1 */
	u32 apicid; /* APIC ID from the APIC itself */
	u32 phys_proc_id; /* package (socket) number */
	u32 x86_max_cores; /* logical CPUs per package */
	unsigned long loops_per_jiffy; /* delay-loop calibration (bogomips) */
	unsigned int cpu_index; /* the kernel's CPU number */
};

extern struct cpuinfo_x86 boot_cpu_data;

/* The L1 cache line size, for SLAB_HWCACHE_ALIGN. */
#define cache_line_size() (boot_cpu_data.x86_cache_alignment)
void cpu_detect(void);
void cpu_print_info(void);
/* Fill *c from the CPUID of the CPU this runs on. */
void identify_cpu(struct cpuinfo_x86 *c);

#endif /* _ASM_X86_PROCESSOR_H */
