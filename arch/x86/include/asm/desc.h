/* SPDX-License-Identifier: GPL-2.0 */
/* desc.h - descriptor tables: the GDT, the IDT and the task state segments. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <asm/segment.h>
#include <percpu.h>
#include <types.h>

/* The 32-bit task state segment (Intel SDM vol. 3, 8.2.1). */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 cr3;
	u32 ip;
	u32 flags;
	u32 ax, cx, dx, bx;
	u32 sp, bp, si, di;
	u16 es, __esh;
	u16 cs, __csh;
	u16 ss, __ssh;
	u16 ds, __dsh;
	u16 fs, __fsh;
	u16 gs, __gsh;
	u16 ldt, __ldth;
	u16 trace;
	u16 io_bitmap_base;
} __packed;

/* One GDT per CPU: only the TSS and per-CPU entries differ. */
struct gdt_page {
	u64 gdt[GDT_ENTRIES];
} __aligned(64);

/*
 * Each CPU's main TSS (where the CPU saves the faulting state on a #DF),
 * its double-fault TSS, and that task's stack.
 */
DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss);
DECLARE_PER_CPU(struct x86_hw_tss, doublefault_tss);
DECLARE_PER_CPU(struct gdt_page, gdt_page);

/* The boot CPU's GDT, on the per-CPU template (before the areas exist). */
void gdt_init(void);
/* Fill CPU cpu's GDT in its per-CPU area (before it is loaded). */
void cpu_gdt_setup(unsigned int cpu);
/* Load CPU cpu's GDT and segments on this CPU, then its TSS (ltr). */
void load_percpu_gdt(unsigned int cpu);
/* The GDT an AP's startup code loads (smpboot.c sets it). */
struct desc_ptr {
	u16 size;
	u32 address;
} __packed;
extern struct desc_ptr early_gdt_descr;

/* Load this CPU's main TSS into TR (the GDT must be this CPU's). */
static inline void load_tr_desc(void)
{
	__asm__ __volatile__("ltr %w0" : : "r"(__TSS_SEL));
}

void idt_init(void);
/* Load the (shared) IDT on this CPU: an AP's first step. */
void load_idt(void);
/* Set up this CPU's double-fault task (its TSS and stack). */
void doublefault_init_cpu(unsigned int cpu);
/* Point the double-fault task at the kernel page directory in use now. */
void doublefault_set_cr3(unsigned long cr3);

#endif /* _ASM_X86_DESC_H */
