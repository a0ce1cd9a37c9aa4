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
 * GFP_KERNEL is 0: "may sleep" is the absence of GFP_ATOMIC.  This kernel
 * never sleeps, so the differences that remain are the reserve (an atomic
 * request may dip below the min watermark, as in Linux) and the check: a
 * request that may sleep made from atomic context, under a spinlock or
 * with interrupts off, is reported (might_sleep(), preempt.h).  The bits above the
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
} gfp_flags_t;

typedef unsigned int gfp_t;

#define GFP_USER (GFP_KERNEL | __GFP_HARDWALL)
#define GFP_HIGHUSER (GFP_USER | GFP_HIGHMEM)
#define __GFP_ZONEMASK (GFP_DMA | GFP_DMA32 | GFP_HIGHMEM)
#define __GFP_BITS_MASK 0xff

/* May the request wait (for reclaim, in Linux)?  Not with GFP_ATOMIC. */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !(gfp & GFP_ATOMIC);
}

/* "GFP_KERNEL | GFP_ZERO", unknown bits in hex (lib-style, into buf). */
int gfp_snprint(char *buf, size_t size, gfp_t gfp);
/* Parse "GFP_HIGHMEM|GFP_ZERO" or "highmem zero" words; -EINVAL if unknown. */
int gfp_parse(const char *text, gfp_t *gfp);

#endif /* _GFP_H */
