// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc.c - kmalloc() and its family: memory of any size, by the byte.
 * (The way from kmalloc() and kfree() to a free list is in slab.c: this
 * file has the caches they use, the large sizes, and the rest of the
 * family.)
 *
 * Small requests are served by one of the kmalloc caches, the smallest that
 * fits: kmalloc-8, 16, 32, 64, 96, 128, 192, 256, 512, 1k, 2k, 4k, 8k (and
 * dma-kmalloc-* for GFP_DMA).  96 and 192 exist because the powers of two
 * waste up to half of each object; with them the waste stays below a third.
 * The choice is one table lookup for sizes up to 192 (size_index, by
 * 8-byte steps) and fls(size - 1) above, as Linux does (kmalloc_slab() in
 * slab.c; kmalloc_index() in slab.h is the same choice for a constant
 * size, folded by the compiler).  Power-of-two
 * caches are aligned to their size, so kmalloc(512) is 512-byte aligned.
 *
 * Above 8 KB, kmalloc_large() takes pages straight from the buddy allocator
 * (up to KMALLOC_MAX_SIZE, 4 MB: order 10), marks the first page
 * PG_large_kmalloc and records kmalloc()'s caller as its owner; kfree()
 * frees only such a block (kfree_large()), and __free_pages() refuses it.  They count as slab memory in /proc/meminfo, as in
 * Linux 6.1.
 *
 * kmalloc memory always has an address: GFP_HIGHMEM is a caller's mistake
 * (WARN, then ignored).  kmalloc(0) returns ZERO_SIZE_PTR, which faults if
 * touched and which kfree() accepts.  A kfree() of something kmalloc never
 * returned is reported, not obeyed.
 */
#include <bug.h>
#include <fault.h>
#include <kernel.h>
#include <kmemleak.h>
#include <mm.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

#include "slab_internal.h"

extern char _srodata[], _erodata[];

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_TYPE_CACHES];

static const char *const kmalloc_names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH +
							 1] = {
	[KMALLOC_NORMAL] = { NULL, "kmalloc-96", "kmalloc-192", "kmalloc-8",
			     "kmalloc-16", "kmalloc-32", "kmalloc-64",
			     "kmalloc-128", "kmalloc-256", "kmalloc-512",
			     "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
			     "kmalloc-8k" },
	[KMALLOC_DMA] = { NULL, "dma-kmalloc-96", "dma-kmalloc-192",
			  "dma-kmalloc-8", "dma-kmalloc-16", "dma-kmalloc-32",
			  "dma-kmalloc-64", "dma-kmalloc-128",
			  "dma-kmalloc-256", "dma-kmalloc-512",
			  "dma-kmalloc-1k", "dma-kmalloc-2k", "dma-kmalloc-4k",
			  "dma-kmalloc-8k" },
};

void *kmalloc_large(size_t size, gfp_t flags, unsigned long caller)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (size > KMALLOC_MAX_SIZE) {
		WARN(!(flags & __GFP_NOWARN),
		     "kmalloc: %zu bytes is above KMALLOC_MAX_SIZE (%lu): use vmalloc() for that much\n",
		     size, KMALLOC_MAX_SIZE);
		return NULL;
	}
	page = __alloc_pages(flags, order, caller);
	if (!page)
		return NULL;
	SetPageLargeKmalloc(page);
	atomic_long_add(1L << order, &nr_slab_unreclaimable);
	kmemleak_alloc(lowmem_page_address(page), size, 1, flags);
	return lowmem_page_address(page);
}

/* kfree() of what kmalloc never returned: what it is, and refused. */
static noinline void kfree_bad(const void *object, unsigned long addr)
{
	char where[200];

	if (!virt_addr_valid(object))
		explain_address((unsigned long)object, 0, where, sizeof(where));
	else
		page_use_describe(virt_to_page(object), where, sizeof(where));
	WARN(1, "kfree: Invalid object pointer %p from %pS: %s\n", object,
	     (void *)addr, where);
}

/*
 * kfree() of an address that is no slab object: NULL and ZERO_SIZE_PTR
 * (nothing to do), a kmalloc_large() block (PG_large_kmalloc on its first
 * page: its pages go back), or not kmalloc memory at all (reported, not
 * obeyed: a page from alloc_pages(), a vmalloc page, a page table, a free
 * page...; addr is kfree()'s caller).
 */
void kfree_large(const void *object, unsigned long addr)
{
	struct page *page;
	unsigned int order;

	if (ZERO_OR_NULL_PTR(object))
		return;
	if (unlikely(!virt_addr_valid(object) || offset_in_page(object) ||
		     !PageLargeKmalloc(virt_to_page(object)))) {
		kfree_bad(object, addr);
		return;
	}
	page = virt_to_page(object);
	order = (unsigned int)page->private;
	kmemleak_free(object);
	ClearPageLargeKmalloc(page);
	atomic_long_sub(1L << order, &nr_slab_unreclaimable);
	__free_pages(page, order);
}

/**
 * ksize - the usable size of a kmalloc object
 * @object: a pointer from kmalloc()
 *
 * Return: the size of its cache's objects (or of its pages); 0 for NULL,
 * ZERO_SIZE_PTR and anything that is not kmalloc memory.
 */
size_t ksize(const void *object)
{
	struct page *slab = virt_to_slab(object), *page;

	if (slab)
		return slab->slab_cache->object_size;
	if (ZERO_OR_NULL_PTR(object))
		return 0;
	if (WARN(!virt_addr_valid(object) || offset_in_page(object),
		 "ksize: %p is not kmalloc memory\n", object))
		return 0;
	page = virt_to_page(object);
	if (WARN(!PageLargeKmalloc(page), "ksize: %p is not kmalloc memory\n",
		 object))
		return 0;
	return PAGE_SIZE << page->private;
}

/**
 * krealloc - resize a kmalloc object, keeping its contents
 * @p: the object (NULL: plain kmalloc)
 * @new_size: bytes wanted; 0 frees p and returns ZERO_SIZE_PTR
 * @flags: GFP flags for a new object
 *
 * The object stays where it is if it is already big enough (its cache's
 * size), else it is copied to a new one and freed.
 *
 * Return: the object, or NULL (and p is untouched) if memory ran out.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks;
	void *ret;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (ZERO_OR_NULL_PTR(p))
		return kmalloc(new_size, flags);
	ks = ksize(p);
	if (ks && new_size <= ks)
		return (void *)p;
	ret = kmalloc(new_size, flags);
	if (ret) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}

/* Clear the whole object first: it held a secret. */
void kfree_sensitive(const void *p)
{
	size_t ks = ksize(p);

	if (ks)
		memset((void *)p, 0, ks);
	kfree(p);
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

static bool is_kernel_rodata(const void *x)
{
	return (const char *)x >= _srodata && (const char *)x < _erodata;
}

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return is_kernel_rodata(s) ? s : kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
	if (!is_kernel_rodata(x))
		kfree(x);
}

/* --- boot --------------------------------------------------------------- */

static void __init new_kmalloc_cache(unsigned int index,
				     enum kmalloc_cache_type type)
{
	unsigned int size = index == 1 ? 96 : index == 2 ? 192 : 1U << index;
	/* Power-of-two sizes are naturally aligned, debugging or not. */
	unsigned int align = is_power_of_2(size) ? size : ARCH_KMALLOC_MINALIGN;
	slab_flags_t flags = SLAB_KMALLOC | SLAB_PANIC |
			     (type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0);

	kmalloc_caches[type][index] = kmem_cache_create(
		kmalloc_names[type][index], size, align, flags, NULL);
}

/* In Linux's order, so /proc/slabinfo (newest first) lists them alike. */
void __init create_kmalloc_caches(void)
{
	for (int type = KMALLOC_NORMAL; type < NR_KMALLOC_TYPES; type++) {
		for (unsigned int i = KMALLOC_SHIFT_LOW;
		     i <= KMALLOC_SHIFT_HIGH; i++) {
			new_kmalloc_cache(i, type);
			if (i == 6)
				new_kmalloc_cache(1, type);
			if (i == 7)
				new_kmalloc_cache(2, type);
		}
	}
}
