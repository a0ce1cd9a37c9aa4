// SPDX-License-Identifier: GPL-2.0
/*
 * dmapool.c - small coherent DMA blocks carved from coherent pages
 * (Linux's mm/dmapool.c; kept with the rest of the DMA API here, since it
 * is a client of dma_alloc_coherent(), not of the page allocator).
 *
 * A pool hands out blocks of one size from pages it gets with
 * dma_alloc_coherent(), like a tiny slab cache whose every object also has
 * a bus address: block's dma = page's dma + the block's offset.  Each page
 * keeps its free blocks on a list threaded through themselves: a free
 * block's first word is the offset of the next free block (`allocation`
 * ends the list).  Blocks are laid out so that none crosses a `boundary`
 * (some devices cannot DMA across, say, 4 KB), as Linux's pool_initialise_
 * page() does.  A freed block is filled with 0xa7 (Linux's
 * POOL_POISON_FREED), and freeing a block twice or an address that is no
 * block is reported and refused.  Destroying a pool with blocks still
 * allocated reports each busy page and leaves it allocated, as Linux does:
 * the device may still be using it.
 */
#include <device.h>
#include <dma-mapping.h>
#include <dmapool.h>
#include <kernel.h>
#include <seq_file.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>

#define POOL_POISON_FREED 0xa7 /* Linux's: a freed block */

struct dma_pool {
	struct list_head page_list; /* its pages */
	spinlock_t lock;
	size_t size; /* of a block */
	struct device *dev;
	size_t allocation; /* bytes of each page (a multiple of PAGE_SIZE) */
	size_t boundary; /* no block crosses a multiple of this */
	char name[32];
	struct list_head pools; /* on dev->dma_pools */
};

struct dma_page {
	struct list_head page_list; /* on pool->page_list */
	void *vaddr;
	dma_addr_t dma;
	unsigned int in_use; /* blocks allocated from it */
	unsigned int offset; /* the first free block, allocation: none */
};

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary)
{
	struct dma_pool *retval;
	size_t allocation;

	if (!align)
		align = 1;
	else if (!is_power_of_2(align))
		return NULL;
	if (size == 0 || size > INT_MAX)
		return NULL;
	if (size < sizeof(unsigned int))
		size = sizeof(unsigned int); /* room for the free-list link */
	size = ALIGN(size, align);
	allocation = max_t(size_t, size, PAGE_SIZE);
	if (!boundary)
		boundary = allocation;
	else if (boundary < size || !is_power_of_2(boundary))
		return NULL;

	retval = kzalloc(sizeof(*retval), GFP_KERNEL);
	if (!retval)
		return NULL;
	strscpy(retval->name, name, sizeof(retval->name));
	retval->dev = dev;
	INIT_LIST_HEAD(&retval->page_list);
	spin_lock_init(&retval->lock);
	retval->size = size;
	retval->boundary = boundary;
	retval->allocation = allocation;
	list_add(&retval->pools, &dev->dma_pools);
	return retval;
}

/* Chain the page's blocks, skipping the tail before each boundary. */
static void pool_initialise_page(struct dma_pool *pool, struct dma_page *page)
{
	unsigned int offset = 0;
	unsigned int next_boundary = (unsigned int)pool->boundary;

	do {
		unsigned int next = offset + (unsigned int)pool->size;

		if (unlikely(next + pool->size > next_boundary)) {
			next = next_boundary;
			next_boundary += (unsigned int)pool->boundary;
		}
		*(unsigned int *)((char *)page->vaddr + offset) = next;
		offset = next;
	} while (offset < pool->allocation);
}

static struct dma_page *pool_alloc_page(struct dma_pool *pool, gfp_t gfp)
{
	struct dma_page *page = kmalloc(sizeof(*page), gfp & ~GFP_ZERO);

	if (!page)
		return NULL;
	page->vaddr = dma_alloc_coherent(pool->dev, pool->allocation,
					 &page->dma, gfp & ~GFP_ZERO);
	if (!page->vaddr) {
		kfree(page);
		return NULL;
	}
	memset(page->vaddr, POOL_POISON_FREED, pool->allocation);
	pool_initialise_page(pool, page);
	page->in_use = 0;
	page->offset = 0;
	return page;
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_page *page;
	unsigned long flags;
	unsigned int offset;
	void *retval;

	spin_lock_irqsave(&pool->lock, flags);
	list_for_each_entry(page, &pool->page_list, page_list)
		if (page->offset < pool->allocation)
			goto ready;
	/* No free block: a new page, allocated without the lock. */
	spin_unlock_irqrestore(&pool->lock, flags);
	page = pool_alloc_page(pool, mem_flags);
	if (!page)
		return NULL;
	spin_lock_irqsave(&pool->lock, flags);
	list_add(&page->page_list, &pool->page_list);
ready:
	page->in_use++;
	offset = page->offset;
	page->offset = *(unsigned int *)((char *)page->vaddr + offset);
	retval = (char *)page->vaddr + offset;
	*handle = page->dma + offset;
	spin_unlock_irqrestore(&pool->lock, flags);
	if (mem_flags & GFP_ZERO)
		memset(retval, 0, pool->size);
	return retval;
}

static struct dma_page *pool_find_page(struct dma_pool *pool, dma_addr_t dma)
{
	struct dma_page *page;

	list_for_each_entry(page, &pool->page_list, page_list)
		if (dma >= page->dma && dma - page->dma < pool->allocation)
			return page;
	return NULL;
}

/* Does a block start at `offset` (the layout of pool_initialise_page)? */
static bool pool_block_start(struct dma_pool *pool, unsigned int offset)
{
	unsigned int start = 0, next_boundary = (unsigned int)pool->boundary;

	while (start < offset) {
		unsigned int next = start + (unsigned int)pool->size;

		if (next + pool->size > next_boundary) {
			next = next_boundary;
			next_boundary += (unsigned int)pool->boundary;
		}
		start = next;
	}
	return start == offset && offset < pool->allocation;
}

/* Is the block at `offset` on the page's free list already? */
static bool pool_block_is_free(struct dma_pool *pool, struct dma_page *page,
			       unsigned int offset)
{
	unsigned int chain = page->offset;

	while (chain < pool->allocation) {
		if (chain == offset)
			return true;
		chain = *(unsigned int *)((char *)page->vaddr + chain);
	}
	return false;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	struct dma_page *page;
	unsigned long flags;
	unsigned int offset;

	spin_lock_irqsave(&pool->lock, flags);
	page = pool_find_page(pool, dma);
	if (!page) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev, "dma_pool_free %s, %p/%#010x (bad dma)\n",
			pool->name, vaddr, dma);
		return;
	}
	offset = vaddr - page->vaddr;
	if ((dma - page->dma) != offset || !pool_block_start(pool, offset)) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev, "dma_pool_free %s, %p (bad vaddr)/%#010x\n",
			pool->name, vaddr, dma);
		return;
	}
	if (pool_block_is_free(pool, page, offset)) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev,
			"dma_pool_free %s, dma %#010x already free\n",
			pool->name, dma);
		return;
	}
	memset(vaddr, POOL_POISON_FREED, pool->size);
	page->in_use--;
	*(unsigned int *)vaddr = page->offset;
	page->offset = offset;
	/* Pages stay until the pool is destroyed, as in Linux. */
	spin_unlock_irqrestore(&pool->lock, flags);
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *page, *tmp;

	if (!pool)
		return;
	list_del(&pool->pools);
	list_for_each_entry_safe(page, tmp, &pool->page_list, page_list) {
		if (page->in_use) {
			dev_err(pool->dev, "%s %s, %p busy\n",
				"dma_pool_destroy", pool->name, page->vaddr);
			/* Leak the still-in-use coherent memory, as Linux. */
		} else {
			dma_free_coherent(pool->dev, pool->allocation,
					  page->vaddr, page->dma);
		}
		list_del(&page->page_list);
		kfree(page);
	}
	kfree(pool);
}

/* --- managed pools --------------------------------------------------------- */

static void dmam_pool_release(struct device *dev, void *res)
{
	dma_pool_destroy(*(struct dma_pool **)res);
}

static void dmam_pool_show(struct seq_file *m, void *res)
{
	struct dma_pool *pool = *(struct dma_pool **)res;

	seq_printf(m, "pool %s of %zu-byte blocks", pool->name, pool->size);
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation)
{
	struct dma_pool **ptr, *pool;

	ptr = devres_alloc(dmam_pool_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	pool = *ptr = dma_pool_create(name, dev, size, align, allocation);
	if (pool) {
		devres_set_show(ptr, dmam_pool_show);
		devres_add(dev, ptr);
	} else {
		devres_free(ptr);
	}
	return pool;
}

void dma_pools_show(struct seq_file *m, struct device *dev)
{
	struct dma_pool *pool;

	seq_puts(m, "poolinfo - 0.1\n");
	list_for_each_entry(pool, &dev->dma_pools, pools) {
		struct dma_page *page;
		unsigned int pages = 0;
		size_t blocks = 0;
		unsigned long flags;

		spin_lock_irqsave(&pool->lock, flags);
		list_for_each_entry(page, &pool->page_list, page_list) {
			pages++;
			blocks += page->in_use;
		}
		spin_unlock_irqrestore(&pool->lock, flags);
		seq_printf(m, "%-16s %4zu %4zu %4zu %2u\n", pool->name, blocks,
			   (size_t)pages * (pool->allocation / pool->size),
			   pool->size, pages);
	}
}
