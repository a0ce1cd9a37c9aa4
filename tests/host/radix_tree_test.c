// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/radix-tree.c, the page cache's index, maps indexes to
 * items exactly as a plain array would through random inserts, deletes
 * and tag changes: lookups, in-order gang lookups (tagged or not) from any
 * start, tags that follow their items, the tree growing for large indexes
 * and shrinking back, every node counted and freed (the allocator hooks
 * count them), and errors for a taken slot or no memory for a node.
 */
#include <errno.h>
#include <kernel.h>
#include <radix-tree.h>

#include "host_ktest.h"

#define NR_SLOTS 5000 /* indexes 0..NR_SLOTS-1 of the model */

static int nodes_live; /* allocated and not yet freed */
static int fail_after = -1; /* allocations left before one fails; -1: never */

static struct radix_tree_node *test_node_alloc(struct radix_tree_root *root
					       __attribute__((unused)))
{
	if (fail_after == 0)
		return NULL;
	if (fail_after > 0)
		fail_after--;
	nodes_live++;
	return malloc(sizeof(struct radix_tree_node));
}

static void test_node_free(struct radix_tree_root *root __attribute__((unused)),
			   struct radix_tree_node *node)
{
	nodes_live--;
	free(node);
}

static unsigned int rng_state = 0x12345678U;

static unsigned int rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* The item stored at index i: a recognisable non-NULL pointer. */
static void *item_of(unsigned long i)
{
	return (void *)(unsigned long)(0x10000 + i * 4);
}

static unsigned long index_of(void *item)
{
	return ((unsigned long)item - 0x10000) / 4;
}

static void *model[NR_SLOTS];
static bool model_tag[RADIX_TREE_MAX_TAGS][NR_SLOTS];

static void check_against_model(struct kunit *test, struct radix_tree_root *r)
{
	void *batch[7];
	unsigned long start = rng() % NR_SLOTS;
	unsigned int tag = rng() % RADIX_TREE_MAX_TAGS, n;
	unsigned long expect;

	for (unsigned long i = 0; i < NR_SLOTS; i++) {
		KUNIT_EXPECT_PTR_EQ(test, radix_tree_lookup(r, i), model[i]);
		for (unsigned int t = 0; t < RADIX_TREE_MAX_TAGS; t++)
			KUNIT_EXPECT_EQ(test, radix_tree_tag_get(r, i, t),
					model_tag[t][i]);
	}
	/* A gang lookup returns the next items in index order. */
	n = radix_tree_gang_lookup(r, batch, start, 7);
	expect = start;
	for (unsigned int k = 0; k < n; k++) {
		while (expect < NR_SLOTS && !model[expect])
			expect++;
		KUNIT_EXPECT_EQ(test, index_of(batch[k]), expect);
		expect++;
	}
	while (n < 7 && expect < NR_SLOTS && !model[expect])
		expect++;
	if (n < 7)
		KUNIT_EXPECT_EQ(test, expect, NR_SLOTS);
	/* ... and the tagged variant only tagged ones. */
	n = radix_tree_gang_lookup_tag(r, batch, start, 7, tag);
	expect = start;
	for (unsigned int k = 0; k < n; k++) {
		while (expect < NR_SLOTS && !model_tag[tag][expect])
			expect++;
		KUNIT_EXPECT_EQ(test, index_of(batch[k]), expect);
		expect++;
	}
}

static void radix_tree_random_operations_match_an_array(struct kunit *test)
{
	struct radix_tree_root root;

	INIT_RADIX_TREE(&root, test_node_alloc, test_node_free);
	nodes_live = 0;
	for (unsigned long i = 0; i < NR_SLOTS; i++) {
		model[i] = NULL;
		model_tag[0][i] = model_tag[1][i] = false;
	}
	for (int op = 0; op < 20000; op++) {
		unsigned long i = rng() % NR_SLOTS;
		unsigned int tag = rng() % RADIX_TREE_MAX_TAGS;

		switch (rng() % 4) {
		case 0:
			KUNIT_EXPECT_EQ(test,
					radix_tree_insert(&root, i, item_of(i)),
					model[i] ? -EEXIST : 0);
			model[i] = item_of(i);
			break;
		case 1:
			KUNIT_EXPECT_PTR_EQ(test, radix_tree_delete(&root, i),
					    model[i]);
			model[i] = NULL;
			model_tag[0][i] = model_tag[1][i] = false;
			break;
		case 2:
			KUNIT_EXPECT_PTR_EQ(test,
					    radix_tree_tag_set(&root, i, tag),
					    model[i]);
			model_tag[tag][i] = model[i] != NULL;
			break;
		default:
			radix_tree_tag_clear(&root, i, tag);
			model_tag[tag][i] = false;
		}
		if (op % 1000 == 0)
			check_against_model(test, &root);
	}
	check_against_model(test, &root);
	for (unsigned int t = 0; t < RADIX_TREE_MAX_TAGS; t++) {
		bool any = false;

		for (unsigned long i = 0; i < NR_SLOTS; i++)
			any |= model_tag[t][i];
		KUNIT_EXPECT_EQ(test, radix_tree_tagged(&root, t), any);
	}
	for (unsigned long i = 0; i < NR_SLOTS; i++)
		radix_tree_delete(&root, i);
	KUNIT_EXPECT_TRUE(test, radix_tree_empty(&root));
	KUNIT_EXPECT_EQ(test, root.height, 0);
	KUNIT_EXPECT_EQ(test, nodes_live, 0);
}

static void
radix_tree_grows_for_large_indexes_and_shrinks_back(struct kunit *test)
{
	struct radix_tree_root root;

	INIT_RADIX_TREE(&root, test_node_alloc, test_node_free);
	nodes_live = 0;
	KUNIT_ASSERT_EQ(test, radix_tree_insert(&root, 5, item_of(5)), 0);
	KUNIT_EXPECT_EQ(test, root.height, 1);
	KUNIT_EXPECT_EQ(test, nodes_live, 1);
	radix_tree_tag_set(&root, 5, 1);
	/* 64^3 needs four levels: three new nodes on top, three below. */
	KUNIT_ASSERT_EQ(test, radix_tree_insert(&root, 262144, item_of(7)), 0);
	KUNIT_EXPECT_EQ(test, root.height, 4);
	KUNIT_EXPECT_TRUE(test, radix_tree_tag_get(&root, 5, 1));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_lookup(&root, 262144), item_of(7));
	KUNIT_EXPECT_NULL(test, radix_tree_lookup(&root, 262145));
	KUNIT_EXPECT_NULL(test, radix_tree_lookup(&root, 0xffffffffUL));
	/* The largest 32-bit index: six levels. */
	KUNIT_ASSERT_EQ(test,
			radix_tree_insert(&root, 0xffffffffUL, item_of(9)), 0);
	KUNIT_EXPECT_EQ(test, root.height, 6);
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_lookup(&root, 0xffffffffUL),
			    item_of(9));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_delete(&root, 0xffffffffUL),
			    item_of(9));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_delete(&root, 262144), item_of(7));
	/* Back to one node holding index 5, its tag kept. */
	KUNIT_EXPECT_EQ(test, root.height, 1);
	KUNIT_EXPECT_EQ(test, nodes_live, 1);
	KUNIT_EXPECT_TRUE(test, radix_tree_tag_get(&root, 5, 1));
	KUNIT_EXPECT_TRUE(test, radix_tree_tagged(&root, 1));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_delete(&root, 5), item_of(5));
	KUNIT_EXPECT_FALSE(test, radix_tree_tagged(&root, 1));
	KUNIT_EXPECT_EQ(test, nodes_live, 0);
}

static void
radix_tree_failed_node_allocation_leaves_no_trace(struct kunit *test)
{
	struct radix_tree_root root;

	INIT_RADIX_TREE(&root, test_node_alloc, test_node_free);
	nodes_live = 0;
	KUNIT_ASSERT_EQ(test, radix_tree_insert(&root, 1, item_of(1)), 0);
	/* Index 4096 needs a level on top and a path of two below it. */
	fail_after = 2;
	KUNIT_EXPECT_EQ(test, radix_tree_insert(&root, 4096, item_of(2)),
			-ENOMEM);
	fail_after = -1;
	KUNIT_EXPECT_NULL(test, radix_tree_lookup(&root, 4096));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_lookup(&root, 1), item_of(1));
	KUNIT_EXPECT_EQ(test, root.height, 1);
	KUNIT_EXPECT_EQ(test, nodes_live, 1);
	KUNIT_EXPECT_EQ(test, radix_tree_insert(&root, 1, item_of(1)), -EEXIST);
	KUNIT_EXPECT_EQ(test, radix_tree_insert(&root, 2, NULL), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_replace(&root, 1, item_of(3)),
			    item_of(1));
	KUNIT_EXPECT_PTR_EQ(test, radix_tree_delete(&root, 1), item_of(3));
	KUNIT_EXPECT_NULL(test, radix_tree_delete(&root, 1));
	KUNIT_EXPECT_NULL(test, radix_tree_tag_set(&root, 1, 0));
	KUNIT_EXPECT_EQ(test, nodes_live, 0);
}

static struct kunit_case radix_tree_cases[] = {
	KUNIT_CASE(radix_tree_random_operations_match_an_array),
	KUNIT_CASE(radix_tree_grows_for_large_indexes_and_shrinks_back),
	KUNIT_CASE(radix_tree_failed_node_allocation_leaves_no_trace),
	{}
};

static struct kunit_suite radix_tree_suite = {
	.name = "radix_tree",
	.test_cases = radix_tree_cases,
};
kunit_test_suite(radix_tree_suite);
