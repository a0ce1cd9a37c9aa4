// SPDX-License-Identifier: GPL-2.0
/*
 * slab.c - the slab allocator's core: objects in and out of slabs, and the
 * whole way from kmalloc() and kmem_cache_alloc() to a free list and back.
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
 * here).  The paths, as a request takes them:
 *
 *   kmalloc(size, flags)          slab.h: __kmalloc(), or pages above 8 KB
 *     __kmalloc()                 kmalloc_slab(): size to cache, one lookup
 *   kmem_cache_alloc(s, flags)
 *       slab_alloc()              pop the cpu slab's free list (SLUB's
 *                                 slab_alloc_node() fast path), else
 *         __slab_alloc()          a new cpu slab: a partial one, an empty
 *                                 one, or a new one from the buddy
 *                                 allocator; debugging, reports
 *   kfree(object), kmem_cache_free(s, object)
 *       slab_free()               push onto the cpu slab's free list, else
 *         __slab_free()           a free into another slab: it may move
 *                                 between the lists below; debugging,
 *                                 double-free and other reports
 *
 * Every slab but the cpu slab is on exactly one list of the cache:
 *  - partial: some objects used, some free;
 *  - full: no free object (Linux keeps this list only when debugging);
 *  - empty: no object used.  Up to s->min_partial of them are kept as a
 *    reserve; an empty slab beyond that goes back to the buddy allocator.
 * When the cpu slab runs out it goes to the full list, and the first
 * partial slab (else an empty one, else a new one) takes its place.
 * Caches with debugging have no cpu slab (cpu_slab is NULL), so that all
 * their operations take the checked paths, as in Linux 6.2 and later.
 *
 * Invariants: a slab is the cpu slab or on the list its inuse says;
 * freelist is NULL exactly when inuse == objects; the sum of inuse over all
 * slabs is the number of objects handed out (kmem_cache_active_objects).
 *
 * Free pointers are hardened (slab_internal.h); slab_alloc() follows one
 * only if it stays inside the slab, and __slab_alloc() reports one that
 * does not and abandons the rest of that free list, as Linux does.  A free
 * of the object at the head of its slab's free list is the cheap
 * double-free check.  For caches with debugging, slab_debug.c checks and
 * fills red zones, poison and tracks in __slab_alloc() and __slab_free().
 *
 * Cost, counted with QEMU's -icount (make bench): kmalloc(64) + kfree()
 * is about 100 instructions; with slub_debug=FZPU about 2700.
 *
 * Simpler than Linux: nothing allocates at interrupt time and there is one
 * CPU, so there are no locks, no cmpxchg, no per-CPU partial lists and no
 * NUMA nodes; caches are never merged; free lists are not randomised.
 */
#include <bug.h>
#include <dma-debug.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "slab_internal.h"

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
	for_each_object(p, s, addr, slab->objects) {
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

void slab_fix_inuse(struct kmem_cache *s, struct page *slab, unsigned int inuse)
{
	bool listed = !list_empty(&slab->slab_list);

	if (listed)
		slab_list_del(s, slab);
	slab->inuse = inuse;
	if (listed)
		slab_list_add(s, slab);
}

/* A slab to allocate from, off the lists: partial, else empty, else new. */
static struct page *get_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab;

	slab = list_first_entry_or_null(&s->partial, struct page, slab_list);
	if (!slab)
		slab = list_first_entry_or_null(&s->empty, struct page,
						slab_list);
	if (!slab)
		return new_slab(s, gfp);
	slab_list_del(s, slab);
	return slab;
}

/* The cpu slab ran out: it goes to the full list, another takes over. */
static struct page *refill_cpu_slab(struct kmem_cache *s, gfp_t gfp)
{
	if (s->cpu_slab)
		slab_list_add(s, s->cpu_slab); /* full */
	s->cpu_slab = get_slab(s, gfp);
	return s->cpu_slab;
}

void slab_release_empty(struct kmem_cache *s, unsigned long keep)
{
	struct page *slab = s->cpu_slab;

	if (!keep && slab && !slab->inuse) {
		s->cpu_slab = NULL;
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

	if (s->cpu_slab)
		fn(s, s->cpu_slab, arg);
	for (unsigned int i = 0; i < ARRAY_SIZE(lists); i++)
		list_for_each_entry_safe(slab, next, lists[i], slab_list)
			fn(s, slab, arg);
}

/* --- allocation ---------------------------------------------------------- */

/*
 * The slab to allocate from.  A debug cache takes a slab off its list and
 * puts it back on the list its new state says, so that every operation
 * passes the checks here; any other cache refills its cpu slab.
 */
static struct page *slab_for_alloc(struct kmem_cache *s, gfp_t gfp)
{
	if (kmem_cache_debug(s))
		return get_slab(s, gfp);
	if (s->cpu_slab && s->cpu_slab->freelist)
		return s->cpu_slab;
	return refill_cpu_slab(s, gfp);
}

/*
 * What slab_alloc() leaves: an empty cpu slab (or none), a free pointer
 * that leaves the slab (the end of the list, or corruption: reported
 * here), a debug cache.  addr is the caller of the API, for the tracks.
 */
static noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfp,
				   unsigned long addr)
{
	struct page *slab = slab_for_alloc(s, gfp);
	void *object, *next;

	if (!slab)
		return NULL;
	object = slab->freelist;
	next = get_freepointer(s, object);
	if (unlikely(!check_valid_pointer(s, slab, next))) {
		/* Reported; the rest of the list is lost: all now in use. */
		slab_freelist_corrupt(s, slab, object);
		next = NULL;
		slab_fix_inuse(s, slab, slab->objects - 1);
	}
	slab->freelist = next;
	slab->inuse++;
	if (kmem_cache_debug(s)) {
		alloc_debug_processing(s, slab, object, addr);
		slab_list_add(s, slab);
		if (s->flags & __SLAB_KMEMLEAK)
			kmemleak_alloc(object, s->object_size, 1, gfp);
	}
	return object;
}

/*
 * Take an object: the head of the cpu slab's free list, provided the next
 * free pointer decodes to somewhere inside the same slab.  Anything else
 * is __slab_alloc()'s.  GFP_ZERO clears the object, as Linux's
 * slab_post_alloc_hook().
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp,
					unsigned long addr)
{
	struct page *slab = s->cpu_slab;
	void *object = slab ? slab->freelist : NULL;
	void *next;

	might_alloc(gfp);
	if (likely(object)) {
		next = get_freepointer(s, object);
		if (likely(freeptr_in_slab(s, object, next))) {
			slab->freelist = next;
			slab->inuse++;
			goto out;
		}
	}
	object = __slab_alloc(s, gfp, addr);
out:
	if (unlikely(gfp & GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/* Highmem pages have no address to cut objects from. */
static noinline gfp_t kmalloc_fix_flags(gfp_t gfp)
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
	if (unlikely(gfp & GFP_HIGHMEM))
		gfp = kmalloc_fix_flags(gfp);
	return slab_alloc(s, gfp, _RET_IP_);
}

/* The kmalloc cache index for sizes 1..192, by (size - 1) / 8. */
static const u8 size_index[24] = {
	3, /* 8 */ 4,	/* 16 */ 5,  /* 24 */ 5, /* 32 */
	6, /* 40 */ 6,	/* 48 */ 6,  /* 56 */ 6, /* 64 */
	1, /* 72 */ 1,	/* 80 */ 1,  /* 88 */ 1, /* 96 */
	7, /* 104 */ 7, /* 112 */ 7, /* 120 */ 7, /* 128 */
	2, /* 136 */ 2, /* 144 */ 2, /* 152 */ 2, /* 160 */
	2, /* 168 */ 2, /* 176 */ 2, /* 184 */ 2, /* 192 */
};

/* Which row of kmalloc_caches[]: dma-kmalloc-* for GFP_DMA. */
static inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
{
	if (likely(!(flags & GFP_DMA)))
		return KMALLOC_NORMAL;
	return KMALLOC_DMA;
}

/**
 * kmalloc_slab - the kmalloc cache that serves a request
 * @size: 1..KMALLOC_MAX_CACHE_SIZE
 * @flags: GFP_DMA picks the dma-kmalloc-* caches
 *
 * One table lookup up to 192 bytes (so that 96 and 192 are found), the
 * next power of two above, as Linux.
 *
 * Return: the cache, or NULL for 0 or more than KMALLOC_MAX_CACHE_SIZE.
 */
inline struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	unsigned int index;

	if (size <= 192) {
		if (!size)
			return NULL;
		index = size_index[(size - 1) / 8];
	} else {
		if (size > KMALLOC_MAX_CACHE_SIZE)
			return NULL;
		index = (unsigned int)fls((unsigned int)(size - 1));
	}
	return kmalloc_caches[kmalloc_type(flags)][index];
}

/**
 * __kmalloc - kmalloc() (slab.h): memory of any size, by the byte
 * @size: bytes wanted (0 gives ZERO_SIZE_PTR)
 * @flags: GFP_KERNEL, GFP_ATOMIC, GFP_DMA, GFP_ZERO; GFP_HIGHMEM is refused
 *
 * Return: an object of the smallest kmalloc cache that holds size, pages
 * above KMALLOC_MAX_CACHE_SIZE (kmalloc_large()), or NULL.
 */
void *__kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (WARN(flags & GFP_HIGHMEM,
		 "kmalloc: GFP_HIGHMEM (%#x) ignored: kmalloc memory must have a kernel address\n",
		 flags))
		flags &= ~(gfp_t)GFP_HIGHMEM;
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags, _RET_IP_);
	return slab_alloc(kmalloc_slab(size, flags), flags, _RET_IP_);
}

/* --- freeing ------------------------------------------------------------- */

/*
 * What slab_free() leaves: a free into a slab that is not the cpu slab (it
 * may move between lists, or go back to the buddy allocator), the head of
 * the free list freed again, a debug cache.
 */
static noinline void __slab_free(struct kmem_cache *s, struct page *slab,
				 void *object, unsigned long addr)
{
	/* Every free of a debug cache comes here: slub_debug, the tests. */
	debug_dma_check_freed((unsigned long)__pa(object), s->object_size);
	if (kmem_cache_debug(s)) {
		if (!free_debug_processing(s, slab, object, addr))
			return;
		if (s->flags & __SLAB_KMEMLEAK)
			kmemleak_free(object);
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

/* Push onto the cpu slab's free list; anything else is __slab_free()'s. */
static __always_inline void slab_free(struct kmem_cache *s, struct page *slab,
				      void *object, unsigned long addr)
{
	void *prior = slab->freelist;

	if (likely(slab == s->cpu_slab && object != prior)) {
		set_freepointer(s, object, prior);
		slab->freelist = object;
		slab->inuse--;
		return;
	}
	__slab_free(s, slab, object, addr);
}

/*
 * The cache an object given to kmem_cache_free(s, ...) really belongs to:
 * a WARN if it is another one (the object is freed there, as Linux does),
 * a report and NULL if it is no slab object at all.
 */
static noinline struct kmem_cache *cache_from_obj(struct kmem_cache *s,
						  struct page *slab,
						  const void *object,
						  unsigned long addr)
{
	if (!slab) {
		slab_not_a_slab_object(s, object, addr);
		return NULL;
	}
	slab_wrong_cache(s, slab->slab_cache, (void *)object, addr);
	return slab->slab_cache;
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it was allocated from
 * @object: the object; an address that is not one is reported, not freed
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab = virt_to_slab(object);

	if (unlikely(!slab || slab->slab_cache != s)) {
		s = cache_from_obj(s, slab, object, _RET_IP_);
		if (!s)
			return;
	}
	slab_free(s, slab, object, _RET_IP_);
}

/**
 * kfree - free memory from kmalloc() and its family
 * @object: the pointer kmalloc returned; NULL and ZERO_SIZE_PTR are no-ops
 *
 * Also frees objects of any cache (the page knows its cache), as Linux
 * allows since 6.4.  Pages from kmalloc_large() go back to the page
 * allocator; anything else is reported (kmalloc.c).
 */
void kfree(const void *object)
{
	struct page *slab = virt_to_slab(object);

	if (unlikely(!slab)) {
		kfree_large(object, _RET_IP_);
		return;
	}
	slab_free(slab->slab_cache, slab, (void *)object, _RET_IP_);
}

/* --- lookups ------------------------------------------------------------- */

struct kmem_cache *virt_to_cache(const void *x)
{
	struct page *slab = virt_to_slab(x);

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
