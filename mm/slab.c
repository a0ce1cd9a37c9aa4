// SPDX-License-Identifier: GPL-2.0
/*
 * slab.c - the slab allocator's core: objects in and out of slabs.
 *
 * A slab is a block of 2^order pages from the buddy allocator, cut into
 * objects of s->size bytes.  As in Linux's SLUB, a slab needs no memory of
 * its own: its state lives in the struct page of its first page (freelist,
 * inuse, objects, slab_order), and its free objects are chained through
 * themselves, each holding a pointer to the next one at s->offset.  Every
 * page of the slab is marked PG_slab and points to the cache and to the
 * first page, so kfree() goes from any object to its slab in one lookup.
 *
 * Each cache has one "cpu slab" (Linux has one per CPU; there is one CPU
 * here): allocation pops its free list, freeing into it pushes.  That is
 * the fast path (slab_internal.h): no list is touched and no page is
 * allocated.  Every other slab is on exactly one list of the cache:
 *  - partial: some objects used, some free;
 *  - full: no free object (Linux keeps this list only when debugging);
 *  - empty: no object used.  Up to s->min_partial of them are kept as a
 *    reserve; an empty slab beyond that goes back to the buddy allocator.
 * When the cpu slab runs out it goes to the full list, and the first
 * partial slab (else an empty one, else a new one) takes its place.
 *
 * Invariants: a slab is the cpu slab or on the list its inuse says;
 * freelist is NULL exactly when inuse == objects; the sum of inuse over all
 * slabs is the number of objects handed out (kmem_cache_active_objects).
 *
 * Free pointers are hardened (slab_internal.h); a pointer that decodes to
 * something outside the slab is reported and the rest of that free list is
 * abandoned, as Linux does.  A free of the object at the head of its slab's
 * free list is the cheap double-free check.  Caches with debugging take the
 * slow paths below for every operation, and slab_debug.c checks and fills
 * their red zones, poison and tracks there.
 *
 * Simpler than Linux: nothing allocates at interrupt time and there is one
 * CPU, so there are no locks, no cmpxchg, no per-CPU partial lists and no
 * NUMA nodes; caches are never merged; free lists are not randomised.
 */
#include <bug.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "slab_internal.h"

struct page no_cpu_slab;
unsigned long nr_slab_reclaimable, nr_slab_unreclaimable;

/* --- slabs from and to the buddy allocator ------------------------------ */

static unsigned long *slab_page_counter(const struct kmem_cache *s)
{
	return (s->flags & SLAB_RECLAIM_ACCOUNT) ? &nr_slab_reclaimable :
						   &nr_slab_unreclaimable;
}

static struct page *slab_alloc_pages(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t flags = (gfp & (GFP_ATOMIC | GFP_NOFAIL | __GFP_NOWARN)) |
		      ((s->flags & SLAB_CACHE_DMA) ? GFP_DMA : 0);
	struct page *page;

	/* The preferred order quietly, then the smallest one that fits. */
	page = alloc_pages(flags | __GFP_NOWARN, s->order);
	if (!page && s->min_order < s->order)
		page = alloc_pages(flags, s->min_order);
	return page;
}

/* Mark the pages, then chain every object into the free list. */
static void slab_init(struct kmem_cache *s, struct page *slab,
		      unsigned int order)
{
	unsigned long nr_pages = 1UL << order;
	void *addr = slab_address(slab), *prev = NULL;
	char *p;

	for (unsigned long i = 0; i < nr_pages; i++) {
		SetPageSlab(slab + i);
		slab[i].slab_cache = s;
		slab[i].slab_head = slab;
	}
	INIT_LIST_HEAD(&slab->slab_list);
	slab->slab_order = order & 0xf;
	slab->objects = (PAGE_SIZE << order) / s->size;
	slab->inuse = 0;
	slab->freelist = NULL;
	if (kmem_cache_debug(s))
		setup_slab_debug(s, slab);
	for_each_object(p, s, addr, slab->objects)
	{
		if (kmem_cache_debug(s))
			setup_object_debug(s, p);
		if (s->ctor)
			s->ctor(p);
		if (prev)
			set_freepointer(s, prev, p);
		else
			slab->freelist = p;
		prev = p;
	}
	set_freepointer(s, prev, NULL);
}

static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = slab_alloc_pages(s, gfp);
	unsigned int order;

	if (!slab) {
		if (!(gfp & __GFP_NOWARN))
			slab_out_of_memory(s, gfp);
		return NULL;
	}
	order = (unsigned int)slab->private; /* as alloc_pages recorded it */
	slab_init(s, slab, order);
	s->nr_slabs++;
	s->total_objects += slab->objects;
	*slab_page_counter(s) += 1UL << order;
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	unsigned int order = slab->slab_order;
	unsigned long nr_pages = 1UL << order;

	if (kmem_cache_debug(s))
		slab_pad_check(s, slab);
	s->nr_slabs--;
	s->total_objects -= slab->objects;
	*slab_page_counter(s) -= nr_pages;
	for (unsigned long i = 0; i < nr_pages; i++) {
		ClearPageSlab(slab + i);
		memset(&slab[i].slab_list, 0,
		       sizeof(struct page) - offsetof(struct page, slab_list));
	}
	slab->private = order; /* the page allocator checks it */
	__free_pages(slab, order);
}

/* --- the lists ---------------------------------------------------------- */

static struct list_head *slab_list_for(struct kmem_cache *s,
				       const struct page *slab,
				       unsigned long **count)
{
	if (!slab->inuse) {
		*count = &s->nr_empty;
		return &s->empty;
	}
	if (slab->inuse == slab->objects) {
		*count = &s->nr_full;
		return &s->full;
	}
	*count = &s->nr_partial;
	return &s->partial;
}

/* Put a slab on the list its inuse count says. */
static void slab_list_add(struct kmem_cache *s, struct page *slab)
{
	unsigned long *count;

	list_add(&slab->slab_list, slab_list_for(s, slab, &count));
	(*count)++;
}

/* Take a slab off its list; call before its inuse count changes. */
static void slab_list_del(struct kmem_cache *s, struct page *slab)
{
	unsigned long *count;

	slab_list_for(s, slab, &count);
	list_del_init(&slab->slab_list);
	(*count)--;
}

/* The cpu slab ran out: a partial slab, an empty one or a new one. */
static bool refill_cpu_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = s->cpu_slab;

	if (slab != &no_cpu_slab)
		slab_list_add(s, slab); /* full */
	s->cpu_slab = &no_cpu_slab;
	slab = list_first_entry_or_null(&s->partial, struct page, slab_list);
	if (!slab)
		slab = list_first_entry_or_null(&s->empty, struct page,
						slab_list);
	if (slab)
		slab_list_del(s, slab);
	else
		slab = new_slab(s, gfp);
	if (!slab)
		return false;
	s->cpu_slab = slab;
	return true;
}

void slab_release_empty(struct kmem_cache *s, unsigned long keep)
{
	struct page *slab = s->cpu_slab;

	if (!keep && slab != &no_cpu_slab && !slab->inuse) {
		s->cpu_slab = &no_cpu_slab;
		discard_slab(s, slab);
	}
	while (s->nr_empty > keep) {
		slab = list_last_entry(&s->empty, struct page, slab_list);
		slab_list_del(s, slab);
		discard_slab(s, slab);
	}
}

void for_each_slab_of(struct kmem_cache *s,
		      void (*fn)(struct kmem_cache *s, struct page *slab,
				 void *arg),
		      void *arg)
{
	struct list_head *lists[] = { &s->partial, &s->full, &s->empty };
	struct page *slab, *next;

	if (s->cpu_slab != &no_cpu_slab)
		fn(s, s->cpu_slab, arg);
	for (unsigned int i = 0; i < ARRAY_SIZE(lists); i++)
		list_for_each_entry_safe(slab, next, lists[i], slab_list)
			fn(s, slab, arg);
}

/* --- slow paths --------------------------------------------------------- */

void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	struct page *slab;
	void *object, *next;

	while (!s->cpu_slab->freelist)
		if (!refill_cpu_slab(s, gfp))
			return NULL;
	slab = s->cpu_slab;
	object = slab->freelist;
	next = get_freepointer(s, object);
	if (unlikely(!check_valid_pointer(s, slab, next))) {
		/* Reported; the rest of the list is lost: all now in use. */
		slab_freelist_corrupt(s, slab, object);
		next = NULL;
		slab->inuse = slab->objects - 1;
	}
	slab->freelist = next;
	slab->inuse++;
	if (kmem_cache_debug(s))
		alloc_debug_processing(s, slab, object, caller);
	return object;
}

void __slab_free(struct kmem_cache *s, struct page *slab, void *object,
		 unsigned long caller)
{
	if (kmem_cache_debug(s)) {
		if (!free_debug_processing(s, slab, object, caller))
			return;
	} else if (unlikely(object == slab->freelist)) {
		slab_double_free(s, slab, object);
		return;
	}
	if (slab != s->cpu_slab)
		slab_list_del(s, slab);
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (slab == s->cpu_slab)
		return;
	if (!slab->inuse && s->nr_empty >= s->min_partial)
		discard_slab(s, slab);
	else
		slab_list_add(s, slab);
}

/* --- the API ------------------------------------------------------------ */

/* Highmem pages have no address to cut objects from. */
static gfp_t slab_fix_gfp(gfp_t gfp)
{
	WARN(1,
	     "Unexpected gfp: %#x (GFP_HIGHMEM). Fixing up to gfp: %#x. Fix your code!\n",
	     gfp, gfp & ~(gfp_t)GFP_HIGHMEM);
	return gfp & ~(gfp_t)GFP_HIGHMEM;
}

/**
 * kmem_cache_alloc - allocate an object from a cache
 * @s: the cache
 * @gfp: GFP_KERNEL or GFP_ATOMIC (may use the reserve), GFP_ZERO to zero it
 *
 * Return: the object, or NULL when no slab could be allocated.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	void *object;

	if (unlikely(gfp & GFP_HIGHMEM))
		gfp = slab_fix_gfp(gfp);
	object = slab_alloc(s, gfp, _RET_IP_);
	if (unlikely(gfp & GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it was allocated from
 * @object: the object; an address that is not one is reported, not freed
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab = __virt_to_slab(object);

	if (unlikely(!slab)) {
		slab_not_a_slab_object(s, object, _RET_IP_);
		return;
	}
	if (unlikely(slab->slab_cache != s)) {
		/* Reported; freed where it belongs, as Linux does. */
		slab_wrong_cache(s, slab->slab_cache, object, _RET_IP_);
		s = slab->slab_cache;
	}
	slab_free(s, slab, object, _RET_IP_);
}

struct page *virt_to_slab(const void *x)
{
	return __virt_to_slab(x);
}

struct kmem_cache *virt_to_cache(const void *x)
{
	struct page *slab = __virt_to_slab(x);

	return slab ? slab->slab_cache : NULL;
}

static void count_inuse(struct kmem_cache *s, struct page *slab, void *arg)
{
	*(unsigned long *)arg += slab->inuse;
}

unsigned long kmem_cache_active_objects(const struct kmem_cache *s)
{
	unsigned long active = 0;

	for_each_slab_of((struct kmem_cache *)s, count_inuse, &active);
	return active;
}
