// SPDX-License-Identifier: GPL-2.0
/*
 * page_use.c - what a page frame is used for now, and by whom.
 *
 * Every page's current use can be read from its struct page, so no free
 * has to trust its caller:
 *  - PG_reserved: never given to the allocator (the kernel image, mem_map,
 *    the boot page tables, firmware ranges; memblock kept their names);
 *  - PG_buddy on the head of a free block (the page may be inside one),
 *    PG_pcp on a free block waiting on a per-CPU list;
 *  - PG_slab: a page of a slab, whose cache every page points to;
 *  - PG_head on the first page of an allocated block, and then on that
 *    page: PG_large_kmalloc (kmalloc() above 8 KB), PG_vmalloc (the page
 *    backs a vmalloc area: page->vm_area), PG_table (a page table), or
 *    nothing more: alloc_pages() memory of its owner (page->owner, the
 *    caller of alloc_pages());
 *  - PG_kmap: the page may sit in a pkmap or kmap_local slot (a hint, set
 *    when a slot takes the page, checked and cleared at free time).
 * page_use() classifies a page (finding the head of the block it belongs
 * to), page_use_describe() says it in one sentence for the reports of
 * every free entry point (__free_pages, kfree, kmem_cache_free, vfree, the
 * shell's commands), and page_kmap_slot() finds the slot that maps a page.
 * Nothing here is on a fast path: the free paths test their flags in one
 * comparison and come here only to explain a refusal.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <cpumask.h>
#include <highmem.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <slab.h>
#include <sprintf.h>
#include <vmalloc.h>

#include "internal.h"

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];

unsigned long block_head_pfn(unsigned long pfn)
{
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);
		struct page *page = pfn_to_page(head);

		if ((PageHead(page) || PageBuddy(page) || PagePcp(page)) &&
		    page->private >= o)
			return head;
	}
	return pfn;
}

enum page_use page_use(const struct page *page, struct page **headp)
{
	struct page *head = pfn_to_page(block_head_pfn(page_to_pfn(page)));

	*headp = (struct page *)page;
	if (PageReserved(page))
		return PAGE_USE_RESERVED;
	if (PageSlab(page))
		return PAGE_USE_SLAB;
	if (PageTable(page))
		return PAGE_USE_PGTABLE;
	if (PageVmalloc(page))
		return PAGE_USE_VMALLOC;
	*headp = head;
	if (PageBuddy(head))
		return PAGE_USE_FREE;
	if (PagePcp(head))
		return PAGE_USE_PCP;
	if (!PageHead(head) || head->_refcount <= 0) {
		*headp = (struct page *)page;
		return PAGE_USE_UNKNOWN;
	}
	if (PageLargeKmalloc(head))
		return PAGE_USE_LARGE_KMALLOC;
	return PAGE_USE_ALLOCATED;
}

/* What a reserved frame holds: the kernel image by section, or memblock's. */
static const char *reserved_what(unsigned long pfn)
{
	phys_addr_t phys = (phys_addr_t)pfn << PAGE_SHIFT;
	unsigned long va = (unsigned long)__va(phys);

	if (va >= (unsigned long)_text && va < (unsigned long)_etext)
		return "kernel text";
	if (va >= (unsigned long)_srodata && va < (unsigned long)_erodata)
		return "kernel read-only data";
	if (va >= (unsigned long)_sdata && va < (unsigned long)_edata)
		return "kernel data";
	if (va >= (unsigned long)__bss_start && va < (unsigned long)__bss_stop)
		return "kernel bss";
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (phys >= r->base && phys - r->base < r->size)
			return r->name ? r->name : "reserved at boot";
	}
	return memblock_is_memory(phys) ? "not given to the allocator" :
					  "not RAM (a hole in the e820 map)";
}

/* The range of kernel addresses a page table maps, from the PDE naming it. */
static bool pgtable_range(const struct page *page, unsigned long *start)
{
	unsigned long phys = (unsigned long)page_to_phys(page);

	for (unsigned long i = 0; i < PTRS_PER_PGD; i++) {
		pgd_t pgd = *pgd_offset_k(i << PGDIR_SHIFT);

		if (pgd_present(pgd) && !pgd_large(pgd) &&
		    (pgd & PAGE_MASK) == phys) {
			*start = i << PGDIR_SHIFT;
			return true;
		}
	}
	return false;
}

int page_kmap_slot(const struct page *page, int *local_cpu,
		   unsigned long *caller)
{
	unsigned int cpu;
	void *addr;

	/* Every CPU's kmap_local stack, as it is now (another CPU's moves). */
	for_each_online_cpu(cpu) {
		for (int idx = kmap_local_depth(cpu) - 1; idx >= 0; idx--) {
			if (kmap_local_slot_page(cpu, idx) == page) {
				*local_cpu = (int)cpu;
				*caller = kmap_local_slot_caller(cpu, idx);
				return idx;
			}
		}
	}
	*local_cpu = -1;
	if (!PageHighMem(page))
		return -1;
	addr = page_address(page);
	if (!addr || pkmap_slot_count(PKMAP_NR((unsigned long)addr)) < 2)
		return -1;
	*caller = pkmap_slot_caller(PKMAP_NR((unsigned long)addr));
	return (int)PKMAP_NR((unsigned long)addr);
}

/* "; mapped at pkmap slot 3 (0xff803000, 1 user, kmap by foo+0x1)" */
static int describe_kmap(const struct page *page, char *buf, size_t size)
{
	unsigned long caller;
	int cpu, nr = page_kmap_slot(page, &cpu, &caller);

	if (nr < 0)
		return 0;
	if (cpu >= 0 && nr_cpu_ids > 1)
		return scnprintf(
			buf, size,
			"; mapped at CPU %d's kmap_local slot %d (%#lx) by %pS",
			cpu, nr, kmap_local_slot_addr((unsigned int)cpu, nr),
			(void *)caller);
	if (cpu >= 0)
		return scnprintf(buf, size,
				 "; mapped at kmap_local slot %d (%#lx) by %pS",
				 nr, kmap_local_slot_addr(0, nr),
				 (void *)caller);
	return scnprintf(
		buf, size,
		"; mapped at pkmap slot %d (%#lx, %d user%s, kmap by %pS)", nr,
		PKMAP_ADDR(nr), pkmap_slot_count((unsigned)nr) - 1,
		pkmap_slot_count((unsigned)nr) > 2 ? "s" : "", (void *)caller);
}

static int describe_block(const struct page *page, const struct page *head,
			  char *buf, size_t size)
{
	unsigned long pfn = page_to_pfn(page), hpfn = page_to_pfn(head);

	if (pfn == hpfn && !head->private)
		return 0;
	return scnprintf(buf, size, "page %lu of the order-%lu block %#lx-%#lx",
			 pfn - hpfn, head->private, hpfn,
			 hpfn + (1UL << head->private) - 1);
}

static int describe_vmalloc(const struct page *page, char *buf, size_t size)
{
	const struct vm_struct *vm = page->vm_area;

	if (!vm)
		return scnprintf(buf, size, "backing a vmalloc area");
	for (unsigned int i = 0; i < vm->nr_pages; i++)
		if (vm->pages && vm->pages[i] == page)
			return scnprintf(
				buf, size,
				"page %u of vmalloc area 0x%08lx-0x%08lx allocated by %pS (vfree() it)",
				i, (unsigned long)vm->addr,
				(unsigned long)vm->addr + vm->size - PAGE_SIZE,
				vm->caller);
	return scnprintf(
		buf, size,
		"backing vmalloc area 0x%08lx-0x%08lx allocated by %pS",
		(unsigned long)vm->addr,
		(unsigned long)vm->addr + vm->size - PAGE_SIZE, vm->caller);
}

static int describe_use(const struct page *page, const struct page *head,
			enum page_use use, char *buf, size_t size)
{
	unsigned long start;
	int n;

	switch (use) {
	case PAGE_USE_RESERVED:
		return scnprintf(buf, size, "reserved: %s",
				 reserved_what(page_to_pfn(page)));
	case PAGE_USE_SLAB:
		return scnprintf(
			buf, size,
			"a page of a slab of cache %s (%u of %u objects in use): kfree()/kmem_cache_free() its objects",
			page->slab_cache->name, page->slab_head->inuse,
			page->slab_head->objects);
	case PAGE_USE_PGTABLE:
		if (pgtable_range(page, &start))
			return scnprintf(
				buf, size,
				"a page table, mapping 0x%08lx-0x%08lx", start,
				start + PGDIR_SIZE - 1);
		return scnprintf(buf, size, "a page table");
	case PAGE_USE_VMALLOC:
		return describe_vmalloc(page, buf, size);
	case PAGE_USE_FREE:
	case PAGE_USE_PCP:
		n = scnprintf(buf, size, "free (%s zone %s, order %lu",
			      use == PAGE_USE_PCP ? "on the per-CPU list of" :
						    "on the free lists of",
			      page_zone(head)->name, head->private);
		return n + scnprintf(buf + n, size - (size_t)n,
				     ", last freed by %pS)",
				     (void *)head->owner);
	case PAGE_USE_LARGE_KMALLOC:
		n = scnprintf(
			buf, size,
			"a kmalloc() block of %lu KB at %p allocated by %pS (kfree() it)",
			(PAGE_SIZE << head->private) >> 10,
			lowmem_page_address(head), (void *)head->owner);
		break;
	case PAGE_USE_ALLOCATED:
		n = scnprintf(buf, size,
			      "allocated by alloc_pages() (order %lu) from %pS",
			      head->private, (void *)head->owner);
		break;
	default:
		return scnprintf(buf, size,
				 "not allocated (refcount %d, flags %#lx)",
				 page->_refcount, page->flags);
	}
	if (page != head) {
		n += scnprintf(buf + n, size - (size_t)n, ": ");
		n += describe_block(page, head, buf + n, size - (size_t)n);
	}
	return n;
}

int page_use_describe(const struct page *page, char *buf, size_t size)
{
	struct page *head;
	enum page_use use = page_use(page, &head);
	int n = describe_use(page, head, use, buf, size);

	return n + describe_kmap(page, buf + n, size - (size_t)n);
}
