/* SPDX-License-Identifier: GPL-2.0 */
/*
 * swiotlb.h - the software I/O TLB: a pool of bounce buffers below the
 * DMA masks of the devices that need it (Linux's linux/swiotlb.h).
 *
 * The pool is IO_TLB_SIZE-byte slots reserved at boot from memblock; a
 * mapping takes consecutive slots (never across a segment of
 * IO_TLB_SEGSIZE slots, so at most 256 KB), records the original buffer's
 * physical address, and copies between the two as the direction says.
 */
#ifndef _SWIOTLB_H
#define _SWIOTLB_H

#include <dma-direction.h>
#include <types.h>

struct device;
struct seq_file;

#define IO_TLB_SHIFT 11 /* a slot is 2 KB */
#define IO_TLB_SIZE (1 << IO_TLB_SHIFT)
#define IO_TLB_SEGSIZE 128 /* slots per segment: the largest mapping */

/* What the pool has done since boot, for the `dma` view and the tests. */
struct swiotlb_stats {
	unsigned long nslabs; /* slots in the pool */
	unsigned long used; /* slots in use now */
	unsigned long used_hiwater; /* the most ever in use at once */
	unsigned long mapped; /* mappings made (each a bounce) */
	unsigned long bytes_to_device; /* copied buffer -> slot */
	unsigned long bytes_to_cpu; /* copied slot -> buffer */
	unsigned long full; /* mappings refused: no room */
	unsigned long overflow; /* mappings refused: pool above the mask */
};

/* Boot: reserve the pool (arch's mem_init, while memblock still runs). */
void swiotlb_init(void);
/* Is there a pool, and where: [start, end). */
bool swiotlb_active(void);
void swiotlb_range(phys_addr_t *start, phys_addr_t *end);
/* The pool's place, for the inline tests below (0, 0: no pool). */
extern phys_addr_t io_tlb_start, io_tlb_end;
extern bool io_tlb_force_bounce;

/* swiotlb=force: does every mapping bounce? */
static inline bool is_swiotlb_force_bounce(struct device *dev)
{
	return io_tlb_force_bounce;
}

/* Does this physical address lie in a slot of the pool? */
static inline bool is_swiotlb_buffer(phys_addr_t paddr)
{
	return paddr >= io_tlb_start && paddr < io_tlb_end;
}

/*
 * Bounce [phys, phys + size) for dev: the slot's physical address (its
 * dma address), or DMA_MAPPING_ERROR with a report (pool full, or above
 * the device's mask).
 */
dma_addr_t swiotlb_map(struct device *dev, phys_addr_t phys, size_t size,
		       enum dma_data_direction dir, unsigned long attrs);
/* Copy back (FROM_DEVICE, BIDIRECTIONAL) and free the slots of tlb_addr. */
void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr,
			      size_t size, enum dma_data_direction dir,
			      unsigned long attrs);
void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr,
				 size_t size, enum dma_data_direction dir);
void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr,
				    size_t size, enum dma_data_direction dir);
/* The original buffer behind a slot address (for reports and checks). */
phys_addr_t swiotlb_orig_addr(phys_addr_t tlb_addr);
size_t swiotlb_max_mapping_size(struct device *dev);

void swiotlb_get_stats(struct swiotlb_stats *stats);
/* The pool's state, for the `dma` view. */
void swiotlb_show(struct seq_file *m);

#endif /* _SWIOTLB_H */
