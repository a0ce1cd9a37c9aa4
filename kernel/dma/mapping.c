// SPDX-License-Identifier: GPL-2.0
/*
 * mapping.c - the DMA API's entry points (Linux's kernel/dma/mapping.c):
 * check what the driver asked, do it through the direct mapping
 * (direct.c, which bounces through swiotlb.c when it must), and tell
 * dma-debug (debug.c).
 *
 * What is enforced here, whether or not dma-debug is on: a device must
 * have a DMA mask; the direction must be one of the three real ones
 * (Linux BUG()s on anything else; here it is a WARN and a failed mapping,
 * and the kernel goes on); dma_map_single() takes only direct-map (lowmem)
 * addresses, because a vmalloc or kmap address has no fixed page behind
 * it that virt_to_page() could find (Linux: "rejecting DMA map of vmalloc
 * memory").  The order of the dma-debug hooks matters: a handover to the
 * CPU (unmap, sync_for_cpu) is checked before the bounce copies back, so
 * that the check sees the buffer as the CPU left it; a handover to the
 * device is recorded after the copy in.
 */
#include <dma-debug.h>
#include <dma-mapping.h>
#include <errno.h>
#include <kernel.h>
#include <seq_file.h>
#include <swiotlb.h>
#include <vmalloc.h>

const char *dma_dir_name(int dir)
{
	static const char *const names[] = {
		[DMA_BIDIRECTIONAL] = "DMA_BIDIRECTIONAL",
		[DMA_TO_DEVICE] = "DMA_TO_DEVICE",
		[DMA_FROM_DEVICE] = "DMA_FROM_DEVICE",
		[DMA_NONE] = "DMA_NONE",
	};

	return dir >= 0 && dir <= DMA_NONE ? names[dir] : "(bad direction)";
}

/* May the device map anything in this direction?  A WARN if not. */
static bool dma_map_allowed(struct device *dev, enum dma_data_direction dir)
{
	if (WARN(!dev->dma_mask, "%s %s: DMA mapping without a DMA mask\n",
		 dev_driver_string(dev), dev_name(dev)))
		return false;
	if (!valid_dma_direction(dir)) {
		dev_WARN(dev, "DMA-API: invalid direction %s (%d)\n",
			 dma_dir_name(dir), dir);
		return false;
	}
	return true;
}

static dma_addr_t __dma_map_page(struct device *dev, struct page *page,
				 size_t offset, size_t size,
				 enum dma_data_direction dir,
				 unsigned long attrs, unsigned long caller)
{
	dma_addr_t addr;

	if (!dma_map_allowed(dev, dir))
		return DMA_MAPPING_ERROR;
	addr = dma_direct_map_page(dev, page, offset, size, dir, attrs);
	debug_dma_map_page(dev, page, offset, size, dir, addr, caller);
	return addr;
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
			      size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	return __dma_map_page(dev, page, offset, size, dir, attrs, _RET_IP_);
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	if (!dma_map_allowed(dev, dir))
		return;
	debug_dma_unmap_page(dev, addr, size, dir);
	dma_direct_unmap_page(dev, addr, size, dir, attrs);
}

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir,
				unsigned long attrs)
{
	/* DMA must never operate on areas that might be remapped. */
	if (unlikely(!virt_addr_valid(ptr))) {
		if (is_vmalloc_addr(ptr))
			dev_WARN(dev, "rejecting DMA map of vmalloc memory\n");
		else
			dev_WARN(
				dev,
				"rejecting DMA map of %p: not in the direct map\n",
				ptr);
		return DMA_MAPPING_ERROR;
	}
	debug_dma_map_single(dev, ptr, size);
	return __dma_map_page(dev, virt_to_page(ptr), offset_in_page(ptr), size,
			      dir, attrs, _RET_IP_);
}

void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs)
{
	dma_unmap_page_attrs(dev, addr, size, dir, attrs);
}

int dma_map_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
		     enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	if (!dma_map_allowed(dev, dir) || nents <= 0)
		return 0;
	for_each_sg(sgl, sg, nents, i) {
		sg->dma_address = dma_direct_map_page(
			dev, sg_page(sg), sg->offset, sg->length, dir, attrs);
		if (sg->dma_address == DMA_MAPPING_ERROR)
			goto out_unmap;
		sg->dma_length = sg->length;
	}
	debug_dma_map_sg(dev, sgl, nents, nents, dir, _RET_IP_);
	return nents;

out_unmap:
	/* Undo the entries mapped so far; the caller sees one failure. */
	while (i--) {
		sg--;
		dma_direct_unmap_page(dev, sg->dma_address, sg->length, dir,
				      attrs | DMA_ATTR_SKIP_CPU_SYNC);
	}
	return 0;
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	if (!dma_map_allowed(dev, dir))
		return;
	debug_dma_unmap_sg(dev, sgl, nents, dir);
	for_each_sg(sgl, sg, nents, i)
		dma_direct_unmap_page(dev, sg->dma_address, sg->dma_length, dir,
				      attrs);
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	if (!dma_map_allowed(dev, dir))
		return;
	debug_dma_sync_single_for_cpu(dev, addr, size, dir);
	dma_direct_sync_single_for_cpu(dev, addr, size, dir);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir)
{
	if (!dma_map_allowed(dev, dir))
		return;
	dma_direct_sync_single_for_device(dev, addr, size, dir);
	debug_dma_sync_single_for_device(dev, addr, size, dir);
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sgl,
			 int nelems, enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nelems, i)
		dma_sync_single_for_cpu(dev, sg->dma_address, sg->dma_length,
					dir);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sgl,
			    int nelems, enum dma_data_direction dir)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, nelems, i)
		dma_sync_single_for_device(dev, sg->dma_address, sg->dma_length,
					   dir);
}

int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	debug_dma_mapping_error(dev, dma_addr);
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t gfp, unsigned long attrs)
{
	void *cpu_addr;

	if (WARN(!dev->coherent_dma_mask,
		 "%s %s: coherent DMA allocation without a coherent mask\n",
		 dev_driver_string(dev), dev_name(dev)) ||
	    !size)
		return NULL;
	cpu_addr = dma_direct_alloc(dev, size, dma_handle, gfp);
	if (cpu_addr)
		debug_dma_alloc_coherent(dev, size, *dma_handle, cpu_addr,
					 _RET_IP_);
	return cpu_addr;
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs)
{
	if (!cpu_addr)
		return;
	debug_dma_free_coherent(dev, size, cpu_addr, dma_handle);
	dma_direct_free(dev, size, cpu_addr, dma_handle);
}

/* --- managed coherent memory ---------------------------------------------- */

struct dma_devres {
	size_t size;
	void *vaddr;
	dma_addr_t dma_handle;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dma_devres *this = res;

	dma_free_coherent(dev, this->size, this->vaddr, this->dma_handle);
}

static int dmam_match(struct device *dev, void *res, void *match_data)
{
	struct dma_devres *this = res, *match = match_data;

	return this->vaddr == match->vaddr &&
	       this->dma_handle == match->dma_handle;
}

static void dmam_show(struct seq_file *m, void *res)
{
	struct dma_devres *this = res;

	seq_printf(m, "%zu bytes at %p, bus %#010x", this->size, this->vaddr,
		   this->dma_handle);
}

void *dmam_alloc_coherent(struct device *dev, size_t size,
			  dma_addr_t *dma_handle, gfp_t gfp)
{
	struct dma_devres *dr = devres_alloc(dmam_release, sizeof(*dr), gfp);
	void *vaddr;

	if (!dr)
		return NULL;
	vaddr = dma_alloc_coherent(dev, size, dma_handle, gfp);
	if (!vaddr) {
		devres_free(dr);
		return NULL;
	}
	*dr = (struct dma_devres){ size, vaddr, *dma_handle };
	devres_set_show(dr, dmam_show);
	devres_add(dev, dr);
	return vaddr;
}

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
			dma_addr_t dma_handle)
{
	struct dma_devres match = { size, vaddr, dma_handle };

	WARN_ON(devres_destroy(dev, dmam_release, dmam_match, &match));
	dma_free_coherent(dev, size, vaddr, dma_handle);
}

/* --- masks ---------------------------------------------------------------- */

int dma_supported(struct device *dev, u64 mask)
{
	u64 min_mask = ((u64)max_pfn - 1) << PAGE_SHIFT;

	/* 32 bits reach all the memory a non-PAE kernel has. */
	if (mask >= DMA_BIT_MASK(32))
		return 1;
	/* Else the device must at least reach ZONE_DMA, or all of RAM. */
	return mask >= min(min_mask, DMA_BIT_MASK(24));
}

int dma_set_mask(struct device *dev, u64 mask)
{
	mask = (dma_addr_t)mask; /* no more than dma_addr_t can say */
	if (!dev->dma_mask || !dma_supported(dev, mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	mask = (dma_addr_t)mask;
	if (!dma_supported(dev, mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int rc = dma_set_mask(dev, mask);

	if (rc == 0)
		dma_set_coherent_mask(dev, mask);
	return rc;
}

size_t dma_max_mapping_size(struct device *dev)
{
	return swiotlb_active() ? swiotlb_max_mapping_size(dev) : SIZE_MAX;
}
