// SPDX-License-Identifier: GPL-2.0
/*
 * ops_kmap.c - kmap() and kmap_local's operations on the harness's pages:
 * kmap()/kunmap() in any order and number (the pkmap slots, their counts,
 * the lazy flush when the cursor wraps), the kmap_local stack pushed and
 * popped, filled to its last slot and past it, unmapped out of order, and
 * the misuse both must refuse with a WARN; and a block freed while a slot
 * still maps one of its pages, which __free_pages() must refuse.
 *
 * The mappings are checked through the simulated MMU: a slot in use shows
 * its page's bytes; a kunmap()ped slot (count 1) still shows them, stale,
 * until the flush; after the flush, and after a kunmap_local(), the slot
 * really faults.
 */
#include <errno.h>
#include <kernel.h>

#include "fuzz.h"
#include "sim.h"

#define FZ_LOCAL_KEEP (KM_MAX_IDX - 4) /* slots the harness holds at most */
#define FZ_STALE 8 /* kunmap()ped slots remembered */

/* Slots whose last kmap() was kunmap()ped: they fault once flushed. */
static unsigned long fz_stale[FZ_STALE];
static unsigned int fz_nr_stale;

/* A page of a block the harness holds: its first page or another. */
static struct page *fz_block_page(int b, u8 n, bool *first)
{
	unsigned long pages = 1UL << fz.blocks[b].order;

	*first = !(n & 1) || pages == 1;
	return fz.blocks[b].page + (*first ? 0 : n % pages);
}

/* What a mapping of page shows: its tag if it is a block's first page. */
static void fz_expect_mapping(const void *addr, int b, bool first)
{
	u32 val;

	FZ_CHECK(!fz_peek(addr, &val), "the mapping %p faults", addr);
	if (first)
		FZ_CHECK(val == fz.blocks[b].tag,
			 "the mapping %p shows %#x, not its page's tag %#x",
			 addr, val, fz.blocks[b].tag);
}

static struct fz_kmap *fz_kmap_entry(struct page *page, int b)
{
	struct fz_kmap *free = NULL;

	for (int i = 0; i < FZ_KMAPS; i++) {
		if (fz.kmaps[i].page == page)
			return &fz.kmaps[i];
		if (!fz.kmaps[i].page && !free)
			free = &fz.kmaps[i];
	}
	if (free)
		*free = (struct fz_kmap){ .page = page, .block = b };
	return free;
}

static void fz_kmap(struct fz_input *in)
{
	int b = fz_pick_block(fz_u8(in));
	u8 n = fz_u8(in);
	struct fz_kmap *k;
	struct page *page;
	bool first;
	void *addr;

	if (b < 0)
		return;
	page = fz_block_page(b, n, &first);
	k = fz_kmap_entry(page, b);
	if (!k)
		return;
	addr = kmap(page);
	FZ_CHECK(addr, "kmap(pfn %#lx) failed", page_to_pfn(page));
	if (PageHighMem(page)) {
		FZ_CHECK((unsigned long)addr >= PKMAP_BASE &&
				 (unsigned long)addr < PKMAP_END &&
				 !offset_in_page(addr),
			 "kmap gave %p", addr);
		FZ_CHECK(page_address(page) == addr &&
				 kmap_to_page(addr) == page,
			 "pkmap slot %p and pfn %#lx do not know each other",
			 addr, page_to_pfn(page));
		FZ_CHECK(pkmap_slot_count(PKMAP_NR((unsigned long)addr)) ==
				 k->count + 2,
			 "pkmap slot %p: count %d, %d kmaps held", addr,
			 pkmap_slot_count(PKMAP_NR((unsigned long)addr)),
			 k->count + 1);
	} else {
		FZ_CHECK(addr == lowmem_page_address(page),
			 "kmap of lowmem pfn %#lx gave %p", page_to_pfn(page),
			 addr);
	}
	k->count++;
	fz.blocks[b].kmaps++;
	fz_expect_mapping(addr, b, first);
}

static void fz_kunmap(struct fz_input *in)
{
	int i = fz_pick(fz_u8(in), fz.kmaps, sizeof(fz.kmaps[0]), FZ_KMAPS);
	struct fz_kmap *k;
	struct page *page;
	void *addr;

	if (i < 0)
		return;
	k = &fz.kmaps[i];
	page = k->page;
	addr = page_address(page);
	kunmap(page);
	fz.blocks[k->block].kmaps--;
	if (--k->count) {
		fz_expect_mapping(addr, k->block, false);
		return;
	}
	k->page = NULL;
	if (!PageHighMem(page))
		return;
	/* No users: the slot keeps its PTE (count 1) until the next flush. */
	FZ_CHECK(pkmap_slot_count(PKMAP_NR((unsigned long)addr)) == 1,
		 "pkmap slot %p has count %d after its last kunmap", addr,
		 pkmap_slot_count(PKMAP_NR((unsigned long)addr)));
	fz_expect_mapping(addr, k->block, false);
	fz_stale[fz_nr_stale++ % FZ_STALE] = (unsigned long)addr;
}

/* After a flush, the slots kunmap()ped before it fault. */
static void fz_expect_stale_slots_fault(void)
{
	for (unsigned int i = 0; i < FZ_STALE && i < fz_nr_stale; i++) {
		unsigned long addr = fz_stale[i];
		u32 val;

		if (!addr || pkmap_slot_count(PKMAP_NR(addr)))
			continue; /* in use again */
		FZ_CHECK(fz_peek((void *)addr, &val) == -EFAULT,
			 "pkmap slot %#lx was flushed but still reads %#x",
			 addr, val);
		fz_stale[i] = 0;
	}
}

/* kmap_local_page(): a highmem page takes the next slot of the stack. */
static void fz_kmap_local(struct fz_input *in)
{
	int b = fz_pick_block(fz_u8(in));
	u8 n = fz_u8(in);
	struct page *page;
	bool first;
	void *addr;

	if (b < 0 || fz.local_depth >= FZ_LOCAL_KEEP)
		return;
	page = fz_block_page(b, n, &first);
	addr = kmap_local_page(page);
	FZ_CHECK(addr, "kmap_local_page(pfn %#lx) failed", page_to_pfn(page));
	fz_expect_mapping(addr, b, first);
	if (!PageHighMem(page)) {
		FZ_CHECK(addr == lowmem_page_address(page),
			 "kmap_local_page of lowmem gave %p", addr);
		return; /* no slot: nothing to unmap */
	}
	FZ_CHECK((unsigned long)addr ==
				 kmap_local_slot_addr(0, fz.local_depth) &&
			 kmap_local_depth(0) == fz.local_depth + 1,
		 "kmap_local_page gave %p at depth %d, not slot %d", addr,
		 kmap_local_depth(0), fz.local_depth);
	fz.local[fz.local_depth++] =
		(struct fz_local){ .addr = addr, .block = b };
	fz.blocks[b].kmaps++;
}

/* Pop the slots on top that out-of-order unmaps released. */
static void fz_local_pop_released(void)
{
	while (fz.local_depth && fz.local[fz.local_depth - 1].released)
		fz.local_depth--;
}

static void fz_kunmap_local_top(void)
{
	struct fz_local *l;
	u32 val;

	fz_local_pop_released();
	if (!fz.local_depth)
		return;
	l = &fz.local[fz.local_depth - 1];
	kunmap_local(l->addr);
	fz.blocks[l->block].kmaps--;
	fz.local_depth--;
	fz_local_pop_released();
	FZ_CHECK(kmap_local_depth(0) == fz.local_depth,
		 "kmap_local depth %d, %d expected", kmap_local_depth(0),
		 fz.local_depth);
	FZ_CHECK(fz_peek(l->addr, &val) == -EFAULT,
		 "kmap_local slot %p was unmapped but still reads %#x", l->addr,
		 val);
}

/*
 * A block freed while a pkmap or kmap_local slot maps one of its highmem
 * pages (its first or another): refused with a WARN that names the slot.
 */
static void fz_free_kmapped_block(u8 n)
{
	int candidates[FZ_KMAPS + KM_MAX_IDX], nr = 0, b;

	for (int i = 0; i < FZ_KMAPS; i++)
		if (fz.kmaps[i].page && PageHighMem(fz.kmaps[i].page))
			candidates[nr++] = fz.kmaps[i].block;
	for (int i = 0; i < fz.local_depth; i++)
		if (!fz.local[i].released)
			candidates[nr++] = fz.local[i].block;
	if (!nr)
		return;
	b = candidates[n % nr];
	fz_refuse_free_pages(fz.blocks[b].page, fz.blocks[b].order,
			     "__free_pages of a kmapped block");
}

static void fz_kmap_misuse(struct fz_input *in)
{
	u8 kind = fz_u8(in), n = fz_u8(in);
	struct fz_reports r;
	struct page *page;
	struct fz_local *l;
	bool first;
	int b, i;
	u32 val;

	fz_reports_snap(&r);
	switch (kind % 6) {
	case 5:
		fz_free_kmapped_block(n);
		break;
	case 0: /* kunmap_local of a slot below the top: unmapped, released */
		for (i = fz.local_depth - 2; i >= 0; i--)
			if (!fz.local[i].released && !n--)
				break;
		if (i < 0 || fz.local[fz.local_depth - 1].released)
			return;
		l = &fz.local[i];
		kunmap_local(l->addr);
		fz_expect_report(&r, "an out-of-order kunmap_local");
		l->released = true;
		fz.blocks[l->block].kmaps--;
		FZ_CHECK(fz_peek(l->addr, &val) == -EFAULT,
			 "released kmap_local slot %p still reads %#x", l->addr,
			 val);
		break;
	case 1: /* kunmap_local of a slot nobody mapped */
		if (fz.local_depth >= KM_MAX_IDX)
			return;
		kunmap_local((void *)kmap_local_slot_addr(
			0, fz.local_depth + n % (KM_MAX_IDX - fz.local_depth)));
		fz_expect_report(&r, "kunmap_local of a free slot");
		break;
	case 2: /* kunmap of a highmem page without a kmap of the harness */
		b = fz_pick_block(n);
		if (b < 0)
			return;
		page = fz_block_page(b, kind >> 3, &first);
		if (!PageHighMem(page))
			return;
		for (i = 0; i < FZ_KMAPS; i++)
			if (fz.kmaps[i].page == page)
				return;
		kunmap(page);
		fz_expect_report(&r, "kunmap without kmap");
		break;
	case 3: /* pointers that are no struct page */
		page = (struct page *)((char *)mem_map + 4 + n % 28);
		FZ_CHECK(!kmap(page) && !kmap_local_page(page),
			 "a bad page pointer was mapped");
		kunmap(page);
		fz_expect_report(&r, "kmap of no struct page");
		break;
	default: /* kunmap_local of a pkmap or user address */
		kunmap_local(n & 1 ? (void *)PKMAP_BASE : (void *)0x2000);
		fz_expect_report(&r, "kunmap_local of no kmap_local address");
		break;
	}
}

/* Fill the kmap_local stack to its last slot, one push too many, and back. */
static void fz_kmap_local_full(struct fz_input *in)
{
	int b = fz_pick_block(fz_u8(in)), depth = fz.local_depth;
	struct page *page = NULL;
	struct fz_reports r;
	void *addrs[KM_MAX_IDX];

	for (int i = 0; b >= 0 && i < FZ_BLOCKS; i++)
		if (fz.blocks[i].page && PageHighMem(fz.blocks[i].page))
			page = fz.blocks[i].page;
	fz_local_pop_released();
	if (!page || fz.local_depth != kmap_local_depth(0))
		return;
	depth = fz.local_depth;
	for (int i = depth; i < KM_MAX_IDX; i++) {
		addrs[i] = kmap_local_page(page);
		FZ_CHECK(addrs[i] == (void *)kmap_local_slot_addr(0, i),
			 "push %d gave %p", i, addrs[i]);
	}
	fz_reports_snap(&r);
	FZ_CHECK(!kmap_local_page(page), "a 17th kmap_local got a slot");
	fz_expect_report(&r, "a full kmap_local stack");
	for (int i = KM_MAX_IDX - 1; i >= depth; i--)
		kunmap_local(addrs[i]);
	FZ_CHECK(kmap_local_depth(0) == depth, "the stack is %d deep, not %d",
		 kmap_local_depth(0), depth);
}

/* kmap and kunmap every page of a block: the cursor moves, may wrap. */
static void fz_kmap_cycle(struct fz_input *in)
{
	int b = fz_pick_block(fz_u8(in));
	struct pkmap_state before, after;

	if (b < 0)
		return;
	pkmap_get_state(&before);
	for (unsigned long i = 0; i < (1UL << fz.blocks[b].order); i++) {
		struct page *page = fz.blocks[b].page + i;

		FZ_CHECK(kmap(page), "kmap of pfn %#lx failed",
			 page_to_pfn(page));
		kunmap(page);
	}
	pkmap_get_state(&after);
	FZ_CHECK(after.users == before.users, "pkmap users %u, were %u",
		 after.users, before.users);
	if (after.flushes != before.flushes)
		fz_expect_stale_slots_fault();
}

void fz_op_kmap(struct fz_input *in, u8 op)
{
	switch (op % 12) {
	case 0:
	case 1:
		fz_kmap(in);
		break;
	case 2:
	case 3:
		fz_kunmap(in);
		break;
	case 4:
	case 5:
		fz_kmap_local(in);
		break;
	case 6:
	case 7:
		fz_kunmap_local_top();
		break;
	case 8:
		fz_kmap_misuse(in);
		break;
	case 9:
		fz_kmap_local_full(in);
		break;
	case 10:
		fz_kmap_cycle(in);
		break;
	default:
		kmap_flush_unused();
		fz_expect_stale_slots_fault();
		break;
	}
}

void fz_release_kmaps(void)
{
	while (fz.local_depth) {
		fz_local_pop_released();
		if (fz.local_depth)
			fz_kunmap_local_top();
	}
	for (int i = 0; i < FZ_KMAPS; i++) {
		struct fz_kmap *k = &fz.kmaps[i];

		while (k->page && k->count) {
			kunmap(k->page);
			fz.blocks[k->block].kmaps--;
			k->count--;
		}
		k->page = NULL;
	}
	fz_nr_stale = 0;
	for (int i = 0; i < FZ_STALE; i++)
		fz_stale[i] = 0;
}
