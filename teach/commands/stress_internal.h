/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stress_internal.h - what stress.c (the operations, per CPU) and
 * stress_run.c (the counts, one CPU or all) share and nobody else needs.
 */
#ifndef _STRESS_INTERNAL_H
#define _STRESS_INTERNAL_H

#include <stress.h>
#include <types.h>

/* The vmalloc window of one CPU's run: 8 MB of page tables made first. */
#define STRESS_WINDOW_PAGES 2048

/*
 * This CPU's share of a run: `ops` seeded operations (its own generator:
 * seed and its CPU number), and on until `until` (jiffies) if it is not 0,
 * then everything it holds given back.  Concurrent: other CPUs run at the
 * same time, so a zone run dry may not stay dry.  r: this CPU's result,
 * zeroed by the caller (its counts are the caller's).
 */
void stress_cpu_run(u32 seed, unsigned long ops, u64 until, bool concurrent,
		    struct stress_result *r);

/* Ctrl-C seen, by this CPU or told by the foreground one: stop. */
bool stress_stopped(void);

#endif /* _STRESS_INTERNAL_H */
