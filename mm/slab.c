// SPDX-License-Identifier: GPL-2.0
/*
 * slab.c - the slab allocator's core: objects in and out of slabs, and the
 * whole way from kmalloc() and kmem_cache_alloc() to a free list and back.
 *
 * A slab is a block of 2^order pages from the buddy allocator, cut into
 * objects of s->size bytes.  As in Linux's SLUB, a slab needs no memory of
 * its own: its state lives in the struct page of its first page (freelist,
 * inuse, objects, slab_order, frozen), and its free objects are chained
 * through themselves, each holding a pointer to the next one at s->offset.
 * Every page of the slab is marked PG_slab and points to the cache and to
 * the first page, so kfree() goes from any object to its slab in one
 * lookup.
 *
 * Each CPU has its own slab of each cache, the "cpu slab" (SLUB's struct
 * kmem_cache_cpu, in the CPU's per-CPU area), and its own list of that
 * slab's free objects, c->freelist: allocating on CPU 1 and freeing there
 * touches nothing another CPU uses, and takes no lock.  The paths, as a
 * request takes them:
 *
 *   kmalloc(size, flags)          slab.h: __kmalloc(), or pages above 8 KB
 *     __kmalloc()                 kmalloc_slab(): size to cache, one lookup
 *   kmem_cache_alloc(s, flags)
 *       slab_alloc()              pop this CPU's freelist (SLUB's
 *                                 slab_alloc_node() fast path), else
 *         __slab_alloc()          refill: the objects other CPUs freed
 *                                 into the cpu slab, else a new cpu slab:
 *                                 a partial one, an empty one, or a new
 *                                 one from the buddy allocator; debugging
 *   kfree(object), kmem_cache_free(s, object)
 *       slab_free()               push onto this CPU's freelist if the
 *                                 object is from this CPU's slab, else
 *         __slab_free()           onto its slab's own freelist, under the
 *                                 node's list_lock; the slab may move
 *                                 between lists; debugging, double frees
 *
 * The fast paths are lock-free and interrupt-safe without turning
 * interrupts off: they read the pair (c->freelist, c->tid), compute, and
 * replace the pair with one cmpxchg8b through %fs.  If an interrupt
 * handler allocated or freed on this CPU in between, tid moved on and the
 * cmpxchg fails: the fast path starts again (Linux's scheme, whose tid
 * also names the CPU, against a task preempted and moved to another CPU
 * in between; here a task changes CPU only when it sleeps, and no fast
 * path sleeps: the kernel is not preemptible).  Every slow path runs with interrupts off and changes the
 * CPU's fields under list_lock, so they always agree with the slabs'
 * counts.  Where the slabs are, and the rules for each place, is
 * slab_node.c's part.
 *
 * Free pointers are hardened (slab_internal.h); slab_alloc() follows one
 * only if it stays inside the slab, and __slab_alloc() reports one that
 * does not and abandons the rest of that free list, as Linux does.  A free
 * of the object at the head of a free list is the cheap double-free
 * check.  Caches with debugging never get a cpu slab (as in Linux 6.2 and
 * later): every operation takes the slow path, where slab_debug.c checks
 * and fills red zones, poison and tracks, under list_lock.
 *
 * Cost, counted with QEMU's -icount (make bench): kmalloc(64) + kfree()
 * is about 100 instructions; with slub_debug=FZPU about 2700.
 *
 * Simpler than Linux: no per-CPU partial lists, no NUMA nodes; caches are
 * never merged; free lists are not randomised; list_lock (not a cmpxchg
 * on the slab's freelist and counters) guards the frees into another
 * CPU's slab.
 */
#include <bug.h>
#include <dma-debug.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "slab_internal.h"

/* --- allocation ---------------------------------------------------------- */

/*
 * Take the CPU's freelist from `freelist` (nr objects): its first object
 * is the one allocated.  The next free pointer is checked here: if it
 * leaves the slab it is reported, and the rest of the list is lost (those
 * objects stay counted in use, "Marking all objects used").  Interrupts
 * off, list_lock held.
 */
static void *load_freelist(struct kmem_cache *s, struct kmem_cache_cpu *c,
			   void *freelist, unsigned int nr)
{
	void *next = get_freepointer(s, freelist);

	if (unlikely(next && !check_valid_pointer(s, c->slab, next))) {
		slab_freelist_corrupt(s, c->slab, freelist);
		next = NULL;
		nr = 1;
	}
	c->freelist = next;
	c->tid = next_tid(c->tid, next ? nr - 1 : 0);
	return freelist;
}

/*
 * Make slab this CPU's slab: every free object on its freelist becomes the
 * CPU's own (list_lock held).  Returns the freelist, NULL if it has none.
 */
static void *freeze_slab(struct kmem_cache_cpu *c, struct page *slab,
			 unsigned int *nr)
{
	void *freelist = slab->freelist;

	*nr = slab->objects - slab->inuse;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = 1;
	c->slab = slab;
	return freelist;
}

/*
 * A debug cache: no cpu slab; take an object from a listed slab and check
 * it, all under list_lock, and put the slab back where its count says.
 */
static void *slab_alloc_debug(struct kmem_cache *s, gfp_t gfp,
			      unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab;
	unsigned long flags;
	void *object, *next;

	spin_lock_irqsave(&n->list_lock, flags);
	slab = get_partial_node(n);
	if (!slab) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&n->list_lock, flags);
	}
	object = slab->freelist;
	next = get_freepointer(s, object);
	if (unlikely(!check_valid_pointer(s, slab, next))) {
		/* Reported; the rest of the list is lost: all now in use. */
		slab_freelist_corrupt(s, slab, object);
		next = NULL;
		slab->inuse = (slab->objects - 1) & 0x7fff;
	}
	slab->freelist = next;
	slab->inuse++;
	alloc_debug_processing(s, slab, object, addr);
	slab_list_add(n, slab);
	if (s->flags & __SLAB_KMEMLEAK)
		kmemleak_alloc(object, s->object_size, 1, gfp);
	spin_unlock_irqrestore(&n->list_lock, flags);
	return object;
}

/*
 * A new slab from the buddy allocator, made this CPU's slab (interrupts
 * on as the caller had them while it is allocated).  If an interrupt
 * handler gave this CPU a slab meanwhile, the new one goes to the lists
 * and the caller tries again: NULL with *retry.
 */
static void *new_cpu_slab(struct kmem_cache *s, gfp_t gfp, unsigned long *flags,
			  bool *retry)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct kmem_cache_cpu *c;
	struct page *slab;
	void *freelist;
	unsigned int nr;

	local_irq_restore(*flags);
	slab = new_slab(s, gfp);
	local_irq_save(*flags);
	if (!slab)
		return NULL;
	c = this_cpu_ptr(s->cpu_slab);
	spin_lock(&n->list_lock);
	if (unlikely(c->slab)) {
		slab_list_add(n, slab);
		spin_unlock(&n->list_lock);
		*retry = true;
		return NULL;
	}
	freelist = freeze_slab(c, slab, &nr);
	freelist = load_freelist(s, c, freelist, nr);
	spin_unlock(&n->list_lock);
	return freelist;
}

/*
 * What slab_alloc() leaves, with interrupts off: an object whose next free
 * pointer leaves the slab (the end of the list, or corruption), an empty
 * freelist (refill it), a debug cache.  addr is the caller of the API, for
 * the tracks.
 */
static noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfp,
				   unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object = NULL;
	bool retry;
	unsigned int nr;

	if (kmem_cache_debug(s))
		return slab_alloc_debug(s, gfp, addr);
	local_irq_save(flags);
	do {
		retry = false;
		c = this_cpu_ptr(s->cpu_slab);
		spin_lock(&n->list_lock);
		if (c->freelist) {
			object = load_freelist(s, c, c->freelist,
					       tid_nr_free(c->tid));
		} else if (c->slab && c->slab->freelist) {
			/* What other CPUs freed into our slab meanwhile. */
			object = freeze_slab(c, c->slab, &nr);
			object = load_freelist(s, c, object, nr);
		} else {
			if (c->slab) { /* full: it goes to the full list */
				c->slab->frozen = 0;
				slab_list_add(n, c->slab);
				c->slab = NULL;
				c->tid = next_tid(c->tid, 0);
			}
			object = NULL;
			c->slab = get_partial_node(n);
			if (c->slab) {
				object = freeze_slab(c, c->slab, &nr);
				object = load_freelist(s, c, object, nr);
			}
		}
		spin_unlock(&n->list_lock);
		if (!object)
			object = new_cpu_slab(s, gfp, &flags, &retry);
	} while (unlikely(retry));
	local_irq_restore(flags);
	return object;
}

/*
 * Take an object: the head of this CPU's freelist, provided the next free
 * pointer decodes to somewhere inside the same slab.  The pair (freelist,
 * tid) is read, then replaced in one cmpxchg8b: if an interrupt handler
 * used this CPU's freelist in between, tid differs and the pop starts
 * again.  Anything else is __slab_alloc()'s.  GFP_ZERO clears the object,
 * as Linux's slab_post_alloc_hook().
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_cpu *c = s->cpu_slab;
	unsigned long tid;
	void *object, *next;

redo:
	tid = this_cpu_read(c->tid);
	barrier(); /* tid before freelist: see slab_free() */
	object = this_cpu_read(c->freelist);
	if (likely(object)) {
		next = get_freepointer(s, object);
		if (likely(freeptr_in_slab(s, object, next))) {
			if (unlikely(!this_cpu_cmpxchg_double(
				    c->freelist, c->tid, object, tid, next,
				    tid + TID_STEP - 1)))
				goto redo;
			goto out;
		}
	}
	/* _RET_IP_ of the API function this is inlined into: its caller. */
	object = __slab_alloc(s, gfp, _RET_IP_);
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
	return slab_alloc(s, gfp);
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
	BUILD_BUG_ON(GFP_DMA != 2 || KMALLOC_DMA != 1);
	return (enum kmalloc_cache_type)((flags & GFP_DMA) >> 1);
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
	return slab_alloc(kmalloc_slab(size, flags), flags);
}

/* --- freeing ------------------------------------------------------------- */

/* Is object the head of a free list it would be pushed on (irqs off)? */
static bool slab_free_is_double(struct kmem_cache *s, struct page *slab,
				void *object)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);

	return object == slab->freelist ||
	       (slab == c->slab && object == c->freelist);
}

/*
 * The slab takes back `cnt` objects, chained from head down to what was
 * its freelist (list_lock held, interrupts off).  A listed slab changes
 * lists only when it was full or becomes empty (a CPU's slab is on none:
 * that CPU takes the objects back).  Returns true for an empty slab
 * beyond the cache's reserve, off every list: the caller gives it back to
 * the buddy allocator once the lock is dropped.
 */
static __always_inline bool slab_free_to_slab(struct kmem_cache *s,
					      struct kmem_cache_node *n,
					      struct page *slab, void *head,
					      unsigned int cnt)
{
	slab->freelist = head;
	if (slab->frozen ||
	    (slab->inuse != slab->objects && slab->inuse != cnt)) {
		slab->inuse -= cnt;
		return false;
	}
	slab_list_del(n, slab); /* by its count before the free */
	slab->inuse -= cnt;
	if (!slab->inuse && !slab_keep_empty(s, n))
		return true;
	slab_list_add(n, slab);
	return false;
}

/*
 * What slab_free() leaves: a free into a slab that is not this CPU's (it
 * may be another CPU's: the object waits on the slab's freelist until that
 * CPU runs out; else the slab may move between lists or go back to the
 * buddy allocator), the head of a free list freed again, a debug cache.
 */
static noinline void __slab_free(struct kmem_cache *s, struct page *slab,
				 void *object, unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	bool discard = false;

	/* Every free of a debug cache comes here: slub_debug, the tests. */
	debug_dma_check_freed((unsigned long)__pa(object), s->object_size);
	spin_lock_irqsave(&n->list_lock, flags);
	if (kmem_cache_debug(s)) {
		if (!free_debug_processing(s, slab, object, addr))
			goto out;
		if (s->flags & __SLAB_KMEMLEAK)
			kmemleak_free(object);
	} else if (unlikely(slab_free_is_double(s, slab, object))) {
		slab_double_free(s, slab, object);
		goto out;
	}
	set_freepointer(s, object, slab->freelist);
	discard = slab_free_to_slab(s, n, slab, object, 1);
out:
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (discard)
		discard_slab(s, slab);
}

/*
 * Push onto this CPU's freelist if the object is from this CPU's slab, in
 * one cmpxchg8b of (freelist, tid) as slab_alloc() pops; anything else is
 * __slab_free()'s.  tid is read first, so that a c->slab read after it
 * belongs to the same transaction or the cmpxchg fails.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *slab,
				      void *object)
{
	struct kmem_cache_cpu *c = s->cpu_slab;
	unsigned long tid;
	void *prior;

redo:
	tid = this_cpu_read(c->tid);
	barrier();
	prior = this_cpu_read(c->freelist);
	if (likely(slab == this_cpu_read(c->slab) && object != prior)) {
		set_freepointer(s, object, prior);
		if (unlikely(!this_cpu_cmpxchg_double(c->freelist, c->tid,
						      prior, tid, object,
						      tid + TID_STEP + 1)))
			goto redo;
		return;
	}
	__slab_free(s, slab, object, _RET_IP_); /* the API's caller */
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

/*
 * kmem_cache_free(), inline: the tracks and reports name the caller of
 * the API function it is inlined into (kmem_cache_free_bulk() too).
 */
static __always_inline void __kmem_cache_free(struct kmem_cache *s,
					      void *object)
{
	struct page *slab = virt_to_slab(object);

	if (unlikely(!slab || slab->slab_cache != s)) {
		s = cache_from_obj(s, slab, object, _RET_IP_);
		if (!s)
			return;
	}
	slab_free(s, slab, object);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it was allocated from
 * @object: the object; an address that is not one is reported, not freed
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	__kmem_cache_free(s, object);
}

/*
 * kmem_cache_free_bulk()'s objects from p[*i] on that share one slab
 * (Linux's detached freelist): each pushed on the chain as a free one at
 * a time would push it on the slab's or the CPU's freelist, from the
 * head the objects go to, so the same double frees are caught (the
 * object at the head, or more objects than the slab has in use:
 * reported and skipped); then the chain joins that freelist at once.
 * dma-debug checks each object only if some mapping may overlap the
 * slab.  list_lock held, interrupts off; returns true for an emptied
 * slab to discard (slab_free_to_slab()).
 */
static bool slab_free_detached(struct kmem_cache *s, struct kmem_cache_node *n,
			       struct page *slab, void **p, size_t *i,
			       size_t size)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	bool cpu_slab = slab == c->slab;
	void *head = cpu_slab ? c->freelist : slab->freelist;
	bool dma = debug_dma_may_overlap(
		(unsigned long)__pa(slab_address(slab)), slab_size(slab));
	/* In use: a cpu slab's count includes the CPU's free objects. */
	unsigned int in_use =
		slab->inuse - (cpu_slab ? tid_nr_free(c->tid) : 0);
	unsigned int cnt = 0;

	for (; *i < size && virt_to_slab(p[*i]) == slab; ++*i) {
		if (unlikely(dma))
			debug_dma_check_freed((unsigned long)__pa(p[*i]),
					      s->object_size);
		if (unlikely(p[*i] == head || cnt == in_use)) {
			slab_double_free(s, slab, p[*i]);
			continue;
		}
		set_freepointer(s, p[*i], head);
		head = p[*i];
		cnt++;
	}
	if (!cpu_slab)
		return cnt && slab_free_to_slab(s, n, slab, head, cnt);
	c->freelist = head;
	c->tid = c->tid + cnt * (TID_STEP + 1); /* as cnt slab_free()s */
	return false;
}

/**
 * kmem_cache_free_bulk - give many objects back to their cache at once
 * @s: the cache they were allocated from
 * @size: how many
 * @p: the objects
 *
 * What kmem_cache_free() does to each, with interrupts off and the node's
 * list_lock taken once for them all; the objects of one slab that follow
 * each other in p join its freelist together (Linux's since 4.6).  The
 * checks stay those of every free: an object of no slab or of another
 * cache is reported by kmem_cache_free() (the lock dropped for it), a
 * double free as slab_free_detached() says; a debug cache's objects go
 * one at a time through kmem_cache_free(), which checks them.  Emptied
 * slabs beyond the reserve go back to the buddy allocator at the end,
 * outside the lock.
 */
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab, *next;
	LIST_HEAD(discard);
	unsigned long flags;
	size_t i = 0;

	if (kmem_cache_debug(s)) {
		for (; i < size; i++)
			__kmem_cache_free(s, p[i]);
		return;
	}
	spin_lock_irqsave(&n->list_lock, flags);
	while (i < size) {
		slab = virt_to_slab(p[i]);
		if (unlikely(!slab || slab->slab_cache != s)) {
			spin_unlock_irqrestore(&n->list_lock, flags);
			/* Reported; another cache's object is freed there. */
			__kmem_cache_free(s, p[i++]);
			spin_lock_irqsave(&n->list_lock, flags);
		} else if (slab_free_detached(s, n, slab, p, &i, size)) {
			list_add(&slab->slab_list, &discard);
		}
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe(slab, next, &discard, slab_list)
		discard_slab(s, slab);
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
	slab_free(slab->slab_cache, slab, (void *)object);
}

/* --- lookups ------------------------------------------------------------- */

struct kmem_cache *virt_to_cache(const void *x)
{
	struct page *slab = virt_to_slab(x);

	return slab ? slab->slab_cache : NULL;
}
