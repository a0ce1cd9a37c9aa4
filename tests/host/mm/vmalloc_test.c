// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_test.c - verifies on the simulated machine that vmalloc's free
 * gaps merge back into one whatever order the areas are freed in, that an
 * area is readable through its mapping until vfree() and really faults
 * after the purge's TLB flush (while its stale mapping may still read
 * before it, as on a real CPU), that the guard page after an area faults
 * and the fault is explained, and that vmap() shows the very frames it
 * was given.
 */
#include <errno.h>
#include <fault.h>
#include <highmem.h>
#include <kernel.h>
#include <string.h>
#include <vmalloc.h>

#include "mm_host.h"

static void vmalloc_gaps_merge_back_in_any_order(struct kunit *test)
{
	static const int orders[3][5] = { { 0, 1, 2, 3, 4 },
					  { 4, 3, 2, 1, 0 },
					  { 2, 0, 4, 1, 3 } };
	unsigned long whole;
	void *areas[5];

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	whole = VMALLOC_END - VMALLOC_START;
	KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), whole);
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 5; i++) {
			areas[i] = vmalloc((unsigned long)(i + 1) * PAGE_SIZE);
			KUNIT_ASSERT_NOT_NULL(test, areas[i]);
		}
		for (int i = 0; i < 5; i++) {
			vfree(areas[orders[round][i]]);
			KUNIT_EXPECT_TRUE(test, vmalloc_self_check());
		}
		vmalloc_purge();
		KUNIT_EXPECT_TRUE(test, vmalloc_self_check());
		KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), 0UL);
		KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), whole);
	}
}

static void vmalloc_area_faults_once_purged(struct kunit *test)
{
	unsigned long flushes;
	u32 *area, val = 0;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	area = vmalloc(2 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, area);
	area[1024] = 0xfeed;
	KUNIT_EXPECT_EQ(test, peek32(&area[1024], &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xfeedU);
	flushes = sim_tlb_stats.flush_all;
	vfree(area);
	/* The PTEs are gone, the TLB flush waits for the purge. */
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(area));
	KUNIT_EXPECT_EQ(test, sim_tlb_stats.flush_all, flushes);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_lazy_areas(), 1UL);
	vmalloc_purge();
	KUNIT_EXPECT_EQ(test, sim_tlb_stats.flush_all, flushes + 1);
	KUNIT_EXPECT_EQ(test, peek32(&area[1024], &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, peek32(area, &val), -EFAULT);
}

static void vmalloc_guard_page_faults_and_is_explained(struct kunit *test)
{
	char why[256];
	u32 *area;

	SIM_BOOT(test, .ram_mb = 32);
	area = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_EQ(test, poke32(&area[1023], 1), 0);
	KUNIT_EXPECT_EQ(test, poke32(&area[1024], 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, sim_fault_addr, (unsigned long)area + PAGE_SIZE);
	explain_address(sim_fault_addr, 2, why, sizeof(why));
	KUNIT_EXPECT_TRUE(test, strstr(why, "guard page") != NULL);
	vfree(area);
}

static void vmap_maps_the_frames_it_is_given(struct kunit *test)
{
	struct page *pages[3];
	u32 *area, val = 0;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	pages[0] = alloc_page(GFP_HIGHMEM);
	pages[1] = alloc_page(GFP_KERNEL);
	pages[2] = pages[0]; /* the same frame twice is allowed */
	KUNIT_ASSERT_TRUE(test, pages[0] && pages[1]);
	area = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, area);
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_PTR_EQ(
			test, vmalloc_to_page((char *)area + i * PAGE_SIZE),
			pages[i]);
	KUNIT_EXPECT_EQ(test, poke32(&area[7], 0xc0ffee), 0);
	KUNIT_EXPECT_EQ(test, peek32(&area[2048 + 7], &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xc0ffeeU);
	memcpy_from_page(&val, pages[0], 7 * sizeof(u32), sizeof(val));
	KUNIT_EXPECT_EQ(test, val, 0xc0ffeeU);
	vunmap(area);
	__free_page(pages[0]);
	__free_page(pages[1]);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_gaps_merge_back_in_any_order),
	KUNIT_CASE(vmalloc_area_faults_once_purged),
	KUNIT_CASE(vmalloc_guard_page_faults_and_is_explained),
	KUNIT_CASE(vmap_maps_the_frames_it_is_given),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc_host",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);
