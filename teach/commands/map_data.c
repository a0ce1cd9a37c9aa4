// SPDX-License-Identifier: GPL-2.0
/*
 * map_data.c - the numbers behind `map` and `make pictures`: one snapshot
 * of the virtual layout, the vmalloc areas, the pkmap and fixmap slots, the
 * zones with their free blocks per order, and a walk of mem_map.
 *
 * The walk classifies every page frame by its flags, the way the page
 * allocator leaves them: a free block is marked PG_buddy on its first page
 * only (private = its order), a block on a per-CPU list PG_pcp, an
 * allocated block PG_head (private = its order), every page of a slab
 * PG_slab, a vmalloc page PG_vmalloc, a page table PG_table, and what the
 * buddy allocator never owned PG_reserved.  So the walk steps over whole
 * blocks and touches one struct page per block, not per page: a few
 * thousand steps at 2 GB.  Its counts land in chunks of 2^k pages, at most
 * MAP_MAX_CHUNKS of them, which is as fine as any picture gets.
 *
 * Everything is read with interrupts off, so one snapshot is one instant
 * (with one CPU nothing else runs), and nothing is allocated: `map` leaves
 * the allocators exactly as it found them.  The vmalloc areas come from
 * vmap_area_walk() (mm/internal.h), the walk /proc/vmallocinfo makes.
 */
#include <cpumask.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

#include "../../mm/internal.h"
#include "map.h"

extern char _text[], _end[];

static struct map_snapshot snapshot;

static const char *const page_kind_names[NR_MAP_PAGE_KINDS] = {
	[MAP_FREE] = "free",	     [MAP_PCP] = "pcp",
	[MAP_RESERVED] = "reserved", [MAP_SLAB] = "slab",
	[MAP_VMALLOC] = "vmalloc",   [MAP_TABLE] = "table",
	[MAP_OTHER] = "other",
};

const char *map_page_kind_name(enum map_page_kind kind)
{
	return kind < NR_MAP_PAGE_KINDS ? page_kind_names[kind] : "?";
}

const char *map_area_kind(const struct map_area *a)
{
	if (!a->flags)
		return "unpurged";
	if (a->flags & VM_ALLOC)
		return "vmalloc";
	if (a->flags & VM_MAP)
		return "vmap";
	return "ioremap";
}

void map_fixmap_slot_name(unsigned int idx, char *buf, size_t size)
{
	if (idx >= FIX_KMAP_BEGIN && idx <= FIX_KMAP_END)
		snprintf(buf, size, "kmap_local cpu%u.%u",
			 (idx - FIX_KMAP_BEGIN) / KM_MAX_IDX,
			 (idx - FIX_KMAP_BEGIN) % KM_MAX_IDX);
	else if (idx == FIX_APIC_BASE)
		snprintf(buf, size, "apic");
	else if (idx >= FIX_BTMAP_BEGIN && idx <= FIX_BTMAP_END)
		snprintf(buf, size, "btmap %u", idx - FIX_BTMAP_BEGIN);
	else
		snprintf(buf, size, "hole");
}

/*
 * The user-space hook.  There are no processes yet (issue 14): user space
 * is empty in every address space.  When there are, this is where the
 * regions of the process to draw (its VMAs, as /proc/PID/maps lists them)
 * are copied into s->user, and s->user_task names it; the drawing, the
 * dump and tools/pictures already show them.
 */
static void map_user_space(struct map_snapshot *s)
{
	s->user_task = NULL;
	s->nr_user = 0;
}

static void map_add_area(const struct vmap_area *va, void *arg)
{
	struct map_snapshot *s = arg;
	const struct vm_struct *vm = va->vm;
	struct map_area *a;

	s->nr_areas++;
	s->area_bytes += va->va_end - va->va_start;
	if (!vm)
		s->nr_unpurged++;
	if (s->nr_areas_kept == MAP_MAX_AREAS)
		return;
	a = &s->areas[s->nr_areas_kept++];
	if (vm) {
		/* As /proc/vmallocinfo shows it: the vm_struct's range. */
		a->start = (unsigned long)vm->addr;
		a->end = a->start + vm->size;
		a->nr_pages = vm->nr_pages;
		a->flags = vm->flags;
		a->caller = vm->caller;
	} else {
		a->start = va->va_start;
		a->end = va->va_end;
		a->nr_pages = 0;
		a->flags = 0;
		a->caller = NULL;
	}
}

/* Busy and unpurged areas merged by address, as /proc/vmallocinfo. */
static void map_vmalloc(struct map_snapshot *s)
{
	s->nr_areas = s->nr_areas_kept = s->nr_unpurged = 0;
	s->area_bytes = 0;
	vmap_area_walk(map_add_area, s);
	s->vmalloc_largest_free = vmalloc_largest_free();
}

static void map_kmaps(struct map_snapshot *s)
{
	pkmap_get_state(&s->pkmap);
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		int count = pkmap_slot_count(nr);

		s->slots[nr] = count <= 0 ? MAP_SLOT_FREE :
			       count == 1 ? MAP_SLOT_STALE :
					    MAP_SLOT_USED;
	}
	s->kmap_local_depth = kmap_local_depth(smp_processor_id());
	for (unsigned int idx = 0; idx < MAP_NR_FIXMAP; idx++) {
		enum pg_level level;
		pte_t *pte = lookup_address(fix_to_virt(idx), &level);

		s->fixmap_mapped[idx] = pte && pte_present(*pte);
	}
}

static void map_zones(struct map_snapshot *s)
{
	struct zone *zone;
	unsigned int cpu;

	s->nr_zones = 0;
	for_each_populated_zone(zone) {
		struct map_zone *z = &s->zones[s->nr_zones++];

		z->name = zone->name;
		z->start_pfn = zone->zone_start_pfn;
		z->spanned = zone->spanned_pages;
		z->present = zone->present_pages;
		z->managed = zone->managed_pages;
		z->free = zone->free_pages;
		z->pcp = 0; /* every CPU's list of the zone */
		for_each_possible_cpu(cpu)
			z->pcp += (unsigned long)per_cpu_ptr(
					  zone->per_cpu_pageset, cpu)
					  ->count;
		for (int w = 0; w < NR_WMARK; w++)
			z->wmark[w] = zone->_watermark[w];
		for (int o = 0; o < MAX_ORDER; o++)
			z->nr_free[o] = zone->free_area[o].nr_free;
		memset(z->pages, 0, sizeof(z->pages));
	}
}

/* What the page at the start of a step is, and how many pages it covers. */
static enum map_page_kind map_classify(const struct page *page,
				       unsigned long *nr)
{
	*nr = 1;
	if (PageBuddy(page) || PagePcp(page)) {
		*nr = 1UL << page->private;
		return PageBuddy(page) ? MAP_FREE : MAP_PCP;
	}
	if (PageReserved(page))
		return MAP_RESERVED;
	if (PageSlab(page)) /* every page of a slab is marked */
		return MAP_SLAB;
	if (PageVmalloc(page))
		return MAP_VMALLOC;
	if (PageTable(page))
		return MAP_TABLE;
	if (PageHead(page) && page->private < MAX_ORDER)
		*nr = 1UL << page->private;
	return MAP_OTHER;
}

/* The snapshot's zone spanning pfn, or NULL (pfn 0, below DMA). */
static struct map_zone *map_zone_of(struct map_snapshot *s, unsigned long pfn)
{
	for (unsigned int z = 0; z < s->nr_zones; z++)
		if (pfn >= s->zones[z].start_pfn &&
		    pfn - s->zones[z].start_pfn < s->zones[z].spanned)
			return &s->zones[z];
	return NULL;
}

/*
 * Count [pfn, pfn + nr) as `kind` in its zone (a step never crosses a
 * zone: a block is inside one) and in the chunks it touches.
 */
static void map_count(struct map_snapshot *s, unsigned long pfn,
		      unsigned long nr, enum map_page_kind kind)
{
	struct map_zone *z = map_zone_of(s, pfn);

	if (z)
		z->pages[kind] += nr;
	while (nr) {
		unsigned long chunk = pfn / s->chunk_pages;
		unsigned long room = (chunk + 1) * s->chunk_pages - pfn;
		unsigned long n = min(nr, room);

		if (chunk < s->nr_chunks)
			s->chunks[chunk][kind] += n;
		pfn += n;
		nr -= n;
	}
}

static void map_walk_pages(struct map_snapshot *s)
{
	unsigned long pfn = 0;

	s->chunk_pages = 1;
	while (s->chunk_pages * MAP_MAX_CHUNKS < max_pfn)
		s->chunk_pages <<= 1;
	s->nr_chunks = DIV_ROUND_UP(max_pfn, s->chunk_pages);
	memset(s->chunks, 0, sizeof(s->chunks));
	while (pfn < max_pfn) {
		unsigned long nr;
		enum map_page_kind kind = map_classify(pfn_to_page(pfn), &nr);

		/* A corrupt order must not run the walk past the end. */
		nr = min(nr, max_pfn - pfn);
		map_count(s, pfn, nr, kind);
		pfn += nr;
	}
}

const struct map_snapshot *map_take_snapshot(void)
{
	struct map_snapshot *s = &snapshot;
	unsigned long flags;

	/*
	 * The kmaps first, interrupts on: kmap_lock's holder may be waiting
	 * for this CPU to answer a TLB shootdown.
	 */
	map_kmaps(s);
	local_irq_save(flags);
	for (int r = 0; r < NR_REGIONS; r++)
		s->regions[r] = memlayout_region_info(r);
	s->kernel_start = (unsigned long)_text;
	s->kernel_end = PAGE_ALIGN((unsigned long)_end);
	s->max_pfn = max_pfn;
	s->max_low_pfn = max_low_pfn;
	map_user_space(s);
	map_vmalloc(s);
	map_zones(s);
	map_walk_pages(s);
	local_irq_restore(flags);
	return s;
}
