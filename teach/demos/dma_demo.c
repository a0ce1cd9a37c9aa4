// SPDX-License-Identifier: GPL-2.0
/*
 * dma_demo.c - `demo dma`: why drivers must use the DMA API, on QEMU's
 * edu device (`make run EDU=1`), whose DMA engine reaches only the first
 * 256 MB (28 address bits).
 *
 *  1. the device, its mask, and how much of RAM lies beyond it;
 *  2. a highmem buffer handed to the device by its physical address: QEMU
 *     clamps the address to 28 bits (its "EDU: clamping DMA" line) and
 *     the device reads another page, whose bytes the demo shows;
 *  3. the same buffer through dma_map_page(): the device gets a bounce
 *     slot below the mask, the swiotlb copies, the data arrives; and back;
 *  4. a coherent buffer from below the mask: no bounce at all;
 *  5. unbind: the driver's managed resources released newest first (the
 *     DEVRES lines), then bind again.
 * Step 2 only lets the device *read* the wrong page: a device write there
 * would overwrite whatever the kernel keeps at the clamped address.
 */
#include <demo.h>
#include <device.h>
#include <dma-mapping.h>
#include <edu.h>
#include <highmem.h>
#include <ioport.h>
#include <kernel.h>
#include <mm.h>
#include <pci.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <swiotlb.h>

#define DEMO_LEN 48 /* bytes moved in each step */

/* Who owns the memory at `phys`, in words. */
static const char *demo_owner(phys_addr_t phys)
{
	struct resource *res = lookup_resource_addr(&iomem_resource, phys);
	struct page *page;

	if (is_swiotlb_buffer(phys))
		return "a slot of the swiotlb bounce pool";
	if (!pfn_valid(phys >> PAGE_SHIFT))
		return res ? res->name : "no RAM at all";
	page = pfn_to_page(phys >> PAGE_SHIFT);
	if (PageSlab(page))
		return "a slab page (kmalloc objects)";
	if (PageTable(page))
		return "a page table";
	if (PageReserved(page))
		return res ? res->name : "reserved memory";
	return "some page of the kernel's, free or in use";
}

/* Does RAM at `phys` (any zone) hold these DEMO_LEN bytes? */
static bool demo_same_bytes(phys_addr_t phys, const u8 *bytes)
{
	u8 *p = kmap_local_page(pfn_to_page(phys >> PAGE_SHIFT));
	bool same;

	/* DEMO_LEN bytes from a page-aligned DMA source stay in one page. */
	same = !memcmp(p + (phys & ~PAGE_MASK), bytes, DEMO_LEN);
	kunmap_local(p);
	return same;
}

static void demo_show_bytes(const char *what, const u8 *p)
{
	kprintf("   %s \"", what);
	for (int i = 0; i < 32; i++)
		kprintf("%c", p[i] >= 0x20 && p[i] < 0x7f ? p[i] : '.');
	kprintf("\"\n");
}

/* The device's first DEMO_LEN bytes, read back through the coherent buffer. */
static int demo_read_device(struct edu_device *edu, u8 *out)
{
	int err = edu_dma(edu, edu->coherent_dma, 0, DEMO_LEN, DMA_FROM_DEVICE,
			  0);

	memcpy(out, edu->coherent, DEMO_LEN);
	return err;
}

static void demo_dma_reach(struct edu_device *edu)
{
	u64 mask = dma_get_mask(edu_dev(edu));

	demo_step("1. The device and what it can reach");
	kprintf("   %s: the edu device, IRQ %u\n", pci_name(edu->pdev),
		edu->pdev->irq);
	kprintf("   DMA mask %#llx: it reaches the first %llu MB of RAM\n",
		mask, (mask + 1) >> 20);
	kprintf("   RAM ends at %#llx: %llu MB of it lie beyond that\n",
		(u64)max_pfn << PAGE_SHIFT,
		((u64)max_pfn << PAGE_SHIFT) > mask + 1 ?
			(((u64)max_pfn << PAGE_SHIFT) - mask - 1) >> 20 :
			0);
}

static void demo_dma_raw(struct edu_device *edu, struct page *page)
{
	phys_addr_t phys = page_to_phys(page);
	phys_addr_t clamped = phys & dma_get_mask(edu_dev(edu));
	u8 got[DEMO_LEN];

	demo_step(
		"2. A highmem buffer handed over by its physical address (the bug)");
	kprintf("   the message is in a highmem page at phys %#010llx;\n"
		"   the driver writes that address into the DMA source register\n",
		phys);
	if (edu_dma(edu, (dma_addr_t)phys, 0, DEMO_LEN, DMA_TO_DEVICE, 0) ||
	    demo_read_device(edu, got)) {
		kprintf("   the DMA timed out\n");
		return;
	}
	demo_show_bytes("the device got:", got);
	if (clamped == phys) {
		kprintf("   this device reaches the page: the message arrived intact\n");
		return;
	}
	kprintf("   QEMU clamped the address to %#010llx (the EDU line above):\n",
		clamped);
	kprintf("   the device read %s, not our page;\n", demo_owner(clamped));
	kprintf("   those bytes are what the kernel has at %#010llx: %s\n",
		clamped,
		demo_same_bytes(clamped, got) ? "the same" :
						"they changed since");
	kprintf("   (a DMA *to* RAM would have overwritten that page)\n");
}

static void demo_dma_mapped(struct edu_device *edu, struct page *page)
{
	struct device *dev = edu_dev(edu);
	struct swiotlb_stats before, after;
	dma_addr_t bus;
	u8 got[DEMO_LEN];
	char *p;

	demo_step(
		"3. The same page through dma_map_page(): the swiotlb bounces it");
	swiotlb_get_stats(&before);
	bus = dma_map_page(dev, page, 0, DEMO_LEN, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, bus)) {
		kprintf("   dma_map_page failed: see the report above\n");
		return;
	}
	kprintf("   dma_map_page -> bus address %#010x:\n   %s\n", bus,
		is_swiotlb_buffer(bus) ?
			"a slot of the swiotlb pool, below the mask: the message was copied there" :
			"the page itself: the device reaches it");
	edu_dma(edu, bus, 0, DEMO_LEN, DMA_TO_DEVICE, 0);
	dma_unmap_page(dev, bus, DEMO_LEN, DMA_TO_DEVICE);
	demo_read_device(edu, got);
	demo_show_bytes("the device got:", got);

	/* And back: the device writes, the bounce is copied out at unmap. */
	p = kmap_local_page(page);
	memset(p, 0, DEMO_LEN);
	kunmap_local(p);
	bus = dma_map_page(dev, page, 0, DEMO_LEN, DMA_FROM_DEVICE);
	if (!dma_mapping_error(dev, bus)) {
		edu_dma(edu, bus, 0, DEMO_LEN, DMA_FROM_DEVICE, 0);
		dma_unmap_page(dev, bus, DEMO_LEN, DMA_FROM_DEVICE);
	}
	p = kmap_local_page(page);
	demo_show_bytes("back in the page after unmap:", (u8 *)p);
	kunmap_local(p);
	swiotlb_get_stats(&after);
	kprintf("   swiotlb: %lu bounced mappings, %lu bytes copied in, %lu back (`dma`)\n",
		after.mapped - before.mapped,
		after.bytes_to_device - before.bytes_to_device,
		after.bytes_to_cpu - before.bytes_to_cpu);
}

static void demo_dma_coherent(struct edu_device *edu)
{
	struct device *dev = edu_dev(edu);
	struct swiotlb_stats before, after;
	dma_addr_t bus;
	u8 got[DEMO_LEN];
	char *buf;

	demo_step(
		"4. A coherent buffer: allocated below the mask, never bounced");
	swiotlb_get_stats(&before);
	buf = dma_alloc_coherent(dev, PAGE_SIZE, &bus, GFP_KERNEL);
	if (!buf) {
		kprintf("   dma_alloc_coherent failed\n");
		return;
	}
	kprintf("   dma_alloc_coherent -> %p, bus %#010x, zone %s\n", buf, bus,
		page_zone(virt_to_page(buf))->name);
	strscpy(buf, "coherent: shared with the device, no copies", DEMO_LEN);
	edu_dma(edu, bus, 0, DEMO_LEN, DMA_TO_DEVICE, 0);
	demo_read_device(edu, got);
	demo_show_bytes("the device got:", got);
	dma_free_coherent(dev, PAGE_SIZE, buf, bus);
	swiotlb_get_stats(&after);
	kprintf("   swiotlb mappings during this step: %lu\n",
		after.mapped - before.mapped);
}

static void demo_dma_unbind(struct edu_device *edu)
{
	struct device *dev = edu_dev(edu);
	struct device_driver *drv = dev->driver;
	bool was_logging = devres_log;
	struct seq_file m = { 0 };

	demo_step("5. unbind: the managed resources go, newest first");
	kprintf("   %s has %u managed resources:\n", dev_name(dev),
		devres_count(dev));
	devres_show(&m, dev);
	devres_log = true;
	device_release_driver(dev);
	kprintf("   unbound (DEVRES REL: the bottom of the list first); bind again:\n");
	device_driver_attach(drv, dev);
	devres_log = was_logging;
}

static void demo_dma(void)
{
	struct edu_device *edu = edu_get(0);
	struct page *page;
	char *p;

	if (!edu) {
		kprintf("demo dma needs a bound edu device: `make run EDU=1` (QEMU -device edu)\n");
		return;
	}
	page = alloc_page(GFP_HIGHMEM | GFP_ZERO);
	if (!page) {
		kprintf("demo dma: no page\n");
		return;
	}
	p = kmap_local_page(page);
	snprintf(p, DEMO_LEN, "Hello from pfn %#lx!", page_to_pfn(page));
	kunmap_local(p);

	demo_dma_reach(edu);
	demo_dma_raw(edu, page);
	p = kmap_local_page(page);
	snprintf(p, DEMO_LEN, "Hello from pfn %#lx!", page_to_pfn(page));
	kunmap_local(p);
	demo_dma_mapped(edu, page);
	demo_dma_coherent(edu);
	__free_page(page);
	demo_dma_unbind(edu);
}
DEMO(dma, "a device that reaches 256 MB: clamped, bounced, coherent; devres",
     demo_dma);
