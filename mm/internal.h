/* SPDX-License-Identifier: GPL-2.0 */
/* internal.h - what the files of mm/ share and nobody else needs. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <asm/pgtable.h>
#include <mm.h>
#include <rbtree.h>
#include <spinlock.h>

/* --- the page allocator (page_alloc.c, page_pcp.c) ---------------------- */

/* Put a block on the free lists, merging with its free buddies. */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);
/* Boot: give a reserved, aligned block to the buddy allocator. */
void __free_boot_block(struct page *page, unsigned int order);
/* Give at least count pages of this CPU's lists back (irqs off; takes
 * zone->lock). */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			unsigned int order);
/* Boot: the zonelist, once the zones know their pages (mm_init.c). */
void build_all_zonelists(void);

/* --- misuse reports (page_alloc_debug.c, page_use.c) --------------------- */

/* The head of the allocated or free block that contains pfn (or pfn). */
unsigned long block_head_pfn(unsigned long pfn);

/* "BUG: Bad page state" report. */
void bad_page(const struct page *page, const char *reason);
/* "zone=Normal|slab|head": a page's flags in words, for reports. */
void dump_page_flags(const struct page *page, char *buf, size_t size);
/* A page __free_pages() must refuse: reported; false if it may be freed. */
bool free_page_is_bad(struct page *page);
/* The last put of a page on an LRU list, locked or under writeback:
 * true if it must not be freed (page_alloc_debug.c). */
bool free_page_lru_or_busy(struct page *page);
/*
 * A highmem block whose page other than the first a kmap or kmap_local
 * slot still maps: reported; false if the block may be freed.
 */
bool free_tail_is_kmapped(struct page *page, unsigned int order);
/* Freed with another order than allocated: reported; the recorded order. */
unsigned int free_order_mismatch(struct page *page, unsigned int order);
/* __free_pages() of a pointer that is not a struct page: reported. */
void free_bad_pointer(const struct page *page);
/* An allocation that fails: the report (none for __GFP_NOWARN). */
void warn_alloc(gfp_t gfp, unsigned int order, const char *why);

/* --- highmem's state (highmem.c, kmap_local.c) ------------------------- */

/* kmap_lock, for the self-check's walk of the pkmap (highmem_check.c). */
void lock_kmap_state(void);
void unlock_kmap_state(void);
/* page_address() with kmap_lock held. */
void *__page_address(const struct page *page);
/* The PTE of a kmap_local slot's address, any CPU's; NULL for another one. */
pte_t *kmap_local_pte_of(unsigned long vaddr);

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
	unsigned long serial; /* its age: of two merging nodes the older stays */
};

void vmap_area_init(void);
/* The free and busy trees, the busy and purge lists: a spinlock. */
extern spinlock_t vmap_area_lock;
/*
 * A free range of `size` bytes aligned to `align`, now busy, with vm and
 * caller recorded and vm->addr set before any other CPU can see it; NULL
 * if none.  May sleep.
 */
struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  struct vm_struct *vm, const void *caller);
/* Take a busy area out of the busy tree and list (vmap_area_lock held). */
void unlink_vmap_area(struct vmap_area *va);
/*
 * The unlinked area's mapping is gone: free it after the next flush
 * (vmap_area_lock held).  True if it is time for vmalloc_purge(), which the
 * caller calls once the lock is dropped.
 */
bool __free_vmap_area_lazy(struct vmap_area *va);
/* The busy area containing addr, or NULL: under vmap_area_lock, or not. */
struct vmap_area *__find_vmap_area(unsigned long addr);
struct vmap_area *find_vmap_area(unsigned long addr);
/* Is addr in an area freed and not yet purged? */
bool vmap_area_lazily_freed(unsigned long addr);
/*
 * A copy of the area containing addr, for fault reports: trylocks only,
 * since the fault may have come with a lock held.  0 if none (or busy).
 */
#define VMAP_AREA_BUSY 1
#define VMAP_AREA_LAZY 2
int vmap_area_snapshot(unsigned long addr, struct vmap_area *copy);
/* walk(busy list, purge list, arg) with vmap_area_lock (vmalloc.c's views). */
void vmap_area_walk_locked(void (*walk)(struct list_head *busy,
					struct list_head *lazy, void *arg),
			   void *arg);
/* Both, merged by address: fn(va, arg) for each (vmalloc.c). */
void vmap_area_walk(void (*fn)(const struct vmap_area *va, void *arg),
		    void *arg);

/* --- the LRU lists (mm/swap.c) ----------------------------------------- */

/* The list a page belongs on: file or anonymous, active or not. */
static inline enum lru_list page_lru(const struct page *page)
{
	enum lru_list lru = PageAnon(page) ? LRU_INACTIVE_ANON :
					     LRU_INACTIVE_FILE;

	return PageActive(page) ? lru + 1 : lru;
}

/* Under lru_lock: on (at the head, or the tail) / off a list, counted. */
void add_page_to_lru_list(struct page *page, enum lru_list lru, bool tail);
void del_page_from_lru_list(struct page *page, enum lru_list lru);

/* A reference, unless the last one is already gone (being freed). */
static inline bool get_page_unless_zero(struct page *page)
{
	int count = READ_ONCE(page->_refcount);

	while (count > 0) {
		if (__atomic_compare_exchange_n(
			    &page->_refcount, &count, count + 1, false,
			    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return true;
	}
	return false;
}

#endif /* _MM_INTERNAL_H */
