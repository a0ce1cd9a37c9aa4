// SPDX-License-Identifier: GPL-2.0
/*
 * rmap.c - how many page tables map a page, and what kind of page it is.
 *
 * Linux's rmap ("reverse mapping") answers two questions about a page:
 * how many PTEs map it (page->_mapcount, one less than the count, so -1
 * means unmapped) and which ones (the anon_vma chains and the file's
 * i_mmap tree, walked by reclaim and migration to unmap a page).  This
 * kernel reclaims nothing and migrates nothing, so it keeps only the
 * first answer: the count, and the kind of the page, which decides what
 * a copy-on-write fault may do with it and where /proc counts it:
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
#include <bug.h>
#include <kernel.h>
#include <mm.h>

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
		/* Its page tables were its only holders: it is freed next. */
		ClearPageAnon(page);
		__atomic_sub_fetch(&nr_anon_mapped, 1, __ATOMIC_RELAXED);
	} else {
		__atomic_sub_fetch(&nr_file_mapped, 1, __ATOMIC_RELAXED);
	}
}
