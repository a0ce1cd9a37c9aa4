// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_demo.c - `demo buddy`: a split and a merge, seen in /proc/buddyinfo.
 *
 * /proc/buddyinfo counts each zone's free blocks per order.  One page
 * allocated with GFP_HIGHMEM splits the smallest free block of HighMem in
 * halves down to order 0: a run of zeros becomes a run of ones.  (Without
 * highmem: GFP_KERNEL and Normal, and the smallest order whose list is
 * empty, so that there is a split to see.)  Freed, the page
 * does not come back at once: it goes onto the zone's per-CPU list, which
 * /proc/buddyinfo does not count, so the row does not move.  Draining the
 * lists (drain_all_pages(), as Linux does before it gives up) hands it to
 * the buddy allocator, which merges it with its buddy (pfn ^ 2^order) again
 * and again, and the row is what it was.  A block above order 3 skips the
 * per-CPU lists and merges at once.
 *
 * The numbers are read from /proc/buddyinfo itself (proc_read()), one zone's
 * row, in columns that fit 80.  The page is in `bd`; each section brings it
 * to the state it starts from, so a paced demo can go back or jump.
 */
#include <cmdline.h>
#include <demo.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <seq_file.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>

#define BD_BIG_ORDER (PAGE_ALLOC_COSTLY_ORDER + 1) /* skips the lists */

static struct {
	struct page *page; /* the block of the split, while allocated */
	unsigned int order; /* its order */
	bool on_pcp; /* it was freed and waits on the per-CPU list */
} bd;

/*
 * HighMem when there is one: nothing but vmalloc and user pages takes its
 * small blocks, so a split shows many levels.  Else Normal.
 */
static gfp_t bd_gfp(void)
{
	return totalhigh_pages() ? GFP_HIGHMEM : GFP_KERNEL;
}

static const char *bd_gfp_name(void)
{
	return totalhigh_pages() ? "GFP_HIGHMEM" : "GFP_KERNEL";
}

/* The zone the demo's requests try first. */
static struct zone *bd_zone(void)
{
	return first_zones_zonelist(&zonelist, gfp_zone(bd_gfp()))->zone;
}

/* The zone's per-CPU list of the CPU the demo runs on (a demo stays on it). */
static const struct per_cpu_pages *bd_pcp(void)
{
	return this_cpu_ptr(bd_zone()->per_cpu_pageset);
}

/* The zone's row of /proc/buddyinfo: nr_free of each order; false if none. */
static bool bd_read_row(const struct zone *zone, unsigned long *nr_free)
{
	static char buf[1024];
	char key[32];
	const char *row;
	char *end;

	if (proc_read("buddyinfo", buf, sizeof(buf)) < 0)
		return false;
	snprintf(key, sizeof(key), "zone %8s", zone->name);
	row = strstr(buf, key);
	if (!row)
		return false;
	row += strlen(key);
	for (int order = 0; order < MAX_ORDER; order++) {
		while (*row == ' ')
			row++;
		nr_free[order] = simple_strtoul(row, &end, 10);
		if (end == row)
			return false;
		row = end;
	}
	return true;
}

static void bd_print_orders(void)
{
	kprintf("  %-8s", "order");
	for (int order = 0; order < MAX_ORDER; order++)
		kprintf("%6d", order);
	kprintf("\n");
}

/* One row of the table: `label`, then the zone's nr_free per order. */
static void bd_print_row(const char *label, unsigned long *nr_free)
{
	if (!bd_read_row(bd_zone(), nr_free)) {
		memset(nr_free, 0, MAX_ORDER * sizeof(*nr_free));
		kprintf("  (cannot read /proc/buddyinfo)\n");
		return;
	}
	kprintf("  %-8s", label);
	for (int order = 0; order < MAX_ORDER; order++)
		kprintf("%6lu", nr_free[order]);
	kprintf("\n");
}

/* Nothing allocated, nothing on the per-CPU lists: the demo's start. */
static void bd_settled(void)
{
	if (bd.page && !bd.on_pcp)
		__free_pages(bd.page, bd.order);
	bd.page = NULL;
	bd.on_pcp = false;
	drain_all_pages();
}

static void bd_buddyinfo(void)
{
	unsigned long nr_free[MAX_ORDER];

	bd_settled();
	kprintf("  /proc/buddyinfo has a row per zone: how many free blocks of each\n"
		"  order (2^order pages, 4 KB to 4 MB) its free lists hold.  Zone %s,\n"
		"  where a %s request starts:\n",
		bd_zone()->name, bd_gfp_name());
	bd_print_orders();
	bd_print_row("now", nr_free);
	kprintf("  This CPU's list of it (zoneinfo: pagesets, cpu %u, count) holds %d\n"
		"  pages now, which the row does not count; the demo drained it first.\n",
		smp_processor_id(), bd_pcp()->count);
}

/* The smallest order from `order` up with a free block, or -1. */
static int bd_smallest(const unsigned long *nr_free, int order)
{
	for (; order < MAX_ORDER; order++)
		if (nr_free[order])
			return order;
	return -1;
}

/*
 * The order to ask for so that a block is split: the smallest one up to
 * PAGE_ALLOC_COSTLY_ORDER (so its free goes to the per-CPU list) whose
 * free list is empty while a larger block is free; 0 if there is none.
 */
static unsigned int bd_split_order(const unsigned long *nr_free)
{
	for (int order = 0; order <= PAGE_ALLOC_COSTLY_ORDER; order++)
		if (!nr_free[order] && bd_smallest(nr_free, order) > order)
			return (unsigned int)order;
	return 0;
}

/* Allocate the block of the split; its order from the row `nr_free`. */
static bool bd_alloc(const unsigned long *nr_free)
{
	bd.order = bd_split_order(nr_free);
	bd.page = alloc_pages(bd_gfp(), bd.order);
	bd.on_pcp = false;
	if (!bd.page)
		kprintf("  alloc_pages(%s, %u) failed\n", bd_gfp_name(),
			bd.order);
	return bd.page;
}

static void bd_split(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	unsigned long pfn;
	int k;

	bd_settled();
	bd_print_orders();
	bd_print_row("before", before);
	if (!bd_alloc(before))
		return;
	bd_print_row("after", after);
	k = bd_smallest(before, (int)bd.order);
	pfn = page_to_pfn(bd.page);
	kprintf("  alloc_pages(%s, %u) -> pfn %#lx, zone %s\n", bd_gfp_name(),
		bd.order, pfn, page_zone(bd.page)->name);
	if (k <= (int)bd.order || page_zone(bd.page) != bd_zone()) {
		kprintf("  a block of order %u was free: taken whole, nothing to split\n"
			"  (every small list of %s has a block now; HighMem's are empty)\n",
			bd.order, bd_zone()->name);
		return;
	}
	if (k - 1 == (int)bd.order)
		kprintf("  no block of order %u was free:", bd.order);
	else
		kprintf("  no block of order %u to %d was free:", bd.order,
			k - 1);
	kprintf(" the order-%d block at pfn %#lx was\n"
		"  split in halves, the upper halves going back one order down:\n",
		k, pfn);
	for (int order = k - 1; order >= (int)bd.order; order--)
		kprintf("    order %d: pfn %#lx (%lu page%s) on the free list\n",
			order, pfn + (1UL << order), 1UL << order,
			order ? "s" : "");
	if (bd.order)
		kprintf("  and the first %lu pages are ours.\n",
			1UL << bd.order);
	else
		kprintf("  and the first page is ours.\n");
}

/* Free the block of the split; say whether it went to the per-CPU list. */
static void bd_free_block(void)
{
	__free_pages(bd.page, bd.order);
	bd.on_pcp = PagePcp(bd.page);
	if (!bd.on_pcp)
		bd.page = NULL;
}

static void bd_free_to_pcp(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	unsigned long pfn;

	if (!bd.page || bd.on_pcp) {
		bd_settled();
		bd_read_row(bd_zone(), before);
		if (!bd_alloc(before))
			return;
		kprintf("  (allocated as in section 2 again: pfn %#lx, order %u)\n",
			page_to_pfn(bd.page), bd.order);
	}
	pfn = page_to_pfn(bd.page);
	bd_print_orders();
	bd_print_row("before", before);
	bd_free_block();
	bd_print_row("after", after);
	if (!bd.on_pcp) {
		kprintf("  __free_pages(): the block went straight back to the free lists\n"
			"  (zone %s keeps no per-CPU list)\n",
			bd_zone()->name);
		return;
	}
	kprintf("  __free_pages(pfn %#lx, %u): the row did not move.  The block is\n"
		"  on zone %s's list of CPU %u (pagesets count %d, high %d): the next\n"
		"  request of order %u takes it back with no split, and\n"
		"  /proc/buddyinfo does not count it.\n",
		pfn, bd.order, bd_zone()->name, smp_processor_id(),
		bd_pcp()->count, bd_pcp()->high, bd.order);
}

/* The merges __free_one_page() made: each order's buddy, low up to top. */
static void bd_print_merges(unsigned long pfn, int low, int top)
{
	for (int order = low; order < top; order++) {
		unsigned long buddy = pfn ^ (1UL << order);

		kprintf("    order %d: pfn %#lx + its buddy %#lx (pfn ^ %lu) -> order %d\n",
			order, pfn, buddy, 1UL << order, order + 1);
		pfn &= buddy;
	}
}

static void bd_merge(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	unsigned long pfn, drained;
	int top = -1;

	if (!bd.on_pcp) {
		bd_settled();
		bd_read_row(bd_zone(), before);
		if (!bd_alloc(before))
			return;
		bd_free_block();
		kprintf("  (allocated and freed as in sections 2 and 3 again: pfn %#lx\n"
			"  %s)\n",
			page_to_pfn(bd.page),
			bd.on_pcp ? "waits on the per-CPU list" :
				    "went back at once: no per-CPU list");
		if (!bd.on_pcp)
			return;
	}
	pfn = page_to_pfn(bd.page);
	bd_print_orders();
	bd_print_row("before", before);
	drained = drain_all_pages();
	bd.page = NULL;
	bd.on_pcp = false;
	bd_print_row("after", after);
	kprintf("  drain_all_pages(): %lu page%s from the per-CPU lists to the free lists\n",
		drained, drained == 1 ? "" : "s");
	/* The merged block is one more at the order where the merging stopped. */
	for (int order = 0; order < MAX_ORDER && top < 0; order++)
		if (after[order] > before[order])
			top = order;
	if (top <= (int)bd.order) {
		kprintf("  its buddy was not free: nothing to merge\n");
		return;
	}
	kprintf("  pfn %#lx merged with its buddy, again and again:\n", pfn);
	bd_print_merges(pfn, (int)bd.order, top);
	kprintf("  the row is what it was before the split.\n");
}

static void bd_big_block(void)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	struct page *block;

	bd_settled();
	bd_print_orders();
	bd_print_row("before", before);
	block = alloc_pages(bd_gfp(), BD_BIG_ORDER);
	if (!block) {
		kprintf("  alloc_pages(%s, %d) failed\n", bd_gfp_name(),
			BD_BIG_ORDER);
		return;
	}
	bd_print_row("alloc", after);
	kprintf("  alloc_pages(%s, %d) -> pfn %#lx: %lu pages at once\n",
		bd_gfp_name(), BD_BIG_ORDER, page_to_pfn(block),
		1UL << BD_BIG_ORDER);
	__free_pages(block, BD_BIG_ORDER);
	bd_print_row("free", after);
	kprintf("  above order %d (PAGE_ALLOC_COSTLY_ORDER) no per-CPU list keeps a\n"
		"  block: __free_pages() merged it back at once.\n",
		PAGE_ALLOC_COSTLY_ORDER);
}

static const struct demo_section buddy_sections[] = {
	{ "/proc/buddyinfo: free blocks per order", bd_buddyinfo },
	{ "A split: alloc_pages() takes the smallest free block that fits",
	  bd_split },
	{ "A free goes to the per-CPU list first", bd_free_to_pcp },
	{ "A merge: drain the per-CPU lists, the page finds its buddies",
	  bd_merge },
	{ "A big block skips the per-CPU lists", bd_big_block },
};
DEMO(buddy, "a split and a merge, on /proc/buddyinfo", buddy_sections,
     bd_settled);
