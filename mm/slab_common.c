// SPDX-License-Identifier: GPL-2.0
/*
 * slab_common.c - the life of a cache: its layout, its creation at boot and
 * later, shrinking and destruction.
 *
 * The layout (calculate_sizes) is Linux's: the object is rounded up to a
 * word and to the alignment; debugging adds red zones, an outside free
 * pointer and two tracks (slab_internal.h draws it).  The slab order is the
 * smallest that holds at least 8 objects (Linux's 4 * (fls(CPUs) + 1)) with
 * at most 1/16 of the slab wasted, relaxing to 1/8 and 1/4 waste and then
 * to fewer objects, up to order 3; a bigger object gets the smallest order
 * that holds it at all.  So kmalloc-512 slabs are one page of 8 objects and
 * kmalloc-1k slabs two pages of 8, exactly as /proc/slabinfo shows on Linux.
 *
 * The caches are themselves objects of the cache "kmem_cache".  That cache
 * cannot allocate its own struct before it exists, so kmem_cache_init()
 * builds it in a static struct, allocates the first object from it, copies
 * the static struct into that object and points every slab at the copy
 * (Linux's bootstrap()).  From then on kmem_cache_create() is an ordinary
 * allocation, and the kmalloc caches are made next.
 *
 * slab_mutex guards the list of caches: creating and destroying a cache,
 * and every walk of the list (/proc/slabinfo, the tests' leak checks).  A
 * mutex, not a spinlock, as in Linux: its holder allocates (the cache's
 * name and struct) and waits for every CPU to flush its cpu slab.
 */
#include <asm/processor.h>
#include <bug.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <slab.h>
#include <sprintf.h>
#include <stack.h>
#include <string.h>

#include "slab_internal.h"

#define MIN_PARTIAL 5 /* empty slabs kept at least ... */
#define MAX_PARTIAL 10 /* ... and at most (Linux's bounds) */
#define SLUB_MIN_OBJECTS 8 /* 4 * (fls(nr_cpus) + 1), one CPU */

/* Flags kmem_cache_create() accepts. */
#define SLAB_CREATE_MASK                                                       \
	(SLAB_DEBUG_FLAGS | SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_PANIC | \
	 SLAB_RECLAIM_ACCOUNT | SLAB_NO_USER_FLAGS | SLAB_KMALLOC |            \
	 SLAB_NOLEAKTRACE)

LIST_HEAD(slab_caches);
DEFINE_MUTEX(slab_mutex);
struct kmem_cache *kmem_cache;

/* --- layout ------------------------------------------------------------- */

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = cache_line_size();

		/* Small objects share a line rather than each wasting one. */
		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, (unsigned int)sizeof(void *));
}

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)((PAGE_SIZE << order) / size);
}

/* The smallest order with min_objects and at most 1/fract wasted. */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract)
{
	unsigned int order;

	if (order_objects(0, size) > MAX_OBJS_PER_SLAB)
		return get_order((unsigned long)size * MAX_OBJS_PER_SLAB) - 1;
	for (order = get_order((unsigned long)min_objects * size);
	     order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract)
			break;
	}
	return order;
}

static int calculate_order(unsigned int size)
{
	unsigned int min_objects = SLUB_MIN_OBJECTS, order;

	min_objects = min(min_objects, order_objects(SLUB_MAX_ORDER, size));
	for (; min_objects > 1; min_objects--) {
		for (unsigned int fract = 16; fract >= 4; fract /= 2) {
			order = calc_slab_order(size, min_objects,
						SLUB_MAX_ORDER, fract);
			if (order <= SLUB_MAX_ORDER)
				return (int)order;
		}
	}
	/* One object per slab: the smallest order that holds it. */
	order = calc_slab_order(size, 1, MAX_ORDER - 1, 1);
	return order < MAX_ORDER ? (int)order : -E2BIG;
}

/* Where the free pointer, the red zones and the tracks go; then the order. */
static int calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_POISON) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	/* A right red zone of at least a word. */
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	/*
	 * The free pointer goes after the object when the object must keep
	 * its bytes while free (poison, constructor) or is too small; else in
	 * its middle, where a small overflow of the previous object misses it.
	 */
	if ((flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2,
				       (unsigned int)sizeof(void *));
	}
	size += slab_debug_metadata_size(flags);
	if (flags & SLAB_RED_ZONE)
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
	size = ALIGN(size + s->red_left_pad, s->align);
	s->size = size;
	order = calculate_order(size);
	if (order < 0)
		return order;
	s->order = (unsigned int)order;
	s->objects = order_objects(s->order, size);
	s->min_order = get_order(size);
	s->slab_mask = ~((PAGE_SIZE << s->order) - 1);
	return 0;
}

/* No random number generator: the TSC, mixed (xorshift). */
static unsigned long slab_random_long(void)
{
	static u32 state;
	u32 x = state ^ (u32)rdtsc();

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	state = x;
	return x | 1; /* never 0: an encoded NULL must not be NULL */
}

int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = kmem_cache_flags(name, flags);
	s->align = calculate_alignment(flags, align, size);
	s->random = slab_random_long();
	if (calculate_sizes(s))
		return -E2BIG;
	/* Linux's ilog2(size) / 2, within [MIN_PARTIAL, MAX_PARTIAL]. */
	s->min_partial = clamp((unsigned int)(fls(s->size) - 1) / 2,
			       (unsigned int)MIN_PARTIAL,
			       (unsigned int)MAX_PARTIAL);
	if (init_kmem_cache_nodes(s))
		return -ENOMEM;
	list_add(&s->list, &slab_caches);
	return 0;
}

/* --- create, shrink, destroy -------------------------------------------- */

/* Why the arguments cannot make a cache (into why), or 0. */
static int kmem_cache_sanity_check(const char *name, unsigned int size,
				   unsigned int align, slab_flags_t flags,
				   char *why, size_t len)
{
	if (!name || !*name)
		snprintf(why, len, "a cache needs a name");
	else if (!size || size > KMALLOC_MAX_SIZE)
		snprintf(
			why, len,
			"object size %u is not between 1 and KMALLOC_MAX_SIZE (%lu)",
			size, KMALLOC_MAX_SIZE);
	else if (align && !is_power_of_2(align))
		snprintf(why, len, "alignment %u is not a power of two", align);
	else if (flags & ~(slab_flags_t)SLAB_CREATE_MASK)
		snprintf(why, len, "unknown flags %#x",
			 flags & ~(slab_flags_t)SLAB_CREATE_MASK);
	else
		return 0;
	return -EINVAL;
}

/**
 * kmem_cache_create - make a cache of objects of one size
 * @name: shown in /proc/slabinfo (copied unless it is a string constant)
 * @size: bytes per object, at most KMALLOC_MAX_SIZE
 * @align: minimum alignment (a power of two) or 0
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_PANIC, debugging flags
 * @ctor: called on each object once, when its slab is made; may be NULL
 *
 * Return: the cache, or NULL (with SLAB_PANIC: a panic) if the arguments
 * are wrong or memory is short.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	const char *cache_name = NULL;
	struct kmem_cache *s = NULL;
	char why[96] = "no memory for the cache or its name";
	int err = kmem_cache_sanity_check(name, size, align, flags, why,
					  sizeof(why));

	if (err)
		goto out;
	err = -ENOMEM;
	mutex_lock(&slab_mutex);
	cache_name = kstrdup_const(name, GFP_KERNEL);
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (cache_name && s)
		err = __kmem_cache_create(s, cache_name, size, align, flags,
					  ctor);
	mutex_unlock(&slab_mutex);
	if (err == -E2BIG)
		snprintf(
			why, sizeof(why),
			"%u-byte objects (%u with their metadata) need a slab above order %d",
			size, s->size, MAX_ORDER - 1);
out:
	if (!err)
		return s;
	kmem_cache_free(kmem_cache, s);
	kfree_const(cache_name);
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d: %s\n",
		      name ? name : "(null)", err, why);
	pr_warn("kmem_cache_create(%s) failed with error %d: %s\n",
		name ? name : "(null)", err, why);
	dump_stack();
	return NULL;
}

/**
 * kmem_cache_shrink - give every empty slab back to the buddy allocator
 * @s: the cache
 *
 * Every CPU first gives its cpu slab back to the lists (an IPI to each,
 * waited for), so that an empty cpu slab goes too.
 *
 * Return: 0.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	slab_release_empty(s, 0);
	return 0;
}

/* Every cache's empty slabs back (drop_caches 2, Linux's drop_slab()). */
void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;

	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	mutex_unlock(&slab_mutex);
}

static void list_remaining(struct kmem_cache *s, struct page *slab, void *arg)
{
	if (slab->inuse)
		list_slab_objects(s, slab);
}

/**
 * kmem_cache_destroy - remove a cache whose objects have all been freed
 * @s: the cache, or NULL
 *
 * A cache that still has objects is reported (each object, with its
 * allocator when SLAB_STORE_USER) and kept: freeing its slabs would leave
 * those objects pointing into free pages.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (WARN(s->flags & SLAB_KMALLOC || s == kmem_cache,
		 "kmem_cache_destroy %s: a boot cache is never destroyed\n",
		 s->name))
		return;
	mutex_lock(&slab_mutex);
	kmem_cache_shrink(s);
	if (atomic_long_read(&get_node(s, 0)->nr_slabs)) {
		for_each_slab_of(s, list_remaining, NULL);
		mutex_unlock(&slab_mutex);
		WARN(1,
		     "kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		     s->name, (void *)_RET_IP_);
		return;
	}
	list_del(&s->list);
	mutex_unlock(&slab_mutex);
	free_kmem_cache_cpus(s);
	kfree_const(s->name);
	kmem_cache_free(kmem_cache, s);
}

/* The cache called `name`, or NULL (slab_mutex held, or no cache goes). */
struct kmem_cache *find_kmem_cache(const char *name)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

/* --- boot --------------------------------------------------------------- */

static void __init bootstrap_fix_slab(struct kmem_cache *s, struct page *slab,
				      void *arg)
{
	for (unsigned long i = 0; i < (1UL << slab->slab_order); i++)
		slab[i].slab_cache = s;
}

/*
 * Move the cache from its static struct into an object of itself.  The
 * boot CPU's cpu slab goes to the lists first (interrupts are still off),
 * so that every slab is on a list whose head moves with the struct.
 */
static struct kmem_cache *__init bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(static_cache, GFP_KERNEL);
	struct kmem_cache_node *n = get_node(s, 0);
	struct kmem_cache_node *sn = get_node(static_cache, 0);

	if (!s)
		panic("SLUB: cannot allocate the kmem_cache cache");
	flush_cpu_slab(static_cache);
	memcpy(s, static_cache, sizeof(*s));
	list_replace_init(&sn->partial, &n->partial);
	list_replace_init(&sn->full, &n->full);
	list_replace_init(&sn->empty, &n->empty);
	list_replace_init(&static_cache->list, &s->list);
	for_each_slab_of(s, bootstrap_fix_slab, NULL);
	return s;
}

/* Every kmalloc cache serves an allocation and takes it back. */
static bool __init slab_self_check(void)
{
	for (int type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (int i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
			struct kmem_cache *s = kmalloc_caches[type][i];
			void *p;

			if (!s)
				continue;
			p = kmem_cache_alloc(s, GFP_KERNEL);
			if (!p || virt_to_cache(p) != s ||
			    (unsigned long)p % s->align) {
				pr_err("slab: %s: allocation %p is wrong\n",
				       s->name, p);
				return false;
			}
			kmem_cache_free(s, p);
			kmem_cache_shrink(s);
			if (kmem_cache_active_objects(s) ||
			    atomic_long_read(&get_node(s, 0)->nr_slabs)) {
				pr_err("slab: %s: a slab was not given back\n",
				       s->name);
				return false;
			}
		}
	}
	return true;
}

/**
 * kmem_cache_init - start the slab allocator (after the buddy allocator)
 *
 * Makes the "kmem_cache" cache by bootstrapping, then the kmalloc caches,
 * prints Linux's "SLUB:" boot line and checks itself.
 */
void __init kmem_cache_init(void)
{
	static struct kmem_cache boot_kmem_cache __initdata;

	if (__kmem_cache_create(&boot_kmem_cache, "kmem_cache",
				sizeof(struct kmem_cache), 0,
				SLAB_HWCACHE_ALIGN, NULL))
		panic("SLUB: cannot create the kmem_cache cache");
	kmem_cache = bootstrap(&boot_kmem_cache);
	create_kmalloc_caches();
	pr_info("SLUB: HWalign=%u, Order=0-%d, MinObjects=0, CPUs=%u, Nodes=1\n",
		cache_line_size(), SLUB_MAX_ORDER, nr_cpu_ids);
	slub_debug_print_boot();
	if (!slab_self_check())
		panic("slab: self-check failed (see above)");
	pr_info("slab: self-check ok\n");
}
