// SPDX-License-Identifier: GPL-2.0
/*
 * highmem_test.c - verifies on the simulated machine the lazy flush of the
 * pkmap slots (a kunmap()ped slot keeps mapping its page until the cursor
 * wraps, then one flush removes every stale mapping, and the slot really
 * faults), and kmap_local's stack: slots taken in order, each unmapped at
 * once (the slot faults right after kunmap_local()), last-in first-out,
 * with an out-of-order unmap refused its place but unmapped all the same.
 */
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>

#include "mm_host.h"

static void pkmap_wrap_flush_removes_stale_mappings(struct kunit *test)
{
	struct pkmap_state before, after;
	struct page *page, *block;
	u32 *addr, val = 0;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	page = alloc_page(GFP_HIGHMEM);
	block = alloc_pages(GFP_HIGHMEM, 10); /* 1024 pages to cycle */
	KUNIT_ASSERT_TRUE(test, page && block);
	addr = kmap(page);
	KUNIT_ASSERT_NOT_NULL(test, addr);
	*addr = 0xface;
	kunmap(page);
	/* Stale: count 1, still mapped, still this page's. */
	KUNIT_EXPECT_EQ(test, pkmap_slot_count(PKMAP_NR((unsigned long)addr)),
			1);
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xfaceU);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), addr);
	pkmap_get_state(&before);
	for (int i = 0; i < 1024; i++) {
		KUNIT_ASSERT_NOT_NULL(test, kmap(block + i));
		kunmap(block + i);
	}
	pkmap_get_state(&after);
	KUNIT_EXPECT_EQ(test, after.flushes, before.flushes + 1);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page), NULL);
	if (!pkmap_slot_count(PKMAP_NR((unsigned long)addr)))
		KUNIT_EXPECT_EQ(test, peek32(addr, &val), -EFAULT);
	else /* taken again by the cycle: it maps a page of the block */
		KUNIT_EXPECT_TRUE(test, pkmap_slot_page(PKMAP_NR(
						(unsigned long)addr)) >= block);
	kmap_flush_unused();
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), -EFAULT);
	KUNIT_EXPECT_TRUE(test, kmap_self_check());
	__free_pages(block, 10);
	__free_page(page);
}

static void kmap_local_is_lifo_and_unmaps_at_once(struct kunit *test)
{
	struct page *pages[3];
	void *addr[3];
	unsigned long warnings;
	u32 val;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_HIGHMEM);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		addr[i] = kmap_local_page(pages[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)addr[i],
				kmap_local_slot_addr(0, i));
		KUNIT_EXPECT_EQ(test, poke32(addr[i], 0x100 + i), 0);
	}
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 3);
	/* Out of order: a WARN, and the slot is unmapped anyway. */
	warnings = nr_warnings;
	kunmap_local(addr[1]);
	KUNIT_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KUNIT_EXPECT_EQ(test, peek32(addr[1], &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 3);
	KUNIT_EXPECT_EQ(test, peek32(addr[2], &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x102U);
	/* The top goes, and the released slot below it with it. */
	kunmap_local(addr[2]);
	KUNIT_EXPECT_EQ(test, peek32(addr[2], &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 1);
	kunmap_local(addr[0]);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 0);
	KUNIT_EXPECT_EQ(test, peek32(addr[0], &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KUNIT_EXPECT_TRUE(test, kmap_self_check());
	for (int i = 0; i < 3; i++)
		__free_page(pages[i]);
}

static void kmap_local_stack_has_16_slots(struct kunit *test)
{
	void *addr[KM_MAX_IDX];
	unsigned long warnings;
	struct page *page;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	page = alloc_page(GFP_HIGHMEM);
	KUNIT_ASSERT_NOT_NULL(test, page);
	for (int i = 0; i < KM_MAX_IDX; i++) {
		addr[i] = kmap_local_page(page);
		KUNIT_ASSERT_NOT_NULL(test, addr[i]);
	}
	warnings = nr_warnings;
	KUNIT_EXPECT_NULL(test, kmap_local_page(page));
	KUNIT_EXPECT_EQ(test, nr_warnings, warnings + 1);
	for (int i = KM_MAX_IDX - 1; i >= 0; i--)
		kunmap_local(addr[i]);
	KUNIT_EXPECT_EQ(test, kmap_local_depth(0), 0);
	KUNIT_EXPECT_EQ(test, nr_warnings, warnings + 1);
	__free_page(page);
}

static struct kunit_case highmem_cases[] = {
	KUNIT_CASE(pkmap_wrap_flush_removes_stale_mappings),
	KUNIT_CASE(kmap_local_is_lifo_and_unmaps_at_once),
	KUNIT_CASE(kmap_local_stack_has_16_slots),
	{}
};

static struct kunit_suite highmem_suite = {
	.name = "highmem_host",
	.test_cases = highmem_cases,
};
kunit_test_suite(highmem_suite);
