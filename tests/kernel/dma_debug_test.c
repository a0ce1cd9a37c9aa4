// SPDX-License-Identifier: GPL-2.0
/*
 * dma_debug_test.c - Verifies that dma-debug (CONFIG_DMA_API_DEBUG)
 * reports each misuse of the DMA API in Linux's words, counts it, and
 * lets the kernel go on: unmapping with the wrong size, direction or
 * function, never checking dma_mapping_error(), unmapping or syncing
 * what was never mapped, syncing the wrong way or past the end, leaving
 * mappings behind at unbind, freeing memory that is still mapped (a
 * page, an object, objects in bulk, and after the mapping at the edge of
 * its span went), the CPU writing a buffer the device owns, mapping the
 * stack or the kernel's text; and that correct use (including handing a
 * buffer back and forth with the syncs) is not reported.
 *
 * Every case cleans up after the misuse, so the per-case leak check
 * (no swiotlb slot, no dma-debug record left) holds as everywhere else.
 */
#include <dma-debug.h>
#include <dma-mapping.h>
#include <kernel.h>
#include <ktest.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <swiotlb.h>

#include "dma_test_helpers.h"

#define EDU_MASK DMA_BIT_MASK(28)

static struct ktest_dev kdev;
/* In the kernel image, low in lowmem: never bounced, never freed. */
static char buf[PAGE_SIZE] __aligned(PAGE_SIZE);

static struct device_driver leaky_driver;

static int dma_debug_test_init(struct ktest *test)
{
	ktest_driver_unregister(&leaky_driver);
	ktest_dev_add(&kdev, "ktest-dbg", EDU_MASK);
	return 0;
}

static void dma_debug_test_exit(struct ktest *test)
{
	ktest_dev_del(&kdev);
}

static void require_dma_debug(struct ktest *test)
{
	if (!dma_debug_enabled)
		ktest_skip(test, "dma-debug is off (dma_debug=off)");
}

/* Map buf and check the mapping, as a careful driver does. */
static dma_addr_t map_checked(size_t len, enum dma_data_direction dir)
{
	dma_addr_t bus = dma_map_single(&kdev.dev, buf, len, dir);

	if (dma_mapping_error(&kdev.dev, bus))
		return DMA_MAPPING_ERROR;
	return bus;
}

#define EXPECT_REPORT(test, mark, errors, text)                               \
	do {                                                                  \
		KTEST_EXPECT_LOG(test, mark,                                  \
				 "DMA-API: ktest ktest-dbg: " text);          \
		KTEST_EXPECT_EQ(test, dma_debug_error_count(), (errors) + 1); \
	} while (0)

static void unmap_with_another_size_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(256, DMA_TO_DEVICE);
	mark = printk_mark();
	dma_unmap_single(&kdev.dev, bus, 128, DMA_TO_DEVICE);
	EXPECT_REPORT(test, mark, errors,
		      "device driver frees DMA memory with different size");
	KTEST_EXPECT_LOG(test, mark,
			 "[map size=256 bytes] [unmap size=128 bytes]");
}

static void unmap_with_another_direction_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(64, DMA_TO_DEVICE);
	mark = printk_mark();
	dma_unmap_single(&kdev.dev, bus, 64, DMA_FROM_DEVICE);
	EXPECT_REPORT(
		test, mark, errors,
		"device driver frees DMA memory with different direction");
	KTEST_EXPECT_LOG(
		test, mark,
		"[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]");
}

static void unmap_without_checking_the_error_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;
	dma_addr_t bus;

	require_dma_debug(test);
	bus = dma_map_single(&kdev.dev, buf, 64, DMA_TO_DEVICE);
	mark = printk_mark();
	dma_unmap_single(&kdev.dev, bus, 64, DMA_TO_DEVICE);
	EXPECT_REPORT(test, mark, errors,
		      "device driver failed to check map error");
}

static void checked_mapping_is_not_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark = printk_mark();
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(64, DMA_BIDIRECTIONAL);
	dma_unmap_single(&kdev.dev, bus, 64, DMA_BIDIRECTIONAL);
	KTEST_EXPECT_EQ(test, dma_debug_error_count(), errors);
	KTEST_EXPECT_NO_LOG(test, mark, "DMA-API:");
}

static void unmap_of_memory_never_mapped_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark = printk_mark();

	require_dma_debug(test);
	dma_unmap_single(&kdev.dev, (dma_addr_t)__pa(buf), 64, DMA_TO_DEVICE);
	EXPECT_REPORT(
		test, mark, errors,
		"device driver tries to free DMA memory it has not allocated");
	mark = printk_mark();
	dma_unmap_single(&kdev.dev, DMA_MAPPING_ERROR, 64, DMA_TO_DEVICE);
	KTEST_EXPECT_LOG(
		test, mark,
		"device driver tries to free an invalid DMA memory address");
}

static void unmap_single_of_coherent_memory_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;
	dma_addr_t bus;
	void *cpu;

	require_dma_debug(test);
	cpu = dma_alloc_coherent(&kdev.dev, PAGE_SIZE, &bus, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, cpu);
	mark = printk_mark();
	dma_unmap_single(&kdev.dev, bus, PAGE_SIZE, DMA_BIDIRECTIONAL);
	EXPECT_REPORT(test, mark, errors,
		      "device driver frees DMA memory with wrong function");
	KTEST_EXPECT_LOG(test, mark,
			 "[mapped as coherent] [unmapped as single]");
	/* The record went with the bad unmap, so the right free is unknown now. */
	mark = printk_mark();
	dma_free_coherent(&kdev.dev, PAGE_SIZE, cpu, bus);
	KTEST_EXPECT_LOG(
		test, mark,
		"device driver tries to free DMA memory it has not allocated");
}

static void sync_misuse_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(256, DMA_TO_DEVICE);
	mark = printk_mark();
	dma_sync_single_for_device(&kdev.dev, bus, 256, DMA_FROM_DEVICE);
	EXPECT_REPORT(
		test, mark, errors,
		"device driver syncs DMA memory with different direction");
	mark = printk_mark();
	dma_sync_single_for_cpu(&kdev.dev, bus + 128, 256, DMA_TO_DEVICE);
	KTEST_EXPECT_LOG(
		test, mark,
		"device driver syncs DMA memory outside allocated range");
	KTEST_EXPECT_LOG(test, mark, "[sync offset+size=384]");
	mark = printk_mark();
	dma_sync_single_for_cpu(&kdev.dev, bus + PAGE_SIZE, 16, DMA_TO_DEVICE);
	KTEST_EXPECT_LOG(
		test, mark,
		"device driver tries to sync DMA memory it has not allocated");
	dma_unmap_single(&kdev.dev, bus, 256, DMA_TO_DEVICE);
}

/* A driver that maps at probe and never unmaps. */
static dma_addr_t leaked_bus;

static int leaky_probe(struct device *dev)
{
	leaked_bus = dma_map_single(dev, buf, 32, DMA_TO_DEVICE);
	return dma_mapping_error(dev, leaked_bus);
}

static struct device_driver leaky_driver = {
	.name = "ktest-dbg",
	.bus = &ktest_bus,
	.probe = leaky_probe,
};

static void mappings_left_at_unbind_are_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark;

	require_dma_debug(test);
	KTEST_ASSERT_EQ(test, driver_register(&leaky_driver), 0);
	KTEST_EXPECT_PTR_EQ(test, kdev.dev.driver, &leaky_driver);
	mark = printk_mark();
	device_release_driver(&kdev.dev);
	/* The driver is gone when the check runs: the bus names the device. */
	KTEST_EXPECT_LOG(
		test, mark,
		"DMA-API: ktest ktest-dbg: device driver has pending DMA allocations while released from device [count=1]");
	KTEST_EXPECT_EQ(test, dma_debug_error_count(), errors + 1);
	KTEST_EXPECT_LOG(test, mark, "One of leaked entries details:");
	driver_unregister(&leaky_driver);
	dma_unmap_single(&kdev.dev, leaked_bus, 32, DMA_TO_DEVICE);
}

/*
 * Slab frees are checked on slab's slow path only (dma-debug.h), which
 * every free of a debug cache takes: the object comes from a cache with
 * consistency checks, so a boot without slub_debug checks it too.
 */
static void freeing_memory_still_mapped_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	dma_addr_t bus_page, bus_obj;
	struct kmem_cache *cache;
	printk_mark_t mark;
	struct page *page;
	char *obj;

	require_dma_debug(test);
	cache = kmem_cache_create("dma-debug-freed", 128, 0,
				  SLAB_CACHE_DMA | SLAB_CONSISTENCY_CHECKS,
				  NULL);
	KTEST_ASSERT_NOT_NULL(test, cache);
	page = alloc_page(GFP_DMA);
	obj = kmem_cache_alloc(cache, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_NOT_NULL(test, obj);
	bus_page =
		dma_map_page(&kdev.dev, page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	bus_obj = dma_map_single(&kdev.dev, obj, 128, DMA_BIDIRECTIONAL);
	dma_mapping_error(&kdev.dev, bus_page);
	dma_mapping_error(&kdev.dev, bus_obj);
	mark = printk_mark();
	__free_page(page);
	EXPECT_REPORT(test, mark, errors,
		      "memory freed while still DMA-mapped");
	mark = printk_mark();
	kmem_cache_free(cache, obj);
	KTEST_EXPECT_LOG(
		test, mark,
		"memory freed while still DMA-mapped [device address=");
	KTEST_EXPECT_EQ(test, dma_debug_error_count(), errors + 2);
	/* The mappings themselves are still there: the driver unmaps them. */
	dma_unmap_page(&kdev.dev, bus_page, PAGE_SIZE, DMA_BIDIRECTIONAL);
	dma_unmap_single(&kdev.dev, bus_obj, 128, DMA_BIDIRECTIONAL);
	kmem_cache_destroy(cache);
}

/*
 * The free check's spans shrink when a mapping at an edge goes
 * (kernel/dma/debug.c): the mappings left must stay covered, or their
 * memory could be freed unreported.  Three pages mapped, the highest
 * unmapped, then the two others freed while still mapped: both reported.
 */
static void spans_cover_what_is_left_after_an_edge_unmap(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	struct page *p[3], *t;
	dma_addr_t bus[3];

	require_dma_debug(test);
	for (int i = 0; i < 3; i++) {
		p[i] = alloc_page(GFP_DMA);
		KTEST_ASSERT_NOT_NULL(test, p[i]);
	}
	for (int i = 0; i < 3; i++) /* lowest first */
		for (int j = i + 1; j < 3; j++)
			if (p[j] < p[i]) {
				t = p[i];
				p[i] = p[j];
				p[j] = t;
			}
	for (int i = 0; i < 3; i++) {
		bus[i] = dma_map_page(&kdev.dev, p[i], 0, PAGE_SIZE,
				      DMA_BIDIRECTIONAL);
		dma_mapping_error(&kdev.dev, bus[i]);
	}
	dma_unmap_page(&kdev.dev, bus[2], PAGE_SIZE, DMA_BIDIRECTIONAL);
	__free_page(p[2]); /* no longer mapped: no report */
	KTEST_EXPECT_EQ(test, dma_debug_error_count(), errors);
	for (int i = 1; i >= 0; i--) {
		printk_mark_t mark = printk_mark();

		__free_page(p[i]);
		EXPECT_REPORT(test, mark, errors + 1 - i,
			      "memory freed while still DMA-mapped");
		dma_unmap_page(&kdev.dev, bus[i], PAGE_SIZE, DMA_BIDIRECTIONAL);
	}
}

/*
 * kmem_cache_free_bulk() checks a slab's objects when a mapping may
 * overlap the slab: a cache without debugging, whose objects a free one
 * at a time checks only on the slow path, is checked here.
 */
static void bulk_freeing_memory_still_mapped_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	struct kmem_cache *cache;
	printk_mark_t mark;
	void *objs[3];
	dma_addr_t bus;

	require_dma_debug(test);
	cache = kmem_cache_create("dma-debug-bulk", 128, 0,
				  SLAB_CACHE_DMA | SLAB_NO_USER_FLAGS, NULL);
	KTEST_ASSERT_NOT_NULL(test, cache);
	for (int i = 0; i < 3; i++) {
		objs[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
	}
	bus = dma_map_single(&kdev.dev, objs[1], 128, DMA_BIDIRECTIONAL);
	dma_mapping_error(&kdev.dev, bus);
	mark = printk_mark();
	kmem_cache_free_bulk(cache, 3, objs);
	EXPECT_REPORT(test, mark, errors,
		      "memory freed while still DMA-mapped [device address=");
	dma_unmap_single(&kdev.dev, bus, 128, DMA_BIDIRECTIONAL);
	kmem_cache_destroy(cache);
}

static void
cpu_writing_a_buffer_the_device_reads_is_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark = printk_mark();
	dma_addr_t bus;

	require_dma_debug(test);
	memset(buf, 1, 512);
	bus = map_checked(512, DMA_TO_DEVICE);
	buf[100] = 2; /* the device owns it now */
	dma_unmap_single(&kdev.dev, bus, 512, DMA_TO_DEVICE);
	EXPECT_REPORT(test, mark, errors,
		      "cpu touching an active dma mapped cacheline");
	KTEST_EXPECT_LOG(test, mark, "changed while the device owned it");
}

static void cpu_writing_the_original_of_a_bounce_is_reported(struct ktest *test)
{
	struct page *page =
		ktest_page_above_or_skip(test, EDU_MASK, GFP_KERNEL);
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark = printk_mark();
	char *orig = page_address(page);
	dma_addr_t bus;

	require_dma_debug(test);
	bus = dma_map_single(&kdev.dev, orig, 64, DMA_FROM_DEVICE);
	KTEST_ASSERT_EQ(test, dma_mapping_error(&kdev.dev, bus), 0);
	KTEST_EXPECT_TRUE(test, is_swiotlb_buffer(bus));
	orig[3] ^= 0xff; /* lost: the device writes the bounce slot */
	dma_unmap_single(&kdev.dev, bus, 64, DMA_FROM_DEVICE);
	EXPECT_REPORT(test, mark, errors,
		      "cpu touching an active dma mapped cacheline");
	__free_page(page);
}

static void
syncing_the_buffer_back_to_the_cpu_is_not_reported(struct ktest *test)
{
	unsigned long errors = dma_debug_error_count();
	printk_mark_t mark = printk_mark();
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(512, DMA_TO_DEVICE);
	dma_sync_single_for_cpu(&kdev.dev, bus, 512, DMA_TO_DEVICE);
	buf[7] ^= 0x55; /* the CPU owns it between the syncs */
	dma_sync_single_for_device(&kdev.dev, bus, 512, DMA_TO_DEVICE);
	dma_unmap_single(&kdev.dev, bus, 512, DMA_TO_DEVICE);
	KTEST_EXPECT_EQ(test, dma_debug_error_count(), errors);
	KTEST_EXPECT_NO_LOG(test, mark, "DMA-API:");
}

static void mapping_the_stack_or_rodata_is_reported(struct ktest *test)
{
	static const char rodata[64] = "read-only";
	extern char boot_stack[], boot_stack_top[];
	unsigned long errors = dma_debug_error_count();
	char on_stack[64];
	printk_mark_t mark = printk_mark();
	dma_addr_t bus;

	require_dma_debug(test);
	bus = dma_map_single(&kdev.dev, (void *)rodata, 64, DMA_TO_DEVICE);
	if (!dma_mapping_error(&kdev.dev, bus))
		dma_unmap_single(&kdev.dev, bus, 64, DMA_TO_DEVICE);
	EXPECT_REPORT(test, mark, errors,
		      "device driver maps memory from kernel text or rodata");
	if ((unsigned long)on_stack < (unsigned long)boot_stack ||
	    (unsigned long)on_stack >= (unsigned long)boot_stack_top)
		ktest_skip(
			test,
			"not on the boot stack (a vmalloc'ed stack is refused as vmalloc)");
	mark = printk_mark();
	bus = dma_map_single(&kdev.dev, on_stack, 64, DMA_TO_DEVICE);
	if (!dma_mapping_error(&kdev.dev, bus))
		dma_unmap_single(&kdev.dev, bus, 64, DMA_TO_DEVICE);
	KTEST_EXPECT_LOG(test, mark, "device driver maps memory from stack");
}

static void live_mappings_are_dumped_in_linux_format(struct ktest *test)
{
	char out[1024];
	struct seq_file m = { .buf = out, .size = sizeof(out) };
	dma_addr_t bus;

	require_dma_debug(test);
	bus = map_checked(100, DMA_TO_DEVICE);
	debug_dma_dump_mappings(&m, &kdev.dev);
	out[min(m.count, sizeof(out) - 1)] = '\0';
	KTEST_EXPECT_TRUE(test,
			  strstr(out, "ktest ktest-dbg single idx ") != NULL);
	KTEST_EXPECT_TRUE(test, strstr(out, " L=64 ") != NULL); /* 100, hex */
	KTEST_EXPECT_TRUE(test,
			  strstr(out, "DMA_TO_DEVICE dma map error checked") !=
				  NULL);
	dma_unmap_single(&kdev.dev, bus, 100, DMA_TO_DEVICE);
}

static const struct ktest_case dma_debug_cases[] = {
	KTEST_CASE(unmap_with_another_size_is_reported),
	KTEST_CASE(unmap_with_another_direction_is_reported),
	KTEST_CASE(unmap_without_checking_the_error_is_reported),
	KTEST_CASE(checked_mapping_is_not_reported),
	KTEST_CASE(unmap_of_memory_never_mapped_is_reported),
	KTEST_CASE(unmap_single_of_coherent_memory_is_reported),
	KTEST_CASE(sync_misuse_is_reported),
	KTEST_CASE(mappings_left_at_unbind_are_reported),
	KTEST_CASE(freeing_memory_still_mapped_is_reported),
	KTEST_CASE(spans_cover_what_is_left_after_an_edge_unmap),
	KTEST_CASE(bulk_freeing_memory_still_mapped_is_reported),
	KTEST_CASE(cpu_writing_a_buffer_the_device_reads_is_reported),
	KTEST_CASE(cpu_writing_the_original_of_a_bounce_is_reported),
	KTEST_CASE(syncing_the_buffer_back_to_the_cpu_is_not_reported),
	KTEST_CASE(mapping_the_stack_or_rodata_is_reported),
	KTEST_CASE(live_mappings_are_dumped_in_linux_format),
	{}
};

const struct ktest_suite dma_debug_ktest_suite = {
	.name = "dma_debug",
	.cases = dma_debug_cases,
	.init = dma_debug_test_init,
	.exit = dma_debug_test_exit,
};
