// SPDX-License-Identifier: GPL-2.0
/*
 * bench_vmalloc.c - benchmarks of vmalloc() + vfree().
 *
 * vmalloc of 1, 16 and 256 pages: an address range from the rbtrees, the
 * pages one at a time from the buddy allocator (highmem first), one PTE
 * per page, and on vfree the reverse, except the TLB flush: freed ranges
 * wait on the purge list and one global flush serves 32 MB of them.  That
 * purge (and the merging of the freed ranges into the free tree) is paid
 * every few thousand vfrees; the batches are long enough to contain it.
 *
 * Scaling: the same one-page vmalloc + vfree while 10, 1,000 or 10,000
 * other one-page areas are live.  With the areas in rbtrees (the free
 * tree augmented with the largest gap below each node) finding room and
 * finding the area to free take O(log n), so 10,000 areas should cost
 * little more than 10.  Each live area takes a page and a guard page of
 * address space: if not all fit (a small vmalloc area, little RAM), the
 * row is measured with as many as did and says so.
 */
#include <bench.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <vmalloc.h>

static void **live;
static unsigned int nr_live;

#define BENCH_VMALLOC(pages)                               \
	static void bench_vmalloc##pages(unsigned long n)  \
	{                                                  \
		while (n--)                                \
			vfree(vmalloc((pages)*PAGE_SIZE)); \
	}

BENCH_VMALLOC(1)
BENCH_VMALLOC(16)
BENCH_VMALLOC(256)

/* Make `want` one-page areas live; fewer if no more fit (noted). */
static const char *live_setup(unsigned int want)
{
	live = kmalloc_array(want, sizeof(*live), GFP_KERNEL);
	if (!live)
		return "no memory for the list of areas";
	for (nr_live = 0; nr_live < want; nr_live++) {
		live[nr_live] = __vmalloc(
			PAGE_SIZE, GFP_KERNEL | GFP_HIGHMEM | __GFP_NOWARN,
			bench_vmalloc1);
		if (!live[nr_live])
			break;
	}
	if (nr_live < want)
		bench_note("only %u of %u one-page areas fit", nr_live, want);
	if (!nr_live) {
		kfree(live);
		return "no vmalloc area fits";
	}
	return NULL;
}

static void live_teardown(void)
{
	while (nr_live--)
		vfree(live[nr_live]);
	kfree(live);
	vmalloc_purge();
}

#define BENCH_LIVE(count)                          \
	static const char *live_setup##count(void) \
	{                                          \
		return live_setup(count);          \
	}

BENCH_LIVE(10)
BENCH_LIVE(1000)
BENCH_LIVE(10000)

#define VMALLOC_ROW(pages, shft)                                        \
	{                                                               \
		.id = "vmalloc_vfree_" #pages "page",                   \
		.desc = "vmalloc(" #pages " * PAGE_SIZE) + vfree",      \
		.run = bench_vmalloc##pages, .teardown = vmalloc_purge, \
		.shift = shft                                           \
	}

#define LIVE_ROW(count)                                            \
	{                                                          \
		.id = "vmalloc_vfree_live" #count,                 \
		.desc = "vmalloc + vfree, 1 page, " #count         \
			" other areas live",                       \
		.setup = live_setup##count, .run = bench_vmalloc1, \
		.teardown = live_teardown                          \
	}

const struct bench_op bench_vmalloc_ops[] = { VMALLOC_ROW(1, 0),
					      VMALLOC_ROW(16, 2),
					      VMALLOC_ROW(256, 6),
					      LIVE_ROW(10),
					      LIVE_ROW(1000),
					      LIVE_ROW(10000),
					      {} };
