/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench.h - the benchmarks of boot mode `bench` (bench/bench*.c).
 *
 * An operation is a function that does it n times in a loop; the harness
 * (bench/bench.c) times batches of it with the TSC and prints the median
 * cost per operation.  Each family of operations has a "floor": the
 * smallest code that does the unavoidable part of the same job, timed the
 * same way, so each result can be read as a ratio to it.
 *
 *	static void bench_kmalloc64(unsigned long n)
 *	{
 *		while (n--)
 *			kfree(kmalloc(64, GFP_KERNEL));
 *	}
 *
 *	{ .id = "kmalloc64_kfree", .desc = "kmalloc(64) + kfree",
 *	  .floor = "floor_freelist", .run = bench_kmalloc64 },
 */
#ifndef _BENCH_H
#define _BENCH_H

#include <compiler.h>
#include <types.h>

struct bench_op {
	const char *id; /* stable name: the "op" of build/bench.json */
	const char *desc; /* what one operation is, for the table */
	const char *floor; /* the id of the family's floor row, or NULL */
	void (*run)(unsigned long n); /* n operations: the timed part */
	/* Before the warm-up: NULL when ready, else why the row is skipped. */
	const char *(*setup)(void);
	void (*prepare)(void); /* before each batch, not timed (may be NULL) */
	void (*teardown)(void); /* give back what setup took (may be NULL) */
	unsigned int shift; /* ops per batch: bench_iters >> shift, at least 1 */
	bool once; /* one operation per batch, whatever bench_iters says */
};

/* The floors, then the families: tables ending with an empty entry. */
extern const struct bench_op bench_floor_ops[];
extern const struct bench_op bench_slab_ops[];
extern const struct bench_op bench_page_ops[];
extern const struct bench_op bench_map_ops[];
extern const struct bench_op bench_vmalloc_ops[];
extern const struct bench_op bench_smp_ops[];
extern const struct bench_op bench_dma_ops[];
extern const struct bench_op bench_pagecache_ops[];

/*
 * Use a value, as real code would, so that the compiler must compute it;
 * and forget what is in memory, as real work between two calls would.
 */
#define bench_use(x) __asm__ __volatile__("" : : "r"(x) : "memory")

/* Operations per batch for the cheapest rows (`bench.iters=N`). */
extern unsigned long bench_iters;

/* A remark printed on the result line of the row being set up. */
__printf(1, 2) void bench_note(const char *fmt, ...);

/* Run every benchmark and print one line per row (the shell's `bench`). */
void bench_run(void);

#endif /* _BENCH_H */
