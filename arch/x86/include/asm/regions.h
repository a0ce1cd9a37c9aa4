/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regions.h - which part of the layout an address is in.
 *
 * The fault report, `walk`, `layout` and the ex04 API all name regions the
 * same way, from the bounds in memlayout.h as this boot set them.
 */
#ifndef _ASM_X86_REGIONS_H
#define _ASM_X86_REGIONS_H

#include <types.h>

enum mem_region {
	REGION_USER, /* [0, PAGE_OFFSET) */
	REGION_LOWMEM, /* [PAGE_OFFSET, high_memory): the direct map */
	REGION_LOWMEM_GAP, /* [high_memory, VMALLOC_START): 8 MB guard */
	REGION_VMALLOC, /* [VMALLOC_START, VMALLOC_END) */
	REGION_PKMAP_GAP, /* [VMALLOC_END, PKMAP_BASE): 2 guard pages */
	REGION_PKMAP, /* [PKMAP_BASE, PKMAP_END) */
	REGION_UNUSED, /* [PKMAP_END, FIXADDR_START) */
	REGION_FIXMAP, /* [FIXADDR_START, FIXADDR_TOP) */
	REGION_TOP_HOLE, /* [FIXADDR_TOP, 4 GB): FIX_HOLE, never mapped */
	NR_REGIONS
};

struct region_info {
	enum mem_region region;
	const char *name; /* "vmalloc" */
	unsigned long start; /* first address */
	unsigned long end; /* one past the last, 0 for the top of 4 GB */
};

/* The region of `addr`, with its bounds for this boot. */
struct region_info memlayout_region(unsigned long addr);
/* The bounds of one region. */
struct region_info memlayout_region_info(enum mem_region region);

#endif /* _ASM_X86_REGIONS_H */
