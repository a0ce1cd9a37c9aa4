// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_demo.c - `demo highmem`: the lecture walkthrough of 2.7.9.h.
 *
 * The story in nine steps: a GFP_HIGHMEM page has a physical address above
 * 896 MB and no virtual one; the direct map stops at high_memory; kmap()
 * lends it a pkmap slot (the PTE is shown); data written there stays in the
 * frame; kunmap() leaves the slot stale instead of flushing; kmap_local
 * reaches the same frame through a second address and loses it at once on
 * unmap; filling all 1024 slots shows the single TLB flush of the wrap and
 * what happens when none is left; everything is given back.  The views are
 * the shell's own commands (`peek`, `walk`), printed as typed, so the class
 * can repeat them.
 *
 * Without highmem (RAM below 896 MB) there is nothing to walk through: the
 * demo says so, shows the lowmem short cut, and names the boot options that
 * create a highmem zone.  The demo starts by flushing stale pkmap slots, so
 * that an earlier run does not leave the page with an old address.
 */
#include <demo.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <smp.h>
#include <string.h>

/* Type a shell command for the class, and run it. */
static void demo_shell(const char *fmt, ...)
{
	char line[64];
	va_list args;

	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	kprintf("  kmem386> %s\n", line);
	shell_exec(line);
}

static void demo_no_highmem(void)
{
	struct page *page = alloc_page(GFP_HIGHMEM);

	demo_step(
		"This boot has no highmem: all %lu MB of RAM fit in the direct map",
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

static void demo_allocate(struct page *page)
{
	demo_step(
		"1. alloc_page(GFP_HIGHMEM): a page frame above the direct map");
	kprintf("  pfn %#lx, physical %#010llx, zone %s: pfn >= max_low_pfn %#lx\n",
		page_to_pfn(page), page_to_phys(page), page_zone(page)->name,
		max_low_pfn);
	kprintf("  the direct map covers physical 0 - %#010lx (%lu MB) only:\n"
		"  page_address(page) = %s, no kernel virtual address maps this frame\n",
		max_low_pfn << PAGE_SHIFT, max_low_pfn >> 8,
		page_address(page) ? "not NULL?" : "NULL");
}

static void demo_direct_map_ends(struct page *page)
{
	unsigned long long va = page_to_phys(page) + PAGE_OFFSET;

	demo_step("2. The direct map ends at high_memory = %p", high_memory);
	kprintf("  lowmem is mapped once at boot, virtual = physical + PAGE_OFFSET;\n"
		"  its last word is readable:\n");
	demo_shell("peek %#lx", (unsigned long)high_memory - 4);
	kprintf("  one byte further there is nothing:\n");
	demo_shell("peek %#lx", (unsigned long)high_memory);
	kprintf("  physical %#010llx + PAGE_OFFSET would be %#llx%s:\n"
		"  1 GB of kernel space cannot map all of RAM\n",
		page_to_phys(page), va,
		va >> 32 ? ", beyond 4 GB" :
			   ", an address lowmem does not own");
}

static void *demo_kmap(struct page *page)
{
	void *vaddr = kmap(page);
	unsigned long nr = PKMAP_NR((unsigned long)vaddr);

	demo_step("3. kmap(page): borrow one of the 1024 pkmap slots");
	kprintf("  kmap -> %p: pkmap slot %lu, the first free one after the cursor\n"
		"  (last_pkmap_nr, now %lu)\n",
		vaddr, nr, nr);
	kprintf("  pkmap_count[%lu] = %d: 1 user; page_address(page) = %p now\n",
		nr, pkmap_slot_count(nr), page_address(page));
	kprintf("  the PTE kmap wrote, as the MMU walks it:\n");
	demo_shell("walk %p", vaddr);
	return vaddr;
}

static void demo_write(struct page *page, char *vaddr)
{
	demo_step("4. Write a pattern through the pkmap address");
	snprintf(vaddr, PAGE_SIZE, "hello from pfn %#lx", page_to_pfn(page));
	kprintf("  wrote \"%s\" at %p\n", vaddr, (void *)vaddr);
	demo_shell("peek %p", (void *)vaddr);
}

static void demo_kunmap(struct page *page, void *vaddr)
{
	unsigned long nr = PKMAP_NR((unsigned long)vaddr);
	struct pkmap_state s;

	kunmap(page);
	pkmap_get_state(&s);
	demo_step("5. kunmap(page): the slot is stale, not free");
	kprintf("  pkmap_count[%lu] = %d: no users, but the PTE stays (and the TLB may\n"
		"  hold it): page_address = %p\n",
		nr, pkmap_slot_count(nr), page_address(page));
	kprintf("  clearing it now would cost a TLB flush per kunmap; stale slots are\n"
		"  cleared together when the cursor (last_pkmap_nr = %u) wraps past\n"
		"  slot 1023: %lu such flushes so far.  kmap(page) again reuses the slot.\n",
		s.cursor, s.flushes);
}

static void *demo_kmap_local(struct page *page, void *pk)
{
	char *local = kmap_local_page(page);

	demo_step(
		"6. kmap_local_page(page): the same frame at a second address");
	kprintf("  kmap_local_page -> %p: kmap_local slot %d,\n"
		"  a fixmap PTE written, no flush needed\n",
		(void *)local, kmap_local_depth(smp_processor_id()) - 1);
	kprintf("  read at %p: \"%s\":\n"
		"  one physical page, two virtual addresses (%p is still mapped)\n",
		(void *)local, local, pk);
	return local;
}

static void demo_kunmap_local(void *local)
{
	demo_step("7. kunmap_local(addr): that address is gone at once");
	kunmap_local(local);
	kprintf("  kunmap_local cleared the PTE and flushed that one TLB entry (INVLPG):\n");
	demo_shell("peek %p", local);
}

/* kmap the next page of block, keeping it; say where the cursor wrapped. */
static bool demo_fill_one(struct page *block, int i, unsigned int stale)
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
static int demo_fill_slots(struct page *block, struct page *page)
{
	struct pkmap_state before, after;
	int mapped = 0;

	pkmap_get_state(&before);
	while (mapped < LAST_PKMAP &&
	       demo_fill_one(block, mapped, before.stale))
		mapped++;
	pkmap_get_state(&after);
	kprintf("  %d kmaps, %lu TLB flush (flushes %lu -> %lu)\n"
		"  slots in use %u, stale %u, free %u\n",
		mapped, after.flushes - before.flushes, before.flushes,
		after.flushes, after.in_use, after.stale, after.free);
	kprintf("  our page lost its stale slot in that flush (page_address = %s);\n"
		"  kmap it once more:\n",
		page_address(page) ? "not NULL?" : "NULL");
	if (!kmap(page))
		kprintf("  -> NULL: the caller must cope; the report above names who holds\n"
			"  the slots\n");
	else
		kunmap(page);
	return mapped;
}

static void demo_fill(struct page *page)
{
	struct page *block = alloc_pages(GFP_HIGHMEM | __GFP_NOWARN, 10);
	int mapped;

	demo_step(
		"8. kmap 1024 more pages: the cursor wraps, one flush, then no slot is left");
	if (!block || !PageHighMem(block)) {
		kprintf("  (no free 4 MB block of highmem here: step skipped)\n");
		if (block)
			__free_pages(block, 10);
		return;
	}
	mapped = demo_fill_slots(block, page);
	for (int i = 0; i < mapped; i++)
		kunmap(block + i);
	__free_pages(block, 10);
}

static void demo_free(struct page *page)
{
	struct pkmap_state s;

	__free_page(page);
	pkmap_get_state(&s);
	demo_step("9. kunmap and free everything");
	kprintf("  slots in use %u, stale %u, free %u:\n"
		"  the stale ones go at the next wrap, in one flush\n",
		s.in_use, s.stale, s.free);
	kprintf("  see it again by hand: alloc 0 highmem, kmap PFN, cat /proc/pkmap,\n"
		"  kunmap PFN, peek, walk\n");
}

static void demo_highmem(void)
{
	struct page *page;
	void *pk, *local;

	if (!totalhigh_pages()) {
		demo_no_highmem();
		return;
	}
	page = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	if (!page || !PageHighMem(page)) {
		kprintf("demo highmem: no free highmem page\n");
		if (page)
			__free_page(page);
		return;
	}
	kmap_flush_unused(); /* a page freed by an earlier run may be stale */
	demo_allocate(page);
	demo_direct_map_ends(page);
	pk = demo_kmap(page);
	demo_write(page, pk);
	demo_kunmap(page, pk);
	local = demo_kmap_local(page, pk);
	demo_kunmap_local(local);
	demo_fill(page);
	demo_free(page);
}
DEMO(highmem, "a highmem page has no address until kmap lends it one",
     demo_highmem);
