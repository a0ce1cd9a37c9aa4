// SPDX-License-Identifier: GPL-2.0
/*
 * memory_range.c - a range of a process's PTEs at once: fork's copy
 * (copy_page_range), munmap's and exit's drop (zap_page_range), and the
 * freeing of page tables nobody needs any more (free_pgd_range).  Linux
 * keeps these in mm/memory.c beside the fault handler; here the fault
 * handler has that file to itself.
 *
 * Each walks its range one page table at a time (next_pte_run: the part
 * of the range one directory entry covers, skipping entries with no
 * table), maps that table once (a kmap_local when it is in highmem) under
 * the page_table_lock, and steps through its entries.  Nothing in such a
 * walk may sleep: fork makes the child's page table before it maps the
 * two tables, and a put_page() never sleeps.
 *
 * fork is copy-on-write, as Linux's: a private region's present PTEs are
 * copied into the child with the write bit cleared on both sides, and
 * each page gets one more reference and one more mapping (the zero page
 * and a driver's raw frames get neither).  The first write in either
 * process faults and copies the page (mm/memory.c, do_wp_page), or keeps
 * it if the other has let it go meanwhile.  A shared region's PTEs are
 * not copied at all: the child faults them in from the backing when it
 * touches them, as Linux does for a region without anonymous pages; a
 * driver's region (VM_PFNMAP, VM_MIXEDMAP) is copied, since no fault
 * could find its pages again.  The parent's TLB is flushed once at the
 * end (fork runs in the parent, whose address space is loaded).
 */
#include <asm/pgalloc.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <pagemap.h>
#include "memory_internal.h"

unsigned long next_pte_run(struct mm_struct *mm, unsigned long *addr,
			   unsigned long end, pgd_t **pgdp)
{
	while (*addr < end) {
		pgd_t *pgd = pgd_offset(mm, *addr);
		unsigned long next =
			min((*addr + PGDIR_SIZE) & PGDIR_MASK, end);

		if (next == 0)
			next = end;
		if (!pgd_none(*pgd)) {
			*pgdp = pgd;
			return next;
		}
		*addr = next;
	}
	return 0;
}

/* A private region whose pages a write must copy (Linux's is_cow_mapping). */
static bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* One page table's worth of fork: [addr, end) from spte to dpte. */
static bool copy_pte_run(struct vm_area_struct *dst, struct vm_area_struct *src,
			 pte_t *dpte, pte_t *spte, unsigned long addr,
			 unsigned long end, long *rss)
{
	bool cow = is_cow_mapping(src->vm_flags), wrprotected = false;

	for (; addr < end; addr += PAGE_SIZE, spte++, dpte++) {
		pte_t entry = *spte;
		struct page *page;

		if (!pte_mapped(entry))
			continue;
		page = vm_normal_page(src, addr, entry);
		if (page) {
			get_page(page);
			page_dup_rmap(page);
			rss[mm_counter(page, src)]++;
		}
		if (cow && pte_write(entry)) {
			entry = pte_wrprotect(entry);
			set_pte(spte, entry);
			wrprotected = true;
		}
		set_pte(dpte, entry);
	}
	return wrprotected;
}

int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct mm_struct *dst_mm = dst->vm_mm, *src_mm = src->vm_mm;
	unsigned long addr = src->vm_start, next;
	long rss[NR_MM_COUNTERS] = { 0 };
	bool flush = false;
	pgd_t *spgd;

	if (!(src->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) &&
	    (src->vm_flags & VM_SHARED))
		return 0; /* the child faults them in from the backing */
	while ((next = next_pte_run(src_mm, &addr, src->vm_end, &spgd))) {
		pgd_t *dpgd = pgd_offset(dst_mm, addr);
		spinlock_t *dptl, *sptl;
		pte_t *dpte, *spte;

		if (pgd_none(*dpgd) && __pte_alloc(dst_mm, dpgd))
			return -ENOMEM; /* exit_mmap frees what was copied */
		dpte = pte_offset_map_lock(dst_mm, dpgd, addr, &dptl);
		spte = pte_offset_map_lock(src_mm, spgd, addr, &sptl);
		flush |= copy_pte_run(dst, src, dpte, spte, addr, next, rss);
		pte_unmap_unlock(spte, sptl);
		pte_unmap_unlock(dpte, dptl);
		addr = next;
	}
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		add_mm_counter(dst_mm, i, rss[i]);
	if (flush)
		flush_tlb_mm(src_mm);
	return 0;
}

/* One page table's worth of zap_page_range(). */
static void zap_pte_run(struct vm_area_struct *vma, pte_t *pte,
			unsigned long addr, unsigned long end, long *rss)
{
	struct mm_struct *mm = vma->vm_mm;

	for (; addr < end; addr += PAGE_SIZE, pte++) {
		pte_t entry = *pte;
		struct page *page;

		if (pte_none(entry))
			continue;
		pte_clear(pte);
		flush_user_page(mm, addr);
		page = vm_normal_page(vma, addr, entry);
		if (!page)
			continue;
		/* Written through the mapping: the page cache hears it now. */
		if (pte_dirty(entry) && !PageAnon(page) && page->mapping)
			set_page_dirty(page);
		rss[mm_counter(page, vma)]--;
		page_remove_rmap(page);
		put_page(page);
	}
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	long rss[NR_MM_COUNTERS] = { 0 };
	unsigned long addr = start, next;
	pgd_t *pgd;

	update_hiwater_rss(mm);
	while ((next = next_pte_run(mm, &addr, end, &pgd))) {
		spinlock_t *ptl;
		pte_t *pte = pte_offset_map_lock(mm, pgd, addr, &ptl);

		zap_pte_run(vma, pte, addr, next, rss);
		pte_unmap_unlock(pte, ptl);
		addr = next;
	}
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		add_mm_counter(mm, i, rss[i]);
}

void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling)
{
	/* Only the tables that lie wholly in [floor, ceiling) are unused. */
	addr = max(addr & PGDIR_MASK, ALIGN(floor, PGDIR_SIZE));
	if (ceiling > TASK_SIZE)
		ceiling = TASK_SIZE;
	end = min(ALIGN(end, PGDIR_SIZE), ceiling & PGDIR_MASK);
	for (; addr < end && addr < TASK_SIZE; addr += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset(mm, addr);

		if (!pgd_none(*pgd))
			pte_free(mm, pgd);
	}
}
