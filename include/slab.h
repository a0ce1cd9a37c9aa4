/* SPDX-License-Identifier: GPL-2.0 */
/*
 * slab.h - object caches (kmem_cache) and the kmalloc family.
 *
 * A cache hands out objects of one size, cut from slabs: blocks of 2^order
 * pages taken from the buddy allocator.
 *
 *	struct kmem_cache *cache = kmem_cache_create("dentry", 120, 0,
 *						     SLAB_HWCACHE_ALIGN, NULL);
 *	struct dentry *d = kmem_cache_alloc(cache, GFP_KERNEL);
 *	kmem_cache_free(cache, d);
 *	kmem_cache_destroy(cache);
 *
 * kmalloc() picks one of the kmalloc-8 .. kmalloc-8k caches by size (and
 * dma-kmalloc-* for GFP_DMA); above 8 KB it takes pages directly:
 *
 *	char *buf = kmalloc(100, GFP_KERNEL);	// an object of kmalloc-128
 *	kfree(buf);
 *
 * kmalloc memory always has a kernel address: it comes from lowmem, and
 * GFP_HIGHMEM is refused with a WARN.  Debugging (red zones, poisoning,
 * sanity checks, caller tracking) is chosen per cache at creation, from the
 * flags and the `slub_debug=` boot option; `ktest` boots turn it all on
 * (slub_debug_set_default()).
 */
#ifndef _SLAB_H
#define _SLAB_H

#include <asm/atomic.h>
#include <asm/memlayout.h>
#include <gfp.h>
#include <list.h>
#include <mmzone.h>
#include <mutex.h>
#include <percpu.h>
#include <spinlock.h>
#include <types.h>

struct page;

typedef unsigned int slab_flags_t;

/* Cache flags, with Linux's values. */
#define SLAB_CONSISTENCY_CHECKS 0x00000100U /* F: sanity checks on free */
#define SLAB_RED_ZONE 0x00000400U /* Z: red zones around objects */
#define SLAB_POISON 0x00000800U /* P: poison free objects */
#define SLAB_KMALLOC 0x00001000U /* a kmalloc cache (never destroyed) */
#define SLAB_HWCACHE_ALIGN 0x00002000U /* align objects to cache lines */
#define SLAB_CACHE_DMA 0x00004000U /* slabs from ZONE_DMA */
#define SLAB_STORE_USER 0x00010000U /* U: record last alloc/free caller */
#define SLAB_RECLAIM_ACCOUNT 0x00020000U /* counted as SReclaimable */
#define SLAB_PANIC 0x00040000U /* panic if the cache cannot be made */
#define SLAB_NOLEAKTRACE 0x00800000U /* kmemleak does not track it */
#define SLAB_NO_USER_FLAGS 0x10000000U /* ignore slub_debug= (tests) */
/* Internal: kmemleak=on tracks this cache's objects (its checked paths). */
#define __SLAB_KMEMLEAK 0x20000000U

/* The debugging flags (slub_debug letters F, Z, P, U). */
#define SLAB_DEBUG_FLAGS                                         \
	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
	 SLAB_STORE_USER)

/* Bytes written by debugging, as Linux's include/linux/poison.h. */
#define POISON_INUSE 0x5a /* allocated, not yet initialised; padding */
#define POISON_FREE 0x6b /* a free object */
#define POISON_END 0xa5 /* the last byte of a free object */
#define SLUB_RED_INACTIVE 0xbb /* red zone of a free object */
#define SLUB_RED_ACTIVE 0xcc /* red zone of an allocated object */

/*
 * Each CPU's own slab of a cache (SLUB's struct kmem_cache_cpu), in its
 * per-CPU area.  freelist and tid are one 8-byte pair that the fast paths
 * replace together with a single cmpxchg8b through %fs (mm/slab.c): only
 * this CPU, and its interrupt handlers between two instructions, ever
 * touch them, so no lock is needed; a changed tid tells an interrupted
 * fast path to start again.
 */
struct kmem_cache_cpu {
	void *freelist; /* this CPU's free objects of `slab`, NULL: none */
	unsigned long tid; /* transaction id; low 12 bits: objects on freelist */
	struct page *slab; /* the cpu slab (frozen), NULL: none */
} __aligned(8);

/*
 * The slabs no CPU holds (SLUB's struct kmem_cache_node; one node).
 * Every slab but the cpu slabs is on exactly one of the lists, and
 * list_lock guards the lists, their counts and the free list and inuse of
 * every slab of the cache that is not a cpu slab's own freelist.
 */
struct kmem_cache_node {
	spinlock_t list_lock; /* taken with interrupts off */
	struct list_head partial; /* slabs with free and used objects */
	struct list_head full; /* slabs without free objects */
	struct list_head empty; /* slabs without used objects (reserve) */
	unsigned long nr_partial, nr_full, nr_empty; /* list lengths */
	atomic_long_t nr_slabs; /* all slabs, cpu slabs included */
	atomic_long_t total_objects; /* objects in all slabs */
};

#define MAX_NUMNODES 1

/*
 * A cache.  The first fields are the ones every allocation and free reads.
 * An object's memory, with all debugging on (Linux's layout):
 *
 *   | left red zone | object_size | right red zone | free pointer |
 *   | alloc track | free track | red zone word | padding to `size` |
 *   ^ slab start + i * size     ^ object (what kmalloc returns)
 *
 * Without debugging it is only the object, rounded up to the alignment, and
 * the free pointer lives inside the free object, in its middle.
 */
struct kmem_cache {
	struct kmem_cache_cpu __percpu *cpu_slab; /* each CPU's slab */
	slab_flags_t flags; /* SLAB_* flags, debugging included */
	unsigned int offset; /* of the free pointer in a free object */
	unsigned long random; /* XORed into stored free pointers */
	unsigned long slab_mask; /* clears the offset inside a slab */
	unsigned int size; /* stride between objects: all of the above */
	unsigned int object_size; /* what the creator asked for */
	unsigned int inuse; /* object plus right red zone: metadata start */
	unsigned int align; /* alignment of the objects */
	unsigned int red_left_pad; /* left red zone bytes */
	unsigned int order; /* preferred slab order */
	unsigned int objects; /* objects in a slab of that order */
	unsigned int min_order; /* fallback order when memory is tight */
	unsigned int min_partial; /* empty slabs kept as a reserve */
	void (*ctor)(void *object); /* run once per object, at slab creation */
	const char *name; /* "kmalloc-64", shown by /proc/slabinfo */
	struct list_head list; /* in slab_caches, newest first */
	/* The node's lists; Linux allocates each from a cache of its own. */
	struct kmem_cache_node node[MAX_NUMNODES];
};

static inline struct kmem_cache_node *get_node(struct kmem_cache *s, int node)
{
	return &s->node[node];
}

/* --- caches (mm/slab_common.c, mm/slab.c) ------------------------------- */

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
/* Every cache's empty slabs back to the page allocator (drop_caches 2). */
void kmem_cache_shrink_all(void);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *object);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | GFP_ZERO);
}

/* --- kmalloc (mm/kmalloc.c) --------------------------------------------- */

#define KMALLOC_SHIFT_LOW 3 /* the smallest cache: kmalloc-8 */
#define KMALLOC_SHIFT_HIGH 13 /* the largest cache: kmalloc-8k */
#define KMALLOC_MIN_SIZE (1UL << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE (1UL << (MAX_ORDER - 1 + PAGE_SHIFT)) /* 4 MB */

/* kmalloc(0): not NULL (that means failure) but nothing to touch either. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

enum kmalloc_cache_type {
	KMALLOC_NORMAL, /* kmalloc-* */
	KMALLOC_DMA, /* dma-kmalloc-*: GFP_DMA */
	NR_KMALLOC_TYPES
};

/*
 * Index 1 is kmalloc-96, 2 is kmalloc-192, n >= 3 is kmalloc-(1 << n).  A
 * row has room for 16 (up to KMALLOC_SHIFT_HIGH are used): a power of
 * two, so that kmalloc_slab() finds the GFP_DMA row with a shift, not a
 * multiplication (3 instructions fewer on every kmalloc).
 */
#define KMALLOC_TYPE_CACHES 16
extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_TYPE_CACHES];

void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *object);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree_sensitive(const void *p);
size_t ksize(const void *object);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
/* kstrdup(), unless s is in the kernel's read-only data (then s itself). */
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
/* The kmalloc cache that serves `size` with `flags`; NULL above 8 KB. */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);

/*
 * The kmalloc cache index of a size, as kmalloc_slab() chooses it, folded
 * by the compiler for a constant size: 1 is kmalloc-96, 2 is kmalloc-192,
 * n >= 3 is kmalloc-(1 << n).
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	for (unsigned int shift = 8; shift < KMALLOC_SHIFT_HIGH; shift++)
		if (size <= (1UL << shift))
			return shift;
	return KMALLOC_SHIFT_HIGH;
}

/**
 * kmalloc - allocate memory
 * @size: bytes wanted (0 gives ZERO_SIZE_PTR)
 * @flags: GFP_KERNEL, GFP_ATOMIC, GFP_DMA, GFP_ZERO; GFP_HIGHMEM is refused
 *
 * Every size takes the one path, __kmalloc() (mm/slab.c), which finds the
 * cache with one table lookup.  (Linux also lets the compiler pick the
 * cache of a constant size, through kmalloc_trace(); that saves the lookup,
 * a few instructions, and is a second path to read.)
 *
 * Return: memory aligned to at least 8 bytes (to its size for a power of
 * two), or NULL.
 */
static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | GFP_ZERO);
}

/* n * size bytes, or NULL if the product overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | GFP_ZERO);
}

/* --- introspection: /proc, the shell and the tests ---------------------- */

/* Every cache, newest first (as /proc/slabinfo lists them). */
extern struct list_head slab_caches;
/* Held to walk slab_caches, and while a cache is created or destroyed. */
extern struct mutex slab_mutex;
/* The cache of struct kmem_cache itself. */
extern struct kmem_cache *kmem_cache;

/* The cache called `name`, or NULL. */
struct kmem_cache *find_kmem_cache(const char *name);
/* Objects handed out and not freed. */
unsigned long kmem_cache_active_objects(const struct kmem_cache *s);
/* The slab cache an address belongs to, or NULL (large kmalloc, not slab). */
struct kmem_cache *virt_to_cache(const void *x);

/* Pages held by slab caches and kmalloc_large, for /proc/meminfo. */
extern atomic_long_t nr_slab_reclaimable, nr_slab_unreclaimable;

/* Check every object of every slab of the cache; returns the errors found. */
int kmem_cache_validate(struct kmem_cache *s);
/* slub_debug= as given on the command line (tests change it briefly). */
extern slab_flags_t slub_debug;
/* Does slub_debug= reach a cache of this name (all, or it is named)? */
bool slub_debug_applies(const char *name);
/* Parse "FZPU[,cache...]" into the flags and the cache list; -EINVAL if bad. */
int slub_debug_parse(const char *str, slab_flags_t *flags, char *caches,
		     size_t size);

/*
 * Debug every cache as `flags`, unless slub_debug= says otherwise: for a boot
 * mode that wants every cache checked (the tests).  `why` ends the boot line
 * ("SLUB: debugging FZPU for every cache (why)").  Before kmem_cache_init().
 */
void slub_debug_set_default(slab_flags_t flags, const char *why);

/* Boot: the caches of kmem_cache and kmalloc. */
void kmem_cache_init(void);

#endif /* _SLAB_H */
