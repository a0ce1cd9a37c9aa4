/* SPDX-License-Identifier: GPL-2.0 */
/*
 * segment.h - GDT layout.  Segmentation is flat (base 0, limit 4 GB): paging
 * does all the work.  The TSS entries exist for the double-fault task, which
 * runs on its own stack so that a kernel stack overflow can still be reported.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_USER_CS 3
#define GDT_ENTRY_USER_DS 4
#define GDT_ENTRY_TSS 5 /* the main task */
#define GDT_ENTRY_DOUBLEFAULT_TSS 6 /* the double-fault task */
#define GDT_ENTRY_PERCPU 7 /* %fs: base = this CPU's per-CPU offset */
#define GDT_ENTRIES 8

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS (GDT_ENTRY_USER_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_USER_DS * 8 + 3)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)
#define __DOUBLEFAULT_TSS_SEL (GDT_ENTRY_DOUBLEFAULT_TSS * 8)
#define __KERNEL_PERCPU (GDT_ENTRY_PERCPU * 8)

#endif /* _ASM_X86_SEGMENT_H */
