/* SPDX-License-Identifier: GPL-2.0 */
/* internal.h - what the files of mm/ share and nobody else needs. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <mm.h>
#include <rbtree.h>

/* --- the page allocator (page_alloc.c, page_pcp.c) ---------------------- */

/* Put a block on the free lists, merging with its free buddies. */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);
/* Boot: give a reserved, aligned block to the buddy allocator. */
void __free_boot_block(struct page *page, unsigned int order);
/* Give at least count pages of one CPU's lists back (pcp->lock held). */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			unsigned int order);
/* Boot: the zonelist, once the zones know their pages (mm_init.c). */
void build_all_zonelists(void);

/* --- misuse reports (page_alloc_debug.c) --------------------------------- */

/* "BUG: Bad page state" report. */
void bad_page(const struct page *page, const char *reason);
/* "zone=Normal|slab|head": a page's flags in words, for reports. */
void dump_page_flags(const struct page *page, char *buf, size_t size);
/* A page __free_pages() must refuse: reported; false if it may be freed. */
bool free_page_is_bad(struct page *page);
/* Freed with another order than allocated: reported; the recorded order. */
unsigned int free_order_mismatch(struct page *page, unsigned int order);
/* __free_pages() of a pointer that is not a struct page: reported. */
void free_bad_pointer(const struct page *page);

/* --- highmem's reports (highmem_report.c) ------------------------------- */

/* Misuse of kmap()/kunmap()/kmap_local, refused: the WARNs naming caller. */
void *kmap_bad_page(const char *what, const struct page *page,
		    unsigned long caller);
void kunmap_bad(const struct page *page, int nr, unsigned long caller);
void *kmap_local_bad_page(const struct page *page, unsigned long caller);
void kunmap_local_bad_addr(const void *addr, unsigned long caller);
/* Every pkmap slot or every kmap_local slot is taken: who holds them. */
void pkmap_report_full(const struct page *page, unsigned long caller);
void kmap_local_report_full(unsigned long pfn, unsigned long caller);
/* The fault report's sentence for an address in a pkmap or kmap_local slot. */
bool pkmap_explain(unsigned long addr, unsigned long err, char *buf,
		   size_t size);
bool kmap_local_explain(unsigned long addr, unsigned long err, char *buf,
			size_t size);

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
/* Both, merged by address: fn(va, arg) for each (vmalloc.c). */
void vmap_area_walk(void (*fn)(const struct vmap_area *va, void *arg),
		    void *arg);

#endif /* _MM_INTERNAL_H */
