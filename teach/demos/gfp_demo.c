// SPDX-License-Identifier: GPL-2.0
/*
 * gfp_demo.c - `demo gfp`: what GFP flags decide, shown by running the page
 * allocator out of memory on purpose.
 *
 * A request's zone modifier picks the first zone of the fallback list it
 * may use (HighMem -> Normal -> DMA for GFP_HIGHMEM); every zone keeps
 * three watermarks, and a zone serves a request only while it stays above
 * one: low on the first pass, min on the slow path, less than min for
 * GFP_ATOMIC (Linux's min/2, less a quarter of that).  lowmem_reserve adds
 * to the watermark the pages a lower zone keeps back from requests that
 * could have gone higher, so a GFP_HIGHMEM raid cannot empty ZONE_DMA.
 *
 * Each section takes pages until the allocator says no, shows where it
 * stopped and why, with this boot's numbers, and gives everything back
 * before it ends: sections stand alone, in any order.  The pages taken are
 * kept in a table (gd), as whole blocks from order 10 down, so that a few
 * hundred allocations hold gigabytes.  Nothing else allocates while a
 * section runs, and the lowest zones keep their reserves, so the kernel
 * never runs short itself.
 */
#include <demo.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>

#define GD_MAX_BLOCKS 4096 /* blocks one section may hold */

static struct {
	struct page *block[GD_MAX_BLOCKS]; /* what the section holds */
	unsigned char order[GD_MAX_BLOCKS]; /* each block's order */
	unsigned int nr; /* blocks held */
} gd;

static void gd_give_back(void)
{
	while (gd.nr) {
		gd.nr--;
		__free_pages(gd.block[gd.nr], gd.order[gd.nr]);
	}
	drain_all_pages();
}

/*
 * Take blocks with gfp, largest first, for as long as they come from `only`
 * (any zone if NULL) and the table has room.  The first order-0 page from
 * another zone is the fallback: kept in *other if asked for, else freed.
 * Returns the pages taken.
 */
static unsigned long gd_fill(gfp_t gfp, const struct zone *only,
			     struct page **other)
{
	unsigned long pages = 0;
	int order = MAX_ORDER - 1;

	drain_all_pages(); /* the lists' pages count as free for the zones */
	while (order >= 0 && gd.nr < GD_MAX_BLOCKS) {
		struct page *page = alloc_pages(gfp | __GFP_NOWARN, order);

		if (page && only && page_zone(page) != only) {
			if (!order && other) {
				*other = page;
				return pages;
			}
			__free_pages(page, order);
			page = NULL;
		}
		if (!page) {
			order--;
			continue;
		}
		gd.block[gd.nr] = page;
		gd.order[gd.nr++] = (unsigned char)order;
		pages += 1UL << order;
	}
	return pages;
}

/* The zone list of a request: "HighMem -> Normal -> DMA". */
static void gd_print_fallback(gfp_t gfp)
{
	enum zone_type high = gfp_zone(gfp);
	struct zoneref *z = first_zones_zonelist(&zonelist, high);
	struct zone *zone;
	bool first = true;

	for_next_zone_zonelist(zone, z, high) {
		kprintf("%s%s", first ? "" : " -> ", zone->name);
		first = false;
	}
}

static void gd_flags(void)
{
	static const struct {
		gfp_t gfp;
		const char *name;
	} flags[] = {
		{ GFP_HIGHMEM, "GFP_HIGHMEM" },
		{ GFP_KERNEL, "GFP_KERNEL" },
		{ GFP_DMA32, "GFP_DMA32" },
		{ GFP_DMA, "GFP_DMA" },
	};

	kprintf("  The zone modifier of a request picks the highest zone it may use;\n"
		"  it falls back down the zonelist from there:\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(flags); i++) {
		struct page *page = alloc_page(flags[i].gfp);

		kprintf("  %-12s ", flags[i].name);
		gd_print_fallback(flags[i].gfp);
		if (page)
			kprintf("   (alloc_page: pfn %#lx, %s)",
				page_to_pfn(page), page_zone(page)->name);
		kprintf("\n");
		if (page)
			__free_page(page);
	}
	kprintf("  GFP_KERNEL may sleep, GFP_ATOMIC may not: it may dig deeper into\n"
		"  the reserve instead (section 4).  A page from HighMem has no\n"
		"  kernel address until kmap; one from Normal or DMA has one.\n");
}

/* The watermark a pass checks, as __zone_watermark_ok() lowers it. */
static unsigned long gd_atomic_min(const struct zone *zone)
{
	unsigned long min = min_wmark_pages(zone);

	min -= min / 2; /* ALLOC_HIGH */
	return min - min / 4; /* ALLOC_HARDER */
}

static void gd_watermarks(void)
{
	struct zone *zone;

	kprintf("  %-8s %9s %7s %7s %7s %9s\n", "zone", "free", "min", "low",
		"high", "atomic");
	for_each_populated_zone(zone)
		kprintf("  %-8s %9lu %7lu %7lu %7lu %9lu\n", zone->name,
			zone->free_pages, min_wmark_pages(zone),
			low_wmark_pages(zone), high_wmark_pages(zone),
			gd_atomic_min(zone));
	kprintf("  (pages; /proc/zoneinfo prints the same min, low, high)\n");
	kprintf("  A zone serves a request only if it keeps more than a watermark\n"
		"  free afterwards: `low` on the first pass; below it the slow path\n"
		"  wakes kswapd and allows down to `min` (a request that may sleep\n"
		"  then reclaims page cache: demo pagecache); GFP_ATOMIC, which\n"
		"  cannot wait, down to `atomic`: min - min/2, less a quarter of\n"
		"  that.  min_free_kbytes = %d sets them all.\n",
		min_free_kbytes);
}

static void gd_fallback(void)
{
	gfp_t gfp = totalhigh_pages() ? GFP_HIGHMEM : GFP_KERNEL;
	struct zone *top = first_zones_zonelist(&zonelist, gfp_zone(gfp))->zone;
	struct page *other = NULL;
	unsigned long taken;

	taken = gd_fill(gfp, top, &other);
	kprintf("  alloc_pages(%s) took %lu pages of %s (%lu MB), until its\n"
		"  free pages reached the low watermark: %lu free, low %lu.\n",
		gfp == GFP_HIGHMEM ? "GFP_HIGHMEM" : "GFP_KERNEL", taken,
		top->name, taken >> 8, top->free_pages, low_wmark_pages(top));
	if (other)
		kprintf("  The next alloc_page(%s) -> pfn %#lx, zone %s:\n"
			"  the first pass skipped %s and fell back down the list.\n",
			gfp == GFP_HIGHMEM ? "GFP_HIGHMEM" : "GFP_KERNEL",
			page_to_pfn(other), page_zone(other)->name, top->name);
	else
		kprintf("  No other zone served the next request.\n");
	if (other)
		__free_page(other);
	gd_give_back();
	kprintf("  (all given back: %s has %lu pages free again)\n", top->name,
		top->free_pages);
}

static void gd_atomic(void)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long taken, atomic;
	struct page *page;

	if (!populated_zone(dma)) {
		kprintf("  (no DMA zone in this boot)\n");
		return;
	}
	taken = gd_fill(GFP_DMA, NULL, NULL);
	kprintf("  alloc_pages(GFP_DMA) took %lu pages, until DMA had %lu free:\n"
		"  its min watermark is %lu, the slow path's limit.  One more:\n",
		taken, dma->free_pages, min_wmark_pages(dma));
	page = alloc_page(GFP_DMA); /* fails, with Linux's report */
	if (page)
		__free_page(page);
	atomic = gd_fill(GFP_DMA | GFP_ATOMIC, NULL, NULL);
	kprintf("  alloc_pages(GFP_ATOMIC | GFP_DMA) still took %lu pages, down to\n"
		"  %lu free (its limit: %lu): the reserve below min is for requests\n"
		"  that cannot wait for memory to be freed.\n",
		atomic, dma->free_pages, gd_atomic_min(dma));
	gd_give_back();
	kprintf("  (all given back: DMA has %lu pages free again)\n",
		dma->free_pages);
}

static void gd_print_raid(gfp_t gfp)
{
	enum zone_type high = gfp_zone(gfp);
	struct zone *zone;

	kprintf("  %-8s %9s %7s %9s  %s\n", "zone", "free", "min", "reserve",
		"stopped at");
	for_each_populated_zone(zone) {
		if (zone->type > high)
			continue;
		kprintf("  %-8s %9lu %7lu %9lu  min + reserve = %lu\n",
			zone->name, zone->free_pages, min_wmark_pages(zone),
			zone->lowmem_reserve[high],
			min_wmark_pages(zone) + zone->lowmem_reserve[high]);
	}
}

static void gd_raid(void)
{
	gfp_t gfp = totalhigh_pages() ? GFP_HIGHMEM : GFP_KERNEL;
	const char *name = gfp == GFP_HIGHMEM ? "GFP_HIGHMEM" : "GFP_KERNEL";
	struct page *dma_page, *page;
	unsigned long taken;

	taken = gd_fill(gfp, NULL, NULL);
	kprintf("  alloc_pages(%s) until it failed: %lu pages (%lu MB).\n",
		name, taken, taken >> 8);
	gd_print_raid(gfp);
	kprintf("  reserve = lowmem_reserve[%s] (zoneinfo: protection): what a\n"
		"  lower zone keeps back from requests that could have used a higher\n"
		"  zone.  So %s stopped there, and DMA is still there for GFP_DMA:\n",
		zones[gfp_zone(gfp)].name, name);
	dma_page = alloc_page(GFP_DMA | __GFP_NOWARN);
	page = gfp == GFP_HIGHMEM ? alloc_page(GFP_KERNEL | __GFP_NOWARN) :
				    NULL;
	if (dma_page)
		kprintf("  alloc_page(GFP_DMA) -> pfn %#lx, zone %s: still served\n",
			page_to_pfn(dma_page), page_zone(dma_page)->name);
	else
		kprintf("  alloc_page(GFP_DMA) -> NULL\n");
	if (gfp == GFP_HIGHMEM)
		kprintf("  alloc_page(GFP_KERNEL) -> %s (Normal keeps nothing back from\n"
			"  requests for Normal itself)\n",
			page ? page_zone(page)->name : "NULL");
	if (dma_page)
		__free_page(dma_page);
	if (page)
		__free_page(page);
	gd_give_back();
	kprintf("  (all given back)\n");
}

static const struct demo_section gfp_sections[] = {
	{ "GFP flags choose the zones a request may use", gd_flags },
	{ "Watermarks: min, low, high", gd_watermarks },
	{ "Fallback: the first zone runs low, the next one serves",
	  gd_fallback },
	{ "GFP_ATOMIC dips below min", gd_atomic },
	{ "lowmem_reserve refuses a raid on DMA", gd_raid },
};
DEMO(gfp, "zone fallback, watermarks, GFP_ATOMIC, lowmem_reserve", gfp_sections,
     gd_give_back);
