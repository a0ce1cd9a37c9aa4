/* SPDX-License-Identifier: GPL-2.0 */
/*
 * segment.h - the GDT layout, i386 Linux's entry for entry.
 *
 * Segmentation is flat (base 0, limit 4 GB): paging does all the work.
 * The numbers are Linux's, so a selector in a report or in a user
 * program's %gs reads the same on both kernels:
 *
 *	 0	null			16	TSS (the main task)	0x80
 *	 1-5	unused			17	LDT (unused)
 *	 6-8	TLS (set_thread_area)	18-26	unused (PNP/APM BIOS, ESPFIX)
 *	 9-11	unused			27	per-CPU (%fs)		0xd8
 *	12	kernel code	0x60	28-30	unused
 *	13	kernel data	0x68	31	double-fault TSS	0xf8
 *	14	user code	0x73
 *	15	user data	0x7b
 *
 * The three TLS entries are per task: the scheduler copies the next
 * task's into this CPU's GDT (asm/tls.h).  A user program gets a TLS
 * selector from set_thread_area() (entry 6, 7 or 8, RPL 3: 0x33, 0x3b,
 * 0x43) and loads it into %gs, as glibc does.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3
#define GDT_ENTRY_TLS_MAX (GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)
#define GDT_ENTRY_KERNEL_CS 12
#define GDT_ENTRY_KERNEL_DS 13
#define GDT_ENTRY_DEFAULT_USER_CS 14
#define GDT_ENTRY_DEFAULT_USER_DS 15
#define GDT_ENTRY_TSS 16 /* the main task */
#define GDT_ENTRY_PERCPU 27 /* %fs: base = this CPU's per-CPU offset */
#define GDT_ENTRY_DOUBLEFAULT_TSS 31 /* the double-fault task */
#define GDT_ENTRIES 32

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS_SEL (GDT_ENTRY_DOUBLEFAULT_TSS * 8)
#define __KERNEL_PERCPU (GDT_ENTRY_PERCPU * 8)

/* A selector's index and privilege (requested privilege level). */
#define SEGMENT_RPL_MASK 0x3
#define SEGMENT_TI_MASK 0x4 /* LDT, not GDT */
#define USER_RPL 0x3

#endif /* _ASM_X86_SEGMENT_H */
