/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dma-direction.h - which way the data of a DMA mapping flows, as Linux's.
 *
 * The direction decides who must see whose writes, and so what the DMA
 * layer copies when it bounces a buffer: TO_DEVICE (the device reads what
 * the CPU wrote: copy in at map time), FROM_DEVICE (the device writes what
 * the CPU will read: copy out at unmap time), BIDIRECTIONAL (both).
 * DMA_NONE is for debugging only: mapping with it is refused.
 */
#ifndef _DMA_DIRECTION_H
#define _DMA_DIRECTION_H

#include <types.h>

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

static inline bool valid_dma_direction(enum dma_data_direction dir)
{
	return dir == DMA_BIDIRECTIONAL || dir == DMA_TO_DEVICE ||
	       dir == DMA_FROM_DEVICE;
}

/* "DMA_TO_DEVICE" ... for reports; "(bad direction)" if out of range. */
const char *dma_dir_name(int dir);

#endif /* _DMA_DIRECTION_H */
