/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_test_helpers.h - what the page allocator's test suites share: snapshots
 * of the free counts, the zone each GFP request goes to first, and a "hoard"
 * that holds blocks (chained through page->buddy_list, unused while a block is
 * allocated) to run zones dry and give everything back.
 */
#ifndef _MM_TEST_HELPERS_H
#define _MM_TEST_HELPERS_H

#include <ktest.h>
#include <mm.h>

/* The per-order free block counts of every zone. */
struct free_counts {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
};

/* Blocks held by a case, one list per order. */
struct hoard {
	struct list_head blocks[MAX_ORDER];
	unsigned long pages[MAX_NR_ZONES]; /* held, per zone */
};

/* Both drain the per-CPU lists first: they compare the buddy state. */
void free_counts_snapshot(struct free_counts *c);
void free_counts_expect(struct ktest *test, const struct free_counts *c,
			const char *when);
gfp_t test_zone_gfp(const struct zone *zone);
struct zone *test_kernel_zone(void);
struct zone *test_highmem_zone(void);
void hoard_init(struct hoard *h);
void hoard_add(struct hoard *h, struct page *page, unsigned int order);
unsigned long hoard_fill(struct hoard *h, gfp_t gfp);
void hoard_release(struct hoard *h);
bool test_zone_has_block(const struct zone *zone, unsigned int order);
/* Drain order 0 of `zone` into h, then take two buddy pages *a, *b. */
bool alloc_buddy_pair(struct ktest *test, struct zone *zone, struct hoard *h,
		      struct free_counts *drained, struct page **a,
		      struct page **b);

#endif /* _MM_TEST_HELPERS_H */
