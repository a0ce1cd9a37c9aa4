/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dma-debug.h - CONFIG_DMA_API_DEBUG: every mapping recorded, every misuse
 * reported (kernel/dma/debug.c), as Linux's linux/dma-debug.h.
 *
 * The DMA API calls these hooks after (map) or before (unmap) doing its
 * work; they cost nothing when dma-debug is off (`dma_debug=off` on the
 * command line), one test of a flag.
 */
#ifndef _DMA_DEBUG_H
#define _DMA_DEBUG_H

#include <dma-direction.h>
#include <types.h>

struct device;
struct page;
struct scatterlist;
struct seq_file;

/* Is dma-debug on?  Tests and the `dma` view read it. */
extern bool dma_debug_enabled;
/* Streaming and coherent mappings it tracks now. */
extern unsigned int dma_debug_nr_entries;

void dma_debug_init(void);
/*
 * Pause or resume it at run time (the benchmarks): 0, or -ENODEV to
 * resume after `dma_debug=off` at boot.  Mappings made while paused are
 * unknown to it: switch with none of yours live.
 */
int dma_debug_set_enabled(bool on);
/* Errors reported since boot (Linux's error_count). */
unsigned long dma_debug_error_count(void);

void __debug_dma_map_single(struct device *dev, const void *addr,
			    unsigned long len);
static inline void debug_dma_map_single(struct device *dev, const void *addr,
					unsigned long len)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_map_single(dev, addr, len);
}
void __debug_dma_map_page(struct device *dev, struct page *page, size_t offset,
			  size_t size, int direction, dma_addr_t dma_addr,
			  unsigned long caller);
static inline void debug_dma_map_page(struct device *dev, struct page *page,
				      size_t offset, size_t size, int direction,
				      dma_addr_t dma_addr, unsigned long caller)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_map_page(dev, page, offset, size, direction,
				     dma_addr, caller);
}
void __debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr);
static inline void debug_dma_mapping_error(struct device *dev,
					   dma_addr_t dma_addr)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_mapping_error(dev, dma_addr);
}
void __debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			    int direction);
static inline void debug_dma_unmap_page(struct device *dev, dma_addr_t addr,
					size_t size, int direction)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_unmap_page(dev, addr, size, direction);
}
void __debug_dma_map_sg(struct device *dev, struct scatterlist *sg, int nents,
			int mapped_ents, int direction, unsigned long caller);
static inline void debug_dma_map_sg(struct device *dev, struct scatterlist *sg,
				    int nents, int mapped_ents, int direction,
				    unsigned long caller)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_map_sg(dev, sg, nents, mapped_ents, direction,
				   caller);
}
void __debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist,
			  int nelems, int dir);
static inline void debug_dma_unmap_sg(struct device *dev,
				      struct scatterlist *sglist, int nelems,
				      int dir)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_unmap_sg(dev, sglist, nelems, dir);
}
void __debug_dma_alloc_coherent(struct device *dev, size_t size,
				dma_addr_t dma_addr, void *virt,
				unsigned long caller);
static inline void debug_dma_alloc_coherent(struct device *dev, size_t size,
					    dma_addr_t dma_addr, void *virt,
					    unsigned long caller)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_alloc_coherent(dev, size, dma_addr, virt, caller);
}
void __debug_dma_free_coherent(struct device *dev, size_t size, void *virt,
			       dma_addr_t addr);
static inline void debug_dma_free_coherent(struct device *dev, size_t size,
					   void *virt, dma_addr_t addr)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_free_coherent(dev, size, virt, addr);
}
void __debug_dma_sync_single_for_cpu(struct device *dev, dma_addr_t dma_handle,
				     size_t size, int direction);
static inline void debug_dma_sync_single_for_cpu(struct device *dev,
						 dma_addr_t dma_handle,
						 size_t size, int direction)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_sync_single_for_cpu(dev, dma_handle, size,
						direction);
}
void __debug_dma_sync_single_for_device(struct device *dev,
					dma_addr_t dma_handle, size_t size,
					int direction);
static inline void debug_dma_sync_single_for_device(struct device *dev,
						    dma_addr_t dma_handle,
						    size_t size, int direction)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_sync_single_for_device(dev, dma_handle, size,
						   direction);
}
/* The driver unbound (or failed its probe): report what it left mapped. */
void __debug_dma_device_unbound(struct device *dev);
static inline void debug_dma_device_unbound(struct device *dev)
{
	if (unlikely(READ_ONCE(dma_debug_enabled)))
		__debug_dma_device_unbound(dev);
}

/*
 * Two physical spans that cover every recorded mapping while dma-debug is
 * on (empty, lo > hi, otherwise): the records split at their widest gap,
 * so that buffers at both ends of memory (edu's below 16 MB, virtio's ring
 * in Normal, a page-cache page in highmem) leave the memory between them
 * outside both.
 */
struct dma_debug_span {
	unsigned long lo, hi;
};
extern struct dma_debug_span dma_debug_spans[2];

static inline bool dma_debug_span_hit(const struct dma_debug_span *span,
				      unsigned long start, unsigned long size)
{
	return start < READ_ONCE(span->hi) &&
	       start + size > READ_ONCE(span->lo);
}

/*
 * mm frees [phys, phys + size): report it if a live streaming mapping or a
 * coherent buffer still covers any of it.  Inline, so that a free outside
 * the spans costs four loads and four compares.
 */
void __debug_dma_check_freed(unsigned long start, unsigned long size);
/*
 * Might a mapping overlap [start, start + size)?  If not, nothing in it
 * needs checking (a caller freeing many objects of one slab asks once).
 * `start` is a physical address: RAM ends below 4 GB here.
 */
static inline bool debug_dma_may_overlap(unsigned long start,
					 unsigned long size)
{
	return dma_debug_span_hit(&dma_debug_spans[0], start, size) ||
	       dma_debug_span_hit(&dma_debug_spans[1], start, size);
}
static inline void debug_dma_check_freed(unsigned long start,
					 unsigned long size)
{
	if (unlikely(debug_dma_may_overlap(start, size)))
		__debug_dma_check_freed(start, size);
}

/* Every live mapping, one line each, as Linux's dma-api/dump. */
void debug_dma_dump_mappings(struct seq_file *m, struct device *dev);

#endif /* _DMA_DEBUG_H */
