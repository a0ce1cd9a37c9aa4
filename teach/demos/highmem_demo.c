// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_demo.c - `demo highmem`: the lecture walkthrough of 2.7.9.h.
 *
 * The story in nine sections: a GFP_HIGHMEM page has a physical address
 * above 896 MB and no virtual one; the direct map stops at high_memory;
 * kmap() lends it a pkmap slot (the PTE is shown); data written there stays
 * in the frame; kunmap() leaves the slot stale instead of flushing;
 * kmap_local reaches the same frame through a second address and loses it
 * at once on unmap; filling all 1024 slots shows the single TLB flush of
 * the wrap and what happens when none is left; everything is given back.
 * The views are the shell's own commands (`peek`, `walk`), printed as
 * typed, so the class can repeat them.
 *
 * One page plays every section.  Its state (mapped by kmap, stale, mapped
 * by kmap_local) is in `hm`, and each section first brings it to the state
 * the section starts from (hm_stale(), ...), so a paced demo can go back or
 * jump and every line it prints stays true.
 *
 * Without highmem (RAM below 896 MB) there is nothing to walk through: the
 * first section says so, shows the lowmem short cut, names the boot
 * options that create a highmem zone, and ends the demo.
 */
#include <demo.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <sprintf.h>
#include <smp.h>
#include <string.h>

static struct {
	struct page *page; /* the GFP_HIGHMEM page every section shows */
	void *pk; /* its kmap() address while kmapped */
	void *local; /* its kmap_local address while mapped there */
} hm;

static void hm_no_highmem(void)
{
	struct page *page = alloc_page(GFP_HIGHMEM);

	kprintf("  This boot has no highmem: all %lu MB of RAM fit in the direct map.\n",
		max_pfn >> 8);
	kprintf("  max_pfn %#lx <= %#lx, the most the 896 MB direct map can hold:\n"
		"  every page has a permanent address.\n",
		max_pfn, MAXMEM_PFN);
	if (page) {
		kprintf("  alloc_page(GFP_HIGHMEM) -> pfn %#lx in zone %s\n"
			"  (GFP_HIGHMEM allows highmem, it does not require it)\n",
			page_to_pfn(page), page_zone(page)->name);
		kprintf("  kmap(page) -> %p = page_address(page): no pkmap slot, nothing to flush\n",
			kmap(page));
		kunmap(page);
		__free_page(page);
	}
	kprintf("  To see the walkthrough, boot with more than 896 MB (make run MEM=2G),\n"
		"  or make a highmem zone: make run-kernel MEM=256M APPEND=highmem=64M\n");
}

/* The page, allocated once; false (and the demo ends) without highmem. */
static bool hm_need_page(void)
{
	struct page *page;

	if (hm.page)
		return true;
	page = totalhigh_pages() ? alloc_page(GFP_HIGHMEM | __GFP_NOWARN) :
				   NULL;
	if (page && !PageHighMem(page)) {
		__free_page(page);
		page = NULL;
	}
	if (!page) {
		if (totalhigh_pages())
			kprintf("  (no free highmem page left: the demo ends here)\n");
		else
			hm_no_highmem();
		demo_end();
		return false;
	}
	hm.page = page;
	return true;
}

static void hm_unmap_local(void)
{
	if (hm.local)
		kunmap_local(hm.local);
	hm.local = NULL;
}

/* No mapping at all: no kmap, no kmap_local, no stale slot. */
static void hm_unmapped(void)
{
	hm_unmap_local();
	if (hm.pk)
		kunmap(hm.page);
	hm.pk = NULL;
	if (page_address(hm.page))
		kmap_flush_unused();
}

/* Mapped by kmap(), nothing else. */
static void hm_kmapped(void)
{
	hm_unmap_local();
	if (!hm.pk)
		hm.pk = kmap(hm.page);
}

/* What kunmap() leaves: a stale slot, the pattern written in the frame. */
static void hm_stale(void)
{
	hm_kmapped();
	if (hm.pk)
		snprintf(hm.pk, PAGE_SIZE, "hello from pfn %#lx",
			 page_to_pfn(hm.page));
	if (hm.pk)
		kunmap(hm.page);
	hm.pk = NULL;
}

static void hm_allocate(void)
{
	if (!hm_need_page())
		return;
	hm_unmapped();
	kprintf("  pfn %#lx, physical %#010llx, zone %s: pfn >= max_low_pfn %#lx\n",
		page_to_pfn(hm.page), page_to_phys(hm.page),
		page_zone(hm.page)->name, max_low_pfn);
	kprintf("  the direct map covers physical 0 - %#010lx (%lu MB) only:\n"
		"  page_address(page) = %s, no kernel virtual address maps this frame\n",
		max_low_pfn << PAGE_SHIFT, max_low_pfn >> 8,
		page_address(hm.page) ? "not NULL?" : "NULL");
}

static void hm_direct_map_ends(void)
{
	unsigned long long va;

	if (!hm_need_page())
		return;
	va = page_to_phys(hm.page) + PAGE_OFFSET;
	kprintf("  high_memory = %p: lowmem is mapped once at boot,\n"
		"  virtual = physical + PAGE_OFFSET; its last word is readable:\n",
		high_memory);
	demo_type("peek %#lx", (unsigned long)high_memory - 4);
	kprintf("  one byte further there is nothing:\n");
	demo_type("peek %#lx", (unsigned long)high_memory);
	kprintf("  physical %#010llx + PAGE_OFFSET would be %#llx%s:\n"
		"  1 GB of kernel space cannot map all of RAM\n",
		page_to_phys(hm.page), va,
		va >> 32 ? ", beyond 4 GB" :
			   ", an address lowmem does not own");
}

static void hm_kmap(void)
{
	unsigned long nr;

	if (!hm_need_page())
		return;
	hm_unmapped();
	hm_kmapped();
	if (!hm.pk) {
		kprintf("  kmap -> NULL: no pkmap slot free (see the report)\n");
		return;
	}
	nr = PKMAP_NR((unsigned long)hm.pk);
	kprintf("  kmap -> %p: pkmap slot %lu, the first free one after the cursor\n"
		"  (last_pkmap_nr, now %lu)\n",
		hm.pk, nr, nr);
	kprintf("  pkmap_count[%lu] = %d: 1 user; page_address(page) = %p now\n",
		nr, pkmap_slot_count(nr), page_address(hm.page));
	kprintf("  the PTE kmap wrote, as the MMU walks it:\n");
	demo_type("walk %p", hm.pk);
}

static void hm_write(void)
{
	if (!hm_need_page())
		return;
	hm_kmapped();
	if (!hm.pk)
		return;
	snprintf(hm.pk, PAGE_SIZE, "hello from pfn %#lx", page_to_pfn(hm.page));
	kprintf("  wrote \"%s\" at %p\n", (char *)hm.pk, hm.pk);
	demo_type("peek %p", hm.pk);
}

static void hm_kunmap(void)
{
	struct pkmap_state s;
	void *vaddr;
	unsigned long nr;

	if (!hm_need_page())
		return;
	hm_stale();
	vaddr = page_address(hm.page);
	if (!vaddr)
		return;
	nr = PKMAP_NR((unsigned long)vaddr);
	pkmap_get_state(&s);
	kprintf("  pkmap_count[%lu] = %d: no users, but the PTE stays (and the TLB may\n"
		"  hold it): page_address = %p\n",
		nr, pkmap_slot_count(nr), vaddr);
	kprintf("  clearing it now would cost a TLB flush per kunmap; stale slots are\n"
		"  cleared together when the cursor (last_pkmap_nr = %u) wraps past\n"
		"  slot 1023: %lu such flushes so far.  kmap(page) again reuses the slot.\n",
		s.cursor, s.flushes);
}

static void hm_kmap_local(void)
{
	void *stale;

	if (!hm_need_page())
		return;
	hm_stale();
	stale = page_address(hm.page);
	hm.local = kmap_local_page(hm.page);
	if (!hm.local)
		return;
	kprintf("  kmap_local_page -> %p: kmap_local slot %d,\n"
		"  a fixmap PTE written, no flush needed\n",
		hm.local, kmap_local_depth(smp_processor_id()) - 1);
	kprintf("  read at %p: \"%s\":\n"
		"  one physical page, two virtual addresses (%p, its stale pkmap\n"
		"  slot, still maps it)\n",
		hm.local, (char *)hm.local, stale);
}

static void hm_kunmap_local(void)
{
	void *local;

	if (!hm_need_page())
		return;
	if (!hm.local) {
		hm_stale();
		hm.local = kmap_local_page(hm.page);
	}
	local = hm.local;
	hm_unmap_local();
	kprintf("  kunmap_local cleared the PTE and flushed that one TLB entry (INVLPG):\n");
	demo_type("peek %p", local);
}

/* kmap the next page of block, keeping it; say where the cursor wrapped. */
static bool hm_fill_one(struct page *block, int i, unsigned int stale)
{
	struct pkmap_state s;
	unsigned long flushes;
	void *vaddr;

	pkmap_get_state(&s);
	flushes = s.flushes;
	vaddr = kmap(block + i);
	if (!vaddr)
		return false;
	pkmap_get_state(&s);
	if (s.flushes != flushes)
		kprintf("  kmap #%d: the cursor wrapped to 0: flush_all_zero_pkmaps()\n"
			"  cleared the %u stale slot%s, ONE TLB flush\n",
			i + 1, stale, stale == 1 ? "" : "s");
	if (i == 0 || s.flushes != flushes)
		kprintf("  kmap #%d -> slot %lu\n", i + 1,
			PKMAP_NR((unsigned long)vaddr));
	return true;
}

/* kmap every page of block, keeping them mapped; then one too many. */
static int hm_fill_slots(struct page *block)
{
	struct pkmap_state before, after;
	int mapped = 0;

	pkmap_get_state(&before);
	while (mapped < LAST_PKMAP && hm_fill_one(block, mapped, before.stale))
		mapped++;
	pkmap_get_state(&after);
	kprintf("  %d kmaps, %lu TLB flush (flushes %lu -> %lu)\n"
		"  slots in use %u, stale %u, free %u\n",
		mapped, after.flushes - before.flushes, before.flushes,
		after.flushes, after.in_use, after.stale, after.free);
	kprintf("  our page lost its stale slot in that flush (page_address = %s);\n"
		"  kmap it once more:\n",
		page_address(hm.page) ? "not NULL?" : "NULL");
	if (!kmap(hm.page))
		kprintf("  -> NULL: the caller must cope; the report above names who holds\n"
			"  the slots\n");
	else
		kunmap(hm.page);
	return mapped;
}

static void hm_fill(void)
{
	struct page *block;
	int mapped;

	if (!hm_need_page())
		return;
	hm_stale();
	block = alloc_pages(GFP_HIGHMEM | __GFP_NOWARN, 10);
	if (!block || !PageHighMem(block)) {
		kprintf("  (no free 4 MB block of highmem here: section skipped)\n");
		if (block)
			__free_pages(block, 10);
		return;
	}
	mapped = hm_fill_slots(block);
	for (int i = 0; i < mapped; i++)
		kunmap(block + i);
	__free_pages(block, 10);
}

static void hm_free_all(void)
{
	struct pkmap_state s;

	if (!hm_need_page())
		return;
	hm_unmap_local();
	if (hm.pk)
		kunmap(hm.page);
	hm.pk = NULL;
	__free_page(hm.page);
	hm.page = NULL;
	pkmap_get_state(&s);
	kprintf("  slots in use %u, stale %u, free %u:\n"
		"  the stale ones would go at the next wrap, in one flush; the demo\n"
		"  flushes them as it ends, and puts the cursor back where it was\n",
		s.in_use, s.stale, s.free);
	kprintf("  see it again by hand: alloc 0 highmem, kmap PFN, cat /proc/pkmap,\n"
		"  kunmap PFN, peek, walk\n");
}

static void hm_leave(void)
{
	if (!hm.page)
		return;
	hm_unmap_local();
	if (hm.pk)
		kunmap(hm.page);
	__free_page(hm.page);
	hm.page = NULL;
	hm.pk = NULL;
}

static const struct demo_section highmem_sections[] = {
	{ "alloc_page(GFP_HIGHMEM): a page frame above the direct map",
	  hm_allocate },
	{ "The direct map ends at high_memory", hm_direct_map_ends },
	{ "kmap(page): borrow one of the 1024 pkmap slots", hm_kmap },
	{ "Write a pattern through the pkmap address", hm_write },
	{ "kunmap(page): the slot is stale, not free", hm_kunmap },
	{ "kmap_local_page(page): the same frame at a second address",
	  hm_kmap_local },
	{ "kunmap_local(addr): that address is gone at once", hm_kunmap_local },
	{ "kmap 1024 more pages: the cursor wraps, one flush, then no slot is left",
	  hm_fill },
	{ "kunmap and free everything", hm_free_all },
};
DEMO(highmem, "a highmem page has no address until kmap lends it one",
     highmem_sections, hm_leave);
