// SPDX-License-Identifier: GPL-2.0
/*
 * slab_fast.c - the fast paths: kmem_cache_alloc(), kmem_cache_free(),
 * kmalloc() and kfree() when the cpu slab can serve them.
 *
 * These are the kernel's busiest functions, so they do the least work that
 * is still safe.  kmalloc(64, GFP_KERNEL) is kmalloc_trace() on kmalloc-64,
 * the cache chosen by the compiler (slab.h); taking an object is a few
 * loads, one free pointer decode and one check that the next pointer stays
 * in the slab (slab_internal.h); kfree() is a pfn, one flag test and a
 * push.  Everything else (a debug cache, an exhausted cpu slab, a free
 * into another slab, a pointer that is not an object, GFP flags that need
 * work) goes to the function's slow half in slab.c or kmalloc.c, which has
 * the same arguments: the compiler makes that call a jump, and the slow
 * half's _RET_IP_ is still the caller of the API.
 *
 * This file is compiled with -fomit-frame-pointer (see the Makefile).
 * These functions call nothing, they only jump, so a call trace taken in a
 * slow path still names the real caller; only a fault inside a fast path
 * itself shows no line for its caller after the EIP line.
 *
 * Cost, measured with QEMU's `-icount shift=0,sleep=off` (the TSC then
 * counts instructions): a loop of kmalloc(64) + kfree() takes 58 per
 * iteration, 2 of them the loop's own; with slub_debug=FZPU about 2700.
 * Two choices keep it that short on i386: the entry points take their
 * arguments in registers (fastcall, as all of Linux i386 does), and
 * slab_alloc_fast() reloads s->cpu_slab rather than hold it in a register
 * it would have to save.
 */
#include <asm/memlayout.h>
#include <mm.h>
#include <slab.h>

#include "slab_internal.h"

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

	if (likely(!(gfp & (GFP_HIGHMEM | GFP_ZERO)))) {
		object = slab_alloc_fast(s);
		if (likely(object))
			return object;
	}
	return kmem_cache_alloc_slow(s, gfp);
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it was allocated from
 * @object: the object; an address that is not one is reported, not freed
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab = __virt_to_slab(object);

	if (likely(slab && slab->slab_cache == s &&
		   slab_free_fast(s, slab, object)))
		return;
	kmem_cache_free_slow(s, object);
}

/* kmalloc() of a constant size: the cache is already chosen. */
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags)
{
	void *object = slab_alloc_fast(s);

	if (likely(object))
		return object;
	return kmalloc_trace_slow(s, flags);
}

/* kmalloc() of a size known only at run time. */
void *__kmalloc(size_t size, gfp_t flags)
{
	void *object;

	if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE &&
		   !(flags & KMALLOC_SLOW_GFP))) {
		object = slab_alloc_fast(
			kmalloc_caches[KMALLOC_NORMAL][__kmalloc_index(size)]);
		if (likely(object))
			return object;
	}
	return __kmalloc_slow(size, flags);
}

/**
 * kfree - free memory from kmalloc() and its family
 * @object: the pointer kmalloc returned; NULL and ZERO_SIZE_PTR are no-ops
 *
 * Also frees objects of any cache (the page knows its cache), as Linux
 * allows since 6.4.
 */
void kfree(const void *object)
{
	unsigned long pfn = __pa(object) >> PAGE_SHIFT;
	struct page *page = pfn_to_page(pfn);

	/* Below PAGE_OFFSET, __pa() wraps to a pfn above max_low_pfn. */
	if (likely(pfn < max_low_pfn && PageSlab(page) &&
		   slab_free_fast(page->slab_cache, page->slab_head,
				  (void *)object)))
		return;
	kfree_slow(object);
}
