// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc.c - the buddy allocator: blocks of 2^order pages per zone.
 *
 * Each zone keeps free_area[order], a list of free blocks of 2^order pages
 * (order 0..10, 4 KB..4 MB).  Invariants:
 *  - a free block of order k starts at a pfn that is a multiple of 2^k, and
 *    only its first page is marked PageBuddy, with private = k;
 *  - the "buddy" of that block is the block at pfn ^ 2^k: the other half of
 *    the order k+1 block they would form;
 *  - two free buddies of the same order are never both on the lists: freeing
 *    merges them (coalescing), again and again up the orders.
 * Allocation takes the smallest free block that is big enough and splits it:
 * the unused upper halves go back on the lists one order down each time.
 *
 * Blocks of order 0..3 pass through the per-CPU lists (mmzone.h) on their
 * way back: __free_pages() puts them on zone->pcp, the next allocation of
 * the same order takes the newest one, and only when the lists grow past
 * `high` do `batch` pages' worth of the oldest go on to __free_one_page()
 * and merge.  A page on those lists is marked PG_pcp (a second free of it
 * is a double free) and keeps its order in private.  Linux also refills
 * the lists in batches, to take the zone lock less often; there is no lock
 * here, so an empty list takes one block from the buddy allocator, and
 * free_pages moves exactly as the requests do.
 *
 * A request walks its zonelist (gfp.h) from the highest allowed zone down.
 * A zone serves it only if, afterwards, it keeps more than its watermark
 * free (plus lowmem_reserve against requests that could have gone higher).
 * The first pass uses the low watermark; the second the min watermark, which
 * GFP_ATOMIC may undercut by Linux's fractions (min/2, then min/4 of that);
 * GFP_NOFAIL finally ignores watermarks.  There is no reclaim or compaction:
 * what cannot be served fails, with a report unless __GFP_NOWARN.
 *
 * Misuse is reported in Linux's words and survived: freeing a free page or a
 * reserved one ("BUG: Bad page state"), freeing with the wrong order (the
 * order recorded at allocation is used instead), an order above 10, and
 * GFP_DMA with GFP_HIGHMEM (served from DMA).
 *
 * Simpler than Linux: one migratetype, one CPU's lists, no compound pages,
 * no NUMA.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>
#include <stack.h>
#include <string.h>

#include "internal.h"

struct zone zones[MAX_NR_ZONES];
struct page *mem_map;
unsigned long nr_bad_page_reports;

/* --- free lists ---------------------------------------------------------- */

static void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	SetPageBuddy(page);
}

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->buddy_list, &area->free_list);
	area->nr_free++;
	zone->free_pages += 1UL << order;
}

static void del_from_free_list(struct page *page, struct zone *zone,
			       unsigned int order)
{
	list_del(&page->buddy_list);
	ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1UL << order;
}

/* Is `buddy` the free head of an order `order` block in the same zone? */
static bool page_is_buddy(const struct page *buddy, unsigned long buddy_pfn,
			  const struct zone *zone, unsigned int order)
{
	return pfn_valid(buddy_pfn) && zone_spans_pfn(zone, buddy_pfn) &&
	       PageBuddy(buddy) && buddy->private == order &&
	       page_zone(buddy) == zone;
}

/* Put a block on the free lists, merging with free buddies upwards. */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);

		if (!page_is_buddy(buddy, buddy_pfn, zone, order))
			break;
		del_from_free_list(buddy, zone, order);
		/* The merged block starts at the lower of the two. */
		pfn &= buddy_pfn;
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_list(page, zone, order);
}

/* Split a free block of `high` order down to `low`, freeing upper halves. */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high);
	}
}

/* Take a block of exactly `order` pages from the free lists, or NULL. */
static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page,
					buddy_list);
		del_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		return page;
	}
	return NULL;
}

/* A block for the request: the newest on the per-CPU list, else a buddy's. */
static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct list_head *list = &zone->pcp.lists[order];
	struct page *page;

	if (order > PAGE_ALLOC_COSTLY_ORDER || list_empty(list))
		return __rmqueue(zone, order);
	page = list_first_entry(list, struct page, buddy_list);
	list_del(&page->buddy_list);
	zone->pcp.count -= 1 << order;
	return page;
}

/* --- watermarks and zone choice ----------------------------------------- */

enum zone_type gfp_zone(gfp_t gfp)
{
	if ((gfp & GFP_DMA) && (gfp & (GFP_HIGHMEM | GFP_DMA32))) {
		WARN_ONCE(
			1,
			"gfp_zone: GFP_DMA with GFP_HIGHMEM/GFP_DMA32 (%#x) makes no sense; serving from ZONE_DMA\n",
			gfp);
		return ZONE_DMA;
	}
	if (gfp & GFP_DMA)
		return ZONE_DMA;
	if (gfp & GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	/* No ZONE_DMA32 on i386: all of lowmem is below 4 GB. */
	return ZONE_NORMAL;
}

static __always_inline bool __zone_watermark_ok(const struct zone *z,
						unsigned int order,
						unsigned long mark,
						enum zone_type highest_zoneidx,
						gfp_t gfp)
{
	long min = (long)mark;
	long free_pages = (long)z->free_pages - ((1L << order) - 1);

	if (gfp & GFP_ATOMIC) {
		min -= min / 2; /* ALLOC_HIGH */
		min -= min / 4; /* ALLOC_HARDER */
	}
	if (free_pages <= min + (long)z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true; /* any free page will do */
	/* A high-order request also needs a block that is big enough. */
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, enum zone_type highest_zoneidx,
		       gfp_t gfp)
{
	return __zone_watermark_ok(z, order, mark, highest_zoneidx, gfp);
}

enum alloc_pass { PASS_WMARK_LOW, PASS_WMARK_MIN, PASS_NO_WATERMARKS };

static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   enum zone_type highest,
					   enum alloc_pass pass)
{
	for (int z = (int)highest; z >= 0; z--) {
		struct zone *zone = &zones[z];
		struct page *page;

		if (!populated_zone(zone))
			continue;
		if (pass != PASS_NO_WATERMARKS &&
		    !__zone_watermark_ok(
			    zone, order,
			    pass == PASS_WMARK_LOW ? low_wmark_pages(zone) :
						     min_wmark_pages(zone),
			    highest, pass == PASS_WMARK_LOW ? 0 : gfp))
			continue;
		page = rmqueue(zone, order);
		if (page) {
			zone->pgalloc += 1UL << order;
			return page;
		}
		zone->nr_alloc_fail++;
	}
	return NULL;
}

static void warn_alloc(gfp_t gfp, unsigned int order, const char *why)
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

static noinline void prep_zero_pages(struct page *page, unsigned int order)
{
	for (unsigned long i = 0; i < (1UL << order); i++)
		clear_highpage(page + i);
}

/* The block leaves the allocator: one owner, order recorded for the free. */
static __always_inline void prep_new_page(struct page *page, unsigned int order,
					  gfp_t gfp)
{
	page->_refcount = 1;
	page->private = order;
	page->flags = (page->flags & ~(1UL << PG_pcp)) | (1UL << PG_head);
	if (unlikely(gfp & GFP_ZERO))
		prep_zero_pages(page, order);
}

/*
 * The second pass, down to the min watermark; if that fails too, pages
 * waiting on the per-CPU lists are free memory after all: drain them and
 * try once more (Linux drains them before it gives up, too).
 */
static noinline struct page *alloc_pages_min(gfp_t gfp, unsigned int order,
					     enum zone_type highest)
{
	struct page *page;

	page = get_page_from_freelist(gfp, order, highest, PASS_WMARK_MIN);
	if (!page && drain_all_pages())
		page = get_page_from_freelist(gfp, order, highest,
					      PASS_WMARK_MIN);
	return page;
}

/* GFP_NOFAIL: try everything, since nothing here can free memory later. */
static struct page *alloc_pages_nofail(gfp_t gfp, unsigned int order,
				       enum zone_type highest)
{
	for (int attempt = 0; attempt < 3; attempt++) {
		struct page *page = get_page_from_freelist(gfp, order, highest,
							   PASS_NO_WATERMARKS);

		if (page)
			return page;
	}
	warn_alloc(
		gfp & ~(gfp_t)__GFP_NOWARN, order,
		"__GFP_NOFAIL cannot be honoured: every allowed zone is exhausted and this kernel has no reclaim to wait for");
	return NULL;
}

/*
 * Everything alloc_pages() (page_alloc_fast.c) does not do itself: any
 * order, any zone, the free lists, the fallback zones, the reserve, the
 * report when it fails.  Its _RET_IP_ is alloc_pages()'s caller.
 */
fastcall struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	enum zone_type highest;
	struct page *page;

	if (order >= MAX_ORDER) {
		WARN(!(gfp & __GFP_NOWARN),
		     "alloc_pages: order %u is above MAX_ORDER-1 (%d): at most 4 MB at once\n",
		     order, MAX_ORDER - 1);
		return NULL;
	}
	if (gfp & ~(gfp_t)__GFP_BITS_MASK) {
		WARN(1, "alloc_pages: unknown GFP bits %#x ignored\n",
		     gfp & ~(gfp_t)__GFP_BITS_MASK);
		gfp &= __GFP_BITS_MASK;
	}
	highest = gfp_zone(gfp);
	page = get_page_from_freelist(gfp, order, highest, PASS_WMARK_LOW);
	if (!page)
		page = alloc_pages_min(gfp, order, highest);
	if (!page && (gfp & GFP_NOFAIL))
		page = alloc_pages_nofail(gfp, order, highest);
	if (!page) {
		if (!(gfp & GFP_NOFAIL))
			warn_alloc(gfp, order, NULL);
		return NULL;
	}
	prep_new_page(page, order, gfp);
	return page;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	/* Highmem pages have no address to return: as Linux, drop the flag. */
	struct page *page = alloc_pages(gfp & ~(gfp_t)GFP_HIGHMEM, order);

	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | GFP_ZERO, 0);
}

/* --- freeing and misuse ------------------------------------------------- */

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
static noinline bool free_page_is_bad(struct page *page)
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

static noinline unsigned int free_order_mismatch(struct page *page,
						 unsigned int order)
{
	unsigned int alloc_order = (unsigned int)page->private;

	WARN(1,
	     "__free_pages: pfn %#lx was allocated with order %u but is freed with order %u; freeing order %u\n",
	     page_to_pfn(page), alloc_order, order, alloc_order);
	return alloc_order;
}

static noinline void free_bad_pointer(const struct page *page)
{
	WARN(1, "__free_pages: %p is not a struct page in mem_map\n",
	     (const void *)page);
}

/*
 * Everything __free_pages() (page_alloc_fast.c) does not do itself: a bad
 * pointer or page state (reported, refused), a wrong order (reported, the
 * recorded one is used), a page with other users, a large block.
 */
fastcall void __free_pages_slowpath(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn_checked(page);
	struct zone *zone;

	if (pfn >= max_pfn) {
		free_bad_pointer(page);
		return;
	}
	if (!page_expected_state(page) && free_page_is_bad(page))
		return;
	if (order != page->private)
		order = free_order_mismatch(page, order);
	if (--page->_refcount > 0)
		return; /* another user still holds it */

	zone = page_zone(page);
	zone->pgfree += 1UL << order;
	if (order <= PAGE_ALLOC_COSTLY_ORDER) {
		free_to_pcp(zone, page, order);
		return;
	}
	ClearPageHead(page);
	page->private = 0;
	__free_one_page(page, pfn, zone, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK)) {
		WARN(1,
		     "free_pages: %#lx is not the page-aligned direct-map address of RAM\n",
		     addr);
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

/* Boot: hand a range of pages that were reserved to the allocator. */
void __free_boot_block(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < (1UL << order); i++) {
		ClearPageReserved(page + i);
		page[i]._refcount = 0;
	}
	zone->managed_pages += 1UL << order;
	__free_one_page(page, page_to_pfn(page), zone, order);
}

/* --- counters ----------------------------------------------------------- */

unsigned long zone_free_pages(const struct zone *zone)
{
	return zone->free_pages;
}

unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zones[z].free_pages;
	return sum;
}

unsigned long nr_free_highpages(void)
{
	return zones[ZONE_HIGHMEM].free_pages + zones[ZONE_MOVABLE].free_pages;
}

unsigned long totalram_pages(void)
{
	unsigned long sum = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		sum += zones[z].managed_pages;
	return sum;
}

unsigned long totalhigh_pages(void)
{
	return zones[ZONE_HIGHMEM].managed_pages +
	       zones[ZONE_MOVABLE].managed_pages;
}
