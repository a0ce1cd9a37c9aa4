// SPDX-License-Identifier: GPL-2.0
/*
 * dma_test_helpers.c - test devices on a test bus, pages by address, a
 * device's view of RAM, and the DMA leak check (dma_test_helpers.h).
 *
 * The leak check runs around every case of every suite: as many swiotlb
 * slots in use and as many dma-debug records after the case as before.
 * A case that leaves a mapping behind fails, naming what is left.
 */
#include <dma-debug.h>
#include <highmem.h>
#include <kernel.h>
#include <seq_file.h>
#include <string.h>
#include <swiotlb.h>

#include "dma_test_helpers.h"

#define KTEST_PAGE_TRIES 512 /* pages looked at before giving up */

static int ktest_bus_match(struct device *dev, struct device_driver *drv)
{
	/* A driver binds to the devices whose name starts with its own. */
	return !strncmp(dev_name(dev), drv->name, strlen(drv->name));
}

struct bus_type ktest_bus = {
	.name = "ktest",
	.match = ktest_bus_match,
};

static void ktest_bus_ensure(void)
{
	static bool bus_registered;

	if (!bus_registered) {
		bus_register(&ktest_bus);
		bus_registered = true;
	}
}

void ktest_dev_add(struct ktest_dev *kd, const char *name, u64 mask)
{
	ktest_bus_ensure();
	/* A case that ended early (skip, assert) left it on the bus. */
	if (kd->dev.bus && !list_empty(&kd->dev.bus_node))
		device_del(&kd->dev);
	memset(kd, 0, sizeof(*kd));
	device_initialize(&kd->dev);
	dev_set_name(&kd->dev, "%s", name);
	kd->dev.bus = &ktest_bus;
	kd->dma_mask = mask;
	kd->dev.dma_mask = &kd->dma_mask;
	kd->dev.coherent_dma_mask = mask;
	device_add(&kd->dev);
}

void ktest_dev_del(struct ktest_dev *kd)
{
	device_del(&kd->dev);
}

void ktest_driver_unregister(struct device_driver *drv)
{
	ktest_bus_ensure();
	if (drv->bus && driver_find(drv->name, drv->bus) == drv)
		driver_unregister(drv);
}

struct page *ktest_page_above(phys_addr_t limit, gfp_t gfp)
{
	struct page *tried[KTEST_PAGE_TRIES], *found = NULL;
	int n = 0;

	while (n < KTEST_PAGE_TRIES) {
		struct page *page = alloc_page(gfp | __GFP_NOWARN);

		if (!page)
			break;
		if (page_to_phys(page) > limit) {
			found = page;
			break;
		}
		tried[n++] = page;
	}
	while (n--)
		__free_page(tried[n]);
	return found;
}

struct page *ktest_page_above_or_skip(struct ktest *test, phys_addr_t limit,
				      gfp_t gfp)
{
	struct page *page = ktest_page_above(limit, gfp);

	if (!page)
		ktest_skip(
			test,
			gfp & GFP_HIGHMEM ?
				"no memory above the device's mask at this RAM size" :
				"no lowmem above the device's mask at this RAM size");
	return page;
}

static void ktest_phys_copy(phys_addr_t phys, void *buf, size_t len,
			    bool to_phys)
{
	while (len) {
		unsigned long off = (unsigned long)(phys & ~PAGE_MASK);
		size_t chunk = min(len, (size_t)(PAGE_SIZE - off));
		char *p = kmap_local_page(pfn_to_page(phys >> PAGE_SHIFT));

		if (to_phys)
			memcpy(p + off, buf, chunk);
		else
			memcpy(buf, p + off, chunk);
		kunmap_local(p);
		phys += chunk;
		buf = (char *)buf + chunk;
		len -= chunk;
	}
}

void ktest_phys_write(phys_addr_t phys, const void *src, size_t len)
{
	ktest_phys_copy(phys, (void *)src, len, true);
}

void ktest_phys_read(phys_addr_t phys, void *dst, size_t len)
{
	ktest_phys_copy(phys, dst, len, false);
}

void ktest_fill(void *buf, size_t len, u8 seed)
{
	u8 *p = buf;

	for (size_t i = 0; i < len; i++)
		p[i] = (u8)(seed + i * 7 + (i >> 8));
}

bool ktest_check(const void *buf, size_t len, u8 seed)
{
	const u8 *p = buf;

	for (size_t i = 0; i < len; i++)
		if (p[i] != (u8)(seed + i * 7 + (i >> 8)))
			return false;
	return true;
}

/* --- the DMA leak check ----------------------------------------------------- */

static unsigned long slots_before;
static unsigned int records_before;

static void dma_leak_before(struct ktest *test)
{
	struct swiotlb_stats s;

	swiotlb_get_stats(&s);
	slots_before = s.used;
	records_before = dma_debug_nr_entries;
}

static void dma_leak_after(struct ktest *test)
{
	struct swiotlb_stats s;

	swiotlb_get_stats(&s);
	if (s.used != slots_before)
		ktest_fail(
			test,
			"leak check: %lu swiotlb slots in use, %lu before the case",
			s.used, slots_before);
	if (dma_debug_nr_entries != records_before) {
		ktest_fail(
			test,
			"leak check: %u DMA mappings live (dma-debug), %u before the case",
			dma_debug_nr_entries, records_before);
		debug_dma_dump_mappings(&(struct seq_file){ 0 }, NULL);
	}
}

static struct ktest_hook dma_leak_hook = {
	.name = "dma",
	.before = dma_leak_before,
	.after = dma_leak_after,
};

void dma_leak_checks_register(void)
{
	ktest_register_hook(&dma_leak_hook);
}
