/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock.h - the boot-time memory allocator.
 *
 * Before mem_map and the buddy allocator exist, memory is two lists of
 * physical ranges: `memory` (what RAM there is, from the e820 map) and
 * `reserved` (what is taken: the kernel image, firmware areas, boot data,
 * and whatever memblock_alloc() has handed out).  An allocation searches
 * memory minus reserved from the top down, below a limit, and reserves what
 * it found.  At the end of boot every page that is in memory and not in
 * reserved is given to the buddy allocator, and memblock is done.
 */
#ifndef _MEMBLOCK_H
#define _MEMBLOCK_H

#include <types.h>

#define INIT_MEMBLOCK_REGIONS 128

struct memblock_region {
	phys_addr_t base; /* start */
	phys_addr_t size; /* bytes */
	const char *name; /* who reserved it, for the boot report */
};

struct memblock_type {
	unsigned long cnt; /* regions in use */
	phys_addr_t total_size; /* sum of their sizes */
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
	const char *name; /* "memory" or "reserved" */
};

struct memblock {
	phys_addr_t current_limit; /* memblock_alloc() stays below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve_named(phys_addr_t base, phys_addr_t size,
			   const char *name);
#define memblock_reserve(base, size) memblock_reserve_named(base, size, NULL)
/* Remove a range from `memory` (the mem= option). */
int memblock_remove(phys_addr_t base, phys_addr_t size);
/*
 * Allocate `size` bytes aligned to `align`, top down below current_limit,
 * reserve them under `name`; returns the physical address or 0.  The memory
 * is not cleared (it may not be mapped yet).
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align,
				const char *name);
/* Same, within [start, end) (e.g. below 1 MB for the SMP trampoline). */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end,
				      const char *name);
/* Same, in the direct map and zeroed; panics on failure (boot cannot go on). */
void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
			      const char *name);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);

/*
 * Walk the free ranges (memory minus reserved) in ascending order:
 *	u64 i = 0; phys_addr_t start, end;
 *	while (memblock_next_free_range(&i, &start, &end)) ...
 */
bool memblock_next_free_range(u64 *idx, phys_addr_t *start, phys_addr_t *end);

#endif /* _MEMBLOCK_H */
