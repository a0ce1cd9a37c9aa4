// SPDX-License-Identifier: GPL-2.0
/*
 * gdt.c - the global descriptor tables, one per CPU.
 *
 * Flat segments for kernel code and data (base 0, limit 4 GB), user segments
 * for completeness, two task state segments: the main one, which the CPU
 * needs to have loaded (ltr) before it can switch tasks, and the
 * double-fault one; and the per-CPU segment that %fs holds, whose base is
 * the CPU's per-CPU offset (asm/percpu.h).  The TSSs and the per-CPU base
 * differ between CPUs, so every CPU has its own GDT, itself a per-CPU
 * variable, as in Linux (gdt_page).
 *
 * The boot CPU loads its GDT twice: at the first instructions of
 * start_kernel(), from the per-CPU template (every per-CPU offset is still 0,
 * so per_cpu(x, 0) is the template and %fs has base 0); and once the
 * per-CPU areas exist, from its own area (switch_to_new_gdt in Linux).  An
 * AP's GDT is filled by the boot CPU before the AP is started.  The
 * multiboot loader's GDT is left behind the moment ours is loaded; the far
 * jump reloads CS.
 */
#include <asm/desc.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <kernel.h>
#include <percpu.h>

struct gdt_desc {
	u16 limit_low;
	u16 base_low;
	u8 base_mid;
	u8 access; /* present, privilege, type */
	u8 limit_high_flags; /* limit 19:16, granularity, 32-bit */
	u8 base_high;
} __packed;

#define ACC_CODE_KERNEL 0x9a /* present, ring 0, code, readable */
#define ACC_DATA_KERNEL 0x92 /* present, ring 0, data, writable */
#define ACC_CODE_USER 0xfa
#define ACC_DATA_USER 0xf2
#define ACC_TSS 0x89 /* present, ring 0, 32-bit available TSS */
#define FLAGS_4K_32BIT 0xc0 /* 4 KB granularity, 32-bit segment */

DEFINE_PER_CPU(struct gdt_page, gdt_page);
DEFINE_PER_CPU(struct x86_hw_tss, cpu_tss) __aligned(64);
DEFINE_PER_CPU(struct x86_hw_tss, doublefault_tss) __aligned(64);

static void gdt_set(struct gdt_page *page, int entry, u32 base, u32 limit,
		    u8 access, u8 flags)
{
	struct gdt_desc d = {
		.limit_low = (u16)limit,
		.base_low = (u16)base,
		.base_mid = (u8)(base >> 16),
		.access = access,
		.limit_high_flags = (u8)(((limit >> 16) & 0x0f) | flags),
		.base_high = (u8)(base >> 24),
	};

	BUILD_BUG_ON(sizeof(d) != sizeof(page->gdt[0]));
	__builtin_memcpy(&page->gdt[entry], &d, sizeof(d));
}

void cpu_gdt_setup(unsigned int cpu)
{
	struct gdt_page *page = &per_cpu(gdt_page, cpu);
	struct x86_hw_tss *tss = &per_cpu(cpu_tss, cpu);
	struct x86_hw_tss *df_tss = &per_cpu(doublefault_tss, cpu);

	BUILD_BUG_ON(sizeof(struct x86_hw_tss) != 104);
	gdt_set(page, GDT_ENTRY_KERNEL_CS, 0, 0xfffff, ACC_CODE_KERNEL,
		FLAGS_4K_32BIT);
	gdt_set(page, GDT_ENTRY_KERNEL_DS, 0, 0xfffff, ACC_DATA_KERNEL,
		FLAGS_4K_32BIT);
	gdt_set(page, GDT_ENTRY_USER_CS, 0, 0xfffff, ACC_CODE_USER,
		FLAGS_4K_32BIT);
	gdt_set(page, GDT_ENTRY_USER_DS, 0, 0xfffff, ACC_DATA_USER,
		FLAGS_4K_32BIT);
	gdt_set(page, GDT_ENTRY_TSS, (u32)(unsigned long)tss, sizeof(*tss) - 1,
		ACC_TSS, 0);
	gdt_set(page, GDT_ENTRY_DOUBLEFAULT_TSS, (u32)(unsigned long)df_tss,
		sizeof(*df_tss) - 1, ACC_TSS, 0);
	/* Linear = offset + base wraps at 4 GB, so any base works. */
	gdt_set(page, GDT_ENTRY_PERCPU, (u32)per_cpu_offset(cpu), 0xfffff,
		ACC_DATA_KERNEL, FLAGS_4K_32BIT);
	tss->io_bitmap_base = sizeof(*tss); /* no I/O bitmap */
}

void load_percpu_gdt(unsigned int cpu)
{
	struct desc_ptr gdtr = {
		sizeof(struct gdt_page) - 1,
		(u32)(unsigned long)&per_cpu(gdt_page, cpu),
	};

	__asm__ __volatile__("lgdt %0\n\t"
			     "ljmp %1, $1f\n"
			     "1:\n\t"
			     "movw %w2, %%ds\n\t"
			     "movw %w2, %%es\n\t"
			     "movw %w2, %%ss\n\t"
			     "movw %w3, %%fs\n\t"
			     "movw %w4, %%gs\n\t"
			     "ltr %w5"
			     :
			     : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS),
			       "r"(__KERNEL_PERCPU), "r"(0), "r"(__TSS_SEL)
			     : "memory");
}

void __init gdt_init(void)
{
	cpu_gdt_setup(0);
	load_percpu_gdt(0);
}
