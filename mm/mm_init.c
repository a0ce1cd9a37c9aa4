// SPDX-License-Identifier: GPL-2.0
/*
 * mm_init.c - from memblock to the buddy allocator.
 *
 * free_area_init() sizes the zones from the pfn limits (ZONE_DMA up to
 * 16 MB, ZONE_NORMAL up to max_low_pfn, ZONE_HIGHMEM up to max_pfn), counts
 * their pages the way Linux does (spanned: the whole range, holes included;
 * present: pages that exist in memblock.memory; managed: pages the buddy
 * allocator will own) and initialises mem_map with every page reserved.
 * memblock_free_all() then releases every free memblock range to the buddy
 * allocator in the largest naturally aligned blocks that fit, so that a 2 GB
 * machine starts with a few hundred order-10 blocks rather than half a
 * million single pages.  Watermarks follow from min_free_kbytes as in
 * Linux's __setup_per_zone_wmarks().  build_all_zonelists() writes down the
 * order in which requests fall back from zone to zone.
 *
 * mm_core_init() is the whole bring-up in one place, each allocator on the
 * one before: memblock -> paging -> buddy -> slab -> vmalloc -> kmap.
 */
#include <asm/memlayout.h>
#include <asm/smp.h>
#include <highmem.h>
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <kmemleak.h>
#include <memblock.h>
#include <mm.h>
#include <params.h>
#include <panic.h>
#include <printk.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>

#include "internal.h"

#define MAX_DMA_PFN (MAX_DMA_ADDRESS >> PAGE_SHIFT)
#define WATERMARK_SCALE_FACTOR 10 /* in 1/10000 of managed memory */
#define SWAP_CLUSTER_MAX 32UL

int min_free_kbytes;
int user_min_free_kbytes = -1; /* min_free_kbytes=, -1 if not given */
int lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256,   [ZONE_DMA32] = 256, [ZONE_NORMAL] = 32,
	[ZONE_HIGHMEM] = 0, [ZONE_MOVABLE] = 0,
};

static const char *const zone_names[MAX_NR_ZONES] = {
	[ZONE_DMA] = "DMA",	    [ZONE_DMA32] = "DMA32",
	[ZONE_NORMAL] = "Normal",   [ZONE_HIGHMEM] = "HighMem",
	[ZONE_MOVABLE] = "Movable",
};

/* Pages of [start, end) that are in memblock.memory. */
static unsigned long __init present_pages_in(unsigned long start_pfn,
					     unsigned long end_pfn)
{
	unsigned long present = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long rs = (unsigned long)(r->base >> PAGE_SHIFT);
		unsigned long re =
			(unsigned long)((r->base + r->size) >> PAGE_SHIFT);
		unsigned long s = max(rs, start_pfn), e = min(re, end_pfn);

		if (s < e)
			present += e - s;
	}
	return present;
}

static void __init print_zone_range(const char *name, unsigned long start,
				    unsigned long end)
{
	if (start >= end)
		pr_info("  %-8s empty\n", name);
	else
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", name,
			(u64)start << PAGE_SHIFT, ((u64)end << PAGE_SHIFT) - 1);
}

static void __init zone_init(enum zone_type type, unsigned long start,
			     unsigned long end)
{
	struct zone *zone = &zones[type];

	zone->name = zone_names[type];
	zone->type = type;
	for (int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&zone->free_area[o].free_list);
	spin_lock_init(&zone->lock);
	if (start >= end)
		return;
	zone->zone_start_pfn = start;
	zone->spanned_pages = end - start;
	zone->present_pages = present_pages_in(start, end);
	for (unsigned long pfn = start; pfn < end; pfn++)
		mem_map[pfn].flags = (1UL << PG_reserved) |
				     ((unsigned long)type << ZONES_PGSHIFT);
	if (zone->spanned_pages != zone->present_pages)
		pr_info("On node 0, zone %s: %lu pages in unavailable ranges\n",
			zone->name, zone->spanned_pages - zone->present_pages);
}

void __init free_area_init(void)
{
	unsigned long first_pfn =
		(unsigned long)(memblock.memory.regions[0].base >> PAGE_SHIFT);
	unsigned long dma_end = min(MAX_DMA_PFN, max_low_pfn);
	size_t map_size = max_pfn * sizeof(struct page);

	BUILD_BUG_ON(sizeof(struct page) != 1U << STRUCT_PAGE_SHIFT);
	BUILD_BUG_ON(MAX_NR_ZONES > (1 << ZONES_WIDTH));
	BUILD_BUG_ON(__NR_PAGEFLAGS > ZONES_PGSHIFT);

	pr_info("Zone ranges:\n");
	print_zone_range("DMA", first_pfn, dma_end);
	print_zone_range("DMA32", 0, 0);
	print_zone_range("Normal", dma_end, max_low_pfn);
	print_zone_range("HighMem", max_low_pfn, max_pfn);
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		pr_info("  node   0: [mem %#018llx-%#018llx]\n", r->base,
			r->base + r->size - 1);
	}
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n",
		(u64)first_pfn << PAGE_SHIFT, ((u64)max_pfn << PAGE_SHIFT) - 1);

	/* mem_map: one struct page per pfn below max_pfn, from lowmem. */
	mem_map = memblock_alloc_or_panic(map_size, PAGE_SIZE, "mem_map");
	for (unsigned long pfn = 0; pfn < first_pfn; pfn++)
		mem_map[pfn].flags = 1UL << PG_reserved;
	zone_init(ZONE_DMA, first_pfn, dma_end);
	zone_init(ZONE_DMA32, 0, 0);
	zone_init(ZONE_NORMAL, dma_end, max_low_pfn);
	zone_init(ZONE_HIGHMEM, max_low_pfn, max_pfn);
	zone_init(ZONE_MOVABLE, 0, 0);
	pr_info("mem_map: %lu struct pages of %zu bytes = %zu KB at %p\n",
		max_pfn, sizeof(struct page), map_size >> 10, (void *)mem_map);
	build_all_zonelists();
}

/* The fallback order of every request: the populated zones, highest first. */
void __init build_all_zonelists(void)
{
	struct zoneref *z = zonelist._zonerefs;

	for (int type = MAX_NR_ZONES - 1; type >= 0; type--) {
		if (!populated_zone(&zones[type]))
			continue;
		z->zone = &zones[type];
		z->zone_idx = (enum zone_type)type;
		z++;
	}
	z->zone = NULL;
}

/* The largest aligned block at pfn that ends by `end` and stays in one zone. */
static unsigned int __init boot_block_order(unsigned long pfn,
					    unsigned long end)
{
	unsigned int order = pfn ? min_t(unsigned int, (unsigned int)__ffs(pfn),
					 MAX_ORDER - 1) :
				   MAX_ORDER - 1;

	while (order &&
	       (pfn + (1UL << order) > end ||
		page_zonenum(pfn_to_page(pfn)) !=
			page_zonenum(pfn_to_page(pfn + (1UL << order) - 1))))
		order--;
	return order;
}

/* What memblock kept: the reserved regions summed by who reserved them. */
static void __init memblock_report(unsigned long released)
{
	const struct memblock_type *rsv = &memblock.reserved;
	bool printed[INIT_MEMBLOCK_REGIONS] = { false };

	pr_info("memblock: %lu pages (%lu KB) released to the buddy allocator; %llu KB stay reserved:\n",
		released, released << 2, memblock_reserved_size() >> 10);
	for (unsigned long i = 0; i < rsv->cnt; i++) {
		const char *name = rsv->regions[i].name;
		phys_addr_t total = 0;

		if (printed[i])
			continue;
		for (unsigned long j = i; j < rsv->cnt; j++) {
			if (rsv->regions[j].name == name ||
			    (name && rsv->regions[j].name &&
			     !strcmp(name, rsv->regions[j].name))) {
				total += rsv->regions[j].size;
				printed[j] = true;
			}
		}
		pr_info("memblock:   %-18s %8llu KB\n",
			name ? name : "(unnamed)", total >> 10);
	}
}

void __init memblock_free_all(void)
{
	unsigned long released = 0;
	phys_addr_t start, end;
	u64 i = 0;

	while (memblock_next_free_range(&i, &start, &end)) {
		unsigned long pfn =
			(unsigned long)(ALIGN(start, (phys_addr_t)PAGE_SIZE) >>
					PAGE_SHIFT);
		unsigned long end_pfn = (unsigned long)(end >> PAGE_SHIFT);

		end_pfn = min(end_pfn, max_pfn);
		while (pfn < end_pfn) {
			unsigned int order = boot_block_order(pfn, end_pfn);

			__free_boot_block(pfn_to_page(pfn), order);
			pfn += 1UL << order;
			released += 1UL << order;
		}
	}
	memblock_report(released);
}

unsigned long free_reserved_area(void *start, void *end, const char *what)
{
	unsigned long pfn = __pa(PAGE_ALIGN((unsigned long)start)) >>
			    PAGE_SHIFT;
	unsigned long end_pfn = __pa(end) >> PAGE_SHIFT;
	unsigned long pages = 0;

	for (; pfn < end_pfn; pfn++, pages++) {
		struct page *page = pfn_to_page(pfn);

		if (!PageReserved(page))
			continue;
		__free_boot_block(page, 0);
	}
	if (what)
		pr_info("Freeing %s memory: %luK\n", what, pages << 2);
	return pages;
}

/* Lowmem pages the allocator owns (Linux's nr_free_buffer_pages at boot). */
static unsigned long __init lowmem_managed_pages(void)
{
	unsigned long pages = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (!is_highmem_idx(z))
			pages += zones[z].managed_pages;
	return pages;
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	for (unsigned long bit = 1UL << 30; bit; bit >>= 2) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
	}
	return r;
}

/*
 * lowmem_reserve[j] of zone i: the pages of the zones above i, up to j, over
 * i's ratio.  A zone with no pages, or a ratio of 0, reserves nothing (as
 * Linux 6.1 computes it).
 */
static void setup_per_zone_lowmem_reserve(void)
{
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long ratio = (unsigned long)lowmem_reserve_ratio[i];
		bool clear = !ratio || !zones[i].managed_pages;
		unsigned long upper = 0;

		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			upper += zones[j].managed_pages;
			zones[i].lowmem_reserve[j] = clear ? 0 : upper / ratio;
		}
	}
}

/*
 * min_free_kbytes: the user's, if this machine can afford it, else Linux's
 * sqrt(lowmem KB * 16) clamped to [128, 262144].  A reserve above a quarter
 * of lowmem would leave the kernel too little to allocate from (the boot
 * itself would fail): refused, with the numbers.
 */
static void set_min_free_kbytes(unsigned long lowmem)
{
	unsigned long limit_kb = (lowmem << (PAGE_SHIFT - 10)) / 4;

	min_free_kbytes =
		(int)clamp(int_sqrt(lowmem * 4 * 16), 128UL, 262144UL);
	if (user_min_free_kbytes < 0)
		return;
	if ((unsigned long)user_min_free_kbytes > limit_kb) {
		pr_err("min_free_kbytes=%d: more than a quarter of this machine's %lu kB of lowmem (%lu kB): the kernel would have nothing left to allocate; using the computed %d\n",
		       user_min_free_kbytes, lowmem << (PAGE_SHIFT - 10),
		       limit_kb, min_free_kbytes);
		user_min_free_kbytes = -1;
		return;
	}
	min_free_kbytes = user_min_free_kbytes;
}

void setup_per_zone_wmarks(void)
{
	unsigned long lowmem = lowmem_managed_pages();
	unsigned long pages_min;

	if (!min_free_kbytes)
		set_min_free_kbytes(lowmem); /* once, at boot */
	pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];
		u64 tmp =
			lowmem ? (u64)pages_min * zone->managed_pages / lowmem :
				 0;
		unsigned long step;

		if (is_highmem(zone))
			zone->_watermark[WMARK_MIN] =
				clamp(zone->managed_pages / 1024,
				      SWAP_CLUSTER_MAX, 128UL);
		else
			zone->_watermark[WMARK_MIN] = (unsigned long)tmp;
		step = max((unsigned long)(tmp >> 2),
			   zone->managed_pages * WATERMARK_SCALE_FACTOR /
				   10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + step;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + step;
	}
	setup_per_zone_lowmem_reserve();
}

static int __init parse_min_free_kbytes(char *arg)
{
	int kb;

	if (!arg || kstrtoint(arg, 0, &kb) || kb < 128) {
		pr_err("min_free_kbytes=%s: not a number of KB >= 128; computing it\n",
		       arg ? arg : "");
		return -EINVAL;
	}
	user_min_free_kbytes = kb; /* checked against lowmem at boot */
	return 0;
}
early_param("min_free_kbytes", parse_min_free_kbytes);

/**
 * mm_core_init - bring the memory manager up, bottom to top
 *
 * Each step stands on the ones before it:
 *  - memblock: RAM from the e820 map, the kernel and the boot data reserved;
 *  - paging: the direct map of lowmem and the pkmap and fixmap page tables
 *    (page tables come from memblock), then the zones and mem_map;
 *  - the per-CPU areas, from memblock too (arch/x86/kernel/setup_percpu.c);
 *  - buddy: every page memblock did not reserve, the watermarks, the
 *    per-CPU lists, and the self-check;
 *  - slab: the kmem_cache and kmalloc caches, cut from buddy pages;
 *  - vmalloc: areas tracked in slab objects, mapped over buddy pages;
 *  - kmap: the pkmap slots, in the page table paging made.
 * Linux runs the first two in setup_arch() and the rest in its own
 * mm_core_init(); here they are one sequence to read.
 */
void __init mm_core_init(void)
{
	setup_memory(); /* memblock, paging, zones (arch/x86/mm/init.c) */
	setup_per_cpu_areas(); /* each CPU's copy of .data..percpu */
	mem_init(); /* buddy: memblock's free pages */
	setup_per_zone_wmarks();
	setup_per_cpu_pageset();
	if (!buddy_self_check())
		panic("buddy: self-check failed (see above)");
	pr_info("buddy: self-check ok\n");
	debug_pagealloc_init();
	kmem_cache_init();
	kmemleak_init();
	vmalloc_init();
	kmap_init();
}
