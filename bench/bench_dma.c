// SPDX-License-Identifier: GPL-2.0
/*
 * bench_dma.c - benchmarks of the DMA API, on the edu device (bench mode
 * boots with -device edu; without it the rows are skipped, saying why).
 *
 * dma_map_single + dma_mapping_error + dma_unmap_single of 4 KB
 * (DMA_TO_DEVICE), as a driver does them:
 *  - direct: a page below the device's 28-bit mask, so the mapping is its
 *    physical address: the cost of the API itself (checks, the capability
 *    test, the swiotlb test on unmap);
 *  - bounced: a lowmem page above the mask, so every map takes two slots
 *    of the swiotlb pool and copies 4 KB into them, and the unmap frees
 *    them (DMA_TO_DEVICE: nothing to copy back);
 *  - the direct row again with dma-debug on, which records, checksums and
 *    checks every mapping.
 * dma_alloc_coherent + dma_free_coherent of 4 KB: an order-0 page from
 * the zone the coherent mask asks for, zeroed.
 * The rows run with dma-debug off (as a production kernel), except the
 * one that measures it; the device is only a struct device here: nothing
 * is transferred, so QEMU's DMA timer never runs.
 */
#include <bench.h>
#include <dma-debug.h>
#include <dma-mapping.h>
#include <edu.h>
#include <kernel.h>
#include <mm.h>

static struct device *dev;
static struct page *page;
static bool debug_was_on;

static void bench_map_unmap(unsigned long n)
{
	void *buf = page_address(page);

	while (n--) {
		dma_addr_t bus =
			dma_map_single(dev, buf, PAGE_SIZE, DMA_TO_DEVICE);

		/* A driver checks every mapping (dma-debug insists). */
		if (dma_mapping_error(dev, bus))
			continue;
		dma_unmap_single(dev, bus, PAGE_SIZE, DMA_TO_DEVICE);
	}
}

static void bench_coherent(unsigned long n)
{
	while (n--) {
		dma_addr_t bus;
		void *cpu =
			dma_alloc_coherent(dev, PAGE_SIZE, &bus, GFP_KERNEL);

		bench_use(cpu);
		dma_free_coherent(dev, PAGE_SIZE, cpu, bus);
	}
}

/* The edu device, dma-debug as asked; NULL when ready. */
static const char *dma_setup_dev(bool debug)
{
	struct edu_device *edu = edu_get(0);

	if (!edu)
		return "no edu device (QEMU -device edu)";
	dev = edu_dev(edu);
	debug_was_on = dma_debug_enabled;
	if (dma_debug_set_enabled(debug))
		return "dma-debug is off since boot (dma_debug=off)";
	return NULL;
}

static void dma_teardown(void)
{
	if (page)
		__free_page(page);
	page = NULL;
	dma_debug_set_enabled(debug_was_on);
}

static const char *setup_direct_common(bool debug)
{
	const char *why = dma_setup_dev(debug);

	if (why)
		return why;
	page = alloc_page(GFP_DMA);
	if (!page) {
		dma_teardown();
		return "no page below 16 MB";
	}
	return NULL;
}

static const char *setup_direct(void)
{
	return setup_direct_common(false);
}

static const char *setup_direct_debug(void)
{
	if (!CONFIG_DMA_API_DEBUG)
		return "dma-debug is not built in";
	return setup_direct_common(true);
}

static const char *setup_bounce(void)
{
	const char *why = dma_setup_dev(false);
	struct page *tried[64];
	int n = 0;

	if (why)
		return why;
	/* A lowmem page beyond the mask (the buddy allocator gives high first). */
	while (n < 64 && (page = alloc_page(GFP_KERNEL | __GFP_NOWARN)) &&
	       page_to_phys(page) + PAGE_SIZE - 1 <= dma_get_mask(dev))
		tried[n++] = page;
	while (n--)
		__free_page(tried[n]);
	if (!page || page_to_phys(page) + PAGE_SIZE - 1 <= dma_get_mask(dev)) {
		if (page)
			__free_page(page);
		page = NULL;
		dma_teardown();
		return "no lowmem above the device's mask at this RAM size";
	}
	return NULL;
}

static const char *setup_coherent(void)
{
	return dma_setup_dev(false);
}

const struct bench_op bench_dma_ops[] = {
	{ .id = "dma_map_single_4k_direct",
	  .desc = "dma_map_single+dma_unmap_single 4 KB, below the mask",
	  .run = bench_map_unmap,
	  .setup = setup_direct,
	  .teardown = dma_teardown },
	{ .id = "dma_map_single_4k_bounce",
	  .desc = "dma_map_single+dma_unmap_single 4 KB, bounced (swiotlb)",
	  .run = bench_map_unmap,
	  .setup = setup_bounce,
	  .teardown = dma_teardown,
	  .shift = 2 },
	{ .id = "dma_map_single_4k_debug",
	  .desc = "dma_map_single+dma_unmap_single 4 KB, dma-debug on",
	  .run = bench_map_unmap,
	  .setup = setup_direct_debug,
	  .teardown = dma_teardown,
	  .shift = 4 },
	{ .id = "dma_alloc_coherent_free",
	  .desc = "dma_alloc_coherent+dma_free_coherent 4 KB",
	  .run = bench_coherent,
	  .setup = setup_coherent,
	  .teardown = dma_teardown,
	  .shift = 1 },
	{}
};
