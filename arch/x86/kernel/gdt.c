// SPDX-License-Identifier: GPL-2.0
/*
 * gdt.c - the global descriptor table.
 *
 * Flat segments for kernel code and data (base 0, limit 4 GB), user segments
 * for completeness, and two task state segments: the main one, which the CPU
 * needs to have loaded (ltr) before it can switch tasks, and the double-fault
 * one.  The multiboot loader's GDT is left behind the moment ours is loaded;
 * the far jump reloads CS.
 */
#include <asm/desc.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <kernel.h>

struct gdt_desc {
	u16 limit_low;
	u16 base_low;
	u8 base_mid;
	u8 access; /* present, privilege, type */
	u8 limit_high_flags; /* limit 19:16, granularity, 32-bit */
	u8 base_high;
} __packed;

struct desc_ptr {
	u16 size;
	u32 address;
} __packed;

#define ACC_CODE_KERNEL 0x9a /* present, ring 0, code, readable */
#define ACC_DATA_KERNEL 0x92 /* present, ring 0, data, writable */
#define ACC_CODE_USER 0xfa
#define ACC_DATA_USER 0xf2
#define ACC_TSS 0x89 /* present, ring 0, 32-bit available TSS */
#define FLAGS_4K_32BIT 0xc0 /* 4 KB granularity, 32-bit segment */

static struct gdt_desc gdt[GDT_ENTRIES] __aligned(8);
struct x86_hw_tss main_tss __aligned(64);
struct x86_hw_tss doublefault_tss __aligned(64);

static void gdt_set(int entry, u32 base, u32 limit, u8 access, u8 flags)
{
	gdt[entry] = (struct gdt_desc){
		.limit_low = (u16)limit,
		.base_low = (u16)base,
		.base_mid = (u8)(base >> 16),
		.access = access,
		.limit_high_flags = (u8)(((limit >> 16) & 0x0f) | flags),
		.base_high = (u8)(base >> 24),
	};
}

void __init gdt_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt) - 1, (u32)(unsigned long)gdt };

	BUILD_BUG_ON(sizeof(struct gdt_desc) != 8);
	BUILD_BUG_ON(sizeof(struct x86_hw_tss) != 104);

	gdt_set(GDT_ENTRY_KERNEL_CS, 0, 0xfffff, ACC_CODE_KERNEL,
		FLAGS_4K_32BIT);
	gdt_set(GDT_ENTRY_KERNEL_DS, 0, 0xfffff, ACC_DATA_KERNEL,
		FLAGS_4K_32BIT);
	gdt_set(GDT_ENTRY_USER_CS, 0, 0xfffff, ACC_CODE_USER, FLAGS_4K_32BIT);
	gdt_set(GDT_ENTRY_USER_DS, 0, 0xfffff, ACC_DATA_USER, FLAGS_4K_32BIT);
	gdt_set(GDT_ENTRY_TSS, (u32)(unsigned long)&main_tss,
		sizeof(main_tss) - 1, ACC_TSS, 0);
	gdt_set(GDT_ENTRY_DOUBLEFAULT_TSS, (u32)(unsigned long)&doublefault_tss,
		sizeof(doublefault_tss) - 1, ACC_TSS, 0);

	main_tss.io_bitmap_base = sizeof(main_tss); /* no I/O bitmap */
	__asm__ __volatile__("lgdt %0\n\t"
			     "ljmp %1, $1f\n"
			     "1:\n\t"
			     "movw %w2, %%ds\n\t"
			     "movw %w2, %%es\n\t"
			     "movw %w2, %%ss\n\t"
			     "movw %w3, %%fs\n\t"
			     "movw %w3, %%gs\n\t"
			     "ltr %w4"
			     :
			     : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS),
			       "r"(0), "r"(__TSS_SEL)
			     : "memory");
}
