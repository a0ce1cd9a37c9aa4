// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc_debug.c - what the page allocator says when it is misused.
 *
 * __free_pages() (page_alloc.c) tests, in one comparison, that the block
 * being freed is in the state alloc_pages() left it in: PG_head, none of
 * the flags of a free, reserved or slab page, a reference held.  When that
 * test fails, or the order does not match the recorded one, or the pointer
 * is not a struct page at all, the functions here find out what is wrong
 * and say it in Linux's words:
 *  - "BUG: Bad page state in process ..." with the page's refcount, flags
 *    and a call trace (bad_page(), as Linux's), for a reserved page, a
 *    slab page, a page that is already free (on a free list or on a per-CPU
 *    list: a double free), a page inside a larger block, a page nobody
 *    allocated;
 *  - a WARN for a wrong order (the recorded one is used instead) and for a
 *    pointer outside mem_map.
 * The misuse is then refused (or, for the order, corrected), so the free
 * lists stay consistent and the kernel goes on.  Every report counts in
 * nr_bad_page_reports or nr_warnings, which the tests read.
 */
#include <bug.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>
#include <stack.h>

#include "internal.h"

unsigned long nr_bad_page_reports;

void dump_page_flags(const struct page *page, char *buf, size_t size)
{
	static const char *const names[__NR_PAGEFLAGS] = {
		"reserved", "buddy", "head", "slab", "vmalloc", "table", "pcp",
	};
	int n = scnprintf(buf, size, "zone=%s", page_zone(page)->name);

	for (int bit = 0; bit < __NR_PAGEFLAGS; bit++)
		if (page->flags & (1UL << bit))
			n += scnprintf(buf + n, size - (size_t)n, "|%s",
				       names[bit]);
}

void bad_page(const struct page *page, const char *reason)
{
	char flags[96];

	nr_bad_page_reports++;
	add_taint(TAINT_BAD_PAGE);
	dump_page_flags(page, flags, sizeof(flags));
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current_comm,
		 page_to_pfn(page));
	pr_alert(
		"page:%p refcount:%d mapcount:0 mapping:00000000 index:0x0 pfn:%#lx\n",
		(void *)page, page->_refcount, page_to_pfn(page));
	pr_alert("flags: %#lx(%s)\n", page->flags, flags);
	pr_alert("page dumped because: %s\n", reason);
	dump_stack();
}

/*
 * The block that contains pfn: the head of an allocated block or of a free
 * one covering it.  Returns the head's pfn, or pfn itself if none does.
 */
static unsigned long block_head_pfn(unsigned long pfn)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);
		struct page *page = pfn_to_page(head);

		if ((PageHead(page) || PageBuddy(page) || PagePcp(page)) &&
		    page->private >= o)
			return head;
	}
	return pfn;
}

/* A page passed to __free_pages that cannot be freed: say why. */
bool free_page_is_bad(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long head = block_head_pfn(pfn);
	char why[128];

	if (PageReserved(page)) {
		bad_page(
			page,
			"freeing a reserved page (never given to the allocator)");
		return true;
	}
	if (PageSlab(page)) {
		bad_page(
			page,
			"freeing a slab page with __free_pages (use kfree/kmem_cache_free)");
		return true;
	}
	if (PagePcp(page) || (head != pfn && PagePcp(pfn_to_page(head)))) {
		/* Only a freed block is on a per-CPU list: freed twice. */
		bad_page(page, "page is already free (double free)");
		return true;
	}
	if (PageBuddy(page) || (head != pfn && PageBuddy(pfn_to_page(head)))) {
		/* Free in the buddy lists: it may never have been allocated. */
		bad_page(
			page,
			"page is already free (a double free, or never allocated)");
		return true;
	}
	if (page->_refcount <= 0 || !PageHead(page)) {
		if (head != pfn && PageHead(pfn_to_page(head)))
			snprintf(
				why, sizeof(why),
				"not the first page of the order-%lu block at pfn %#lx",
				pfn_to_page(head)->private, head);
		else
			snprintf(why, sizeof(why),
				 "page is not allocated (refcount %d)",
				 page->_refcount);
		bad_page(page, why);
		return true;
	}
	return false;
}

unsigned int free_order_mismatch(struct page *page, unsigned int order)
{
	unsigned int alloc_order = (unsigned int)page->private;

	WARN(1,
	     "__free_pages: pfn %#lx was allocated with order %u but is freed with order %u; freeing order %u\n",
	     page_to_pfn(page), alloc_order, order, alloc_order);
	return alloc_order;
}

void free_bad_pointer(const struct page *page)
{
	WARN(1, "__free_pages: %p is not a struct page in mem_map\n",
	     (const void *)page);
}
