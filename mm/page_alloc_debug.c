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
 *  - the same report for a page that something else owns and frees its
 *    own way (a vmalloc page, a page table, a kmalloc() block): what it
 *    is used for and by whom (page_use.c);
 *  - a WARN for a page still mapped at a kmap or kmap_local slot, naming
 *    the slot and who mapped it, whichever page of the block it is;
 *  - a WARN for a wrong order (the recorded one is used instead) and for a
 *    pointer outside mem_map.
 * The misuse is then refused (or, for the order, corrected), so the free
 * lists stay consistent and the kernel goes on.  Every report counts in
 * nr_bad_page_reports or nr_warnings, which the tests read.  An
 * allocation that fails is not misuse, but its report is here too:
 * warn_alloc(), with the zones' free pages and watermarks.
 */
#include <bug.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>
#include <stack.h>
#include <swap.h>

#include "internal.h"

unsigned long nr_bad_page_reports;

void dump_page_flags(const struct page *page, char *buf, size_t size)
{
	static const char *const names[__NR_PAGEFLAGS] = {
		"reserved",   "buddy",	  "head",	   "slab", "vmalloc",
		"table",      "pcp",	  "large_kmalloc", "kmap", "locked",
		"referenced", "uptodate", "dirty",	   "lru",  "active",
		"writeback",  "reclaim",
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
 * The page is in use by something that has its own free: say what and by
 * whom (page_use.c), refuse.
 */
static bool free_page_in_use(struct page *page, const char *what)
{
	char why[256];
	int n = scnprintf(why, sizeof(why),
			  "freeing %s with __free_pages: ", what);

	page_use_describe(page, why + n, sizeof(why) - (size_t)n);
	bad_page(page, why);
	return true;
}

/*
 * PG_kmap: a slot took this page at some time.  Freeing it while a slot
 * still maps it for a user leaves that user writing into whatever the page
 * becomes next: a WARN naming the slot, and the page stays allocated.  A
 * stale pkmap slot (no users) is no use: the free goes on, as in Linux.
 */
static bool free_page_kmapped(struct page *page)
{
	unsigned long caller;
	int cpu, nr = page_kmap_slot(page, &cpu, &caller);

	if (nr < 0) {
		if (!PageHighMem(page) || !page_address(page))
			ClearPageKmap(page); /* no slot at all any more */
		return false;
	}
	if (cpu >= 0)
		WARN(1,
		     "__free_pages: pfn %#lx is still mapped at kmap_local slot %d (%#lx, CPU %d's) by %pS: kunmap_local() it first; not freed\n",
		     page_to_pfn(page), nr,
		     kmap_local_slot_addr((unsigned int)cpu, nr), cpu,
		     (void *)caller);
	else
		WARN(1,
		     "__free_pages: pfn %#lx is still kmapped at pkmap slot %d (%#lx, %d user%s, last kmap by %pS): kunmap() it first; not freed\n",
		     page_to_pfn(page), nr, PKMAP_ADDR(nr),
		     pkmap_slot_count((unsigned int)nr) - 1,
		     pkmap_slot_count((unsigned int)nr) > 2 ? "s" : "",
		     (void *)caller);
	return true;
}

/* A page passed to __free_pages that cannot be freed: say why. */
bool free_page_is_bad(struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long head = block_head_pfn(pfn);
	char why[160];

	if (PageReserved(page))
		return free_page_in_use(page, "a reserved page");
	if (PageSlab(page))
		return free_page_in_use(page, "a slab page");
	if (PageBuddy(page) || PagePcp(page) ||
	    (head != pfn &&
	     (PageBuddy(pfn_to_page(head)) || PagePcp(pfn_to_page(head))))) {
		unsigned long freed_by = pfn_to_page(head)->owner;

		/* No one freed it since boot: it may never have been allocated. */
		if (freed_by)
			snprintf(
				why, sizeof(why),
				"page is already free (double free): last freed by %pS",
				(void *)freed_by);
		else
			snprintf(
				why, sizeof(why),
				"page is already free (a double free, or never allocated)");
		bad_page(page, why);
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
	if (PageVmalloc(page))
		return free_page_in_use(page, "a vmalloc page");
	if (PageTable(page))
		return free_page_in_use(page, "a page table");
	if (PageLargeKmalloc(page))
		return free_page_in_use(page, "kmalloc() memory");
	if (PageKmap(page))
		return free_page_kmapped(page);
	return false;
}

/*
 * A slot takes one page, which may be any page of a block: PG_kmap is set
 * on that page, not on the block's first, which __free_pages() tests.
 * Only highmem pages take slots, so only a highmem block of several
 * pages comes here.
 */
bool free_tail_is_kmapped(struct page *page, unsigned int order)
{
	for (unsigned long i = 1; i < (1UL << order); i++)
		if (PageKmap(page + i) && free_page_kmapped(page + i))
			return true;
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

/*
 * "page allocation failure": the request and the zones' free pages and
 * watermarks, as Linux's warn_alloc() says them (__GFP_NOWARN: nothing).
 */
void warn_alloc(gfp_t gfp, unsigned int order, const char *why)
{
	char flags[96];

	if (gfp & __GFP_NOWARN)
		return;
	gfp_snprint(flags, sizeof(flags), gfp);
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%s)%s%s\n",
		current_comm, order, gfp, flags, why ? ": " : "",
		why ? why : "");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (!populated_zone(zone))
			continue;
		pr_warn("Node 0 %s free:%lukB min:%lukB low:%lukB high:%lukB managed:%lukB\n",
			zone->name, zone->free_pages << 2,
			min_wmark_pages(zone) << 2, low_wmark_pages(zone) << 2,
			high_wmark_pages(zone) << 2, zone->managed_pages << 2);
	}
}

bool free_page_lru_or_busy(struct page *page)
{
	if (PageLocked(page) || PageWriteback(page)) {
		/* The reference it has not got any more: keep it allocated. */
		page->_refcount = 1;
		bad_page(page, PageLocked(page) ?
				       "freeing a locked page (PG_locked)" :
				       "freeing a page under writeback");
		return true;
	}
	__page_cache_release(page);
	return false;
}
