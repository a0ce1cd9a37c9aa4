// SPDX-License-Identifier: GPL-2.0
/* mm_host.c - the helpers of mm_host.h. */
#include <errno.h>
#include <kernel.h>

#include "mm_host.h"

void free_counts_take(struct free_counts *c)
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			c->nr_free[z][o] = zones[z].free_area[o].nr_free;
		c->free_pages[z] = zones[z].free_pages;
	}
}

void free_counts_expect(struct kunit *test, const struct free_counts *c)
{
	struct free_counts now;

	free_counts_take(&now);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		KUNIT_EXPECT_EQ(test, now.free_pages[z], c->free_pages[z]);
		for (int o = 0; o < MAX_ORDER; o++)
			KUNIT_EXPECT_EQ(test, now.nr_free[z][o],
					c->nr_free[z][o]);
	}
}

int peek32(const void *addr, u32 *val)
{
	return sim_read(addr, val, sizeof(*val));
}

int poke32(void *addr, u32 val)
{
	return sim_write(addr, &val, sizeof(val));
}
