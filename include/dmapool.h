/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmapool.h - many small coherent DMA buffers of one size (Linux's
 * linux/dmapool.h): what a driver uses for descriptors, where
 * dma_alloc_coherent() would waste a page on each.
 *
 *	pool = dma_pool_create("edu-desc", dev, 64, 16, 0);
 *	desc = dma_pool_alloc(pool, GFP_KERNEL, &desc_dma);
 *	...
 *	dma_pool_free(pool, desc, desc_dma);
 *	dma_pool_destroy(pool);
 */
#ifndef _DMAPOOL_H
#define _DMAPOOL_H

#include <gfp.h>
#include <types.h>

struct device;
struct dma_pool;
struct seq_file;

/*
 * Blocks of `size` bytes aligned to `align` (a power of two), none
 * crossing a `boundary` (a power of two, 0: none but the page's).  NULL
 * if the arguments are bad or there is no memory.
 */
struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary);
/* Free the pool: a report for each block still allocated. */
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags,
		     dma_addr_t *handle);
static inline void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags,
				    dma_addr_t *handle)
{
	return dma_pool_alloc(pool, mem_flags | GFP_ZERO, handle);
}
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma);
/* A managed pool, destroyed when the driver unbinds. */
struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation);
/* Linux's "pools" file for a device: name, blocks used, total, size, pages. */
void dma_pools_show(struct seq_file *m, struct device *dev);

#endif /* _DMAPOOL_H */
