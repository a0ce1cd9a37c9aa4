// SPDX-License-Identifier: GPL-2.0
/*
 * bench_page.c - benchmarks of the page allocator.
 *
 * alloc_pages() + __free_pages() of one block, again and again: order 0
 * (one page) and order 3 (eight, the largest "cheap" order in Linux's
 * terms, PAGE_ALLOC_COSTLY_ORDER), from ZONE_NORMAL (GFP_KERNEL) and with
 * GFP_HIGHMEM.  Without highmem (below 896 MB of RAM) a GFP_HIGHMEM
 * request is served from Normal, as the zonelist says, and the row notes
 * it.  Whatever the allocator keeps between a free and the next
 * allocation (the buddy lists' state, a per-CPU list) is in its steady
 * state after the warm-up batch.
 */
#include <bench.h>
#include <mm.h>

#define BENCH_PAGES(name, gfp, order)                                 \
	static void bench_##name(unsigned long n)                     \
	{                                                             \
		while (n--)                                           \
			__free_pages(alloc_pages(gfp, order), order); \
	}

BENCH_PAGES(page0, GFP_KERNEL, 0)
BENCH_PAGES(page3, GFP_KERNEL, 3)
BENCH_PAGES(highpage0, GFP_HIGHMEM, 0)
BENCH_PAGES(highpage3, GFP_HIGHMEM, 3)

static const char *highmem_setup(void)
{
	if (!totalhigh_pages())
		bench_note("no highmem at this size: served from Normal");
	return NULL;
}

const struct bench_op bench_page_ops[] = {
	{ .id = "alloc_page_free_page",
	  .desc = "alloc_page + __free_page (GFP_KERNEL)",
	  .floor = "floor_buddy",
	  .run = bench_page0 },
	{ .id = "alloc_pages3_free_pages",
	  .desc = "alloc_pages + __free_pages, order 3 (GFP_KERNEL)",
	  .floor = "floor_buddy",
	  .run = bench_page3 },
	{ .id = "alloc_page_free_page_highmem",
	  .desc = "alloc_page + __free_page (GFP_HIGHMEM)",
	  .floor = "floor_buddy",
	  .setup = highmem_setup,
	  .run = bench_highpage0 },
	{ .id = "alloc_pages3_free_pages_highmem",
	  .desc = "alloc_pages + __free_pages, order 3 (GFP_HIGHMEM)",
	  .floor = "floor_buddy",
	  .setup = highmem_setup,
	  .run = bench_highpage3 },
	{}
};
