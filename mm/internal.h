/* SPDX-License-Identifier: GPL-2.0 */
/* internal.h - what the files of mm/ share and nobody else needs. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <mm.h>
#include <rbtree.h>

/* "BUG: Bad page state" report (page_alloc.c). */
void bad_page(const struct page *page, const char *reason);
/* "zone=Normal|slab|head": a page's flags in words, for reports. */
void dump_page_flags(const struct page *page, char *buf, size_t size);

/* Boot: give a reserved, aligned block to the buddy allocator. */
void __free_boot_block(struct page *page, unsigned int order);
/* Put a block on the free lists, merging with its free buddies. */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);

/* --- the page allocator's fast paths and their slow halves ------------- */

/* What alloc_pages() and __free_pages() leave to page_alloc.c. */
struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order);
void __free_pages_slowpath(struct page *page, unsigned int order);
/* The first zone with pages for lowmem [0] and GFP_HIGHMEM [1] requests. */
extern struct zone *preferred_zone[2];
/* Give at least count pages of the per-CPU lists back, oldest first. */
void free_pcppages_bulk(struct zone *zone, int count, unsigned int order);

/*
 * The flags a block being freed may have: PG_head and none of the others
 * here.  One test in the common case; free_page_is_bad() says why not.
 */
#define PAGE_FLAGS_CHECK_AT_FREE                                       \
	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_head) | \
	 (1UL << PG_slab) | (1UL << PG_pcp))

static __always_inline bool page_expected_state(const struct page *page)
{
	return (page->flags & PAGE_FLAGS_CHECK_AT_FREE) == (1UL << PG_head) &&
	       page->_refcount > 0;
}

/* A freed block of a small order waits on the per-CPU list of its order. */
static __always_inline void free_to_pcp(struct zone *zone, struct page *page,
					unsigned int order)
{
	struct per_cpu_pages *pcp = &zone->pcp;

	page->flags = (page->flags & ~(1UL << PG_head)) | (1UL << PG_pcp);
	list_add(&page->buddy_list, &pcp->lists[order]);
	pcp->count += 1 << order;
	if (unlikely(pcp->count > pcp->high))
		free_pcppages_bulk(zone, pcp->batch, order);
}

/* --- vmalloc's address-space allocator (vmap_area.c) --------------------- */

struct vm_struct;

struct vmap_area {
	unsigned long va_start; /* first address */
	unsigned long va_end; /* one past the last (guard page included) */
	struct rb_node rb_node; /* in the free or the busy tree */
	struct list_head list; /* busy list (by address) or purge list */
	unsigned long subtree_max_size; /* free tree: largest gap below */
	struct vm_struct *vm; /* busy: the mapping it holds */
	const void *caller; /* who allocated it (kept for fault reports) */
};

void vmap_area_init(void);
/* A free range of `size` bytes aligned to `align`, now busy; NULL if none. */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align);
/* The area's mapping is gone: free it after the next batched TLB flush. */
void free_vmap_area_lazy(struct vmap_area *va);
/* The busy area containing addr, or NULL. */
struct vmap_area *find_vmap_area(unsigned long addr);
/* The lazily freed area containing addr, or NULL. */
struct vmap_area *find_purged_vmap_area(unsigned long addr);
/* The busy areas in address order, and the areas waiting for the purge. */
struct list_head *vmap_area_list(void);
struct list_head *vmap_purge_list(void);

#endif /* _MM_INTERNAL_H */
