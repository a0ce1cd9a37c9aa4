// SPDX-License-Identifier: GPL-2.0
/*
 * map_phys.c - `map phys`: physical memory as one bar, the zones' pages
 * and watermarks, and the buddy allocator's free blocks per order.
 *
 * The bar's columns each stand for a run of the snapshot's chunks: a letter
 * says how full that memory is (. free, : some used, + mostly used, # all
 * used, R mostly reserved) and the colour which zone it belongs to.  Free
 * means free for the page allocator: in a buddy free list or on a per-CPU
 * list.  The order table prints the zones' nr_free per order, the numbers
 * of /proc/buddyinfo, in 80 columns.
 */
#include <kernel.h>
#include <printk.h>
#include <sprintf.h>
#include <string.h>

#include "map.h"

/* Physical columns: fullness, and the zone as the colour. */
enum pclass { PC_FREE, PC_SOME, PC_MOST, PC_FULL, PC_RESERVED, NR_PCLASSES };
static const char pclass_ch[NR_PCLASSES] = { '.', ':', '+', '#', 'R' };
static const char *const zone_sgr[] = { "37;44", "30;42", "37;45", "30;46" };

static int zone_of_pfn(const struct map_snapshot *s, unsigned long pfn)
{
	for (int z = (int)s->nr_zones - 1; z >= 0; z--)
		if (pfn >= s->zones[z].start_pfn)
			return z;
	return 0;
}

static enum pclass pclass_of(const u32 *sum, u64 pages)
{
	u64 free = sum[MAP_FREE] + sum[MAP_PCP];

	if (2 * (u64)sum[MAP_RESERVED] >= pages)
		return PC_RESERVED;
	if (free == pages)
		return PC_FREE;
	if (free == 0)
		return PC_FULL;
	return 2 * free >= pages ? PC_SOME : PC_MOST;
}

static void pbar(const struct map_snapshot *s, bool color)
{
	struct map_line l;

	map_line_start(&l, color);
	map_line_puts(&l, "  [");
	for (unsigned int col = 0; col < BAR_WIDTH; col++) {
		unsigned int first = col * s->nr_chunks / BAR_WIDTH;
		unsigned int last = (col + 1) * s->nr_chunks / BAR_WIDTH;
		u32 sum[NR_MAP_PAGE_KINDS] = { 0 };
		u64 pages = 0;
		enum pclass pc;
		int zone;

		for (unsigned int c = first; c < max(last, first + 1); c++)
			for (int k = 0; k < NR_MAP_PAGE_KINDS; k++) {
				sum[k] += s->chunks[c][k];
				pages += s->chunks[c][k];
			}
		pc = pclass_of(sum, pages);
		zone = zone_of_pfn(s, first * s->chunk_pages);
		map_line_cell(&l, pclass_ch[pc],
			      pc == PC_RESERVED ? "30;47" : zone_sgr[zone % 4]);
	}
	map_line_sgr(&l, NULL);
	map_line_puts(&l, "]");
	map_line_end(&l);
}

/* The zone names under the bar, each from the column where it starts. */
static void pbar_zone_names(const struct map_snapshot *s, bool color)
{
	struct map_line l;
	unsigned int at = 0;

	map_line_start(&l, color);
	map_line_puts(&l, "   ");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		unsigned int col =
			map_bar_col(s->zones[z].start_pfn, 0, s->max_pfn);

		for (; at < col; at++)
			map_line_puts(&l, " ");
		map_line_sgr(&l, zone_sgr[z % 4]);
		map_line_puts(&l, "|");
		map_line_puts(&l, s->zones[z].name);
		map_line_sgr(&l, NULL);
		at += 1 + strlen(s->zones[z].name);
	}
	map_line_end(&l);
}

void map_physical(const struct map_snapshot *s, bool color)
{
	u64 bytes = (u64)s->max_pfn << PAGE_SHIFT;
	u64 labels[MAX_NR_ZONES + 2];
	unsigned int n = 0;
	char title[32];

	labels[n++] = 0;
	for (unsigned int z = 1; z < s->nr_zones; z++)
		labels[n++] = (u64)s->zones[z].start_pfn << PAGE_SHIFT;
	labels[n++] = bytes;
	snprintf(title, sizeof(title), "Physical memory, %lu MB",
		 map_mb(bytes));
	map_bar_title(title, bytes);
	kprintf("  . free  : some used  + mostly used  # all used  R mostly reserved\n");
	map_bar_labels(0, bytes, labels, n);
	pbar(s, color);
	pbar_zone_names(s, color);
	kprintf("Zones, in pages of 4 KB (used: taken from the zone, not on a free list):\n");
	kprintf("  %-8s %8s %8s %8s %8s %6s %7s %7s %7s\n", "zone", "present",
		"managed", "used", "free", "pcp", "min", "low", "high");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		const struct map_zone *mz = &s->zones[z];

		kprintf("  %-8s %8lu %8lu %8lu %8lu %6lu %7lu %7lu %7lu\n",
			mz->name, mz->present, mz->managed,
			mz->managed - mz->free - mz->pcp, mz->free, mz->pcp,
			mz->wmark[WMARK_MIN], mz->wmark[WMARK_LOW],
			mz->wmark[WMARK_HIGH]);
	}
	kprintf("Free blocks per order, as /proc/buddyinfo (an order-n block is 2^n pages):\n");
	kprintf("  %-8s", "order");
	for (int o = 0; o < MAX_ORDER; o++)
		kprintf(" %5d", o);
	kprintf("\n");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		kprintf("  %-8s", s->zones[z].name);
		for (int o = 0; o < MAX_ORDER; o++)
			kprintf(" %5lu", s->zones[z].nr_free[o]);
		kprintf("\n");
	}
}
