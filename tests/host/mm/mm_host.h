/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_host.h - what the host tests of mm/ share: booting the simulated
 * machine for a case, and the free counts of every zone and order.
 *
 * Each case boots its own machine (tests/host/mm_sim): it starts from what
 * the boot left and may leave anything behind.
 */
#ifndef _MM_HOST_H
#define _MM_HOST_H

#include <mm.h>

#include "host_ktest.h"
#include "sim.h"

/* Boot the machine the designated initialisers describe, or end the case. */
#define SIM_BOOT(test, ...)                                     \
	do {                                                    \
		struct sim_machine __machine = { __VA_ARGS__ }; \
		KUNIT_ASSERT_EQ(test, sim_boot(&__machine), 0); \
	} while (0)

/* The free blocks of every zone and order, the per-CPU lists drained first. */
struct free_counts {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
};

void free_counts_take(struct free_counts *c);
/* Are the counts now (drained) those of c?  Each difference fails the case. */
void free_counts_expect(struct kunit *test, const struct free_counts *c);

/* A u32 through a kernel address; -EFAULT if the simulated MMU faults. */
int peek32(const void *addr, u32 *val);
int poke32(void *addr, u32 val);

#endif /* _MM_HOST_H */
