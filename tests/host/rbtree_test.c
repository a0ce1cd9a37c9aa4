// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/rbtree.c keeps a red-black tree valid through any mix of
 * insertions and erasures: in-order keys, a black root, no red node with a
 * red child, equal black heights, consistent parent pointers, and (for an
 * augmented tree) each node's augmented value equal to the maximum of its
 * subtree, the property vmalloc's free-space search depends on.  The tree is
 * checked in full after every operation of long random sequences.
 */
#include <kernel.h>
#include <rbtree.h>

#include "host_ktest.h"

#define NR_ITEMS 1500

struct item {
	struct rb_node rb;
	unsigned long key; /* the order of the tree */
	unsigned long size; /* a per-node value */
	unsigned long subtree_max; /* augmented: max size in the subtree */
	bool in_tree;
};

static struct item items[NR_ITEMS];
static unsigned int rng_state = 0x9e3779b9U;

static unsigned int rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static unsigned long subtree_max_of(const struct rb_node *node)
{
	return node ? rb_entry(node, struct item, rb)->subtree_max : 0;
}

static unsigned long compute_max(const struct item *it)
{
	return max(it->size, max(subtree_max_of(it->rb.left),
				 subtree_max_of(it->rb.right)));
}

static void aug_propagate(struct rb_node *node, struct rb_node *stop)
{
	for (; node != stop; node = node->parent) {
		struct item *it = rb_entry(node, struct item, rb);

		it->subtree_max = compute_max(it);
	}
}

static void aug_rotate(struct rb_node *old, struct rb_node *new)
{
	struct item *o = rb_entry(old, struct item, rb);
	struct item *n = rb_entry(new, struct item, rb);

	n->subtree_max = o->subtree_max;
	o->subtree_max = compute_max(o);
}

static const struct rb_augment_callbacks aug_callbacks = {
	.propagate = aug_propagate,
	.rotate = aug_rotate,
};

static void tree_insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < rb_entry(parent, struct item, rb)->key ?
			       &parent->left :
			       &parent->right;
	}
	rb_link_node(&it->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&it->rb, root, &aug_callbacks);
	else
		rb_insert_color(&it->rb, root);
	it->in_tree = true;
}

static void tree_erase(struct rb_root *root, struct item *it, bool augmented)
{
	if (augmented)
		rb_erase_augmented(&it->rb, root, &aug_callbacks);
	else
		rb_erase(&it->rb, root);
	it->in_tree = false;
}

struct check {
	unsigned long nodes;
	bool ok;
};

/* Returns the black height of the subtree; records any violation. */
static int check_subtree(const struct rb_node *node,
			 const struct rb_node *parent, bool augmented,
			 struct check *c)
{
	const struct item *it;
	int left_height, right_height;

	if (!node)
		return 1;
	it = rb_entry(node, struct item, rb);
	c->nodes++;
	if (node->parent != parent)
		c->ok = false;
	if (node->color == RB_RED &&
	    ((node->left && node->left->color == RB_RED) ||
	     (node->right && node->right->color == RB_RED)))
		c->ok = false;
	if (node->left && rb_entry(node->left, struct item, rb)->key > it->key)
		c->ok = false;
	if (node->right &&
	    rb_entry(node->right, struct item, rb)->key < it->key)
		c->ok = false;
	if (augmented && it->subtree_max != compute_max(it))
		c->ok = false;
	left_height = check_subtree(node->left, node, augmented, c);
	right_height = check_subtree(node->right, node, augmented, c);
	if (left_height != right_height)
		c->ok = false;
	return left_height + (node->color == RB_BLACK);
}

static bool tree_valid(const struct rb_root *root, unsigned long expected_nodes,
		       bool augmented)
{
	struct check c = { 0, true };

	if (root->rb_node && root->rb_node->color != RB_BLACK)
		return false;
	check_subtree(root->rb_node, NULL, augmented, &c);
	return c.ok && c.nodes == expected_nodes;
}

static void reset_items(void)
{
	for (unsigned long i = 0; i < NR_ITEMS; i++)
		items[i] = (struct item){ .key = rng() % 100000,
					  .size = rng() % 5000 };
}

static void random_ops(struct kunit *test, bool augmented)
{
	struct rb_root root = RB_ROOT;
	unsigned long nodes = 0;

	reset_items();
	for (int op = 0; op < 6000; op++) {
		struct item *it = &items[rng() % NR_ITEMS];

		if (it->in_tree) {
			tree_erase(&root, it, augmented);
			nodes--;
		} else {
			tree_insert(&root, it, augmented);
			nodes++;
		}
		if (!tree_valid(&root, nodes, augmented)) {
			KUNIT_FAIL(test, "tree invalid after an operation");
			return;
		}
	}
	KUNIT_EXPECT_GT(test, nodes, 0);
}

static void rbtree_random_inserts_and_erases_keep_it_valid(struct kunit *test)
{
	random_ops(test, false);
}

static void rbtree_augmented_values_stay_exact(struct kunit *test)
{
	random_ops(test, true);
}

static void rbtree_inorder_walk_is_sorted_both_ways(struct kunit *test)
{
	struct rb_root root = RB_ROOT;
	unsigned long count = 0, prev_key = 0;
	struct rb_node *node;

	reset_items();
	for (int i = 0; i < 500; i++)
		tree_insert(&root, &items[i], false);
	for (node = rb_first(&root); node; node = rb_next(node), count++) {
		unsigned long key = rb_entry(node, struct item, rb)->key;

		KUNIT_ASSERT_TRUE(test, key >= prev_key);
		prev_key = key;
	}
	KUNIT_EXPECT_EQ(test, count, 500);
	count = 0;
	prev_key = ~0UL;
	for (node = rb_last(&root); node; node = rb_prev(node), count++) {
		unsigned long key = rb_entry(node, struct item, rb)->key;

		KUNIT_ASSERT_TRUE(test, key <= prev_key);
		prev_key = key;
	}
	KUNIT_EXPECT_EQ(test, count, 500);
}

static void rbtree_height_is_logarithmic(struct kunit *test)
{
	struct rb_root root = RB_ROOT;
	int height = 0;

	/* Sorted insertion: the worst case for an unbalanced tree. */
	for (unsigned long i = 0; i < NR_ITEMS; i++) {
		items[i] = (struct item){ .key = i };
		tree_insert(&root, &items[i], false);
	}
	for (struct rb_node *node = rb_first(&root); node;
	     node = rb_next(node)) {
		int depth = 0;

		for (const struct rb_node *n = node; n; n = n->parent)
			depth++;
		height = max(height, depth);
	}
	/* 2 * log2(1501) is about 21. */
	KUNIT_EXPECT_LE(test, height, 21);
	KUNIT_EXPECT_TRUE(test, tree_valid(&root, NR_ITEMS, false));
}

static void rbtree_erasing_everything_empties_it(struct kunit *test)
{
	struct rb_root root = RB_ROOT;

	reset_items();
	for (int i = 0; i < 300; i++)
		tree_insert(&root, &items[i], true);
	for (int i = 299; i >= 0; i -= 2)
		tree_erase(&root, &items[i], true);
	for (int i = 298; i >= 0; i -= 2)
		tree_erase(&root, &items[i], true);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&root));
	KUNIT_EXPECT_NULL(test, rb_first(&root));
}

static struct kunit_case rbtree_cases[] = {
	KUNIT_CASE(rbtree_random_inserts_and_erases_keep_it_valid),
	KUNIT_CASE(rbtree_augmented_values_stay_exact),
	KUNIT_CASE(rbtree_inorder_walk_is_sorted_both_ways),
	KUNIT_CASE(rbtree_height_is_logarithmic),
	KUNIT_CASE(rbtree_erasing_everything_empties_it),
	{}
};

static struct kunit_suite rbtree_suite = {
	.name = "rbtree",
	.test_cases = rbtree_cases,
};
kunit_test_suite(rbtree_suite);
