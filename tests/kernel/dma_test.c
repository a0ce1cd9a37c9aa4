// SPDX-License-Identifier: GPL-2.0
/*
 * dma_test.c - Verifies that the DMA API gives a device addresses it can
 * reach: directly when the memory lies below its mask, through a swiotlb
 * bounce slot (with the right copies, in the right direction, at the right
 * time) when it does not, and coherent and pool memory from below the
 * mask; and that what cannot work (a full pool, a pool above the mask,
 * vmalloc memory, no direction) fails with a report.
 *
 * The device is a test device with the edu device's 28-bit mask and no
 * hardware: the test reads and writes the bus address it was given, as
 * the device would.  Cases that need memory above the mask skip on
 * machines that have none (everything below 256 MB needs no bounce).
 */
#include <dma-debug.h>
#include <dma-mapping.h>
#include <dmapool.h>
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <slab.h>
#include <string.h>
#include <swiotlb.h>
#include <vmalloc.h>

#include "dma_test_helpers.h"

#define EDU_MASK DMA_BIT_MASK(28)

static struct ktest_dev kdev;

static int dma_test_init(struct ktest *test)
{
	ktest_dev_add(&kdev, "ktest-dma", EDU_MASK);
	return 0;
}

static void dma_test_exit(struct ktest *test)
{
	ktest_dev_del(&kdev);
}

static unsigned long bounces(void)
{
	struct swiotlb_stats s;

	swiotlb_get_stats(&s);
	return s.mapped;
}

static void dma_set_mask_rejects_masks_below_zone_dma(struct ktest *test)
{
	struct device nomask = { 0 };

	KTEST_EXPECT_EQ(test, dma_set_mask(&kdev.dev, DMA_BIT_MASK(20)), -EIO);
	KTEST_EXPECT_EQ(test, dma_get_mask(&kdev.dev), EDU_MASK);
	KTEST_EXPECT_EQ(test,
			dma_set_mask_and_coherent(&kdev.dev, DMA_BIT_MASK(24)),
			0);
	KTEST_EXPECT_EQ(test, kdev.dev.coherent_dma_mask, DMA_BIT_MASK(24));
	KTEST_EXPECT_EQ(test, dma_set_mask(&kdev.dev, DMA_BIT_MASK(64)), 0);
	KTEST_EXPECT_EQ(test, dma_get_mask(&kdev.dev), DMA_BIT_MASK(32));
	KTEST_EXPECT_EQ(test, dma_set_mask(&nomask, DMA_BIT_MASK(32)), -EIO);
}

static void dma_map_single_below_the_mask_is_direct(struct ktest *test)
{
	unsigned long before = bounces();
	char *buf = kmalloc(256, GFP_DMA);
	dma_addr_t bus;

	KTEST_ASSERT_NOT_NULL(test, buf);
	bus = dma_map_single(&kdev.dev, buf, 256, DMA_TO_DEVICE);
	KTEST_EXPECT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_EQ(test, bus, __pa(buf));
	KTEST_EXPECT_FALSE(test, is_swiotlb_buffer(bus));
	KTEST_EXPECT_EQ(test, bounces(), before);
	dma_unmap_single(&kdev.dev, bus, 256, DMA_TO_DEVICE);
	kfree(buf);
}

static void
dma_map_single_above_the_mask_bounces_the_data_in(struct ktest *test)
{
	struct page *page =
		ktest_page_above_or_skip(test, EDU_MASK, GFP_KERNEL);
	char *buf = page_address(page);
	unsigned long before = bounces();
	u8 seen[300];
	dma_addr_t bus;

	ktest_fill(buf, 300, 1);
	bus = dma_map_single(&kdev.dev, buf, 300, DMA_TO_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_TRUE(test, is_swiotlb_buffer(bus));
	KTEST_EXPECT_LE(test, (u64)bus + 300 - 1, EDU_MASK);
	KTEST_EXPECT_EQ(test, bounces(), before + 1);
	ktest_phys_read(bus, seen, sizeof(seen)); /* what the device reads */
	KTEST_EXPECT_TRUE(test, ktest_check(seen, sizeof(seen), 1));
	dma_unmap_single(&kdev.dev, bus, 300, DMA_TO_DEVICE);
	__free_page(page);
}

static void dma_from_device_bounce_is_copied_back_at_unmap(struct ktest *test)
{
	struct page *page =
		ktest_page_above_or_skip(test, EDU_MASK, GFP_KERNEL);
	char *buf = page_address(page);
	u8 data[512];
	dma_addr_t bus;

	memset(buf, 0, 512);
	bus = dma_map_single(&kdev.dev, buf, 512, DMA_FROM_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_TRUE(test, is_swiotlb_buffer(bus));
	ktest_fill(data, sizeof(data), 2);
	ktest_phys_write(bus, data, sizeof(data)); /* the device writes */
	KTEST_EXPECT_FALSE(test, ktest_check(buf, 512, 2)); /* not yet */
	dma_unmap_single(&kdev.dev, bus, 512, DMA_FROM_DEVICE);
	KTEST_EXPECT_TRUE(test, ktest_check(buf, 512, 2));
	__free_page(page);
}

/* Map a highmem page both ways: bounced iff it lies above the mask. */
static void dma_map_page_of_highmem_round_trip(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM);
	u8 data[PAGE_SIZE / 2];
	dma_addr_t bus;
	char *p;

	KTEST_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_page(page);
		ktest_skip(test, "no highmem at this RAM size");
	}
	p = kmap_local_page(page);
	ktest_fill(p, PAGE_SIZE, 3);
	kunmap_local(p);
	bus = dma_map_page(&kdev.dev, page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KTEST_ASSERT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_EQ(test, is_swiotlb_buffer(bus),
			page_to_phys(page) + PAGE_SIZE - 1 > EDU_MASK);
	KTEST_EXPECT_EQ(test, bus & ~PAGE_MASK, 0); /* a page stays aligned */
	ktest_phys_read(bus, data, sizeof(data));
	KTEST_EXPECT_TRUE(test, ktest_check(data, sizeof(data), 3));
	ktest_fill(data, sizeof(data), 4);
	ktest_phys_write(bus, data, sizeof(data)); /* the device answers */
	dma_unmap_page(&kdev.dev, bus, PAGE_SIZE, DMA_BIDIRECTIONAL);
	p = kmap_local_page(page);
	KTEST_EXPECT_TRUE(test, ktest_check(p, sizeof(data), 4));
	kunmap_local(p);
	__free_page(page);
}

/* A vmalloc buffer, page by page: each entry bounced iff its page must be. */
static void dma_map_sg_of_a_vmalloc_buffer(struct ktest *test)
{
	enum { NPAGES = 6 };
	struct scatterlist sg[NPAGES], *s;
	char *buf = vmalloc(NPAGES * PAGE_SIZE);
	unsigned long before = bounces(), expected = 0;
	int i, n;

	KTEST_ASSERT_NOT_NULL(test, buf);
	ktest_fill(buf, NPAGES * PAGE_SIZE, 5);
	sg_init_table(sg, NPAGES);
	for (i = 0; i < NPAGES; i++)
		sg_set_page(&sg[i], vmalloc_to_page(buf + i * PAGE_SIZE),
			    PAGE_SIZE, 0);
	n = dma_map_sg(&kdev.dev, sg, NPAGES, DMA_BIDIRECTIONAL);
	KTEST_ASSERT_EQ(test, n, NPAGES);
	for_each_sg(sg, s, n, i) {
		u8 dev_view[64];
		bool needed = sg_phys(s) + PAGE_SIZE - 1 > EDU_MASK;

		expected += needed;
		KTEST_EXPECT_EQ(test, is_swiotlb_buffer(sg_dma_address(s)),
				needed);
		KTEST_EXPECT_EQ(test, sg_dma_len(s), PAGE_SIZE);
		ktest_phys_read(sg_dma_address(s), dev_view, sizeof(dev_view));
		KTEST_EXPECT_EQ(test, memcmp(dev_view, buf + i * PAGE_SIZE, 64),
				0);
		ktest_phys_write(sg_dma_address(s), "DMA!", 4);
	}
	KTEST_EXPECT_EQ(test, bounces(), before + expected);
	dma_unmap_sg(&kdev.dev, sg, NPAGES, DMA_BIDIRECTIONAL);
	for (i = 0; i < NPAGES; i++)
		KTEST_EXPECT_EQ(test, memcmp(buf + i * PAGE_SIZE, "DMA!", 4),
				0);
	vfree(buf);
}

static void dma_sync_for_cpu_and_back_copy_the_bounce(struct ktest *test)
{
	struct page *page =
		ktest_page_above_or_skip(test, EDU_MASK, GFP_KERNEL);
	char *buf = page_address(page);
	u8 data[128];
	dma_addr_t bus;

	memset(buf, 0, 128);
	bus = dma_map_single(&kdev.dev, buf, 128, DMA_FROM_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	ktest_fill(data, sizeof(data), 6);
	ktest_phys_write(bus, data, sizeof(data));
	dma_sync_single_for_cpu(&kdev.dev, bus, 128, DMA_FROM_DEVICE);
	KTEST_EXPECT_TRUE(test, ktest_check(buf, 128, 6));
	dma_sync_single_for_device(&kdev.dev, bus, 128, DMA_FROM_DEVICE);
	ktest_fill(data, sizeof(data), 7);
	ktest_phys_write(bus, data, sizeof(data));
	dma_unmap_single(&kdev.dev, bus, 128, DMA_FROM_DEVICE);
	KTEST_EXPECT_TRUE(test, ktest_check(buf, 128, 7));
	__free_page(page);
}

/* Buffers of every kind, with a 28-bit and a 32-bit device. */
static void dma_bounces_exactly_when_needed(struct ktest *test)
{
	struct ktest_dev wide = { 0 };
	struct page *high = alloc_page(GFP_HIGHMEM);
	struct page *low = ktest_page_above(EDU_MASK, GFP_KERNEL);
	struct page *pages[] = { alloc_page(GFP_DMA), alloc_page(GFP_KERNEL),
				 high, low };

	ktest_dev_add(&wide, "ktest-dma32", DMA_BIT_MASK(32));
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++) {
		unsigned long before = bounces();
		dma_addr_t narrow_bus, wide_bus;
		bool needed;

		if (!pages[i])
			continue;
		needed = page_to_phys(pages[i]) + 64 - 1 > EDU_MASK;
		narrow_bus =
			dma_map_page(&kdev.dev, pages[i], 0, 64, DMA_TO_DEVICE);
		wide_bus =
			dma_map_page(&wide.dev, pages[i], 0, 64, DMA_TO_DEVICE);
		KTEST_EXPECT_EQ(test, dma_mapping_error(&kdev.dev, narrow_bus),
				0);
		KTEST_EXPECT_EQ(test, dma_mapping_error(&wide.dev, wide_bus),
				0);
		KTEST_EXPECT_EQ(test, is_swiotlb_buffer(narrow_bus), needed);
		KTEST_EXPECT_EQ(test, wide_bus, page_to_phys(pages[i]));
		KTEST_EXPECT_EQ(test, bounces(), before + needed);
		dma_unmap_page(&kdev.dev, narrow_bus, 64, DMA_TO_DEVICE);
		dma_unmap_page(&wide.dev, wide_bus, 64, DMA_TO_DEVICE);
	}
	ktest_dev_del(&wide);
	for (unsigned int i = 0; i < ARRAY_SIZE(pages); i++)
		if (pages[i])
			__free_page(pages[i]);
}

static void dma_map_without_a_direction_fails_with_a_warning(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	unsigned long warnings = nr_warnings;
	char *buf = kmalloc(64, GFP_DMA);
	dma_addr_t bus;

	KTEST_ASSERT_NOT_NULL(test, buf);
	bus = dma_map_single(&kdev.dev, buf, 64, DMA_NONE);
	KTEST_EXPECT_EQ(test, bus, DMA_MAPPING_ERROR);
	KTEST_EXPECT_NE(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	KTEST_EXPECT_LOG(test, mark, "invalid direction DMA_NONE");
	kfree(buf);
}

static void dma_map_single_refuses_vmalloc_memory(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	void *buf = vmalloc(PAGE_SIZE);
	dma_addr_t bus;

	KTEST_ASSERT_NOT_NULL(test, buf);
	bus = dma_map_single(&kdev.dev, buf, 64, DMA_TO_DEVICE);
	KTEST_EXPECT_EQ(test, bus, DMA_MAPPING_ERROR);
	KTEST_EXPECT_LOG(test, mark, "rejecting DMA map of vmalloc memory");
	vfree(buf);
}

/* Fill the pool with 64 KB mappings until it refuses one, then empty it. */
static void dma_swiotlb_full_fails_the_mapping(struct ktest *test)
{
	enum {
		ORDER = 4,
		SIZE = PAGE_SIZE << ORDER,
		SLOTS = SIZE / IO_TLB_SIZE
	};
	struct page *block = alloc_pages(GFP_HIGHMEM | __GFP_NOWARN, ORDER);
	struct swiotlb_stats s;
	printk_mark_t mark = printk_mark();
	dma_addr_t *bus;
	unsigned long room, n = 0;

	if (!block || page_to_phys(block) <= EDU_MASK) {
		if (block)
			__free_pages(block, ORDER);
		ktest_skip(test, "no 64 KB block above the device's mask");
	}
	swiotlb_get_stats(&s);
	room = (s.nslabs - s.used) / SLOTS;
	bus = kcalloc(room + 1, sizeof(*bus), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, bus);
	for (; n <= room; n++) {
		bus[n] = dma_map_page(&kdev.dev, block, 0, SIZE, DMA_TO_DEVICE);
		if (dma_mapping_error(&kdev.dev, bus[n]))
			break;
	}
	/*
	 * Mappings stay inside a segment of 128 slots: starting where the
	 * last search stopped, the first segment may waste a remainder.
	 */
	KTEST_EXPECT_GE(test, n, room - 1);
	KTEST_EXPECT_LE(test, n, room);
	KTEST_EXPECT_LOG(test, mark, "swiotlb buffer is full");
	while (n--)
		dma_unmap_page(&kdev.dev, bus[n], SIZE, DMA_TO_DEVICE);
	kfree(bus);
	__free_pages(block, ORDER);
}

static void dma_bounce_pool_above_the_mask_is_an_overflow(struct ktest *test)
{
	struct page *page = ktest_page_above(DMA_BIT_MASK(24), GFP_KERNEL);
	struct swiotlb_stats before, after;
	printk_mark_t mark = printk_mark();
	phys_addr_t start, end;
	dma_addr_t bus;

	swiotlb_range(&start, &end);
	if (!page || end - 1 <= DMA_BIT_MASK(24)) {
		if (page)
			__free_page(page);
		ktest_skip(test,
			   "the bounce pool lies below 16 MB on this machine");
	}
	dma_set_mask(&kdev.dev, DMA_BIT_MASK(24));
	swiotlb_get_stats(&before);
	bus = dma_map_page(&kdev.dev, page, 0, 64, DMA_TO_DEVICE);
	swiotlb_get_stats(&after);
	KTEST_EXPECT_EQ(test, bus, DMA_MAPPING_ERROR);
	KTEST_EXPECT_EQ(test, after.overflow, before.overflow + 1);
	KTEST_EXPECT_EQ(test, after.used, before.used);
	KTEST_EXPECT_LOG(test, mark, "overflow (mask ffffff");
	__free_page(page);
}

static void dma_alloc_coherent_honours_the_coherent_mask(struct ktest *test)
{
	static const unsigned int bits[] = { 24, 28, 32 };

	for (unsigned int i = 0; i < ARRAY_SIZE(bits); i++) {
		u64 mask = DMA_BIT_MASK(bits[i]);
		dma_addr_t bus;
		char *buf;

		KTEST_EXPECT_EQ(test, dma_set_coherent_mask(&kdev.dev, mask),
				0);
		buf = dma_alloc_coherent(&kdev.dev, 2 * PAGE_SIZE, &bus,
					 GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, buf);
		KTEST_EXPECT_TRUE(test, virt_addr_valid(buf));
		KTEST_EXPECT_EQ(test, bus, __pa(buf));
		KTEST_EXPECT_LE(test, (u64)bus + 2 * PAGE_SIZE - 1, mask);
		KTEST_EXPECT_TRUE(test, !memchr_inv(buf, 0, 2 * PAGE_SIZE));
		if (bits[i] == 24)
			KTEST_EXPECT_EQ(test, page_zonenum(virt_to_page(buf)),
					ZONE_DMA);
		memset(buf, 0x5a, 2 * PAGE_SIZE);
		dma_free_coherent(&kdev.dev, 2 * PAGE_SIZE, buf, bus);
	}
}

static void
dma_alloc_coherent_refuses_more_than_a_max_order_block(struct ktest *test)
{
	dma_addr_t bus;

	KTEST_EXPECT_NULL(test, dma_alloc_coherent(&kdev.dev, 8UL << 20, &bus,
						   GFP_KERNEL));
	KTEST_EXPECT_NULL(test,
			  dma_alloc_coherent(&kdev.dev, 0, &bus, GFP_KERNEL));
}

static void
dma_pool_blocks_are_aligned_and_never_cross_a_boundary(struct ktest *test)
{
	enum { N = 40, SIZE = 96, ALIGN = 32, BOUNDARY = 256 };
	struct dma_pool *pool =
		dma_pool_create("ktest", &kdev.dev, SIZE, ALIGN, BOUNDARY);
	void *blocks[N];
	dma_addr_t bus[N];

	KTEST_ASSERT_NOT_NULL(test, pool);
	for (int i = 0; i < N; i++) {
		blocks[i] = dma_pool_alloc(pool, GFP_KERNEL, &bus[i]);
		KTEST_ASSERT_NOT_NULL(test, blocks[i]);
		KTEST_EXPECT_EQ(test, bus[i], __pa(blocks[i]));
		KTEST_EXPECT_EQ(test, bus[i] % ALIGN, 0);
		KTEST_EXPECT_EQ(test, bus[i] / BOUNDARY,
				(bus[i] + SIZE - 1) / BOUNDARY);
		KTEST_EXPECT_LE(test, (u64)bus[i] + SIZE - 1, EDU_MASK);
		memset(blocks[i], i, SIZE);
		for (int j = 0; j < i; j++)
			KTEST_EXPECT_NE(test, bus[j], bus[i]);
	}
	for (int i = 0; i < N; i++)
		dma_pool_free(pool, blocks[i], bus[i]);
	dma_pool_destroy(pool);
}

static void dma_pool_reuses_a_freed_block_and_zallocs(struct ktest *test)
{
	struct dma_pool *pool = dma_pool_create("ktest", &kdev.dev, 64, 64, 0);
	dma_addr_t a, b;
	void *pa, *pb;

	KTEST_ASSERT_NOT_NULL(test, pool);
	pa = dma_pool_alloc(pool, GFP_KERNEL, &a);
	KTEST_ASSERT_NOT_NULL(test, pa);
	memset(pa, 0xff, 64);
	dma_pool_free(pool, pa, a);
	pb = dma_pool_zalloc(pool, GFP_KERNEL, &b);
	KTEST_EXPECT_PTR_EQ(test, pb, pa);
	KTEST_EXPECT_EQ(test, b, a);
	KTEST_EXPECT_TRUE(test, pb && !memchr_inv(pb, 0, 64));
	dma_pool_free(pool, pb, b);
	dma_pool_destroy(pool);
}

static void dma_pool_misuse_is_reported(struct ktest *test)
{
	struct dma_pool *pool = dma_pool_create("ktest", &kdev.dev, 64, 64, 0);
	printk_mark_t mark = printk_mark();
	dma_addr_t a;
	char *pa;

	KTEST_ASSERT_NOT_NULL(test, pool);
	pa = dma_pool_alloc(pool, GFP_KERNEL, &a);
	KTEST_ASSERT_NOT_NULL(test, pa);
	dma_pool_free(pool, pa + 8, a + 8);
	KTEST_EXPECT_LOG(test, mark, "(bad vaddr)");
	dma_pool_free(pool, pa, a + 0x100000);
	KTEST_EXPECT_LOG(test, mark, "(bad dma)");
	dma_pool_free(pool, pa, a);
	dma_pool_free(pool, pa, a);
	KTEST_EXPECT_LOG(test, mark, "already free");
	/* Destroying a busy pool leaks its page, as Linux: give it back. */
	pa = dma_pool_alloc(pool, GFP_KERNEL, &a);
	KTEST_ASSERT_NOT_NULL(test, pa);
	dma_pool_destroy(pool);
	KTEST_EXPECT_LOG(test, mark, "dma_pool_destroy ktest");
	dma_free_coherent(&kdev.dev, PAGE_SIZE,
			  (void *)((unsigned long)pa & PAGE_MASK),
			  a & (dma_addr_t)PAGE_MASK);
}

static void dma_max_mapping_size_is_a_segment_of_the_pool(struct ktest *test)
{
	if (!swiotlb_active())
		ktest_skip(test, "no bounce pool (swiotlb=noforce)");
	KTEST_EXPECT_EQ(test, dma_max_mapping_size(&kdev.dev),
			IO_TLB_SEGSIZE * IO_TLB_SIZE);
}

static const struct ktest_case dma_cases[] = {
	KTEST_CASE(dma_set_mask_rejects_masks_below_zone_dma),
	KTEST_CASE(dma_map_single_below_the_mask_is_direct),
	KTEST_CASE(dma_map_single_above_the_mask_bounces_the_data_in),
	KTEST_CASE(dma_from_device_bounce_is_copied_back_at_unmap),
	KTEST_CASE(dma_map_page_of_highmem_round_trip),
	KTEST_CASE(dma_map_sg_of_a_vmalloc_buffer),
	KTEST_CASE(dma_sync_for_cpu_and_back_copy_the_bounce),
	KTEST_CASE(dma_bounces_exactly_when_needed),
	KTEST_CASE(dma_map_without_a_direction_fails_with_a_warning),
	KTEST_CASE(dma_map_single_refuses_vmalloc_memory),
	KTEST_CASE(dma_swiotlb_full_fails_the_mapping),
	KTEST_CASE(dma_bounce_pool_above_the_mask_is_an_overflow),
	KTEST_CASE(dma_alloc_coherent_honours_the_coherent_mask),
	KTEST_CASE(dma_alloc_coherent_refuses_more_than_a_max_order_block),
	KTEST_CASE(dma_pool_blocks_are_aligned_and_never_cross_a_boundary),
	KTEST_CASE(dma_pool_reuses_a_freed_block_and_zallocs),
	KTEST_CASE(dma_pool_misuse_is_reported),
	KTEST_CASE(dma_max_mapping_size_is_a_segment_of_the_pool),
	{}
};

const struct ktest_suite dma_ktest_suite = {
	.name = "dma",
	.cases = dma_cases,
	.init = dma_test_init,
	.exit = dma_test_exit,
};
