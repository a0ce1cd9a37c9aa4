/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dma-mapping.h - the DMA API, as Linux's linux/dma-mapping.h: giving a
 * device an address at which it can read or write memory by itself.
 *
 * A device reaches only part of the physical address space: its DMA mask
 * says which addresses it can put on the bus (the edu device: 28 bits, the
 * first 256 MB).  A driver says so first:
 *
 *	if (dma_set_mask_and_coherent(dev, DMA_BIT_MASK(28)))
 *		return -EIO;			// no memory it could reach
 *
 * Then two kinds of buffers:
 *  - coherent: memory that CPU and device share for the driver's
 *    lifetime (descriptor rings, status blocks), allocated below the
 *    coherent mask and always consistent:
 *
 *	cpu = dma_alloc_coherent(dev, size, &handle, GFP_KERNEL);
 *	... tell the device `handle` ...
 *	dma_free_coherent(dev, size, cpu, handle);
 *
 *  - streaming: any buffer the driver already has, lent to the device for
 *    one transfer and then handed back; between map and unmap the device
 *    owns it and the CPU must not touch it:
 *
 *	handle = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
 *	if (dma_mapping_error(dev, handle))
 *		return -ENOMEM;
 *	... the device reads it ...
 *	dma_unmap_single(dev, handle, len, DMA_TO_DEVICE);
 *
 * A buffer above the device's mask is *bounced* (kernel/dma/swiotlb.c): the
 * device gets the address of a slot in a pool below the mask, and the DMA
 * layer copies between the slot and the buffer as the direction requires,
 * at map and unmap time and at dma_sync_single_for_cpu()/_for_device(),
 * which pass ownership back and forth without unmapping.  Highmem pages
 * (dma_map_page) and vmalloc buffers (page by page, dma_map_sg) work the
 * same way: the DMA layer reaches them through kmap_local when it copies.
 * With dma-debug on (kernel/dma/debug.c) every mapping is tracked and
 * misuse is reported in Linux's words.
 */
#ifndef _DMA_MAPPING_H
#define _DMA_MAPPING_H

#include <device.h>
#include <dma-direction.h>
#include <gfp.h>
#include <mm.h>
#include <scatterlist.h>
#include <types.h>

#define DMA_BIT_MASK(n) (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
/* What a mapping function returns when it fails (dma_mapping_error()). */
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)

/* Do not copy between a bounce slot and the buffer (the driver syncs). */
#define DMA_ATTR_SKIP_CPU_SYNC (1UL << 5)

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
			      size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs);
/* A lowmem buffer by its kernel address (never vmalloc or kmap memory). */
dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir,
				unsigned long attrs);
void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs);
/* Map each entry; the number of entries mapped, 0 on failure. */
int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
		     enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs);

#define dma_map_page(d, p, o, s, r) dma_map_page_attrs(d, p, o, s, r, 0)
#define dma_unmap_page(d, a, s, r) dma_unmap_page_attrs(d, a, s, r, 0)
#define dma_map_single(d, a, s, r) dma_map_single_attrs(d, a, s, r, 0)
#define dma_unmap_single(d, a, s, r) dma_unmap_single_attrs(d, a, s, r, 0)
#define dma_map_sg(d, s, n, r) dma_map_sg_attrs(d, s, n, r, 0)
#define dma_unmap_sg(d, s, n, r) dma_unmap_sg_attrs(d, s, n, r, 0)

/* Hand a streaming buffer back to the CPU, or again to the device. */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
			    int nelems, enum dma_data_direction dir);

/* Did the mapping fail?  0 or -ENOMEM (and dma-debug notes the check). */
int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);

/* Zeroed lowmem below the coherent mask, or NULL. */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t gfp, unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs);
#define dma_alloc_coherent(d, s, h, g) dma_alloc_attrs(d, s, h, g, 0)
#define dma_free_coherent(d, s, c, h) dma_free_attrs(d, s, c, h, 0)
/* dma_alloc_coherent() freed when the driver unbinds (devres). */
void *dmam_alloc_coherent(struct device *dev, size_t size,
			  dma_addr_t *dma_handle, gfp_t gfp);
void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
			dma_addr_t dma_handle);

/*
 * Set the masks: 0, or -EIO if the machine has no memory the device could
 * reach (a mask below ZONE_DMA's 24 bits on a larger machine).
 */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
int dma_set_mask_and_coherent(struct device *dev, u64 mask);
int dma_supported(struct device *dev, u64 mask);
/* The largest buffer one mapping may take (the bounce pool's limit). */
size_t dma_max_mapping_size(struct device *dev);

static inline u64 dma_get_mask(struct device *dev)
{
	return dev->dma_mask && *dev->dma_mask ? *dev->dma_mask :
						 DMA_BIT_MASK(32);
}

/* --- the direct mapping, for the layers above (kernel/dma/direct.c) ----- */

/* Can the device reach [addr, addr + size)? */
static inline bool dma_capable(struct device *dev, dma_addr_t addr, size_t size)
{
	u64 end = (u64)addr + size - 1;

	return dev->dma_mask && size && end <= *dev->dma_mask;
}

dma_addr_t dma_direct_map_page(struct device *dev, struct page *page,
			       unsigned long offset, size_t size,
			       enum dma_data_direction dir,
			       unsigned long attrs);
void dma_direct_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, unsigned long attrs);
void dma_direct_sync_single_for_cpu(struct device *dev, dma_addr_t addr,
				    size_t size, enum dma_data_direction dir);
void dma_direct_sync_single_for_device(struct device *dev, dma_addr_t addr,
				       size_t size,
				       enum dma_data_direction dir);
void *dma_direct_alloc(struct device *dev, size_t size, dma_addr_t *dma_handle,
		       gfp_t gfp);
void dma_direct_free(struct device *dev, size_t size, void *cpu_addr,
		     dma_addr_t dma_addr);

#endif /* _DMA_MAPPING_H */
