/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stress.h - seeded random work on every allocator (teach/commands/stress.c
 * and stress_run.c), run by the shell's `stress SEED OPS` and by the ktest
 * suite `stress`.
 */
#ifndef _STRESS_H
#define _STRESS_H

#include <mmzone.h>
#include <types.h>

#define STRESS_MAX_OPS 1000000UL
#define STRESS_MAX_SECONDS 600UL

/* What the memory manager holds, settled: compared before and after. */
struct stress_counts {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER]; /* blocks per order */
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long slab_pages; /* pages in slabs and kmalloc_large */
	unsigned long slab_objects; /* objects in use, all caches */
	unsigned long nr_caches;
	unsigned long vm_areas; /* live vmalloc/vmap/ioremap areas */
	unsigned long vm_largest; /* the largest free gap, bytes */
	unsigned long vm_pages; /* pages mapped by vmalloc() */
	unsigned long pgtables; /* kernel page-table pages */
	unsigned int pkmap_users; /* kmap() users of all pkmap slots */
	int kmap_local_depth;
};

struct stress_result {
	unsigned long ops; /* operations done (fewer if interrupted) */
	unsigned long refused; /* allocations refused: memory ran out */
	unsigned long exhaustions; /* cycles through exhaustion and back */
	unsigned long errors; /* corrupted data, or a failed check */
	bool interrupted; /* Ctrl-C */
	bool same; /* after == before */
	unsigned int cpus; /* CPUs that ran it at once */
	unsigned long ms; /* how long they ran (stress_run_all()) */
	struct stress_counts before, after;
};

/*
 * Run `ops` seeded random operations and give everything back; compare.
 * Verbose: print the counts side by side.  Returns 0 if nothing was
 * corrupted and everything came back, -EINTR after Ctrl-C, -EIO else.
 */
int stress_run(u32 seed, unsigned long ops, bool verbose,
	       struct stress_result *r);

/*
 * The same on every online CPU at once (schedule_on_each_cpu()), each its
 * own share of ops with its own generator (SEED and its CPU number), and
 * on until `seconds` have passed if that is not 0; counted before and
 * after with every CPU done.  r sums the CPUs'.
 */
int stress_run_all(u32 seed, unsigned long ops, unsigned long seconds,
		   bool verbose, struct stress_result *r);

/* The counts before and after, side by side (stress_cmds.c). */
void stress_print(const struct stress_result *r, u32 seed);

#endif /* _STRESS_H */
