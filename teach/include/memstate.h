/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memstate.h - what the memory manager holds, counted the same way twice:
 * before and after a demo, at boot and after `reset`.
 *
 *	memstate_settle(NULL);			// what is free, is free
 *	memstate_take(&before);
 *	... a demo ...
 *	memstate_settle(NULL);
 *	memstate_take(&after);
 *	if (memstate_compare(&before, &after, "before the demo"))
 *		...				// the lines say what differs
 *
 * Settling is what any kernel code does before it counts free memory:
 * drain the per-CPU page lists, purge the lazily freed vmalloc areas, flush
 * the stale pkmap slots, give back the empty slabs caches keep.  None of it
 * frees memory somebody uses.
 */
#ifndef _MEMSTATE_H
#define _MEMSTATE_H

#include <highmem.h>
#include <mmzone.h>
#include <types.h>

#define MEMSTATE_MAX_CACHES 128 /* caches counted one by one */

struct kmem_cache;

/* One cache's objects in use; a cache is known by its address and name. */
struct memstate_cache {
	const struct kmem_cache *cache; /* the cache */
	const char *name; /* its name string, as kmem_cache_create kept it */
	unsigned long active; /* objects in use */
};

struct memstate {
	unsigned long free[MAX_NR_ZONES]; /* free pages, per-CPU lists drained */
	unsigned long pgtables[MAX_NR_ZONES]; /* kernel page tables made there */
	unsigned int nr_caches; /* entries of caches[] */
	bool caches_overflowed; /* more caches than MEMSTATE_MAX_CACHES */
	struct memstate_cache caches[MEMSTATE_MAX_CACHES];
	unsigned long vm_areas; /* vmalloc areas (after the purge) */
	unsigned short pkmap_users[LAST_PKMAP]; /* users of each pkmap slot */
	unsigned int pkmap_cursor; /* last_pkmap_nr */
	int kmap_local_depth; /* kmap_local slots in use, all CPUs */
};

/* What memstate_settle() did, for `reset` to say. */
struct memstate_settled {
	unsigned long pcp_pages; /* pages drained from the per-CPU lists */
	unsigned long lazy_areas; /* lazily freed vmalloc areas purged */
	unsigned int stale_slots; /* stale pkmap slots flushed */
	unsigned long slabs; /* empty slabs given back */
	unsigned long dirty_written; /* dirty page cache pages synced */
	unsigned long cache_dropped; /* page cache pages dropped */
};

/* Settle the counts (see above); `done` may be NULL. */
void memstate_settle(struct memstate_settled *done);
/* Count the state now (settle first for counts that mean something). */
void memstate_take(struct memstate *s);
/*
 * Print a line (indented two) per difference between `was` and `now`,
 * `when` naming the moment of `was` ("before the demo"); return how many.
 * Kernel page tables made in between are not a difference: like Linux,
 * this kernel keeps them.
 */
unsigned int memstate_compare(const struct memstate *was,
			      const struct memstate *now, const char *when);
/* Settle and count the state at boot, once (the shell and boot demos). */
void memstate_boot(void);
/* The state memstate_boot() counted, or NULL before it ran. */
const struct memstate *memstate_at_boot(void);

#endif /* _MEMSTATE_H */
