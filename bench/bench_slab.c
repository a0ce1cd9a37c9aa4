// SPDX-License-Identifier: GPL-2.0
/*
 * bench_slab.c - benchmarks of the slab allocator and kmalloc.
 *
 * Each loop allocates one object and frees it at once, so every iteration
 * takes the same path: for a cache without debugging that is the fast path
 * of mm/slab.c (a pop and a push on the cpu slab's free list), the
 * case that matters most in a running kernel.  kmalloc(16384) is above the
 * largest cache and goes to the page allocator (kmalloc_large), so its
 * floor is the buddy one.
 *
 * The same operations with slub_debug: a cache created with the debugging
 * flags (F, Z, P, U) takes the slow path every time, with its checks.  For
 * kmalloc the benchmark builds a debugging twin of kmalloc-N, the cache a
 * boot with `slub_debug=FZPU,kmalloc-N` would have made (same size, natural
 * alignment, all four flags), and allocates from it with kmem_cache_alloc():
 * what kmalloc(N) does once it has looked its cache up.  The free is
 * kfree(), which finds the cache from the page, as for any kmalloc object.
 * Only public interfaces: the benchmark does not touch kmalloc's table.  The
 * look-up it skips is a few instructions, against thousands of checks.
 */
#include <bench.h>
#include <kernel.h>
#include <slab.h>

/* --- without debugging -------------------------------------------------- */

#define BENCH_KMALLOC(size)                               \
	static void bench_kmalloc##size(unsigned long n)  \
	{                                                 \
		while (n--)                               \
			kfree(kmalloc(size, GFP_KERNEL)); \
	}

BENCH_KMALLOC(8)
BENCH_KMALLOC(64)
BENCH_KMALLOC(512)
BENCH_KMALLOC(4096)
BENCH_KMALLOC(16384)

static struct kmem_cache *bench_cache;

static const char *bench_cache_setup(void)
{
	bench_cache = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	return bench_cache ? NULL : "kmem_cache_create failed";
}

static const char *bench_cache_debug_setup(void)
{
	bench_cache = kmem_cache_create("bench-64-debug", 64, 0,
					SLAB_DEBUG_FLAGS | SLAB_NO_USER_FLAGS,
					NULL);
	return bench_cache ? NULL : "kmem_cache_create failed";
}

static void bench_cache_run(unsigned long n)
{
	while (n--)
		kmem_cache_free(bench_cache,
				kmem_cache_alloc(bench_cache, GFP_KERNEL));
}

static void bench_cache_teardown(void)
{
	kmem_cache_destroy(bench_cache);
}

/* --- kmalloc with a debugging twin of kmalloc-N ------------------------- */

static struct kmem_cache *twin;

static const char *twin_setup(unsigned int size, const char *name)
{
	twin = kmem_cache_create(name, size, size,
				 SLAB_DEBUG_FLAGS | SLAB_NO_USER_FLAGS, NULL);
	return twin ? NULL : "kmem_cache_create failed";
}

static void twin_run(unsigned long n)
{
	while (n--)
		kfree(kmem_cache_alloc(twin, GFP_KERNEL));
}

static void twin_teardown(void)
{
	kmem_cache_destroy(twin);
}

#define BENCH_KMALLOC_DEBUG(size)                                   \
	static const char *twin_setup##size(void)                   \
	{                                                           \
		return twin_setup(size, "kmalloc-" #size "-debug"); \
	}

BENCH_KMALLOC_DEBUG(8)
BENCH_KMALLOC_DEBUG(64)
BENCH_KMALLOC_DEBUG(512)
BENCH_KMALLOC_DEBUG(4096)

#define KMALLOC_ROW(size, shft)                                              \
	{                                                                    \
		.id = "kmalloc" #size "_kfree",                              \
		.desc = "kmalloc(" #size ") + kfree",                        \
		.floor = (size) > KMALLOC_MAX_CACHE_SIZE ? "floor_buddy" :   \
							   "floor_freelist", \
		.run = bench_kmalloc##size, .shift = shft                    \
	}

#define KMALLOC_DEBUG_ROW(size)                                        \
	{                                                              \
		.id = "kmalloc" #size "_kfree_debug",                  \
		.desc = "kmalloc(" #size ") + kfree, slub_debug=FZPU", \
		.floor = "floor_freelist", .setup = twin_setup##size,  \
		.run = twin_run, .teardown = twin_teardown, .shift = 4 \
	}

const struct bench_op bench_slab_ops[] = {
	KMALLOC_ROW(8, 0),
	KMALLOC_ROW(64, 0),
	KMALLOC_ROW(512, 0),
	KMALLOC_ROW(4096, 0),
	KMALLOC_ROW(16384, 2),
	{ .id = "kmem_cache_alloc_free",
	  .desc = "kmem_cache_alloc + kmem_cache_free (64 bytes)",
	  .floor = "floor_freelist",
	  .setup = bench_cache_setup,
	  .run = bench_cache_run,
	  .teardown = bench_cache_teardown },
	KMALLOC_DEBUG_ROW(8),
	KMALLOC_DEBUG_ROW(64),
	KMALLOC_DEBUG_ROW(512),
	KMALLOC_DEBUG_ROW(4096),
	{ .id = "kmem_cache_alloc_free_debug",
	  .desc = "kmem_cache_alloc + kmem_cache_free, slub_debug=FZPU",
	  .floor = "floor_freelist",
	  .setup = bench_cache_debug_setup,
	  .run = bench_cache_run,
	  .teardown = bench_cache_teardown,
	  .shift = 4 },
	{}
};
