// SPDX-License-Identifier: GPL-2.0
/*
 * map_dump.c - `map dump`: the numbers of `map`, for machines.
 *
 * tools/pictures reads them over COM1 and draws the SVG pictures of
 * docs/pictures; tests/runner/map_check.py compares them with the /proc
 * views of the same boot.  One `key=value` per line between two markers,
 * values separated by single spaces, addresses in hex with 0x, counts in
 * decimal; a key may repeat (one line per area, zone, chunk...):
 *
 *	==== map dump begin ====
 *	version=1
 *	region=NAME START END            (END 0x100000000 for the top)
 *	kernel=START END                 (_text, _end rounded to a page)
 *	pfn=MAX_PFN MAX_LOW_PFN
 *	user.task=NAME|-                 (-: no process, user space empty)
 *	user.region=START END NAME
 *	vmalloc=AREAS UNPURGED BYTES LARGEST_FREE
 *	vmalloc.area=START END PAGES KIND CALLER|-
 *	pkmap=SLOTS IN_USE STALE FREE CURSOR FLUSHES
 *	pkmap.slot=NR used|stale
 *	kmap_local=DEPTH SLOTS
 *	fixmap.slot=IDX ADDR mapped|unmapped NAME...
 *	zone=NAME START_PFN SPANNED PRESENT MANAGED FREE PCP MIN LOW HIGH
 *	zone.buddy=NAME NR_FREE_0 ... NR_FREE_10
 *	chunk.kinds=free pcp reserved slab vmalloc table other
 *	zone.pages=NAME PAGES_OF_EACH_KIND...  (the walk over its span)
 *	chunk.pages=PAGES_PER_CHUNK CHUNKS
 *	chunk=PFN COUNT_OF_EACH_KIND...
 *	==== map dump end ====
 *
 * The format is versioned; a reader refuses a version it does not know.
 */
#include <kernel.h>
#include <printk.h>
#include <vmalloc.h>

#include "map.h"

#define MAP_DUMP_VERSION 1

static const char *region_key(enum mem_region r)
{
	static const char *const keys[NR_REGIONS] = {
		[REGION_USER] = "user",
		[REGION_LOWMEM] = "lowmem",
		[REGION_LOWMEM_GAP] = "gap",
		[REGION_VMALLOC] = "vmalloc",
		[REGION_PKMAP_GAP] = "pkmap_guard",
		[REGION_PKMAP] = "pkmap",
		[REGION_UNUSED] = "unused",
		[REGION_FIXMAP] = "fixmap",
		[REGION_TOP_HOLE] = "top_hole",
	};

	return keys[r];
}

static void dump_layout(const struct map_snapshot *s)
{
	for (int r = 0; r < NR_REGIONS; r++) {
		const struct region_info *ri = &s->regions[r];
		u64 end = ri->end ? ri->end : 1ULL << 32;

		kprintf("region=%s %#lx %#llx\n", region_key(r), ri->start,
			end);
	}
	kprintf("kernel=%#lx %#lx\n", s->kernel_start, s->kernel_end);
	kprintf("pfn=%#lx %#lx\n", s->max_pfn, s->max_low_pfn);
	kprintf("user.task=%s\n", s->user_task ? s->user_task : "-");
	for (unsigned int i = 0; i < s->nr_user; i++)
		kprintf("user.region=%#lx %#lx %s\n", s->user[i].start,
			s->user[i].end, s->user[i].name);
}

static void dump_vmalloc(const struct map_snapshot *s)
{
	kprintf("vmalloc=%u %u %lu %lu\n", s->nr_areas, s->nr_unpurged,
		s->area_bytes, s->vmalloc_largest_free);
	for (unsigned int i = 0; i < s->nr_areas_kept; i++) {
		const struct map_area *a = &s->areas[i];
		const char *kind = map_area_kind(a);

		if (a->caller)
			kprintf("vmalloc.area=%#lx %#lx %u %s %pS\n", a->start,
				a->end, a->nr_pages, kind, a->caller);
		else
			kprintf("vmalloc.area=%#lx %#lx %u %s -\n", a->start,
				a->end, a->nr_pages, kind);
	}
}

static void dump_kmaps(const struct map_snapshot *s)
{
	kprintf("pkmap=%d %u %u %u %u %lu\n", LAST_PKMAP, s->pkmap.in_use,
		s->pkmap.stale, s->pkmap.free, s->pkmap.cursor,
		s->pkmap.flushes);
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++)
		if (s->slots[nr] != MAP_SLOT_FREE)
			kprintf("pkmap.slot=%u %s\n", nr,
				s->slots[nr] == MAP_SLOT_USED ? "used" :
								"stale");
	kprintf("kmap_local=%d %d\n", s->kmap_local_depth, KM_MAX_IDX);
	for (unsigned int idx = 0; idx < MAP_NR_FIXMAP; idx++) {
		char name[24];

		map_fixmap_slot_name(idx, name, sizeof(name));
		kprintf("fixmap.slot=%u %#lx %s %s\n", idx, fix_to_virt(idx),
			s->fixmap_mapped[idx] ? "mapped" : "unmapped", name);
	}
}

static void dump_physical(const struct map_snapshot *s)
{
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		const struct map_zone *mz = &s->zones[z];

		kprintf("zone=%s %#lx %lu %lu %lu %lu %lu %lu %lu %lu\n",
			mz->name, mz->start_pfn, mz->spanned, mz->present,
			mz->managed, mz->free, mz->pcp, mz->wmark[WMARK_MIN],
			mz->wmark[WMARK_LOW], mz->wmark[WMARK_HIGH]);
		kprintf("zone.buddy=%s", mz->name);
		for (int o = 0; o < MAX_ORDER; o++)
			kprintf(" %lu", mz->nr_free[o]);
		kprintf("\n");
	}
	kprintf("chunk.kinds=");
	for (int k = 0; k < NR_MAP_PAGE_KINDS; k++)
		kprintf("%s%s", k ? " " : "", map_page_kind_name(k));
	kprintf("\n");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		kprintf("zone.pages=%s", s->zones[z].name);
		for (int k = 0; k < NR_MAP_PAGE_KINDS; k++)
			kprintf(" %lu", s->zones[z].pages[k]);
		kprintf("\n");
	}
	kprintf("chunk.pages=%lu %u\n", s->chunk_pages, s->nr_chunks);
	for (unsigned int c = 0; c < s->nr_chunks; c++) {
		kprintf("chunk=%#lx", c * s->chunk_pages);
		for (int k = 0; k < NR_MAP_PAGE_KINDS; k++)
			kprintf(" %u", s->chunks[c][k]);
		kprintf("\n");
	}
}

void map_dump(const struct map_snapshot *s)
{
	kprintf("==== map dump begin ====\n");
	kprintf("version=%d\n", MAP_DUMP_VERSION);
	dump_layout(s);
	dump_vmalloc(s);
	dump_kmaps(s);
	dump_physical(s);
	kprintf("==== map dump end ====\n");
}
