/* SPDX-License-Identifier: GPL-2.0 */
/*
 * map.h - one snapshot of memory for pictures (teach/commands/map_*.c):
 * map_data.c takes it, map_cmds.c (`map virt`, the command) and map_phys.c
 * (`map phys`) draw it with map_draw.c's kit, map_dump.c prints it for
 * tools/pictures (`map dump`).
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
/* "kmap_local cpu1.3", "btmap 0", "apic", "hole": what slot idx is for. */
void map_fixmap_slot_name(unsigned int idx, char *buf, size_t size);

/* map_dump.c: the snapshot as key=value lines between markers. */
void map_dump(const struct map_snapshot *s);

/* map_phys.c: the physical bar, the zones, the free blocks per order. */
void map_physical(const struct map_snapshot *s, bool color);

/* --- map_draw.c: lines with colours, bars' labels and titles ------------ */

#define BAR_WIDTH 72 /* columns of a bar: 2 + '[' + 72 + ']' = 76 */
#define BAR_INDENT 3 /* the bar's first column on the line */
#define LINE_MAX 1024 /* a bar line with its colour sequences */

/* A line being built: its letters and colour sequences. */
struct map_line {
	char buf[LINE_MAX]; /* the text, NUL-terminated */
	size_t len; /* bytes in buf */
	bool color; /* false: letters only, no sequence at all */
	const char *cur; /* the SGR in effect, NULL: none */
};

void map_line_start(struct map_line *l, bool color);
void map_line_puts(struct map_line *l, const char *s);
/* Switch to the ANSI colours sgr ("30;42"; NULL: none), if they change. */
void map_line_sgr(struct map_line *l, const char *sgr);
/* One letter in the colours sgr. */
void map_line_cell(struct map_line *l, char ch, const char *sgr);
/* Back to no colour, print the line and a newline. */
void map_line_end(struct map_line *l);
/* The column of a bar over [start, end) that addr falls in. */
unsigned int map_bar_col(u64 addr, u64 start, u64 end);
/* Addresses above a bar, at their columns where they fit. */
void map_bar_labels(u64 start, u64 end, const u64 *addrs, unsigned int n);
/* "what (one column = 1.7 MB)" for a bar over span bytes. */
void map_bar_title(const char *what, u64 span);
unsigned long map_mb(u64 bytes);
/* "8 MB", or "128 KB" below a megabyte. */
const char *map_size_str(char *buf, size_t size, u64 bytes);

#endif /* _TEACH_MAP_H */
