/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memory_internal.h - what the files of a process's address space share
 * (memory.c, memory_range.c, mmap.c, mprotect.c, remap.c) and nobody
 * else needs: the zero page's pfn, the rss counters, the TLB rule, the
 * walk of a range one page table at a time.
 */
#ifndef _MM_MEMORY_INTERNAL_H
#define _MM_MEMORY_INTERNAL_H

#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <mm.h>
#include <sched.h>

extern unsigned long zero_pfn;

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

/*
 * Drop a stale translation of addr if this address space is loaded here:
 * it is loaded on one CPU at most, the one its only task runs on.
 */
static inline void flush_user_page(struct mm_struct *mm, unsigned long addr)
{
	if (current->mm == mm)
		__flush_tlb_one(addr);
}

/* Every translation of the address space, if it is loaded (a CR3 reload). */
static inline void flush_tlb_mm(struct mm_struct *mm)
{
	if (current->mm == mm)
		write_cr3(read_cr3());
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	mm->rss_stat[member] += (unsigned long)value;
}

/* The rss counter of a page that is not anonymous, in this region. */
static inline int mm_counter_file(const struct vm_area_struct *vma)
{
	return vma_is_shmem(vma) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

/* The rss counter a mapped page counts in (Linux's mm_counter()). */
static inline int mm_counter(const struct page *page,
			     const struct vm_area_struct *vma)
{
	return PageAnon(page) ? MM_ANONPAGES : mm_counter_file(vma);
}

/* Raise hiwater_rss to the rss now, before the rss goes down. */
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

/*
 * The next run of [*addr, end) that one page table maps: its end, with
 * its directory entry in *pgdp; 0 when nothing is left.  Runs without a
 * page table are skipped (*addr moves past them).
 */
unsigned long next_pte_run(struct mm_struct *mm, unsigned long *addr,
			   unsigned long end, pgd_t **pgdp);

#endif /* _MM_MEMORY_INTERNAL_H */
