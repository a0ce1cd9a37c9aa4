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
 *
 * The highmem page and its message are in `dd`; each section that needs
 * them writes the message afresh (dd_page()), so a paced demo can go back
 * or jump; `leave` frees the page.  Without an edu device every section
 * says so and the demo ends.
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
#include <vmalloc.h>

#define DEMO_LEN 48 /* bytes moved in each step */

static struct {
	struct page *page; /* the highmem page of sections 2 and 3 */
} dd;

/* The bound edu device, or NULL (and the demo ends) without one. */
static struct edu_device *dd_edu(void)
{
	struct edu_device *edu = edu_get(0);

	if (!edu) {
		kprintf("  demo dma needs a bound edu device: make run EDU=1\n"
			"  (QEMU -device edu), or `bind 0000:00:04.0` after unbind\n");
		demo_end();
	}
	return edu;
}

/* The page, allocated once, with the message written into it again. */
static struct page *dd_page(void)
{
	char *p;

	if (!dd.page)
		dd.page = alloc_page(GFP_HIGHMEM | GFP_ZERO);
	if (!dd.page) {
		kprintf("  demo dma: no page\n");
		return NULL;
	}
	p = kmap_local_page(dd.page);
	memset(p, 0, DEMO_LEN);
	snprintf(p, DEMO_LEN, "Hello from pfn %#lx!", page_to_pfn(dd.page));
	kunmap_local(p);
	return dd.page;
}

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

static void demo_dma_reach(void)
{
	struct edu_device *edu = dd_edu();
	u64 mask;

	if (!edu)
		return;
	mask = dma_get_mask(edu_dev(edu));
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

static void demo_dma_raw(void)
{
	struct edu_device *edu = dd_edu();
	struct page *page = edu ? dd_page() : NULL;
	phys_addr_t phys, clamped;
	u8 got[DEMO_LEN];

	if (!page)
		return;
	phys = page_to_phys(page);
	clamped = phys & dma_get_mask(edu_dev(edu));
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

static void demo_dma_mapped(void)
{
	struct edu_device *edu = dd_edu();
	struct page *page = edu ? dd_page() : NULL;
	struct swiotlb_stats before, after;
	struct device *dev;
	dma_addr_t bus;
	u8 got[DEMO_LEN];
	char *p;

	if (!page)
		return;
	dev = edu_dev(edu);
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

static void demo_dma_coherent(void)
{
	struct edu_device *edu = dd_edu();
	struct swiotlb_stats before, after;
	struct device *dev;
	dma_addr_t bus;
	u8 got[DEMO_LEN];
	char *buf;

	if (!edu)
		return;
	dev = edu_dev(edu);
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

static void demo_dma_unbind(void)
{
	struct edu_device *edu = dd_edu();
	bool was_logging = devres_log;
	struct seq_file m = { 0 };
	struct device_driver *drv;
	struct device *dev;

	if (!edu)
		return;
	dev = edu_dev(edu);
	drv = dev->driver;
	kprintf("   %s has %u managed resources:\n", dev_name(dev),
		devres_count(dev));
	devres_show(&m, dev);
	devres_log = true;
	device_release_driver(dev);
	/*
	 * The BAR's ioremap went to the lazy list; purged now, the bind
	 * below maps the BAR where it was, and the demo leaves the vmalloc
	 * area as it found it (its check counts the free tree's nodes too).
	 */
	vmalloc_purge();
	kprintf("   unbound (DEVRES REL: the bottom of the list first); bind again:\n");
	device_driver_attach(drv, dev);
	devres_log = was_logging;
}

static void demo_dma_leave(void)
{
	if (dd.page)
		__free_page(dd.page);
	dd.page = NULL;
}

static const struct demo_section dma_sections[] = {
	{ "The device and what it can reach", demo_dma_reach },
	{ "A highmem buffer handed over by its physical address (the bug)",
	  demo_dma_raw },
	{ "The same page through dma_map_page(): the swiotlb bounces it",
	  demo_dma_mapped },
	{ "A coherent buffer: allocated below the mask, never bounced",
	  demo_dma_coherent },
	{ "unbind: the managed resources go, newest first", demo_dma_unbind },
};
DEMO(dma, "a device that reaches 256 MB: clamped, bounced, coherent; devres",
     dma_sections, demo_dma_leave);
