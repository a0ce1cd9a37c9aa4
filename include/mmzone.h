/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmzone.h - zones and their free areas.
 *
 * Physical memory is split by what can reach it:
 *   ZONE_DMA      [0, 16 MB)            ISA DMA can address it
 *   ZONE_DMA32    empty on i386         (x86-64: below 4 GB)
 *   ZONE_NORMAL   [16 MB, max_low_pfn)  the rest of the direct map
 *   ZONE_HIGHMEM  [max_low_pfn, max_pfn) no permanent kernel address
 *   ZONE_MOVABLE  empty                 (hotplug and migration; not here)
 * The enum has the exercise's order, so the ex04 API and the kernel share it.
 *
 * Each zone has its own buddy allocator: free_area[order] holds free blocks
 * of 2^order pages.  Three watermarks (min < low < high, in pages) say how
 * much the zone keeps free: an ordinary request is refused when it would
 * take the zone below `low` (first pass) or `min` (second pass); only atomic
 * and must-not-fail requests go lower.  lowmem_reserve[i] is what this zone
 * additionally keeps back from requests that could have been served by zone
 * i above it, so that HighMem-capable work does not drain DMA.
 *
 * In front of the free lists sits a per-CPU cache of small blocks (Linux's
 * per_cpu_pages, "pagesets" in /proc/zoneinfo; each CPU has its own for
 * each zone): a freed block of order 0..PAGE_ALLOC_COSTLY_ORDER goes on
 * this CPU's list of its order, and the next allocation of that order on
 * this CPU takes it back, with no buddy to find, split or merge, and
 * without the zone's lock.  For the zone such a block is not free: it is
 * in neither free_pages nor free_area, exactly as in Linux.  When a CPU's
 * lists hold more than `high` pages, `batch` pages' worth of the oldest
 * blocks go back to the buddy allocator; an allocation that finds nothing
 * anywhere drains every CPU's lists and tries again.
 *
 * Locks: zone->lock guards free_area and free_pages (the buddy allocator
 * of the zone), taken with interrupts off since an interrupt handler may
 * allocate (GFP_ATOMIC).  A CPU's lists need no lock: only that CPU
 * touches them, with interrupts off (Linux 5.14-5.19's local_lock; 6.0
 * added a lock per list so that other CPUs may drain it directly).
 */
#ifndef _MMZONE_H
#define _MMZONE_H

#include <asm/atomic.h>
#include <list.h>
#include <mm_types.h>
#include <percpu.h>
#include <spinlock.h>
#include <types.h>
#include <wait.h>

#define MAX_ORDER 11 /* orders 0..10: blocks of 1 page .. 4 MB */
#define MAX_ORDER_NR_PAGES (1UL << (MAX_ORDER - 1))
#define pageblock_order (MAX_ORDER - 1)
#define pageblock_nr_pages (1UL << pageblock_order)
/* Orders above this are "costly" (Linux): no per-CPU list caches them. */
#define PAGE_ALLOC_COSTLY_ORDER 3
#define NR_PCP_LISTS (PAGE_ALLOC_COSTLY_ORDER + 1)

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, NR_WMARK };

struct free_area {
	struct list_head free_list; /* blocks of this order, by buddy_list */
	unsigned long nr_free; /* how many blocks */
};

/*
 * Counts of a zone's pages by what holds them (Linux's zone_stat_item):
 * its pages on each LRU list, and its dirty and writeback pages (what
 * /proc/zoneinfo calls nr_zone_write_pending).  Reclaim reads them to
 * know which zones have pages it could free for a request.
 */
enum zone_stat_item {
	NR_ZONE_LRU_BASE,
	NR_ZONE_INACTIVE_ANON = NR_ZONE_LRU_BASE,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING, /* dirty + writeback */
	NR_VM_ZONE_STAT_ITEMS
};

/* One CPU's cache of freed small blocks of one zone: that CPU's alone. */
struct per_cpu_pages {
	int count; /* pages on the lists (an order-k block counts 2^k) */
	int high; /* above this many, batch pages go back to the buddies */
	int batch; /* how many pages go back at once (at least 1) */
	struct list_head lists[NR_PCP_LISTS]; /* by order, newest first */
};

struct zone {
	const char *name; /* "DMA", "Normal", "HighMem" as Linux */
	enum zone_type type;
	unsigned long zone_start_pfn; /* first pfn of the span */
	unsigned long spanned_pages; /* end pfn - start pfn, holes included */
	unsigned long present_pages; /* pages that exist (memblock memory) */
	unsigned long managed_pages; /* pages the buddy allocator owns */
	unsigned long free_pages; /* free pages now, all orders */
	unsigned long _watermark[NR_WMARK];
	unsigned long lowmem_reserve[MAX_NR_ZONES];
	/* Freed small blocks, per CPU; not in free_pages (NULL until boot). */
	struct per_cpu_pages __percpu *per_cpu_pageset;
	spinlock_t lock; /* guards free_area and free_pages */
	struct free_area free_area[MAX_ORDER];
	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS]; /* zone_stat_item */
	atomic_long_t nr_alloc_fail; /* requests this zone could not serve */
	atomic_long_t nr_page_table_pages; /* kernel page tables made here */
} __aligned(64); /* Linux's ____cacheline_internodealigned_in_smp */

extern struct zone zones[MAX_NR_ZONES];

/*
 * The LRU lists (mm/swap.c, mm/vmscan.c): every page cache page and every
 * anonymous page of a process is on one, in the order it was last put
 * there.  New pages enter the inactive list; a page used twice while on
 * it moves to the active list; reclaim takes pages from the tail of the
 * inactive list and moves pages from the active list's tail to the
 * inactive one to keep the two in proportion.  Anonymous pages are
 * listed but never reclaimed: there is no swap to write them to.  Pages
 * that may not be reclaimed at all (ramfs) are counted as unevictable.
 */
enum lru_list {
	LRU_INACTIVE_ANON,
	LRU_ACTIVE_ANON,
	LRU_INACTIVE_FILE,
	LRU_ACTIVE_FILE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};

#define for_each_evictable_lru(lru) \
	for (lru = LRU_INACTIVE_ANON; lru <= LRU_ACTIVE_FILE; lru++)

static inline bool is_file_lru(enum lru_list lru)
{
	return lru == LRU_INACTIVE_FILE || lru == LRU_ACTIVE_FILE;
}

static inline bool is_active_lru(enum lru_list lru)
{
	return lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE;
}

struct lruvec {
	struct list_head lists[NR_LRU_LISTS]; /* newest at the head */
};

/*
 * The node's counters (Linux's node_stat_item): pages on the LRU lists,
 * pages of the page cache (nr_file_pages), dirty and under writeback,
 * and the pages reclaim has taken off the lists to look at them.
 */
enum node_stat_item {
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE,
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_ISOLATED_FILE, /* off the lists while reclaim looks at them */
	NR_FILE_PAGES, /* page cache pages (block devices and ramfs) */
	NR_FILE_DIRTY, /* ... newer than their disk */
	NR_WRITEBACK, /* ... being written */
	NR_VM_NODE_STAT_ITEMS
};

/*
 * A memory node: the machine's one (Linux's contig_page_data on a
 * machine without NUMA).  It holds the LRU lists of all its zones and
 * its kswapd, the thread that reclaims in the background when a zone
 * falls below its low watermark, until every zone is above high.
 */
typedef struct pglist_data {
	struct lruvec __lruvec; /* the LRU lists */
	spinlock_t lru_lock; /* the lists, PG_lru, the LRU counters */
	atomic_long_t vm_stat[NR_VM_NODE_STAT_ITEMS]; /* node_stat_item */
	wait_queue_head_t kswapd_wait; /* kswapd sleeps here */
	struct task_struct *kswapd; /* "kswapd0" */
	int kswapd_order; /* the largest order asked of it since it slept */
	enum zone_type kswapd_highest_zoneidx; /* and the highest zone */
	int kswapd_failures; /* balancing runs that reclaimed nothing */
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) (&contig_page_data)

/*
 * The zones an allocation may fall back to, in the order it tries them:
 * every populated zone, highest first, then an entry with zone NULL
 * (Linux's fallback zonelist; one node here, so one list).  A request
 * starts at the first zone its GFP flags allow, gfp_zone(), and goes down:
 *	GFP_HIGHMEM: HighMem -> Normal -> DMA; GFP_KERNEL: Normal -> DMA.
 */
struct zoneref {
	struct zone *zone; /* NULL: the end of the list */
	enum zone_type zone_idx; /* its type, read without touching it */
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1];
};

extern struct zonelist zonelist;

/* The first entry at or after z of a zone a request may use, or the end. */
static inline struct zoneref *
next_zones_zonelist(struct zoneref *z, enum zone_type highest_zoneidx)
{
	while (z->zone && z->zone_idx > highest_zoneidx)
		z++;
	return z;
}

static inline struct zoneref *
first_zones_zonelist(struct zonelist *zonelist, enum zone_type highest_zoneidx)
{
	return next_zones_zonelist(zonelist->_zonerefs, highest_zoneidx);
}

/* Each zone from z on, down the list, up to highest_zoneidx. */
#define for_next_zone_zonelist(zone, z, highidx) \
	for (zone = (z)->zone; zone;             \
	     z = next_zones_zonelist(++z, highidx), zone = (z)->zone)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool is_highmem_idx(enum zone_type idx)
{
	return idx == ZONE_HIGHMEM || idx == ZONE_MOVABLE;
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone->type);
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

#define min_wmark_pages(z) ((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z) ((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->_watermark[WMARK_HIGH])

#define for_each_zone(zone) \
	for (zone = zones; zone < zones + MAX_NR_ZONES; zone++)
#define for_each_populated_zone(zone)      \
	for_each_zone(zone)                \
		if (!populated_zone(zone)) \
			;                  \
		else

/* Pages free in all zones, in highmem zones, in lowmem zones. */
unsigned long nr_free_pages(void);
unsigned long nr_free_highpages(void);
/* Pages managed by the buddy allocator (MemTotal), and in highmem. */
unsigned long totalram_pages(void);
unsigned long totalhigh_pages(void);

extern int min_free_kbytes;
/* min_free_kbytes= as this boot took it; -1 if not given or refused. */
extern int user_min_free_kbytes;
extern int lowmem_reserve_ratio[MAX_NR_ZONES];

#endif /* _MMZONE_H */
