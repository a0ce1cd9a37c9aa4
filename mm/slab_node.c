// SPDX-License-Identifier: GPL-2.0
/*
 * slab_node.c - where a cache's slabs are while no object moves: on the
 * node's lists, held by a CPU, or back in the buddy allocator.
 *
 * Every slab of a cache is in exactly one of these places (slab.c has the
 * paths that move objects between them):
 *  - a cpu slab: the slab some CPU allocates from (c->slab, "frozen"); its
 *    free objects are split between the CPU's own freelist (c->freelist,
 *    the CPU's alone) and the slab's freelist, where other CPUs put the
 *    objects they free into it.  While frozen, inuse counts the objects
 *    that are not on the slab's freelist: those handed out, and those on
 *    the CPU's freelist (tid_nr_free(c->tid) of them);
 *  - the node's lists, each slab by its inuse: partial, full (Linux keeps
 *    this list only when debugging; here always, so that destroy can name
 *    every live object), or empty.  Up to s->min_partial empty slabs stay
 *    as a reserve; another empty one goes back to the buddy allocator.
 * The node's list_lock guards the lists, their counts, and the freelist,
 * inuse and frozen of every slab.  A CPU changes its own c->slab,
 * c->freelist and c->tid with interrupts off and, except on the fast
 * paths' single cmpxchg8b, holding list_lock as well: so that a count of
 * the active objects made under list_lock (kmem_cache_active_objects())
 * sees every CPU's slab and freelist in one consistent state.
 *
 * flush_all() asks every CPU, with an IPI, to give its cpu slab back to
 * the lists (flush_cpu_slab()): the CPU's free objects rejoin the slab's
 * freelist.  Only the CPU itself can do that, since its freelist is
 * changed without a lock.  kmem_cache_shrink(), kmem_cache_destroy() and
 * the validation flush first; the fast paths never wait for it.
 *
 * Slab pages come from the buddy allocator outside list_lock (allocation
 * might sleep) and go back to it outside list_lock too.
 */
#include <bug.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <slab.h>
#include <smp.h>
#include <string.h>

#include "slab_internal.h"

atomic_long_t nr_slab_reclaimable, nr_slab_unreclaimable;

/* --- slabs from and to the buddy allocator ------------------------------ */

static atomic_long_t *slab_page_counter(const struct kmem_cache *s)
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
	slab->frozen = 0;
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

struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab;
	unsigned int order;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	slab = slab_alloc_pages(s, gfp);
	if (!slab) {
		if (!(gfp & __GFP_NOWARN))
			slab_out_of_memory(s, gfp);
		return NULL;
	}
	order = (unsigned int)slab->private; /* as alloc_pages recorded it */
	slab_init(s, slab, order);
	atomic_long_inc(&n->nr_slabs);
	atomic_long_add(slab->objects, &n->total_objects);
	atomic_long_add(1L << order, slab_page_counter(s));
	return slab;
}

void discard_slab(struct kmem_cache *s, struct page *slab)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned int order = slab->slab_order;
	unsigned long nr_pages = 1UL << order;

	if (kmem_cache_debug(s))
		slab_pad_check(s, slab);
	atomic_long_dec(&n->nr_slabs);
	atomic_long_sub(slab->objects, &n->total_objects);
	atomic_long_sub((long)nr_pages, slab_page_counter(s));
	for (unsigned long i = 0; i < nr_pages; i++) {
		ClearPageSlab(slab + i);
		memset(&slab[i].slab_list, 0,
		       sizeof(struct page) - offsetof(struct page, slab_list));
	}
	slab->private = order; /* the page allocator checks it */
	__free_pages(slab, order);
}

/* --- the node's lists (list_lock held) ---------------------------------- */

static struct list_head *slab_list_for(struct kmem_cache_node *n,
				       const struct page *slab,
				       unsigned long **count)
{
	if (!slab->inuse) {
		*count = &n->nr_empty;
		return &n->empty;
	}
	if (slab->inuse == slab->objects) {
		*count = &n->nr_full;
		return &n->full;
	}
	*count = &n->nr_partial;
	return &n->partial;
}

void slab_list_add(struct kmem_cache_node *n, struct page *slab)
{
	unsigned long *count;

	list_add(&slab->slab_list, slab_list_for(n, slab, &count));
	(*count)++;
}

void slab_list_del(struct kmem_cache_node *n, struct page *slab)
{
	unsigned long *count;

	slab_list_for(n, slab, &count);
	list_del_init(&slab->slab_list);
	(*count)--;
}

struct page *get_partial_node(struct kmem_cache_node *n)
{
	struct page *slab;

	slab = list_first_entry_or_null(&n->partial, struct page, slab_list);
	if (!slab)
		slab = list_first_entry_or_null(&n->empty, struct page,
						slab_list);
	if (slab)
		slab_list_del(n, slab);
	return slab;
}

bool slab_keep_empty(struct kmem_cache *s, struct kmem_cache_node *n)
{
	return n->nr_empty < s->min_partial;
}

void slab_fix_inuse(struct kmem_cache *s, struct page *slab, unsigned int inuse)
{
	struct kmem_cache_node *n = get_node(s, 0);
	bool listed = !slab->frozen && !list_empty(&slab->slab_list);

	if (listed)
		slab_list_del(n, slab);
	slab->inuse = inuse & 0x7fff;
	if (listed)
		slab_list_add(n, slab);
}

/* --- the cpu slabs ------------------------------------------------------- */

/*
 * This CPU's slab goes back to the lists (interrupts off: the caller is
 * an IPI handler or has them off).  The objects on the CPU's freelist
 * rejoin the slab's freelist one by one; a free pointer that leaves the
 * slab is reported and the rest of that list stays marked in use.
 */
void flush_cpu_slab(struct kmem_cache *s)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab;
	bool discard = false;
	unsigned int nr;
	void *object;

	spin_lock(&n->list_lock);
	slab = c->slab;
	if (!slab) {
		spin_unlock(&n->list_lock);
		return;
	}
	object = c->freelist;
	nr = tid_nr_free(c->tid);
	c->slab = NULL;
	c->freelist = NULL;
	c->tid = next_tid(c->tid, 0);
	for (; object && nr; nr--) {
		void *next = get_freepointer(s, object);
		bool bad = next && !check_valid_pointer(s, slab, next);

		if (unlikely(bad))
			slab_freelist_corrupt(s, slab, object);
		set_freepointer(s, object, slab->freelist);
		slab->freelist = object;
		slab->inuse--;
		if (unlikely(bad))
			break;
		object = next;
	}
	slab->frozen = 0;
	if (!slab->inuse && !slab_keep_empty(s, n))
		discard = true;
	else
		slab_list_add(n, slab);
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(s, slab);
}

static void flush_cpu_slab_ipi(void *s)
{
	flush_cpu_slab(s);
}

void flush_all(struct kmem_cache *s)
{
	on_each_cpu(flush_cpu_slab_ipi, s, true);
}

void slab_release_empty(struct kmem_cache *s, unsigned long keep)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab, *next;
	unsigned long flags;
	LIST_HEAD(discard);

	if (!keep)
		flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	while (n->nr_empty > keep) {
		slab = list_last_entry(&n->empty, struct page, slab_list);
		slab_list_del(n, slab);
		list_add(&slab->slab_list, &discard);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe(slab, next, &discard, slab_list) {
		list_del(&slab->slab_list);
		discard_slab(s, slab);
	}
}

void for_each_slab_of(struct kmem_cache *s,
		      void (*fn)(struct kmem_cache *s, struct page *slab,
				 void *arg),
		      void *arg)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct list_head *lists[] = { &n->partial, &n->full, &n->empty };
	struct page *slab, *next;
	unsigned long flags;

	spin_lock_irqsave(&n->list_lock, flags);
	for (unsigned int i = 0; i < ARRAY_SIZE(lists); i++)
		list_for_each_entry_safe(slab, next, lists[i], slab_list)
			fn(s, slab, arg);
	spin_unlock_irqrestore(&n->list_lock, flags);
}

/**
 * kmem_cache_active_objects - objects handed out and not freed
 * @cs: the cache
 *
 * The slabs on the lists count their inuse; a CPU's slab counts its inuse
 * less the objects on that CPU's freelist, which tid carries.  Read under
 * list_lock, which every CPU holds when it changes its cpu slab (except
 * for one object at a time on the fast paths): exact when the cache is
 * quiet, and off by no more than the operations in flight otherwise.
 * (Linux's /proc/slabinfo counts every object of a cpu slab as active.)
 *
 * Return: the number of objects in use.
 */
unsigned long kmem_cache_active_objects(const struct kmem_cache *cs)
{
	struct kmem_cache *s = (struct kmem_cache *)cs;
	struct kmem_cache_node *n = get_node(s, 0);
	struct page *slab;
	unsigned long flags;
	long active = 0;
	unsigned int cpu;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list)
		active += slab->inuse;
	list_for_each_entry(slab, &n->full, slab_list)
		active += slab->inuse;
	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		slab = READ_ONCE(c->slab);
		if (slab)
			active += (long)slab->inuse -
				  (long)tid_nr_free(READ_ONCE(c->tid));
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return active > 0 ? (unsigned long)active : 0;
}

/**
 * slab_objects_in_use - objects of one slab handed out and not freed
 * @s: its cache
 * @slab: the slab
 *
 * inuse, less the objects on a CPU's freelist if it is that CPU's slab.
 */
unsigned int slab_objects_in_use(struct kmem_cache *s, struct page *slab)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long flags;
	unsigned int inuse, cpu;

	spin_lock_irqsave(&n->list_lock, flags);
	inuse = slab->inuse;
	if (slab->frozen)
		for_each_possible_cpu(cpu) {
			struct kmem_cache_cpu *c =
				per_cpu_ptr(s->cpu_slab, cpu);

			if (READ_ONCE(c->slab) == slab)
				inuse -= tid_nr_free(READ_ONCE(c->tid));
		}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return inuse;
}

/* --- a cache's own structures ------------------------------------------- */

int init_kmem_cache_nodes(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);

	spin_lock_init(&n->list_lock);
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
	INIT_LIST_HEAD(&n->empty);
	n->nr_partial = n->nr_full = n->nr_empty = 0;
	atomic_long_set(&n->nr_slabs, 0);
	atomic_long_set(&n->total_objects, 0);
	/* Zeroed on every CPU: no slab, an empty freelist, tid 0. */
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	return s->cpu_slab ? 0 : -ENOMEM;
}

void free_kmem_cache_cpus(struct kmem_cache *s)
{
	free_percpu(s->cpu_slab);
	s->cpu_slab = NULL;
}
