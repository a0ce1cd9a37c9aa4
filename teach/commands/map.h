/* SPDX-License-Identifier: GPL-2.0 */
/*
 * map.h - one snapshot of memory for pictures: the `map` command draws it,
 * `map dump` prints it for tools/pictures (teach/commands/map_*.c).
 *
 * The snapshot is taken in one go, with interrupts off, so the numbers of
 * one picture belong together: the buddy counts per order, the page walk
 * and the vmalloc areas describe the same instant.  Nothing is allocated
 * while taking or drawing it (it lives in a static buffer), so `map` never
 * changes what it shows, and a /proc view read right after it agrees.
 */
#ifndef _TEACH_MAP_H
#define _TEACH_MAP_H

#include <asm/regions.h>
#include <highmem.h>
#include <mmzone.h>
#include <types.h>

#define MAP_MAX_AREAS 256 /* vmalloc areas kept; more are only counted */
#define MAP_MAX_CHUNKS 512 /* physical memory in at most this many pieces */
#define MAP_MAX_USER_REGIONS 32 /* a process's regions (the user hook) */
#define MAP_NR_FIXMAP __end_of_fixed_addresses

/* What a page frame is doing, as the walk of mem_map classifies it. */
enum map_page_kind {
	MAP_FREE, /* in a buddy free list */
	MAP_PCP, /* free, on a per-CPU list (not in the buddy lists) */
	MAP_RESERVED, /* never given to the buddy allocator, or a hole */
	MAP_SLAB, /* a slab's page */
	MAP_VMALLOC, /* mapped into a vmalloc area */
	MAP_TABLE, /* a kernel page table */
	MAP_OTHER, /* any other allocated page (alloc_pages, large kmalloc) */
	NR_MAP_PAGE_KINDS
};

/* A pkmap slot, from its pkmap_count: 0 free, 1 stale, n: n - 1 users. */
enum map_slot { MAP_SLOT_FREE, MAP_SLOT_STALE, MAP_SLOT_USED };

/* One vmalloc area, busy or freed and waiting for the lazy purge. */
struct map_area {
	unsigned long start; /* first address */
	unsigned long end; /* one past the guard page */
	unsigned int nr_pages; /* pages mapped (0 when unpurged) */
	unsigned long flags; /* VM_ALLOC, VM_MAP, VM_IOREMAP; 0 unpurged */
	const void *caller; /* who made it (a return address), or NULL */
};

/* A region of the running process's address space (a VMA). */
struct map_user_region {
	unsigned long start; /* first address */
	unsigned long end; /* one past the last */
	char name[16]; /* "[heap]", "[stack]", a file name */
};

struct map_zone {
	const char *name; /* "DMA", "Normal", "HighMem" */
	unsigned long start_pfn; /* the span */
	unsigned long spanned, present, managed; /* pages, as zoneinfo */
	unsigned long free; /* in the buddy lists: free_pages */
	unsigned long pcp; /* free on the per-CPU lists */
	unsigned long wmark[NR_WMARK]; /* min, low, high */
	unsigned long nr_free[MAX_ORDER]; /* free blocks per order */
	unsigned long pages[NR_MAP_PAGE_KINDS]; /* the walk: its span, by kind */
};

struct map_snapshot {
	struct region_info regions[NR_REGIONS]; /* this boot's layout */
	unsigned long kernel_start, kernel_end; /* the image: _text, _end */
	unsigned long max_pfn, max_low_pfn;

	/* User space: the regions of a running process (the hook). */
	const char *user_task; /* its name, or NULL: no process */
	unsigned int nr_user; /* regions below */
	struct map_user_region user[MAP_MAX_USER_REGIONS];

	/* vmalloc: every area by address (busy and unpurged). */
	unsigned int nr_areas; /* all of them */
	unsigned int nr_areas_kept; /* in areas[] */
	unsigned int nr_unpurged; /* freed, waiting for the purge */
	unsigned long area_bytes; /* their sizes, guard pages included */
	unsigned long vmalloc_largest_free; /* the largest gap, bytes */
	struct map_area areas[MAP_MAX_AREAS];

	/* pkmap and the fixmap. */
	struct pkmap_state pkmap;
	u8 slots[LAST_PKMAP]; /* enum map_slot */
	int kmap_local_depth; /* kmap_local slots in use */
	bool fixmap_mapped[MAP_NR_FIXMAP]; /* slot idx has a present PTE */

	/* Physical memory: the zones and a walk of mem_map in chunks. */
	unsigned int nr_zones;
	struct map_zone zones[MAX_NR_ZONES]; /* the populated ones */
	unsigned long chunk_pages; /* pages per chunk, a power of two */
	unsigned int nr_chunks;
	u32 chunks[MAP_MAX_CHUNKS][NR_MAP_PAGE_KINDS]; /* pages of each kind */
};

/* Fill the static snapshot from the kernel as it is now; return it. */
const struct map_snapshot *map_take_snapshot(void);

/* The name of a page kind in dumps: "free", "pcp", "reserved"... */
const char *map_page_kind_name(enum map_page_kind kind);
/* "vmalloc", "vmap", "ioremap", or "unpurged" (freed, awaiting the purge). */
const char *map_area_kind(const struct map_area *a);
/* "kmap_local 3", "btmap 0", "hole": what fixmap slot idx is for. */
void map_fixmap_slot_name(unsigned int idx, char *buf, size_t size);

/* map_dump.c: the snapshot as key=value lines between markers. */
void map_dump(const struct map_snapshot *s);

#endif /* _TEACH_MAP_H */
