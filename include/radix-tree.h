/* SPDX-License-Identifier: GPL-2.0 */
/*
 * radix-tree.h - a map from an index (a page's offset in its file) to a
 * pointer, with tags, as Linux's radix tree was until 4.20 turned it into
 * the XArray with the same shape (lib/radix-tree.c).
 *
 *	INIT_RADIX_TREE(&mapping->i_pages, node_alloc, node_free);
 *	radix_tree_insert(&mapping->i_pages, index, page);   // 0, -EEXIST...
 *	page = radix_tree_lookup(&mapping->i_pages, index);
 *	radix_tree_tag_set(&mapping->i_pages, index, PAGECACHE_TAG_DIRTY);
 *	n = radix_tree_gang_lookup_tag(&mapping->i_pages, (void **)pages,
 *				       start, 16, PAGECACHE_TAG_DIRTY);
 *
 * A node has 64 slots: the index is cut into 6-bit digits, the top digit
 * picks a slot of the root node, the next one a slot of that node's
 * child, and so on down to the leaves, whose slots hold the items.  A tree
 * of height h holds indexes below 64^h; it grows a level on top when a
 * larger index comes and shrinks when the top node keeps only slot 0.
 * Each node also keeps, per tag, a bit per slot: "something below this
 * slot has the tag", so finding the dirty pages of a file skips every
 * subtree that has none.
 *
 * The tree never allocates by itself: the root names the functions that
 * give and take nodes, so that the page cache can take them from a
 * reserve filled before it took its lock (Linux's radix_tree_preload()),
 * and the host tests from malloc().
 */
#ifndef _RADIX_TREE_H
#define _RADIX_TREE_H

#include <types.h>

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE (1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK (RADIX_TREE_MAP_SIZE - 1)
#define RADIX_TREE_MAX_TAGS 2
#define RADIX_TREE_TAG_WORDS (RADIX_TREE_MAP_SIZE / 32)
/* Levels for a 32-bit index: 6 digits of 6 bits cover 36 bits. */
#define RADIX_TREE_MAX_PATH 6

struct radix_tree_node {
	unsigned char shift; /* index bits below this node's slots */
	unsigned char offset; /* its slot in the parent */
	unsigned char count; /* slots in use */
	struct radix_tree_node *parent; /* NULL: the top node */
	void *slots[RADIX_TREE_MAP_SIZE]; /* children, or items at shift 0 */
	u32 tags[RADIX_TREE_MAX_TAGS][RADIX_TREE_TAG_WORDS]; /* per slot */
};

struct radix_tree_root {
	unsigned int height; /* levels of nodes; 0: empty */
	struct radix_tree_node *rnode; /* the top node */
	unsigned int root_tags; /* bit t: some item has tag t */
	/* A zeroed node, or NULL (the insert then fails with -ENOMEM). */
	struct radix_tree_node *(*node_alloc)(struct radix_tree_root *root);
	void (*node_free)(struct radix_tree_root *root,
			  struct radix_tree_node *node);
};

#define RADIX_TREE_INIT(alloc, free)                       \
	{                                                  \
		.node_alloc = (alloc), .node_free = (free) \
	}
#define INIT_RADIX_TREE(root, alloc, free) \
	(*(root) = (struct radix_tree_root)RADIX_TREE_INIT(alloc, free))

/* Put item at index: 0, -EEXIST (taken), -ENOMEM (no node), -EINVAL. */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item);
/*
 * The item at index, or NULL.  Inline, the page cache's every lookup: one
 * load, shift and mask a level (each level's shift is its parent's less
 * 6), and the top node's shift says how large an index the tree holds:
 * 64 << shift, less one (Linux's node_maxindex(); for a tree of full
 * height the shift wraps to 0 and the limit to ULONG_MAX, as it should).
 */
static inline void *radix_tree_lookup(const struct radix_tree_root *root,
				      unsigned long index)
{
	struct radix_tree_node *node = root->rnode;
	unsigned int shift;

	if (!node)
		return NULL;
	shift = node->shift;
	if (index > (RADIX_TREE_MAP_SIZE << shift) - 1)
		return NULL;
	for (; shift; shift -= RADIX_TREE_MAP_SHIFT) {
		node = node->slots[(index >> shift) & RADIX_TREE_MAP_MASK];
		if (!node)
			return NULL;
	}
	return node->slots[index & RADIX_TREE_MAP_MASK];
}
/* Remove the item at index (its tags too); the item, or NULL. */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
/* Replace the item at index (keeping its tags): the old one, or NULL. */
void *radix_tree_replace(struct radix_tree_root *root, unsigned long index,
			 void *item);

/* Tag the item at index (it must exist): the item, or NULL. */
void *radix_tree_tag_set(struct radix_tree_root *root, unsigned long index,
			 unsigned int tag);
/* Untag it: the item, or NULL. */
void *radix_tree_tag_clear(struct radix_tree_root *root, unsigned long index,
			   unsigned int tag);
bool radix_tree_tag_get(const struct radix_tree_root *root, unsigned long index,
			unsigned int tag);
/* Has any item the tag? */
static inline bool radix_tree_tagged(const struct radix_tree_root *root,
				     unsigned int tag)
{
	return root->root_tags & (1U << tag);
}

/*
 * Up to max_items items at indexes from first_index on, in index order,
 * into results: how many.  The _tag variant returns only tagged items.
 */
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root,
				    void **results, unsigned long first_index,
				    unsigned int max_items);
unsigned int radix_tree_gang_lookup_tag(const struct radix_tree_root *root,
					void **results,
					unsigned long first_index,
					unsigned int max_items,
					unsigned int tag);

/* Nodes a tree of this height holds at most below the top: for checks. */
static inline bool radix_tree_empty(const struct radix_tree_root *root)
{
	return !root->rnode;
}

#endif /* _RADIX_TREE_H */
