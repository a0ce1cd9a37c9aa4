// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_test.c - verifies that a highmem page has a kernel address only
 * while it is mapped, and that the two ways of mapping it keep their
 * promises: kmap() with Linux's pkmap_count meaning (0 free, 1 stale, n:
 * n - 1 users), slot reuse, the lazy TLB flush when the cursor wraps, and a
 * clear NULL when all 1024 slots are in use; kmap_local_page() as a LIFO
 * stack of 16 fixmap slots.  Every misuse is reported with its caller and
 * leaves state that kmap_self_check() accepts.  An access through an
 * unmapped slot faults, and the fault report says which slot and what it
 * last mapped.
 *
 * The pkmap state is shared with everything that ran before (the demo, a
 * shell user's `kmap`), so the cases never assume where the cursor is; they
 * call kmap_flush_unused() when they need every stale slot gone.  Without
 * highmem (RAM below 896 MB) the cases that need it skip; the matrix's
 * `256M highmem=64M` boot runs them on a small machine.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <bug.h>
#include <errno.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <panic.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <smp.h>

#define PATTERN 0x4b4d3338U /* "KM38" */

/* Skip the case (before it allocates anything) if this boot has no highmem. */
static void need_highmem(struct ktest *test)
{
	if (!totalhigh_pages())
		ktest_skip(
			test,
			"no highmem: all RAM is lowmem (boot -m 2G, or -m 256M highmem=64M)");
}

/*
 * Skip the case (before it allocates anything) unless highmem can give a
 * block of 2^order pages after `pages` single pages, above its watermark:
 * a small highmem zone (-m 900M has 4 MB of it) may have no such block.
 */
static void need_highmem_block(struct ktest *test, unsigned int order,
			       unsigned int pages)
{
	const struct zone *z = &zones[ZONE_HIGHMEM];
	unsigned long big = 0, small = 0;
	char why[96];

	need_highmem(test);
	drain_all_pages();
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		if (o >= order)
			big += z->free_area[o].nr_free << (o - order);
		else
			small += z->free_area[o].nr_free << o;
	}
	if (big && (big > 1 || small >= pages) &&
	    z->free_pages > (1UL << order) + pages + high_wmark_pages(z))
		return;
	snprintf(
		why, sizeof(why),
		"highmem (%lu pages free) has no order-%u block to spare: boot with more highmem",
		z->free_pages, order);
	ktest_skip(test, why);
}

/* A block of 2^order highmem pages; the case must have called need_highmem. */
static struct page *highmem_alloc(struct ktest *test, unsigned int order)
{
	struct page *page = alloc_pages(GFP_HIGHMEM, order);

	KTEST_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_pages(page, order);
		ktest_fail(test, "GFP_HIGHMEM order %u fell back to lowmem",
			   order);
		ktest_abort(test);
	}
	return page;
}

static pte_t pte_of(unsigned long vaddr)
{
	enum pg_level level;
	pte_t *pte = lookup_address(vaddr, &level);

	return pte && level == PG_LEVEL_4K ? *pte : 0;
}

static bool is_mapped(const void *addr)
{
	u32 val;

	return get_kernel_nofault(val, (const u32 *)addr) == 0;
}

static struct pkmap_state pkmap_now(void)
{
	struct pkmap_state state;

	pkmap_get_state(&state);
	return state;
}

/* --- lowmem: the short cuts ---------------------------------------------- */

static void
highmem_kmap_of_lowmem_page_is_its_direct_map_address(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct pkmap_state before = pkmap_now(), after;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_PTR_EQ(test, kmap(page), lowmem_page_address(page));
	KTEST_EXPECT_PTR_EQ(test, kmap(page), page_address(page));
	kunmap(page);
	kunmap(page);
	after = pkmap_now();
	KTEST_EXPECT_EQ(test, after.users, before.users);
	KTEST_EXPECT_EQ(test, after.cursor, before.cursor);
	__free_page(page);
}

static void highmem_kmap_local_of_lowmem_pages_uses_no_slot(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 5);
	void *addr[32];

	KTEST_ASSERT_NOT_NULL(test, page);
	/* Twice the stack's depth: no slot is taken, none can run out. */
	for (int i = 0; i < 32; i++) {
		addr[i] = kmap_local_page(page + i);
		KTEST_EXPECT_PTR_EQ(test, addr[i],
				    lowmem_page_address(page + i));
	}
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	for (int i = 31; i >= 0; i--)
		kunmap_local(addr[i]);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	__free_pages(page, 5);
}

/* --- kmap: addresses, counts, reuse --------------------------------------- */

static void highmem_page_has_an_address_only_while_kmapped(struct ktest *test)
{
	struct page *page;
	void *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	kmap_flush_unused();
	KTEST_EXPECT_NULL(test, page_address(page));
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	KTEST_EXPECT_PTR_EQ(test, page_address(page), addr);
	kunmap(page);
	/* Stale, not gone: the mapping lasts until the next flush. */
	KTEST_EXPECT_PTR_EQ(test, page_address(page), addr);
	KTEST_EXPECT_TRUE(test, is_mapped(addr));
	kmap_flush_unused();
	KTEST_EXPECT_NULL(test, page_address(page));
	KTEST_EXPECT_FALSE(test, is_mapped(addr));
	__free_page(page);
}

static void highmem_kmap_maps_the_page_at_a_pkmap_slot(struct ktest *test)
{
	struct page *page;
	unsigned long vaddr;
	pte_t pte;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	vaddr = (unsigned long)kmap(page);
	KTEST_EXPECT_GE(test, vaddr, PKMAP_BASE);
	KTEST_EXPECT_LT(test, vaddr, PKMAP_END);
	KTEST_EXPECT_EQ(test, vaddr & ~PAGE_MASK, 0);
	pte = pte_of(vaddr);
	KTEST_EXPECT_TRUE(test, pte_present(pte));
	KTEST_EXPECT_EQ(test, pte_pfn(pte), page_to_pfn(page));
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page((void *)(vaddr + 123)), page);
	KTEST_EXPECT_EQ(test, pkmap_now().cursor, PKMAP_NR(vaddr));
	kunmap(page);
	__free_page(page);
}

static void
highmem_second_kmap_of_a_mapped_page_reuses_its_slot(struct ktest *test)
{
	struct page *page;
	struct pkmap_state before;
	void *first, *second;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	first = kmap(page);
	before = pkmap_now();
	second = kmap(page);
	KTEST_EXPECT_PTR_EQ(test, second, first);
	KTEST_EXPECT_EQ(test, pkmap_now().cursor, before.cursor);
	KTEST_EXPECT_EQ(test, pkmap_now().in_use, before.in_use);
	KTEST_EXPECT_EQ(test, pkmap_now().users, before.users + 1);
	kunmap(page);
	kunmap(page);
	__free_page(page);
}

static void highmem_pkmap_count_is_users_plus_one(struct ktest *test)
{
	struct page *page;
	unsigned int nr, cursor;
	void *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	nr = PKMAP_NR((unsigned long)addr);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 2);
	kmap(page);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 3);
	kunmap(page);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 2);
	kunmap(page);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 1);
	KTEST_EXPECT_TRUE(test, pte_present(pte_of((unsigned long)addr)));
	/* A cached slot: kmap again costs an increment, not a new slot. */
	cursor = pkmap_now().cursor;
	KTEST_EXPECT_PTR_EQ(test, kmap(page), addr);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 2);
	KTEST_EXPECT_EQ(test, pkmap_now().cursor, cursor);
	kunmap(page);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 1);
	__free_page(page);
}

static void
highmem_new_slot_is_the_first_free_one_after_the_cursor(struct ktest *test)
{
	struct page *page;
	unsigned int expected;
	void *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	kmap_flush_unused();
	expected = pkmap_now().cursor;
	do
		expected = (expected + 1) & LAST_PKMAP_MASK;
	while (pkmap_slot_count(expected) != 0);
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	KTEST_EXPECT_EQ(test, PKMAP_NR((unsigned long)addr), expected);
	kunmap(page);
	__free_page(page);
}

static void
highmem_page_address_hash_finds_hundreds_of_mapped_pages(struct ktest *test)
{
	enum { N = 512 }; /* four times the buckets: chains of several */
	struct page *block;
	static void *addr[N];

	need_highmem_block(test, 9, 0);
	block = highmem_alloc(test, 9);
	for (int i = 0; i < N; i++)
		addr[i] = kmap(block + i);
	for (int i = 0; i < N; i++) {
		KTEST_EXPECT_NOT_NULL(test, addr[i]);
		KTEST_EXPECT_PTR_EQ(test, page_address(block + i), addr[i]);
		KTEST_EXPECT_PTR_EQ(test, kmap_to_page(addr[i]), block + i);
	}
	for (int i = 0; i < N; i++)
		kunmap(block + i);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 9);
}

/* --- the lazy flush and running out --------------------------------------- */

/* kmap+kunmap the next page of the 1024 in block; returns its slot. */
static unsigned int map_next(struct page *block, unsigned int *i)
{
	struct page *page = block + (*i)++ % LAST_PKMAP;
	unsigned int nr = PKMAP_NR((unsigned long)kmap(page));

	kunmap(page);
	return nr;
}

static void highmem_stale_slot_is_skipped_until_the_wrap_flush_then_reused(
	struct ktest *test)
{
	struct page *page, *block;
	unsigned long flushes;
	unsigned int stale, nr, i = 0;
	void *addr;

	need_highmem_block(test, 10, 1);
	page = highmem_alloc(test, 0);
	block = highmem_alloc(test, 10);
	kmap_flush_unused();
	if (pkmap_now().cursor == LAST_PKMAP - 1)
		map_next(block, &i); /* so that page's slot is not slot 0 */
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	stale = PKMAP_NR((unsigned long)addr);
	/* One lap with page in use, so that after the wrap it is ahead. */
	flushes = pkmap_now().flushes;
	while (pkmap_now().flushes == flushes && i < 2 * LAST_PKMAP)
		map_next(block, &i);
	KTEST_ASSERT_LT(test, pkmap_now().cursor, stale);
	kunmap(page);
	/* Stale, ahead of the cursor: skipped until the next wrap's flush. */
	flushes = pkmap_now().flushes;
	do {
		nr = map_next(block, &i);
		if (pkmap_now().flushes == flushes) {
			KTEST_ASSERT_NE(test, nr, stale);
			KTEST_ASSERT_EQ(test, pkmap_slot_count(stale), 1);
			KTEST_ASSERT_TRUE(test, page_address(page) == addr);
		} else if (nr != stale) {
			KTEST_ASSERT_EQ(test, pkmap_slot_count(stale), 0);
			KTEST_ASSERT_NULL(test, page_address(page));
		}
	} while (nr != stale && i < 4 * LAST_PKMAP);
	KTEST_EXPECT_EQ(test, nr, stale);
	KTEST_EXPECT_EQ(test, pkmap_now().flushes, flushes + 1);
	__free_pages(block, 10);
	__free_page(page);
}

static void
highmem_wrap_clears_every_stale_slot_with_one_tlb_flush(struct ktest *test)
{
	struct page *page, *block;
	struct pkmap_state before, now;
	unsigned long flushes;

	need_highmem_block(test, 10, 1);
	page = highmem_alloc(test, 0);
	block = highmem_alloc(test, 10);
	kmap_flush_unused();
	kmap(page); /* the cursor now sits on a slot the wrap will clear */
	kunmap(page);
	flushes = pkmap_now().flushes;
	for (int i = 0; i < LAST_PKMAP; i++) {
		before = pkmap_now();
		kmap(block + i);
		kunmap(block + i);
		now = pkmap_now();
		if (now.flushes == before.flushes)
			continue;
		/* The wrap: every stale slot was cleared, one became ours. */
		KTEST_EXPECT_EQ(test, now.flushes, before.flushes + 1);
		KTEST_EXPECT_EQ(test, now.cursor, 0);
		KTEST_EXPECT_EQ(test, now.stale, 1);
		KTEST_EXPECT_EQ(test, now.free, before.free + before.stale - 1);
	}
	KTEST_EXPECT_EQ(test, pkmap_now().flushes, flushes + 1);
	__free_pages(block, 10);
	__free_page(page);
}

static void highmem_kmap_returns_null_when_all_slots_are_in_use_then_recovers(
	struct ktest *test)
{
	struct page *extra, *block;
	printk_mark_t mark;
	unsigned int free_slots, mapped = 0;
	void *addr;

	need_highmem_block(test, 10, 1);
	extra = highmem_alloc(test, 0);
	block = highmem_alloc(test, 10);
	kmap_flush_unused();
	free_slots = pkmap_now().free;
	for (int i = 0; i < LAST_PKMAP; i++)
		mapped += kmap(block + i) != NULL;
	KTEST_EXPECT_EQ(test, mapped, free_slots);
	KTEST_EXPECT_EQ(test, pkmap_now().free + pkmap_now().stale, 0);
	mark = printk_mark();
	KTEST_EXPECT_NULL(test, kmap(extra));
	KTEST_EXPECT_LOG(test, mark, "kmap: all 1024 pkmap slots in use");
	KTEST_EXPECT_LOG(test, mark,
			 "slots mapped by highmem_kmap_returns_null");
	/* One kunmap makes a slot stale; the next kmap flushes and takes it. */
	kunmap(block);
	addr = kmap(extra);
	KTEST_EXPECT_NOT_NULL(test, addr);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(addr), extra);
	kunmap(extra);
	for (int i = 1; i < LAST_PKMAP; i++)
		if (page_address(block + i))
			kunmap(block + i);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 10);
	__free_page(extra);
}

/* --- one frame, several addresses ---------------------------------------- */

static void
highmem_data_written_through_kmap_reads_back_everywhere(struct ktest *test)
{
	struct page *page;
	u32 *pk, *local, fixmap_copy[4], copy[4];

	need_highmem(test);
	page = highmem_alloc(test, 0);
	pk = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, pk);
	for (int i = 0; i < 1024; i++)
		pk[i] = PATTERN + (u32)i;
	/* kmap_local: a second virtual address for the same frame, now. */
	local = kmap_local_page(page);
	KTEST_EXPECT_PTR_NE(test, local, pk);
	KTEST_EXPECT_EQ(test, local[0], PATTERN);
	KTEST_EXPECT_EQ(test, local[1023], PATTERN + 1023);
	local[7] = 7;
	KTEST_EXPECT_EQ(test, pk[7], 7);
	kunmap_local(local);
	kunmap(page);
	/* The boot-time fixmap slot reads the physical frame too. */
	early_copy_from_phys(fixmap_copy, page_to_phys(page),
			     sizeof(fixmap_copy));
	KTEST_EXPECT_EQ(test, fixmap_copy[0], PATTERN);
	KTEST_EXPECT_EQ(test, fixmap_copy[3], PATTERN + 3);
	memcpy_from_page(copy, page, 8 * sizeof(u32), sizeof(copy));
	KTEST_EXPECT_EQ(test, copy[0], PATTERN + 8);
	__free_page(page);
}

static void
highmem_gfp_zero_and_copy_highpage_go_through_kmap_local(struct ktest *test)
{
	struct page *from, *to;
	u32 word = PATTERN, back = 0, zero = 1;

	need_highmem(test);
	from = highmem_alloc(test, 0);
	memcpy_to_page(from, 100, &word, sizeof(word));
	__free_page(from);
	/* Most likely the same frame again; zeroed in any case. */
	from = alloc_page(GFP_HIGHMEM | GFP_ZERO);
	KTEST_ASSERT_NOT_NULL(test, from);
	memcpy_from_page(&zero, from, 100, sizeof(zero));
	KTEST_EXPECT_EQ(test, zero, 0);
	memcpy_to_page(from, 4000, &word, sizeof(word));
	to = highmem_alloc(test, 0);
	copy_highpage(to, from);
	memcpy_from_page(&back, to, 4000, sizeof(back));
	KTEST_EXPECT_EQ(test, back, PATTERN);
	clear_highpage(to);
	memcpy_from_page(&back, to, 4000, sizeof(back));
	KTEST_EXPECT_EQ(test, back, 0);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	__free_page(to);
	__free_page(from);
}

static void
highmem_kmap_to_page_names_the_page_behind_any_address(struct ktest *test)
{
	struct page *low = alloc_page(GFP_KERNEL);
	struct page *high;
	void *pk, *local;

	KTEST_ASSERT_NOT_NULL(test, low);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(page_address(low)), low);
	KTEST_EXPECT_NULL(test, kmap_to_page((void *)VMALLOC_END));
	__free_page(low);
	need_highmem(test);
	high = highmem_alloc(test, 0);
	pk = kmap(high);
	local = kmap_local_page(high);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(pk), high);
	KTEST_EXPECT_PTR_EQ(test, kmap_to_page(local + 4095), high);
	kunmap_local(local);
	KTEST_EXPECT_NULL(test, kmap_to_page(local));
	kunmap(high);
	__free_page(high);
}

/* --- kmap_local: the stack ------------------------------------------------ */

static void
highmem_kmap_local_nests_16_deep_and_refuses_the_17th(struct ktest *test)
{
	struct page *block;
	u32 *addr[KM_MAX_IDX];
	unsigned long warnings;
	printk_mark_t mark;

	need_highmem_block(test, 4, 0);
	block = highmem_alloc(test, 4);
	KTEST_ASSERT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	for (int i = 0; i < KM_MAX_IDX; i++) {
		addr[i] = kmap_local_page(block + i);
		KTEST_ASSERT_NOT_NULL(test, addr[i]);
		KTEST_EXPECT_EQ(test, (unsigned long)addr[i],
				kmap_local_slot_addr(smp_processor_id(), i));
		*addr[i] = PATTERN + (u32)i;
	}
	for (int i = 0; i < KM_MAX_IDX; i++)
		KTEST_EXPECT_EQ(test, *addr[i], PATTERN + (u32)i);
	warnings = nr_warnings;
	mark = printk_mark();
	KTEST_EXPECT_NULL(test, kmap_local_page(block));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "all 16 slots of the stack are in use");
	KTEST_EXPECT_LOG(test, mark, "mapped by highmem_kmap_local_nests");
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), KM_MAX_IDX);
	for (int i = KM_MAX_IDX - 1; i >= 0; i--)
		kunmap_local(addr[i]);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 4);
}

static void
highmem_kunmap_local_clears_the_pte_and_the_tlb_entry(struct ktest *test)
{
	struct page *page;
	u32 *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	addr = kmap_local_page(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	*addr = PATTERN; /* the TLB now holds the translation */
	kunmap_local(addr);
	KTEST_EXPECT_FALSE(test, pte_present(pte_of((unsigned long)addr)));
	/* Only INVLPG makes this fault: the TLB entry was still there. */
	KTEST_EXPECT_FALSE(test, is_mapped(addr));
	__free_page(page);
}

static void
highmem_kmap_atomic_is_kmap_local_under_its_old_name(struct ktest *test)
{
	struct page *page;
	void *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	addr = kmap_atomic(page);
	KTEST_EXPECT_EQ(test, (unsigned long)addr,
			kmap_local_slot_addr(smp_processor_id(), 0));
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 1);
	kunmap_atomic(addr);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	__free_page(page);
}

/* --- misuse: reported, survived, consistent ------------------------------- */

static void highmem_kunmap_of_an_unmapped_page_is_reported(struct ktest *test)
{
	struct page *page;
	struct pkmap_state before;
	unsigned long warnings = nr_warnings;
	printk_mark_t mark;
	char text[64];

	need_highmem(test);
	page = highmem_alloc(test, 0);
	kmap_flush_unused();
	before = pkmap_now();
	mark = printk_mark();
	kunmap(page);
	snprintf(text, sizeof(text), "BUG: kunmap of unmapped page pfn %#lx",
		 page_to_pfn(page));
	KTEST_EXPECT_LOG(test, mark, text);
	KTEST_EXPECT_LOG(test, mark,
			 "called from highmem_kunmap_of_an_unmapped_page");
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_EQ(test, pkmap_now().users, before.users);
	KTEST_EXPECT_EQ(test, pkmap_now().free, before.free);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_page(page);
}

static void highmem_one_kunmap_too_many_is_reported_and_the_count_stays_1(
	struct ktest *test)
{
	struct page *page;
	printk_mark_t mark;
	unsigned int nr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	nr = PKMAP_NR((unsigned long)kmap(page));
	kunmap(page);
	mark = printk_mark();
	kunmap(page);
	KTEST_EXPECT_LOG(test, mark, "one kunmap too many");
	KTEST_EXPECT_LOG(test, mark, "called from highmem_one_kunmap_too_many");
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 1);
	/* The page can still be mapped normally afterwards. */
	KTEST_EXPECT_EQ(test, PKMAP_NR((unsigned long)kmap(page)), nr);
	KTEST_EXPECT_EQ(test, pkmap_slot_count(nr), 2);
	kunmap(page);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_page(page);
}

static void
highmem_kmap_of_an_invalid_page_pointer_is_reported(struct ktest *test)
{
	struct page *bad[] = {
		NULL,
		(struct page *)((char *)mem_map + 4), /* inside a struct page */
		mem_map + max_pfn, /* one past the end */
		(struct page *)&test, /* not in mem_map at all */
	};
	unsigned long warnings = nr_warnings;
	struct pkmap_state before = pkmap_now();
	printk_mark_t mark = printk_mark();

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		KTEST_EXPECT_NULL(test, kmap(bad[i]));
		kunmap(bad[i]);
		KTEST_EXPECT_NULL(test, kmap_local_page(bad[i]));
	}
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 3 * ARRAY_SIZE(bad));
	KTEST_EXPECT_LOG(test, mark, "BUG: kmap of an invalid page pointer");
	KTEST_EXPECT_LOG(test, mark, "BUG: kunmap of an invalid page pointer");
	KTEST_EXPECT_LOG(test, mark,
			 "is not a struct page in mem_map (called from");
	KTEST_EXPECT_EQ(test, pkmap_now().users, before.users);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
}

static void highmem_kunmap_local_outside_the_kmap_local_slots_is_reported(
	struct ktest *test)
{
	struct page *low = alloc_page(GFP_KERNEL);
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	KTEST_ASSERT_NOT_NULL(test, low);
	kunmap_local(page_address(low)); /* lowmem: fine, nothing to do */
	KTEST_EXPECT_EQ(test, nr_warnings, warnings);
	kunmap_local((void *)PKMAP_BASE);
	KTEST_EXPECT_LOG(test, mark, "is not a kmap_local address");
	KTEST_EXPECT_LOG(test, mark, "unmap it with kunmap(page)");
	kunmap_local((void *)VMALLOC_START);
	kunmap_local((void *)__fix_to_virt(FIX_HOLE));
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 3);
	KTEST_EXPECT_LOG(test, mark,
			 "called from highmem_kunmap_local_outside");
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_page(low);
}

static void highmem_kunmap_local_out_of_order_is_reported_and_unmaps_that_slot(
	struct ktest *test)
{
	struct page *block;
	u32 *first, *second;
	printk_mark_t mark;

	need_highmem(test);
	block = highmem_alloc(test, 1);
	first = kmap_local_page(block);
	second = kmap_local_page(block + 1);
	KTEST_ASSERT_NOT_NULL(test, second);
	*second = PATTERN;
	mark = printk_mark();
	kunmap_local(first);
	KTEST_EXPECT_LOG(test, mark, "is not the last mapping");
	KTEST_EXPECT_LOG(test, mark, "last-in first-out");
	/* The slot asked for is gone; the one still held is intact. */
	KTEST_EXPECT_FALSE(test, is_mapped(first));
	KTEST_EXPECT_EQ(test, *second, PATTERN);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 2);
	KTEST_EXPECT_NULL(test, kmap_local_slot_page(smp_processor_id(), 0));
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	/* Popping the top also pops the released slot below it. */
	kunmap_local(second);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 1);
}

static void
highmem_kunmap_local_with_nothing_mapped_is_reported(struct ktest *test)
{
	struct page *page;
	void *addr;
	unsigned long warnings = nr_warnings;
	printk_mark_t mark = printk_mark();

	kunmap_local((void *)kmap_local_slot_addr(smp_processor_id(), 0));
	KTEST_EXPECT_LOG(test, mark, "one kunmap_local too many");
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	need_highmem(test);
	page = highmem_alloc(test, 0);
	addr = kmap_local_page(page);
	kunmap_local(addr);
	kunmap_local(addr);
	KTEST_EXPECT_LOG(test, mark, "one kunmap_local too many");
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 2);
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 0);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_page(page);
}

static void
highmem_kunmap_local_of_a_slot_above_the_top_is_reported(struct ktest *test)
{
	struct page *block;
	void *first, *second;
	printk_mark_t mark;

	need_highmem(test);
	block = highmem_alloc(test, 1);
	first = kmap_local_page(block);
	second = kmap_local_page(block + 1);
	kunmap_local(second);
	mark = printk_mark();
	kunmap_local(second); /* twice */
	KTEST_EXPECT_LOG(test, mark, "slot 1 is not mapped");
	KTEST_EXPECT_EQ(test, kmap_local_depth(smp_processor_id()), 1);
	KTEST_EXPECT_TRUE(test, is_mapped(first));
	kunmap_local(first);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 1);
}

/* --- faults: an unmapped highmem access is explained --------------------- */

/* Oops scenarios run with panic-on-oops off, as in the shell. */
static int protected_run(void (*fn)(void *), void *arg)
{
	bool saved = panic_exits_qemu;
	int ret;

	panic_exits_qemu = false;
	ret = run_protected("highmem-test", fn, arg);
	panic_exits_qemu = saved;
	return ret;
}

static void read_word(void *addr)
{
	*(volatile u32 *)addr;
}

static void
highmem_access_after_kunmap_faults_and_names_the_pkmap_slot(struct ktest *test)
{
	struct page *page;
	unsigned long vaddr;
	printk_mark_t mark;
	char why[320], text[96];

	need_highmem(test);
	page = highmem_alloc(test, 0);
	vaddr = (unsigned long)kmap(page);
	kunmap(page);
	kmap_flush_unused();
	KTEST_EXPECT_FALSE(test, is_mapped((void *)vaddr));
	explain_address(vaddr, 0, why, sizeof(why));
	snprintf(text, sizeof(text), "pkmap slot %lu is free", PKMAP_NR(vaddr));
	KTEST_EXPECT_NOT_NULL(test, strstr(why, text));
	snprintf(text, sizeof(text), "last mapped pfn %#lx", page_to_pfn(page));
	KTEST_EXPECT_NOT_NULL(test, strstr(why, text));
	mark = printk_mark();
	KTEST_EXPECT_EQ(test, protected_run(read_word, (void *)vaddr), -EFAULT);
	KTEST_EXPECT_LOG(test, mark,
			 "BUG: unable to handle page fault for address: ff");
	KTEST_EXPECT_LOG(test, mark, text);
	KTEST_EXPECT_TRUE(test, kmap_self_check());
	__free_page(page);
}

static void
highmem_access_after_kunmap_local_faults_and_names_the_slot(struct ktest *test)
{
	struct page *page;
	printk_mark_t mark;
	char why[320], text[64];
	void *addr;

	need_highmem(test);
	page = highmem_alloc(test, 0);
	addr = kmap_local_page(page);
	kunmap_local(addr);
	explain_address((unsigned long)addr, 0, why, sizeof(why));
	KTEST_EXPECT_NOT_NULL(test,
			      strstr(why, "kmap_local slot 0 is not mapped"));
	snprintf(text, sizeof(text), "last mapped pfn %#lx", page_to_pfn(page));
	KTEST_EXPECT_NOT_NULL(test, strstr(why, text));
	mark = printk_mark();
	KTEST_EXPECT_EQ(test, protected_run(read_word, addr), -EFAULT);
	KTEST_EXPECT_LOG(test, mark, "use after kunmap_local()");
	__free_page(page);
}

static void
highmem_direct_map_address_of_a_highmem_page_faults(struct ktest *test)
{
	printk_mark_t mark;
	void *past_lowmem;

	need_highmem(test);
	/* __va() of the first highmem page: high_memory, in the guard gap. */
	past_lowmem = __va(max_low_pfn << PAGE_SHIFT);
	KTEST_EXPECT_PTR_EQ(test, past_lowmem, high_memory);
	KTEST_EXPECT_FALSE(test, is_mapped(past_lowmem));
	mark = printk_mark();
	KTEST_EXPECT_EQ(test, protected_run(read_word, past_lowmem), -EFAULT);
	KTEST_EXPECT_LOG(test, mark, "guard gap after lowmem");
	KTEST_EXPECT_LOG(test, mark, "nothing is mapped in these 8 MB");
	KTEST_EXPECT_LOG(test, mark, "use kmap()");
}

/* --- the zone's counters -------------------------------------------------- */

static void
highmem_totalhigh_and_nr_free_highpages_follow_the_zone(struct ktest *test)
{
	struct page *page;
	unsigned long free;

	KTEST_EXPECT_EQ(test, totalhigh_pages(),
			zones[ZONE_HIGHMEM].managed_pages);
	KTEST_EXPECT_EQ(test, nr_free_highpages(),
			zones[ZONE_HIGHMEM].free_pages);
	if (max_pfn <= max_low_pfn)
		KTEST_EXPECT_EQ(test, totalhigh_pages(), 0);
	need_highmem(test);
	free = nr_free_highpages();
	page = highmem_alloc(test, 0);
	KTEST_EXPECT_EQ(test, nr_free_highpages(), free - 1);
	KTEST_EXPECT_GE(test, page_to_pfn(page), max_low_pfn);
	__free_page(page);
	drain_all_pages(); /* the page was on the per-CPU list */
	KTEST_EXPECT_EQ(test, nr_free_highpages(), free);
}

static const struct ktest_case highmem_cases[] = {
	KTEST_CASE(highmem_kmap_of_lowmem_page_is_its_direct_map_address),
	KTEST_CASE(highmem_kmap_local_of_lowmem_pages_uses_no_slot),
	KTEST_CASE(highmem_page_has_an_address_only_while_kmapped),
	KTEST_CASE(highmem_kmap_maps_the_page_at_a_pkmap_slot),
	KTEST_CASE(highmem_second_kmap_of_a_mapped_page_reuses_its_slot),
	KTEST_CASE(highmem_pkmap_count_is_users_plus_one),
	KTEST_CASE(highmem_new_slot_is_the_first_free_one_after_the_cursor),
	KTEST_CASE(highmem_page_address_hash_finds_hundreds_of_mapped_pages),
	KTEST_CASE(
		highmem_stale_slot_is_skipped_until_the_wrap_flush_then_reused),
	KTEST_CASE(highmem_wrap_clears_every_stale_slot_with_one_tlb_flush),
	KTEST_CASE(
		highmem_kmap_returns_null_when_all_slots_are_in_use_then_recovers),
	KTEST_CASE(highmem_data_written_through_kmap_reads_back_everywhere),
	KTEST_CASE(highmem_gfp_zero_and_copy_highpage_go_through_kmap_local),
	KTEST_CASE(highmem_kmap_to_page_names_the_page_behind_any_address),
	KTEST_CASE(highmem_kmap_local_nests_16_deep_and_refuses_the_17th),
	KTEST_CASE(highmem_kunmap_local_clears_the_pte_and_the_tlb_entry),
	KTEST_CASE(highmem_kmap_atomic_is_kmap_local_under_its_old_name),
	KTEST_CASE(highmem_kunmap_of_an_unmapped_page_is_reported),
	KTEST_CASE(
		highmem_one_kunmap_too_many_is_reported_and_the_count_stays_1),
	KTEST_CASE(highmem_kmap_of_an_invalid_page_pointer_is_reported),
	KTEST_CASE(
		highmem_kunmap_local_outside_the_kmap_local_slots_is_reported),
	KTEST_CASE(
		highmem_kunmap_local_out_of_order_is_reported_and_unmaps_that_slot),
	KTEST_CASE(highmem_kunmap_local_with_nothing_mapped_is_reported),
	KTEST_CASE(highmem_kunmap_local_of_a_slot_above_the_top_is_reported),
	KTEST_CASE(highmem_access_after_kunmap_faults_and_names_the_pkmap_slot),
	KTEST_CASE(highmem_access_after_kunmap_local_faults_and_names_the_slot),
	KTEST_CASE(highmem_direct_map_address_of_a_highmem_page_faults),
	KTEST_CASE(highmem_totalhigh_and_nr_free_highpages_follow_the_zone),
	{}
};
KTEST_SUITE(highmem, highmem_cases);
