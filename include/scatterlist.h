/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scatterlist.h - a buffer made of pieces of pages, for one DMA request
 * (Linux's linux/scatterlist.h).
 *
 * Each entry is a page, an offset and a length: what a vmalloc buffer is
 * made of (pages from anywhere, highmem included), or a list of unrelated
 * buffers.  dma_map_sg() gives each entry a device address and a length
 * (sg_dma_address(), sg_dma_len()) that the driver writes into the
 * device's descriptors.  Linux packs the page pointer and the chain/end
 * bits into one word; here they are plain fields, and there is no
 * chaining: a table is one array whose last entry is marked.
 */
#ifndef _SCATTERLIST_H
#define _SCATTERLIST_H

#include <mm.h>
#include <string.h>
#include <types.h>

struct scatterlist {
	struct page *page; /* the first page of the piece */
	unsigned int offset; /* where in that page it starts */
	unsigned int length; /* bytes */
	dma_addr_t dma_address; /* after dma_map_sg(): the device's address */
	unsigned int dma_length; /* and its length */
	bool end; /* the last entry of the table */
};

static inline void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sgl[nents - 1].end = true;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg->page = page;
	sg->offset = offset;
	sg->length = len;
}

/* A piece of lowmem given by its kernel address. */
static inline void sg_set_buf(struct scatterlist *sg, const void *buf,
			      unsigned int len)
{
	sg_set_page(sg, virt_to_page(buf), len, offset_in_page(buf));
}

static inline struct page *sg_page(struct scatterlist *sg)
{
	return sg->page;
}

static inline phys_addr_t sg_phys(struct scatterlist *sg)
{
	return page_to_phys(sg->page) + sg->offset;
}

static inline struct scatterlist *sg_next(struct scatterlist *sg)
{
	return sg->end ? NULL : sg + 1;
}

#define for_each_sg(sglist, sg, nr, __i) \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

#define sg_dma_address(sg) ((sg)->dma_address)
#define sg_dma_len(sg) ((sg)->dma_length)

#endif /* _SCATTERLIST_H */
