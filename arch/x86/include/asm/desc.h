/* SPDX-License-Identifier: GPL-2.0 */
/* desc.h - descriptor tables: the GDT, the IDT and the task state segments. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <asm/segment.h>
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

/* The main task's TSS: the CPU saves the faulting state here on a #DF. */
extern struct x86_hw_tss main_tss;
extern struct x86_hw_tss doublefault_tss;

void gdt_init(void);
void idt_init(void);
/* Point the double-fault task at the kernel page directory in use now. */
void doublefault_set_cr3(unsigned long cr3);

#endif /* _ASM_X86_DESC_H */
