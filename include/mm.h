/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - pages: flags, pfn <-> page <-> address, and the page allocator API.
 *
 *	struct page *page = alloc_pages(GFP_KERNEL, 2);	// 4 pages
 *	void *addr = page_address(page);		// lowmem: direct map
 *	__free_pages(page, 2);
 *
 *	unsigned long va = __get_free_pages(GFP_KERNEL, 0);
 *	free_pages(va, 0);
 *
 * A page in ZONE_HIGHMEM has no kernel address: page_address() returns NULL
 * unless it is kmapped (highmem.h).  __get_free_pages() therefore refuses
 * GFP_HIGHMEM, as in Linux.
 */
#ifndef _MM_H
#define _MM_H

#include <asm/memlayout.h>
#include <gfp.h>
#include <mm_types.h>
#include <mmzone.h>
#include <types.h>

/* Page flags (struct page.flags, low bits). */
enum pageflags {
	PG_reserved, /* never given to the buddy allocator */
	PG_buddy, /* first page of a free block (private = order) */
	PG_head, /* first page of an allocated block (private = order) */
	PG_slab, /* owned by the slab allocator */
	PG_vmalloc, /* mapped into a vmalloc area */
	PG_table, /* a page table */
	PG_pcp, /* free, on a per-CPU list (private = order) */
	PG_large_kmalloc, /* a kmalloc() block above 8 KB (kfree frees it) */
	PG_kmap, /* may be in a pkmap or kmap_local slot: check at free */
	__NR_PAGEFLAGS
};

/* The zone number sits in the top bits of flags. */
#define ZONES_WIDTH 3
#define ZONES_PGSHIFT (32 - ZONES_WIDTH)
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)

#define PAGEFLAG(name, bit)                                    \
	static inline bool Page##name(const struct page *page) \
	{                                                      \
		return page->flags & (1UL << (bit));           \
	}                                                      \
	static inline void SetPage##name(struct page *page)    \
	{                                                      \
		page->flags |= 1UL << (bit);                   \
	}                                                      \
	static inline void ClearPage##name(struct page *page)  \
	{                                                      \
		page->flags &= ~(1UL << (bit));                \
	}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Vmalloc, PG_vmalloc)
PAGEFLAG(Table, PG_table)
PAGEFLAG(Pcp, PG_pcp)
PAGEFLAG(LargeKmalloc, PG_large_kmalloc)
PAGEFLAG(Kmap, PG_kmap)

/* The flat array of all page frames, [0, max_pfn). */
extern struct page *mem_map;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/* Is there a struct page for this pfn? */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

/* log2(sizeof(struct page)): mm_init.c checks that it is 32 bytes. */
#define STRUCT_PAGE_SHIFT 5

/* Is this a pointer into mem_map, at the start of a struct page? */
static inline bool page_ptr_valid(const struct page *page)
{
	unsigned long offset = (unsigned long)page - (unsigned long)mem_map;

	return page >= mem_map && page < mem_map + max_pfn &&
	       offset % sizeof(struct page) == 0;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

static inline int page_count(const struct page *page)
{
	return READ_ONCE(page->_refcount);
}

/*
 * Drop a reference; true if it was the last one.  Atomic (a locked DECL),
 * so two CPUs dropping the last two references free the page exactly once.
 */
static inline bool page_ref_dec_and_test(struct page *page)
{
	bool zero_or_less;

	__asm__ __volatile__("lock; decl %0"
			     : "+m"(page->_refcount), "=@ccle"(zero_or_less)
			     :
			     : "memory");
	return zero_or_less;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

/* Lowmem only: pure arithmetic on the direct map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

/* The kernel address of a page: the direct map, a kmap, or NULL. */
void *page_address(const struct page *page);

/* The page of a direct-map address (lowmem only). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/* The smallest order whose block holds `size` bytes (get_order(4096) == 0). */
static inline unsigned int get_order(unsigned long size)
{
	return (unsigned int)order_base_2((size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/* The offset of an address inside its page. */
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/* Is addr in the direct map of existing RAM? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && a < (unsigned long)high_memory &&
	       pfn_valid(__pa(a) >> PAGE_SHIFT);
}

/* --- the page allocator (mm/page_alloc.c) ------------------------------- */

struct page *__alloc_pages(gfp_t gfp, unsigned int order, unsigned long caller);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

/* The block's owner is the caller of alloc_pages(), for the reports. */
static __always_inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, _THIS_IP_);
}

#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

/* The highest zone a request may use (GFP_DMA wins over GFP_HIGHMEM). */
enum zone_type gfp_zone(gfp_t gfp);

/* Does the zone have `order` pages free above `mark` for this request? */
bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, enum zone_type highest_zoneidx,
		       gfp_t gfp);

/*
 * Give the pages on every CPU's lists back to the buddy allocator (all
 * zones, or one); returns how many.  Each CPU empties its own, asked by an
 * IPI that is waited for: process context, no spinlock held.  Tests and
 * reports that read the free lists call it first, as Linux's do.
 */
unsigned long drain_all_pages(void);
unsigned long drain_zone_pages(struct zone *zone);
/* This CPU's lists only (no IPI: any context); pages drained. */
unsigned long drain_local_pages(void);
/* Boot: each zone's per-CPU list size (high, batch), from its pages. */
void setup_per_cpu_pageset(void);

/* The buddy allocator's consistency check (boot and tests). */
bool buddy_self_check(void);

/* "BUG: Bad page state" reports since boot (tests check misuse was caught). */
extern unsigned long nr_bad_page_reports;

/* Counts for reports and leak checks. */
unsigned long zone_free_pages(const struct zone *zone);

/* --- debug_pagealloc (mm/debug_page_alloc.c) ---------------------------- */

/* debug_pagealloc=on: free lowmem pages are unmapped from the direct map. */
extern bool _debug_pagealloc_enabled;

static inline bool debug_pagealloc_enabled(void)
{
	return _debug_pagealloc_enabled;
}

/* Pages leaving and entering the allocator (page_alloc.c calls them). */
void debug_pagealloc_free(struct page *page, unsigned int order,
			  unsigned long caller);
void debug_pagealloc_alloc(struct page *page, unsigned int order);
/* Boot: the fault explainer and the boot line (mm_core_init). */
void debug_pagealloc_init(void);

/* --- what a page is used for (mm/page_use.c) ---------------------------- */

enum page_use {
	PAGE_USE_UNKNOWN, /* not allocated, yet not free either: a bad state */
	PAGE_USE_RESERVED, /* never given to the allocator */
	PAGE_USE_FREE, /* in a free block on the buddy free lists */
	PAGE_USE_PCP, /* free, waiting on a per-CPU list */
	PAGE_USE_SLAB, /* a page of a slab */
	PAGE_USE_LARGE_KMALLOC, /* kmalloc() above KMALLOC_MAX_CACHE_SIZE */
	PAGE_USE_VMALLOC, /* backs a vmalloc area */
	PAGE_USE_PGTABLE, /* a page table */
	PAGE_USE_ALLOCATED, /* alloc_pages() memory of its owner */
};

/* What page is used for; *head is the first page of its block. */
enum page_use page_use(const struct page *page, struct page **head);
/* One sentence: the use, by whom, and any kmap slot that maps it. */
int page_use_describe(const struct page *page, char *buf, size_t size);
/*
 * The pkmap slot with users (*local_cpu -1) or the kmap_local slot of CPU
 * *local_cpu that maps page now, and who mapped it; -1 if none.
 */
int page_kmap_slot(const struct page *page, int *local_cpu,
		   unsigned long *caller);

/* --- boot (arch/x86/mm/init.c, mm/page_alloc.c) ------------------------- */

/* Bring up memblock, paging, buddy, slab, vmalloc, kmap (mm/mm_init.c). */
void mm_core_init(void);
/* Memory map -> memblock -> page tables -> mem_map and zones (arch). */
void setup_memory(void);
/* Hand memblock's free pages to the buddy allocator; the boot lines (arch). */
void mem_init(void);
/* Give the boot-only code and data back to the page allocator. */
void free_initmem(void);
/* Zones from the pfn limits; mem_map all reserved, nothing free yet. */
void free_area_init(void);
/* Give every free memblock range to the buddy allocator. */
void memblock_free_all(void);
/* Give [start, end) of reserved pages back (the init sections). */
unsigned long free_reserved_area(void *start, void *end, const char *what);
/* Watermarks and lowmem_reserve from min_free_kbytes. */
void setup_per_zone_wmarks(void);

#endif /* _MM_H */
