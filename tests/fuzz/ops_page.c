// SPDX-License-Identifier: GPL-2.0
/*
 * ops_page.c - the page allocator's operations: alloc_pages() and
 * __free_pages() with every GFP zone and modifier and every order, the
 * per-CPU lists drained, zones run dry, and the misuse __free_pages() must
 * refuse with a report: a double free, a tail page, a reserved page, a
 * pointer that is no struct page; and kfree() and vfree() of a block.
 *
 * A block the harness holds carries a tag at the start of its first page
 * and at the end of its last (written through kmap_local, so highmem
 * blocks too): an allocator that handed a page out twice would have the
 * second owner overwrite the first one's tag.
 */
#include <errno.h>
#include <kernel.h>
#include <string.h>
#include <vmstat.h>

#include "fuzz.h"
#include "sim.h"

#define FZ_EXHAUST_MAX 16384 /* pages one exhaust run may hold */
#define FZ_EXHAUSTS 2 /* exhaust runs per input: each is slow */
#define FZ_RECLAIM_RETRIES 16 /* page_alloc.c's MAX_RECLAIM_RETRIES */

/* Zone modifier from the low bits, then ATOMIC, ZERO, NOWARN, NOFAIL. */
static gfp_t fz_gfp(u8 g, bool highmem_ok)
{
	static const gfp_t zone[4] = { GFP_KERNEL, GFP_DMA, GFP_HIGHMEM,
				       GFP_DMA32 };
	gfp_t gfp = zone[g & 3];

	if (!highmem_ok)
		gfp &= ~(gfp_t)GFP_HIGHMEM;
	if (g & 4)
		gfp |= GFP_ATOMIC;
	if (g & 8)
		gfp |= GFP_ZERO;
	if (g & 0x10)
		gfp |= __GFP_NOWARN;
	if ((g & 0xe0) == 0xe0 && highmem_ok)
		gfp |= GFP_DMA | GFP_HIGHMEM; /* nonsense: served from DMA */
	else if ((g & 0xe0) == 0x60)
		gfp |= GFP_NOFAIL;
	return gfp;
}

/* The highest zone the request may use, as gfp.h documents it. */
static enum zone_type fz_highest_zone(gfp_t gfp)
{
	if (gfp & GFP_DMA)
		return ZONE_DMA;
	return (gfp & GFP_HIGHMEM) ? ZONE_HIGHMEM : ZONE_NORMAL;
}

static void fz_page_block_copy(struct page *page, unsigned long offset,
			       void *buf, size_t len, bool write)
{
	char *p = kmap_local_page(page);

	FZ_CHECK(p, "kmap_local_page(pfn %#lx) failed", page_to_pfn(page));
	if (write)
		FZ_CHECK(!sim_write(p + offset, buf, len),
			 "pfn %#lx: writing through %p faulted",
			 page_to_pfn(page), p);
	else
		FZ_CHECK(!sim_read(p + offset, buf, len),
			 "pfn %#lx: reading through %p faulted",
			 page_to_pfn(page), p);
	kunmap_local(p);
}

void fz_tag_block(struct fz_block *b)
{
	struct page *last = b->page + (1UL << b->order) - 1;

	fz_page_block_copy(b->page, 0, &b->tag, sizeof(u32), true);
	fz_page_block_copy(last, PAGE_SIZE - sizeof(u32), &b->tag, sizeof(u32),
			   true);
}

void fz_expect_block_tags(const struct fz_block *b)
{
	struct page *last = b->page + (1UL << b->order) - 1;
	u32 first, end;

	fz_page_block_copy(b->page, 0, &first, sizeof(u32), false);
	fz_page_block_copy(last, PAGE_SIZE - sizeof(u32), &end, sizeof(u32),
			   false);
	FZ_CHECK(
		first == b->tag && end == b->tag,
		"block pfn %#lx order %u: tags %#x %#x, not %#x: another owner wrote it",
		page_to_pfn(b->page), b->order, first, end, b->tag);
}

/* No block the harness holds shares a page with [pfn, pfn + n). */
static void fz_expect_no_overlap(unsigned long pfn, unsigned long n)
{
	for (int i = 0; i < FZ_BLOCKS; i++) {
		const struct fz_block *b = &fz.blocks[i];
		unsigned long start;

		if (!b->page)
			continue;
		start = page_to_pfn(b->page);
		FZ_CHECK(
			pfn + n <= start || start + (1UL << b->order) <= pfn,
			"pfns %#lx+%lu handed out again: the harness holds %#lx+%lu",
			pfn, n, start, 1UL << b->order);
	}
}

/* A new block is what alloc_pages() promises, and no one else's. */
static void fz_expect_new_block(struct page *page, unsigned int order,
				gfp_t gfp)
{
	unsigned long pfn = page_to_pfn(page), n = 1UL << order;
	enum zone_type zone = page_zonenum(page);
	u32 head[2] = { 1, 1 }, tail[2] = { 1, 1 };

	FZ_CHECK(page_ptr_valid(page), "alloc_pages returned %p", page);
	FZ_CHECK(!(pfn & (n - 1)), "pfn %#lx is not aligned to order %u", pfn,
		 order);
	FZ_CHECK(zone <= fz_highest_zone(gfp) &&
			 page_zonenum(page + n - 1) == zone,
		 "pfn %#lx+%lu from zone %d for gfp %#x", pfn, n, zone, gfp);
	FZ_CHECK(
		PageHead(page) && page_count(page) == 1 &&
			page->private == order &&
			!(page->flags &
			  ((1UL << PG_buddy) | (1UL << PG_pcp) |
			   (1UL << PG_slab) | (1UL << PG_reserved) |
			   (1UL << PG_anon))) &&
			!page_mapped(page),
		"pfn %#lx: flags %#lx refcount %d mapcount %d private %lu after allocation",
		pfn, page->flags, page_count(page), page_mapcount(page),
		page->private);
	fz_expect_no_overlap(pfn, n);
	if (gfp & GFP_ZERO) {
		fz_page_block_copy(page, 0, head, sizeof(head), false);
		fz_page_block_copy(page + n - 1, PAGE_SIZE - sizeof(tail), tail,
				   sizeof(tail), false);
		FZ_CHECK(!head[0] && !head[1] && !tail[0] && !tail[1],
			 "GFP_ZERO block pfn %#lx+%lu is not zeroed", pfn, n);
	}
}

static int fz_free_slot(void)
{
	for (int i = 0; i < FZ_BLOCKS; i++)
		if (!fz.blocks[i].page)
			return i;
	return -1;
}

static void fz_alloc(struct fz_input *in)
{
	u8 o = fz_u8(in), g = fz_u8(in);
	unsigned int order = o & 0xf;
	gfp_t gfp = fz_gfp(g, true);
	int slot = fz_free_slot();
	struct page *page;

	if (order > MAX_ORDER - 1)
		order = o == 0xff ? MAX_ORDER : order - (MAX_ORDER - 1);
	/*
	 * Zeroing a highmem page maps it, faults it into the simulated TLB
	 * and flushes it again: two system calls a page.  Large zeroed blocks
	 * would make every input slow, and teach no more than small ones.
	 */
	if (order > 2)
		gfp &= ~(gfp_t)GFP_ZERO;
	if (slot < 0)
		return;
	page = alloc_pages(gfp, order);
	if (order >= MAX_ORDER) {
		FZ_CHECK(!page, "alloc_pages(order %u) gave a block", order);
		return;
	}
	if (!page)
		return; /* memory may run out: the invariants judge that */
	fz_expect_new_block(page, order, gfp);
	fz.blocks[slot] = (struct fz_block){ .page = page,
					     .order = order,
					     .tag = fz_new_tag() };
	fz_tag_block(&fz.blocks[slot]);
}

void fz_free_block(int idx)
{
	struct fz_block *b = &fz.blocks[idx];
	struct page *page = b->page;

	FZ_CHECK(!b->vmaps && !b->kmaps, "freeing a mapped block");
	fz_expect_block_tags(b);
	__free_pages(page, b->order);
	FZ_CHECK(!PageHead(page) && !page_count(page),
		 "pfn %#lx still allocated after __free_pages (flags %#lx)",
		 page_to_pfn(page), page->flags);
	fz.freed_pages[fz.nr_freed_pages++ % FZ_FREED] = page;
	b->page = NULL;
}

/* A block nothing maps, or -1. */
static int fz_pick_unmapped_block(u8 n)
{
	int i = fz_pick_block(n);

	return i >= 0 && !fz.blocks[i].vmaps && !fz.blocks[i].kmaps ? i : -1;
}

static void fz_free(struct fz_input *in, bool wrong_order)
{
	int i = fz_pick_unmapped_block(fz_u8(in));
	struct fz_reports r;
	struct fz_block *b;

	if (i < 0)
		return;
	b = &fz.blocks[i];
	if (!wrong_order) {
		fz_free_block(i);
		return;
	}
	/* The recorded order wins, with a WARN. */
	fz_expect_block_tags(b);
	fz_reports_snap(&r);
	__free_pages(b->page, b->order ? b->order - 1 : 1);
	fz_expect_report(&r, "__free_pages with the wrong order");
	FZ_CHECK(!PageHead(b->page), "the block was not freed");
	fz.freed_pages[fz.nr_freed_pages++ % FZ_FREED] = b->page;
	b->page = NULL;
}

static void fz_free_misuse(struct fz_input *in)
{
	u8 kind = fz_u8(in), n = fz_u8(in);
	struct page *page;
	int i;

	switch (kind % 6) {
	case 5: /* kfree() or vfree() of a buddy block's address */
		i = fz_pick_block(n);
		if (i < 0 || PageHighMem(fz.blocks[i].page))
			break;
		if (kind & 0x80)
			fz_refuse_vfree(lowmem_page_address(fz.blocks[i].page),
					"vfree of a buddy block");
		else
			fz_refuse_kfree(lowmem_page_address(fz.blocks[i].page) +
						(kind & 0x40 ? 64 : 0),
					"kfree of a buddy block");
		break;
	case 0: /* a page inside a block the harness holds */
		i = fz_pick_block(n);
		if (i >= 0 && fz.blocks[i].order)
			fz_refuse_free_pages(
				fz.blocks[i].page + 1 +
					n % ((1UL << fz.blocks[i].order) - 1),
				0, "freeing a tail page");
		break;
	case 1: /* a block freed before and not handed out again */
		if (!fz.nr_freed_pages)
			break;
		page = fz.freed_pages[(fz.nr_freed_pages - 1 - n % FZ_FREED) %
				      FZ_FREED];
		if (page && !PageHead(page))
			fz_refuse_free_pages(page, 0, "a double free");
		break;
	case 2: /* a reserved page: the BIOS's, or the kernel image's */
		fz_refuse_free_pages(pfn_to_page(n & 1 ? 0 : 0x100 + n), 0,
				     "freeing a reserved page");
		break;
	case 3: /* pointers that are no struct page */
		page = n & 1 ? mem_map + max_pfn :
			       (struct page *)((char *)mem_map + 1 + n % 31);
		fz_refuse_free_pages(page, 0,
				     "freeing a pointer outside mem_map");
		break;
	default: /* free_pages() of what is no page-aligned direct-map address */
		fz_refuse_free_pages(NULL, 0, "__free_pages(NULL)");
		if (n & 1) {
			struct fz_reports r;

			fz_reports_snap(&r);
			free_pages(PAGE_OFFSET + PAGE_SIZE * 0x200 + 1 + n, 0);
			fz_expect_report(&r,
					 "free_pages of an unaligned address");
		}
		break;
	}
}

/* __get_free_pages(): a lowmem block by its address, freed by it. */
static void fz_get_free_pages(struct fz_input *in)
{
	u8 o = fz_u8(in), g = fz_u8(in);
	unsigned int order = o % 4;
	gfp_t gfp = fz_gfp(g, false) & ~(gfp_t)GFP_NOFAIL;
	unsigned long addr = __get_free_pages(gfp, order);
	u32 tag = fz_new_tag();

	if (!addr)
		return;
	FZ_CHECK(virt_addr_valid((void *)addr) && !(addr & ~PAGE_MASK),
		 "__get_free_pages gave %#lx", addr);
	fz_expect_new_block(virt_to_page((void *)addr), order, gfp);
	fz_tag_range((void *)addr, PAGE_SIZE << order, tag);
	fz_expect_tag_range((void *)addr, PAGE_SIZE << order, tag,
			    "__get_free_pages block");
	free_pages(addr, order);
}

/*
 * Take pages until the allocator says no, then give them all back.  When it
 * says no, every zone the request may use is at its watermark: an ordinary
 * request stops at min (the slow path's), GFP_ATOMIC goes lower by Linux's
 * fractions, and the per-CPU lists were drained before giving up.  With
 * another process counted (the top bit of the order byte; none is on the
 * task list), a request that may sleep first waits its MAX_RECLAIM_RETRIES
 * for that process to free pages, then the OOM killer finds nothing to
 * kill; without one, or for GFP_ATOMIC, nothing waits.
 */
static void fz_exhaust(struct fz_input *in)
{
	static struct page *held[FZ_EXHAUST_MAX];
	u8 g = fz_u8(in), o = fz_u8(in);
	gfp_t gfp = (fz_gfp(g, true) & ~(gfp_t)(GFP_NOFAIL | GFP_ZERO)) |
		    __GFP_NOWARN;
	unsigned int order = o % 3, n = 0;
	enum zone_type highest = fz_highest_zone(gfp);
	bool may_wait = (o & 0x80) && !(gfp & GFP_ATOMIC);
	unsigned long waits = nr_alloc_waits, kills = sum_vm_event(OOM_KILL);
	struct page *page;

	if (fz.exhausts++ >= FZ_EXHAUSTS)
		return;
	nr_user_processes = o >> 7;
	while (n < FZ_EXHAUST_MAX && (page = alloc_pages(gfp, order))) {
		FZ_CHECK(page_zonenum(page) <= highest,
			 "pfn %#lx from zone %d, above %d", page_to_pfn(page),
			 page_zonenum(page), highest);
		held[n++] = page;
	}
	nr_user_processes = 0;
	FZ_CHECK(sum_vm_event(OOM_KILL) == kills,
		 "the OOM killer killed, with no process on the task list");
	if (n < FZ_EXHAUST_MAX) {
		FZ_CHECK(nr_alloc_waits - waits ==
				 (may_wait ? FZ_RECLAIM_RETRIES : 0),
			 "gfp %#x waited %lu times for reclaim, not %d", gfp,
			 nr_alloc_waits - waits,
			 may_wait ? FZ_RECLAIM_RETRIES : 0);
		for (int z = 0; z <= (int)highest; z++) {
			const struct zone *zone = &zones[z];
			long min = (long)min_wmark_pages(zone);

			if (!populated_zone(zone))
				continue;
			if (gfp & GFP_ATOMIC) {
				min -= min / 2;
				min -= min / 4;
			}
			FZ_CHECK(
				per_cpu_ptr(zone->per_cpu_pageset, 0)->count ==
					0,
				"zone %s: %d pages left on the per-CPU lists after a failure",
				zone->name,
				per_cpu_ptr(zone->per_cpu_pageset, 0)->count);
			/* A block that big could still be free: then no. */
			FZ_CHECK(
				order ||
					(long)zone->free_pages <=
						min + (long)zone->lowmem_reserve
								[highest],
				"zone %s: %lu pages free above min %ld + reserve %lu, yet order-0 gfp %#x failed",
				zone->name, zone->free_pages, min,
				zone->lowmem_reserve[highest], gfp);
		}
	}
	while (n)
		__free_pages(held[--n], order);
}

void fz_op_page(struct fz_input *in, u8 op)
{
	switch (op % 14) {
	case 0:
	case 1:
	case 2:
	case 3:
		fz_alloc(in);
		break;
	case 4:
	case 5:
	case 6:
		fz_free(in, false);
		break;
	case 7:
		fz_free(in, true);
		break;
	case 8:
	case 9:
		fz_free_misuse(in);
		break;
	case 10:
		fz_get_free_pages(in);
		break;
	case 11:
		drain_all_pages();
		break;
	case 12:
		fz_exhaust(in);
		break;
	default: {
		int i = fz_pick_block(fz_u8(in));

		if (i >= 0)
			fz_expect_block_tags(&fz.blocks[i]);
		break;
	}
	}
}

void fz_release_pages(void)
{
	for (int i = 0; i < FZ_BLOCKS; i++)
		if (fz.blocks[i].page)
			fz_free_block(i);
}
