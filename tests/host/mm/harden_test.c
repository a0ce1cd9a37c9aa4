// SPDX-License-Identifier: GPL-2.0
/*
 * harden_test.c - verifies on the simulated machine that the frees of mm
 * trust no caller (issue 12): a block is not freed while a kmap or
 * kmap_local slot maps any of its pages, the first or another; the
 * dma-debug hook in __free_pages() and in the slab free sees every byte
 * freed; with debug_pagealloc a freed lowmem page leaves the direct map
 * and really faults until it is handed out again.  Each refusal leaves the
 * block allocated and its struct page as it was.
 */
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>

#include "mm_host.h"

/*
 * __free_pages() must refuse with a report and leave the page as it was
 * (but for PG_kmap, a hint it clears where no slot maps the page).
 */
static void expect_free_refused(struct kunit *test, struct page *page,
				unsigned int order)
{
	unsigned long warnings = nr_warnings, bad = nr_bad_page_reports;
	struct page was = *page, now;

	__free_pages(page, order);
	KUNIT_EXPECT_EQ(test, nr_warnings + nr_bad_page_reports,
			warnings + bad + 1);
	now = *page;
	was.flags &= ~(1UL << PG_kmap);
	now.flags &= ~(1UL << PG_kmap);
	KUNIT_EXPECT_MEMEQ(test, (char *)&now, (char *)&was, sizeof(now));
}

/* Whichever page of a highmem block a slot maps, the block stays. */
static void free_refuses_a_block_with_any_page_kmapped(struct kunit *test)
{
	struct page *block;
	void *addr;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	block = alloc_pages(GFP_HIGHMEM, 2);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_TRUE(test, PageHighMem(block));
	for (int i = 0; i < 4; i++) {
		addr = kmap(block + i);
		KUNIT_ASSERT_NOT_NULL(test, addr);
		expect_free_refused(test, block, 2);
		kunmap(block + i);
		addr = kmap_local_page(block + i);
		KUNIT_ASSERT_NOT_NULL(test, addr);
		expect_free_refused(test, block, 2);
		kunmap_local(addr);
	}
	/* Unmapped (a stale pkmap slot has no user): now it goes. */
	__free_pages(block, 2);
	KUNIT_EXPECT_FALSE(test, PageHead(block));
	KUNIT_EXPECT_TRUE(test, kmap_self_check());
}

/* A DMA mapping covering part of a block or an object: the free says so. */
static void frees_tell_dma_debug_what_they_free(struct kunit *test)
{
	struct kmem_cache *s;
	struct page *page;
	unsigned long reports;
	void *obj;

	SIM_BOOT(test, .ram_mb = 32);
	page = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	sim_dma_map(page_to_phys(page + 1) + 100, 8);
	reports = sim_dma_freed_reports;
	__free_pages(page, 1);
	KUNIT_EXPECT_EQ(test, sim_dma_freed_reports, reports + 1);
	sim_dma_unmap();

	/* The slab free checks on its slow path: a cache with F. */
	s = kmem_cache_create("dma-test", 96, 0, SLAB_CONSISTENCY_CHECKS, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	sim_dma_map(__pa(obj) + 90, 16);
	reports = sim_dma_freed_reports;
	kmem_cache_free(s, obj);
	KUNIT_EXPECT_EQ(test, sim_dma_freed_reports, reports + 1);
	sim_dma_unmap();
	/* Not mapped: nothing to say. */
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	kmem_cache_free(s, obj);
	KUNIT_EXPECT_EQ(test, sim_dma_freed_reports, reports + 1);
	kmem_cache_destroy(s);
}

/* debug_pagealloc: a use after free of a lowmem page faults. */
static void debug_pagealloc_unmaps_free_lowmem_pages(struct kunit *test)
{
	struct page *page, *again;
	u32 *addr, val;

	SIM_BOOT(test, .ram_mb = 32, .debug_pagealloc = true);
	KUNIT_ASSERT_TRUE(test, debug_pagealloc_enabled());
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	addr = lowmem_page_address(page);
	KUNIT_EXPECT_EQ(test, poke32(addr, 0xabcd), 0);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), -EFAULT);
	/* The per-CPU list hands it back first: mapped again. */
	again = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, again == page);
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), 0);
	__free_page(again);
}

static struct kunit_case harden_cases[] = {
	KUNIT_CASE(free_refuses_a_block_with_any_page_kmapped),
	KUNIT_CASE(frees_tell_dma_debug_what_they_free),
	KUNIT_CASE(debug_pagealloc_unmaps_free_lowmem_pages),
	{}
};

static struct kunit_suite harden_suite = {
	.name = "harden_host",
	.test_cases = harden_cases,
};
kunit_test_suite(harden_suite);
