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
