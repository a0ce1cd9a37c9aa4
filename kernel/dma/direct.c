// SPDX-License-Identifier: GPL-2.0
/*
 * direct.c - DMA without an IOMMU (Linux's kernel/dma/direct.c): the
 * address a device puts on the bus is the physical address of the memory.
 *
 * Streaming: a buffer the device can reach (dma_capable(): its last byte
 * at or below the device's mask) is handed over as its physical address,
 * with no work at all; one it cannot reach is bounced through the swiotlb
 * (or refused with Linux's overflow report if there is no pool).  On x86
 * the caches are coherent with DMA, so there is never a cache to flush:
 * the syncs only matter for bounced buffers, whose copies they make.
 *
 * Coherent: pages from the buddy allocator, first from where the coherent
 * mask suggests (GFP_DMA at 24 bits or less, else GFP_DMA32, which on
 * i386 is Normal then DMA), and if they turn out to lie above the mask,
 * given back and taken again from ZONE_DMA, as Linux's
 * __dma_direct_alloc_pages() does.  Never highmem: the CPU needs a kernel
 * address for the buffer.  Zeroed, as Linux has done since 5.0.
 */
#include <dma-mapping.h>
#include <kernel.h>
#include <string.h>
#include <swiotlb.h>

dma_addr_t dma_direct_map_page(struct device *dev, struct page *page,
			       unsigned long offset, size_t size,
			       enum dma_data_direction dir, unsigned long attrs)
{
	phys_addr_t phys = page_to_phys(page) + offset;
	dma_addr_t dma_addr = (dma_addr_t)phys;

	if (likely(!is_swiotlb_force_bounce(dev) &&
		   dma_capable(dev, dma_addr, size)))
		return dma_addr;
	if (swiotlb_active())
		return swiotlb_map(dev, phys, size, dir, attrs);
	dev_WARN(dev,
		 "DMA addr %#010llx+%zu overflow (mask %llx, bus limit 0).\n",
		 phys, size, *dev->dma_mask);
	return DMA_MAPPING_ERROR;
}

void dma_direct_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, unsigned long attrs)
{
	if (unlikely(is_swiotlb_buffer(addr)))
		swiotlb_tbl_unmap_single(dev, addr, size, dir, attrs);
}

void dma_direct_sync_single_for_cpu(struct device *dev, dma_addr_t addr,
				    size_t size, enum dma_data_direction dir)
{
	if (unlikely(is_swiotlb_buffer(addr)))
		swiotlb_sync_single_for_cpu(dev, addr, size, dir);
}

void dma_direct_sync_single_for_device(struct device *dev, dma_addr_t addr,
				       size_t size, enum dma_data_direction dir)
{
	if (unlikely(is_swiotlb_buffer(addr)))
		swiotlb_sync_single_for_device(dev, addr, size, dir);
}

/* Is [phys, phys + size) below the coherent mask? */
static bool dma_coherent_ok(struct device *dev, phys_addr_t phys, size_t size)
{
	return phys + size - 1 <= dev->coherent_dma_mask;
}

/* The zone the coherent mask asks for first (Linux's optimal gfp mask). */
static gfp_t dma_direct_optimal_gfp_mask(struct device *dev)
{
	if (dev->coherent_dma_mask <= DMA_BIT_MASK(24))
		return GFP_DMA;
	if (dev->coherent_dma_mask <= DMA_BIT_MASK(32))
		return GFP_DMA32;
	return 0;
}

void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle,
		       gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page;
	void *ret;

	if (order >= MAX_ORDER)
		return NULL;
	gfp &= ~(gfp_t)(__GFP_ZONEMASK | GFP_ZERO);
	gfp |= dma_direct_optimal_gfp_mask(dev);
	for (;;) {
		page = alloc_pages(gfp | __GFP_NOWARN, order);
		if (page && dma_coherent_ok(dev, page_to_phys(page), size))
			break;
		if (page)
			__free_pages(page, order);
		if (gfp & GFP_DMA)
			return NULL; /* ZONE_DMA was the last resort */
		gfp = (gfp & ~(gfp_t)GFP_DMA32) | GFP_DMA;
	}
	ret = page_address(page);
	memset(ret, 0, PAGE_SIZE << order);
	*dma_handle = (dma_addr_t)page_to_phys(page);
	return ret;
}

void dma_direct_free(struct device *dev, size_t size, void *cpu_addr,
		     dma_addr_t dma_addr)
{
	__free_pages(virt_to_page(cpu_addr), get_order(size));
}
