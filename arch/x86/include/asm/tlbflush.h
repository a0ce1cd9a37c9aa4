/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlbflush.h - making every CPU forget a kernel mapping (TLB shootdown).
 *
 * A CPU caches translations in its TLB, and a PTE change on one CPU does
 * nothing to the others' TLBs: INVLPG and CR3/CR4 writes act on the CPU
 * that executes them.  After changing or removing a kernel mapping that
 * other CPUs may have used (pkmap, vmalloc), each of them must flush it:
 * the changing CPU asks them with an IPI and waits until all have.  A
 * kmap_local mapping belongs to one CPU and never needs this.
 *
 *	flush_tlb_kernel_range(start, end)  [start, end) on every CPU: page by
 *	                                    page up to tlb_single_page_flush_
 *	                                    ceiling (33) pages, else all
 *	flush_tlb_all()                     everything, on every CPU
 *	__flush_tlb_one(), __flush_tlb_all() this CPU only (processor.h)
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/processor.h>

#define TLB_FLUSH_ALL (~0UL)

/* Above this many pages a range flush flushes everything (Linux's 33). */
extern unsigned long tlb_single_page_flush_ceiling;

void flush_tlb_all(void);
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
struct mm_struct;
/*
 * A user address of mm changed by another task (writeback write-protects
 * a page that a process maps, mm/rmap.c): mm may be running on any CPU,
 * so every CPU forgets addr; when mm is ours and no other CPU is online,
 * this CPU's INVLPG does.
 */
void flush_tlb_mm_page(struct mm_struct *mm, unsigned long addr);

#endif /* _ASM_X86_TLBFLUSH_H */
