/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mempool.h - a reserve of preallocated elements for allocations that must
 * not fail, as Linux's mempool.
 *
 *	mempool_t *pool = mempool_create_kmalloc_pool(4, sizeof(struct io));
 *	struct io *io = mempool_alloc(pool, GFP_KERNEL);  // even when memory is short
 *	mempool_free(io, pool);                           // refills the reserve first
 *	mempool_destroy(pool);
 *
 * mempool_alloc() asks the allocator first and takes from the reserve only
 * when the allocator fails.  Linux would then wait for an element to come
 * back; this kernel cannot sleep, so an empty reserve gives NULL.
 */
#ifndef _MEMPOOL_H
#define _MEMPOOL_H

#include <gfp.h>
#include <spinlock.h>
#include <types.h>

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp, void *pool_data);
typedef void(mempool_free_t)(void *element, void *pool_data);

typedef struct mempool_s {
	spinlock_t lock; /* guards the reserve; interrupts off while held */
	int min_nr; /* elements the reserve holds when full */
	int curr_nr; /* elements in it now */
	void **elements; /* the reserve: elements[0 .. curr_nr) */
	void *pool_data; /* for alloc and free: a cache, a size, an order */
	mempool_alloc_t *alloc; /* the allocator behind the pool */
	mempool_free_t *free; /* and how to give an element back to it */
} mempool_t;

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			  mempool_free_t *free_fn, void *pool_data);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp);
void mempool_free(void *element, mempool_t *pool);

/* The usual allocators behind a pool. */
void *mempool_alloc_slab(gfp_t gfp, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);
void *mempool_kmalloc(gfp_t gfp, void *pool_data);
void mempool_kfree(void *element, void *pool_data);
void *mempool_alloc_pages(gfp_t gfp, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);

/* Objects of a slab cache. */
static inline mempool_t *mempool_create_slab_pool(int min_nr,
						  struct kmem_cache *cache)
{
	return mempool_create(min_nr, mempool_alloc_slab, mempool_free_slab,
			      cache);
}

/* kmalloc(size) buffers. */
static inline mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kmalloc, mempool_kfree,
			      (void *)size);
}

/* Blocks of 2^order pages (struct page *, lowmem or highmem). */
static inline mempool_t *mempool_create_page_pool(int min_nr, int order)
{
	return mempool_create(min_nr, mempool_alloc_pages, mempool_free_pages,
			      (void *)(long)order);
}

#endif /* _MEMPOOL_H */
