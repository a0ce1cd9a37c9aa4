// SPDX-License-Identifier: GPL-2.0
/*
 * rmap.c - how many page tables map a page, and what kind of page it is.
 *
 * Linux's rmap ("reverse mapping") answers two questions about a page:
 * how many PTEs map it (page->_mapcount, one less than the count, so -1
 * means unmapped) and which ones (the anon_vma chains and the file's
 * i_mmap tree, walked by reclaim and migration to unmap a page).  This
 * kernel keeps the first answer: the count, and the kind of the page,
 * which decides what a copy-on-write fault may do with it and where
 * /proc counts it (below).  The second is found the slow way, when
 * writeback needs it: mapping_mkclean() looks through every process's
 * shared regions of a file (reclaim never frees a mapped page, so it
 * never needs to), moves the PTEs' dirty bits to the pages and
 * write-protects them, so that the next write faults and is seen.
 * The kinds:
 *  - anonymous memory (PG_anon): a page a fault zeroed or copied for one
 *    process; fork shares it read-only, and a write fault that finds no
 *    other holder (_refcount 1) keeps it, otherwise copies it.  Counted
 *    in /proc/meminfo's AnonPages while mapped.
 *  - a file's page, a page of shared anonymous memory, a driver's page
 *    put in by vm_insert_page(): owned by its backing, which holds a
 *    reference of its own, so a private mapping never keeps it for a
 *    write: it copies.  Counted in Mapped while some PTE maps it.
 * The counters are updated with atomic operations (two CPUs may map the
 * same file page), and a page's first and last mapping move it in and
 * out of AnonPages or Mapped, as Linux's NR_ANON_MAPPED and
 * NR_FILE_MAPPED.  The zero page and VM_PFNMAP frames are never counted
 * (vm_normal_page() returns no page for them).
 */
#include <asm/tlbflush.h>
#include <bug.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>

#include "memory_internal.h"

unsigned long nr_anon_mapped, nr_file_mapped, nr_shmem_pages;

void page_add_new_anon_rmap(struct page *page)
{
	WARN_ON_ONCE(page_mapped(page));
	SetPageAnon(page);
	WRITE_ONCE(page->_mapcount, 0);
	__atomic_add_fetch(&nr_anon_mapped, 1, __ATOMIC_RELAXED);
}

void page_dup_rmap(struct page *page)
{
	__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);
}

void page_add_file_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) == 0)
		__atomic_add_fetch(&nr_file_mapped, 1, __ATOMIC_RELAXED);
}

void page_remove_rmap(struct page *page)
{
	int left = __atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);

	if (WARN_ONCE(
		    left < -1,
		    "page_remove_rmap: pfn %#lx was not mapped (mapcount %d)\n",
		    page_to_pfn(page), left + 1)) {
		WRITE_ONCE(page->_mapcount, -1);
		return;
	}
	if (left >= 0)
		return;
	if (PageAnon(page)) {
		/*
		 * Its page tables were its only holders: it is freed next,
		 * and PG_anon with it (it says which LRU list it is on).
		 */
		__atomic_sub_fetch(&nr_anon_mapped, 1, __ATOMIC_RELAXED);
	} else {
		__atomic_sub_fetch(&nr_file_mapped, 1, __ATOMIC_RELAXED);
	}
}

/* --- write-protecting a file's mapped pages (Linux's page_mkclean) -------- */

/*
 * Make clean and read-only every PTE of vma that maps a page of mapping;
 * a dirty one makes its page dirty first.  Returns how many were dirty.
 * The PTE is exchanged atomically: its task may be writing on another
 * CPU, and the CPU setting the dirty bit must not be overwritten; the
 * flush after it makes that CPU walk the table again and fault.
 */
static unsigned long vma_mkclean(struct vm_area_struct *vma,
				 struct address_space *mapping)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = vma->vm_start, next, dirty = 0;
	pgd_t *pgd;

	while ((next = next_pte_run(mm, &addr, vma->vm_end, &pgd))) {
		for (; addr < next; addr += PAGE_SIZE) {
			spinlock_t *ptl;
			pte_t *pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
			pte_t old = *pte;
			struct page *page =
				pte_mapped(old) ?
					vm_normal_page(vma, addr, old) :
					NULL;
			bool changed = page && page->mapping == mapping &&
				       (pte_write(old) || pte_dirty(old));

			if (changed) {
				old = xchg32((u32 *)pte,
					     (u32)(old &
						   ~(pte_t)(_PAGE_RW |
							    _PAGE_DIRTY)));
				if (pte_dirty(old)) {
					set_page_dirty(page);
					dirty++;
				}
			}
			pte_unmap_unlock(pte, ptl);
			if (changed)
				flush_tlb_mm_page(mm, addr);
		}
	}
	return dirty;
}

/* Every process's address space, once each, with a reference. */
static unsigned int collect_mms(struct mm_struct **mms, unsigned int max)
{
	struct task_struct *p;
	unsigned int n = 0;

	spin_lock(&tasklist_lock);
	for_each_process(p) {
		struct mm_struct *mm = p->mm;
		bool seen = false;

		if (!mm || (p->flags & PF_KTHREAD) || n == max)
			continue;
		for (unsigned int i = 0; i < n && !seen; i++)
			seen = mms[i] == mm;
		if (!seen)
			mms[n++] = get_task_mm(p);
		if (n && !mms[n - 1])
			n--;
	}
	spin_unlock(&tasklist_lock);
	return n;
}

unsigned long mapping_mkclean(struct address_space *mapping)
{
	unsigned int max = (unsigned int)READ_ONCE(nr_user_processes) + 8, n;
	struct mm_struct **mms = kcalloc(max, sizeof(*mms), GFP_NOIO);
	unsigned long dirty = 0;

	if (!mms)
		return 0;
	n = collect_mms(mms, max);
	for (unsigned int i = 0; i < n; i++) {
		struct vm_area_struct *vma;

		mutex_lock(&mms[i]->mmap_lock);
		for (vma = mms[i]->mmap; vma; vma = vma->vm_next)
			if ((vma->vm_flags & VM_SHARED) && vma->vm_file &&
			    vma->vm_file->f_mapping == mapping)
				dirty += vma_mkclean(vma, mapping);
		mutex_unlock(&mms[i]->mmap_lock);
		mmput(mms[i]);
	}
	kfree(mms);
	return dirty;
}
