/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gfp.h - "get free pages" flags: how and where an allocation may be served.
 *
 * One gfp_t for the whole kernel, with the values of the ex04 exercise
 * (kernel_memory.h uses this very type).  A request names at most one zone
 * modifier (GFP_DMA, GFP_DMA32, GFP_HIGHMEM); the page allocator starts at
 * the highest zone it allows and falls back to lower ones:
 *
 *	GFP_HIGHMEM: HighMem -> Normal -> DMA
 *	(none):      Normal -> DMA           (GFP_KERNEL, GFP_ATOMIC)
 *	GFP_DMA32:   Normal -> DMA           (i386: all of lowmem is below 4 GB)
 *	GFP_DMA:     DMA
 *
 * GFP_KERNEL is 0: "may sleep" is the absence of GFP_ATOMIC.  A request
 * that may sleep checks that its caller may (might_sleep()) and, when
 * nothing is free, waits a little for another task to free pages before
 * it fails; an atomic one never waits and may dip below the min
 * watermark, as in Linux.  The bits above the
 * exercise's are Linux's modifiers that the notes name (GFP_USER is a
 * hardwall allocation for user pages) or that tests need (__GFP_NOWARN).
 */
#ifndef _GFP_H
#define _GFP_H

#include <types.h>

typedef enum {
	GFP_KERNEL = 0, /* normal allocation: may sleep, may reclaim */
	GFP_ATOMIC = 1, /* cannot sleep: may use the reserve below min */
	GFP_DMA = 2, /* from ZONE_DMA (below 16 MB, ISA DMA) */
	GFP_DMA32 = 4, /* below 4 GB (32-bit DMA devices) */
	GFP_HIGHMEM =
		8, /* ZONE_HIGHMEM allowed (the page may lack an address) */
	GFP_ZERO = 16, /* return zeroed memory */
	GFP_NOFAIL =
		32, /* must not fail: retry, use the reserve, then report */
	__GFP_HARDWALL = 64, /* a user page (Linux: bound to the cpuset) */
	__GFP_NOWARN = 128, /* no allocation-failure report */
	__GFP_MOVABLE = 256, /* a page that could be moved (user memory) */
	__GFP_NOIO = 512, /* may reclaim, but start no disk I/O (GFP_NOIO) */
} gfp_flags_t;

typedef unsigned int gfp_t;

#define GFP_USER (GFP_KERNEL | __GFP_HARDWALL)
#define GFP_HIGHUSER (GFP_USER | GFP_HIGHMEM)
/* User pages: highmem first; ZONE_MOVABLE would be next, it is empty. */
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)
/*
 * Linux's GFP_NOIO: the request may sleep and reclaim, but reclaim must
 * not write pages to a disk, because the request comes from the disk's
 * own path (a bio for writeback) and writing would recurse into it.
 * GFP_KERNEL is 0 here, so "no I/O" is a bit of its own where Linux
 * clears __GFP_IO.
 */
#define GFP_NOIO (GFP_KERNEL | __GFP_NOIO)
#define __GFP_ZONEMASK (GFP_DMA | GFP_DMA32 | GFP_HIGHMEM)
#define __GFP_BITS_MASK 0x3ff

/*
 * An allocation that may sleep is a might_sleep() point (Linux's
 * might_alloc()): one that is not GFP_ATOMIC, made from atomic context, is
 * reported.  The test is inline: with the check off (bench), two
 * instructions.
 */
void __might_sleep(const char *file, int line);
extern bool debug_atomic_sleep;
#define might_alloc(gfp)                                       \
	do {                                                   \
		if (__builtin_expect(debug_atomic_sleep, 1) && \
		    !((gfp)&GFP_ATOMIC))                       \
			__might_sleep(__FILE__, __LINE__);     \
	} while (0)

/* May the request wait, and reclaim?  Not with GFP_ATOMIC. */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !(gfp & GFP_ATOMIC);
}

/* May its reclaim write dirty pages (start I/O)?  Not GFP_NOIO's. */
static inline bool gfpflags_allow_io(gfp_t gfp)
{
	return !(gfp & (GFP_ATOMIC | __GFP_NOIO));
}

/* "GFP_KERNEL | GFP_ZERO", unknown bits in hex (lib-style, into buf). */
int gfp_snprint(char *buf, size_t size, gfp_t gfp);
/* Parse "GFP_HIGHMEM|GFP_ZERO" or "highmem zero" words; -EINVAL if unknown. */
int gfp_parse(const char *text, gfp_t *gfp);

#endif /* _GFP_H */
