// SPDX-License-Identifier: GPL-2.0
/*
 * mempool.c - guaranteed allocations from a reserve, as Linux's mempool.
 *
 * A pool keeps min_nr elements aside, taken from its allocator when it is
 * created.  mempool_alloc() asks the allocator first, quietly
 * (__GFP_NOWARN: a failure here is expected and handled), and takes from
 * the reserve only when that fails; mempool_free() refills the reserve
 * before giving anything back to the allocator.  So a subsystem that frees
 * what it allocates (a block driver finishing its I/O) always makes
 * progress, however short memory gets: the classic case is writing pages
 * out to free memory, which itself needs memory.
 *
 * Invariant: 0 <= curr_nr <= min_nr, and elements[0 .. curr_nr) are the
 * reserved elements, taken and returned from the top like a stack.
 *
 * The reserve is the pool's shared state: pool->lock guards it, taken with
 * interrupts off as Linux does (an element may be freed from an interrupt
 * handler), and never held across a call into the allocator.
 *
 * Simpler than Linux: nobody sleeps here, so an empty reserve makes
 * mempool_alloc() return NULL where Linux would wait for a free; there is
 * no mempool_resize().
 */
#include <kernel.h>
#include <mempool.h>
#include <mm.h>
#include <slab.h>

static void add_element(mempool_t *pool, void *element)
{
	pool->elements[pool->curr_nr++] = element;
}

static void *remove_element(mempool_t *pool)
{
	return pool->elements[--pool->curr_nr];
}

/**
 * mempool_create - make a pool with a reserve of min_nr elements
 * @min_nr: elements to keep aside (at least 1)
 * @alloc_fn: allocates one element (gfp, pool_data)
 * @free_fn: frees one element (element, pool_data)
 * @pool_data: passed to both: a cache, a size, an order
 *
 * Return: the pool, or NULL if the reserve could not be filled.
 */
mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			  mempool_free_t *free_fn, void *pool_data)
{
	mempool_t *pool;

	if (min_nr < 1)
		return NULL;
	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return NULL;
	pool->elements =
		kmalloc_array((size_t)min_nr, sizeof(void *), GFP_KERNEL);
	spin_lock_init(&pool->lock);
	pool->min_nr = min_nr;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	if (!pool->elements) {
		kfree(pool);
		return NULL;
	}
	while (pool->curr_nr < pool->min_nr) {
		void *element = pool->alloc(GFP_KERNEL, pool->pool_data);

		if (!element) {
			mempool_destroy(pool);
			return NULL;
		}
		add_element(pool, element);
	}
	return pool;
}

/**
 * mempool_destroy - free the reserve and the pool
 * @pool: the pool, or NULL; every element taken from it must be back
 */
void mempool_destroy(mempool_t *pool)
{
	if (!pool)
		return;
	while (pool->curr_nr)
		pool->free(remove_element(pool), pool->pool_data);
	kfree(pool->elements);
	kfree(pool);
}

/**
 * mempool_alloc - an element from the allocator, else from the reserve
 * @pool: the pool
 * @gfp: for the allocator (GFP_ATOMIC lets it use the page reserve)
 *
 * Return: an element; NULL only when the allocator fails and the reserve
 * is empty (Linux would wait for a mempool_free() instead).
 */
void *mempool_alloc(mempool_t *pool, gfp_t gfp)
{
	void *element = pool->alloc(gfp | __GFP_NOWARN, pool->pool_data);
	unsigned long flags;

	if (element)
		return element;
	spin_lock_irqsave(&pool->lock, flags);
	if (pool->curr_nr)
		element = remove_element(pool);
	spin_unlock_irqrestore(&pool->lock, flags);
	return element;
}

/**
 * mempool_free - give an element back: to the reserve if it is short
 * @element: from mempool_alloc() on this pool, or NULL
 * @pool: the pool
 */
void mempool_free(void *element, mempool_t *pool)
{
	unsigned long flags;

	if (!element)
		return;
	/* Unlocked first look, as Linux: a full reserve is the common case. */
	if (unlikely(READ_ONCE(pool->curr_nr) < pool->min_nr)) {
		spin_lock_irqsave(&pool->lock, flags);
		if (pool->curr_nr < pool->min_nr) {
			add_element(pool, element);
			element = NULL;
		}
		spin_unlock_irqrestore(&pool->lock, flags);
		if (!element)
			return;
	}
	pool->free(element, pool->pool_data);
}

void *mempool_alloc_slab(gfp_t gfp, void *pool_data)
{
	return kmem_cache_alloc(pool_data, gfp);
}

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(pool_data, element);
}

void *mempool_kmalloc(gfp_t gfp, void *pool_data)
{
	return kmalloc((size_t)pool_data, gfp);
}

void mempool_kfree(void *element, void *pool_data)
{
	kfree(element);
}

void *mempool_alloc_pages(gfp_t gfp, void *pool_data)
{
	return alloc_pages(gfp, (unsigned int)(long)pool_data);
}

void mempool_free_pages(void *element, void *pool_data)
{
	__free_pages(element, (unsigned int)(long)pool_data);
}
