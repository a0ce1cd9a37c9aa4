/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbtree.h - red-black trees, intrusive, as Linux's.
 *
 * A node is embedded in the caller's structure; the caller walks down the
 * tree to find where a new node goes (it knows the key), links it there with
 * rb_link_node() and lets rb_insert_color() rebalance.  Every root-to-leaf
 * path has the same number of black nodes and no red node has a red child,
 * so the height stays below 2 log2(n + 1): lookups are O(log n).
 *
 * Augmented trees keep a value per node computed from the node and its two
 * subtrees (vmalloc keeps "the largest free gap below this node", so the
 * first gap that fits is found in O(log n)).  The callbacks recompute it
 * where the structure changed: along the path to the root after a link or an
 * unlink, and for the two nodes of every rotation.
 */
#ifndef _RBTREE_H
#define _RBTREE_H

#include <kernel.h>

#define RB_RED 0
#define RB_BLACK 1

struct rb_node {
	struct rb_node *parent; /* NULL at the root */
	struct rb_node *left; /* smaller keys */
	struct rb_node *right; /* larger keys */
	int color; /* RB_RED or RB_BLACK */
};

struct rb_root {
	struct rb_node *rb_node; /* NULL when empty */
};

#define RB_ROOT ((struct rb_root){ NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
/* ptr evaluated once, as Linux's: it is often a call (rb_prev(), rb_next()). */
#define rb_entry_safe(ptr, type, member)                          \
	({                                                        \
		typeof(ptr) ____ptr = (ptr);                      \
		____ptr ? rb_entry(____ptr, type, member) : NULL; \
	})

static inline bool RB_EMPTY_ROOT(const struct rb_root *root)
{
	return root->rb_node == NULL;
}

/* Put `node` at *link, as a child of `parent` (NULL for the root). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->parent = parent;
	node->left = node->right = NULL;
	node->color = RB_RED;
	*link = node;
}

/*
 * Callbacks of an augmented tree:
 *  propagate(node, stop): recompute from node up to (not including) stop;
 *  rotate(old, new): `new` took `old`'s place: new gets old's value,
 *  old is recomputed from its new children.
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/* In-order walk. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif /* _RBTREE_H */
