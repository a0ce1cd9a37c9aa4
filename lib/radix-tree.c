// SPDX-License-Identifier: GPL-2.0
/*
 * radix-tree.c - the page cache's index: from a page's offset in its file
 * to its struct page, with a dirty and a writeback tag (radix-tree.h).
 *
 * The shape is Linux's radix tree (the XArray since 4.20 keeps it): nodes
 * of 64 slots, an index read 6 bits at a time from the top, items in the
 * leaves (shift 0).  Invariants:
 *  - the root's height is the number of levels; a node at level k from
 *    the bottom has shift 6k; rnode is NULL exactly when the tree is empty;
 *  - node->count is the number of non-NULL slots, and a node that falls
 *    to 0 is freed at once (so no empty node ever stays in the tree);
 *  - a tag bit of a slot is set exactly when some item below it has the
 *    tag, and root_tags bit t when any item has tag t;
 *  - the top node never keeps only slot 0 in use: the tree is as low as
 *    its largest index allows (it shrinks after a delete).
 * A 32-bit index needs at most 6 levels; a 4 KB page per item, 64 MB of
 * disk is 16384 pages: 3 levels.
 *
 * Simpler than Linux: no multi-order entries, no value (shadow) entries,
 * no RCU-safe lookups (every user holds the mapping's lock); the caller's
 * hooks allocate and free nodes (radix-tree.h says why).
 */
#include <errno.h>
#include <kernel.h>
#include <radix-tree.h>
#include <string.h>

#define RADIX_TREE_INDEX_MAX 0xffffffffUL

/* The largest index a tree of this height holds. */
static unsigned long radix_tree_maxindex(unsigned int height)
{
	unsigned int bits = height * RADIX_TREE_MAP_SHIFT;

	if (bits >= 32)
		return RADIX_TREE_INDEX_MAX;
	return (1UL << bits) - 1;
}

/* The fewest levels that hold index. */
static unsigned int radix_tree_height_for(unsigned long index)
{
	unsigned int height = 1;

	while (index > radix_tree_maxindex(height))
		height++;
	return height;
}

static unsigned int radix_tree_offset(const struct radix_tree_node *node,
				      unsigned long index)
{
	return (index >> node->shift) & RADIX_TREE_MAP_MASK;
}

static bool tag_get(const struct radix_tree_node *node, unsigned int tag,
		    unsigned int offset)
{
	return node->tags[tag][offset / 32] & (1U << (offset % 32));
}

static void tag_set(struct radix_tree_node *node, unsigned int tag,
		    unsigned int offset)
{
	node->tags[tag][offset / 32] |= 1U << (offset % 32);
}

static void tag_clear(struct radix_tree_node *node, unsigned int tag,
		      unsigned int offset)
{
	node->tags[tag][offset / 32] &= ~(1U << (offset % 32));
}

static bool any_tag_set(const struct radix_tree_node *node, unsigned int tag)
{
	for (unsigned int i = 0; i < RADIX_TREE_TAG_WORDS; i++)
		if (node->tags[tag][i])
			return true;
	return false;
}

static struct radix_tree_node *
radix_tree_new_node(struct radix_tree_root *root, unsigned int shift,
		    struct radix_tree_node *parent, unsigned int offset)
{
	struct radix_tree_node *node = root->node_alloc(root);

	if (!node)
		return NULL;
	memset(node, 0, sizeof(*node));
	node->shift = (unsigned char)shift;
	node->parent = parent;
	node->offset = (unsigned char)offset;
	return node;
}

/* A new top node above the old one, whose tags it inherits. */
static int radix_tree_extend(struct radix_tree_root *root)
{
	struct radix_tree_node *old = root->rnode;
	struct radix_tree_node *top = radix_tree_new_node(
		root, old->shift + RADIX_TREE_MAP_SHIFT, NULL, 0);

	if (!top)
		return -ENOMEM;
	top->slots[0] = old;
	top->count = 1;
	for (unsigned int tag = 0; tag < RADIX_TREE_MAX_TAGS; tag++)
		if (any_tag_set(old, tag))
			tag_set(top, tag, 0);
	old->parent = top;
	old->offset = 0;
	root->rnode = top;
	root->height++;
	return 0;
}

/*
 * Free the empty nodes from node upwards, then lower the tree while its
 * top node keeps only slot 0 (the invariants atop this file).
 */
static void radix_tree_prune(struct radix_tree_root *root,
			     struct radix_tree_node *node)
{
	while (node && !node->count) {
		struct radix_tree_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
			for (unsigned int t = 0; t < RADIX_TREE_MAX_TAGS; t++)
				tag_clear(parent, t, node->offset);
		} else {
			root->rnode = NULL;
			root->height = 0;
			root->root_tags = 0;
		}
		root->node_free(root, node);
		node = parent;
	}
	while (root->height > 1 && root->rnode->count == 1 &&
	       root->rnode->slots[0]) {
		struct radix_tree_node *top = root->rnode;
		struct radix_tree_node *child = top->slots[0];

		child->parent = NULL;
		root->rnode = child;
		root->height--;
		root->node_free(root, top);
	}
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item)
{
	struct radix_tree_node *node;

	if (!item || index > RADIX_TREE_INDEX_MAX)
		return -EINVAL;
	if (!root->rnode) {
		unsigned int height = radix_tree_height_for(index);

		root->rnode = radix_tree_new_node(
			root, (height - 1) * RADIX_TREE_MAP_SHIFT, NULL, 0);
		if (!root->rnode)
			return -ENOMEM;
		root->height = height;
	}
	while (index > radix_tree_maxindex(root->height))
		if (radix_tree_extend(root))
			return -ENOMEM;
	for (node = root->rnode; node->shift;) {
		unsigned int offset = radix_tree_offset(node, index);
		struct radix_tree_node *child = node->slots[offset];

		if (!child) {
			child = radix_tree_new_node(
				root, node->shift - RADIX_TREE_MAP_SHIFT, node,
				offset);
			if (!child) {
				radix_tree_prune(root, node);
				return -ENOMEM;
			}
			node->slots[offset] = child;
			node->count++;
		}
		node = child;
	}
	if (node->slots[radix_tree_offset(node, index)])
		return -EEXIST;
	node->slots[radix_tree_offset(node, index)] = item;
	node->count++;
	return 0;
}

/* The leaf that would hold index, or NULL; *offset its slot there. */
static struct radix_tree_node *
radix_tree_leaf(const struct radix_tree_root *root, unsigned long index,
		unsigned int *offset)
{
	struct radix_tree_node *node = root->rnode;

	if (!node || index > radix_tree_maxindex(root->height))
		return NULL;
	while (node->shift) {
		node = node->slots[radix_tree_offset(node, index)];
		if (!node)
			return NULL;
	}
	*offset = radix_tree_offset(node, index);
	return node;
}

void *radix_tree_replace(struct radix_tree_root *root, unsigned long index,
			 void *item)
{
	unsigned int offset;
	struct radix_tree_node *leaf = radix_tree_leaf(root, index, &offset);
	void *old;

	if (!leaf || !leaf->slots[offset] || !item)
		return NULL;
	old = leaf->slots[offset];
	leaf->slots[offset] = item;
	return old;
}

/* Clear tag at (leaf, offset) and upwards while nothing below keeps it. */
static void radix_tree_clear_tag_up(struct radix_tree_root *root,
				    struct radix_tree_node *node,
				    unsigned int offset, unsigned int tag)
{
	while (node) {
		if (!tag_get(node, tag, offset))
			return; /* already clear: so are the nodes above */
		tag_clear(node, tag, offset);
		if (any_tag_set(node, tag))
			return;
		offset = node->offset;
		node = node->parent;
	}
	root->root_tags &= ~(1U << tag);
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	unsigned int offset;
	struct radix_tree_node *leaf = radix_tree_leaf(root, index, &offset);
	void *item;

	if (!leaf || !leaf->slots[offset])
		return NULL;
	item = leaf->slots[offset];
	for (unsigned int tag = 0; tag < RADIX_TREE_MAX_TAGS; tag++)
		if (tag_get(leaf, tag, offset))
			radix_tree_clear_tag_up(root, leaf, offset, tag);
	leaf->slots[offset] = NULL;
	leaf->count--;
	radix_tree_prune(root, leaf);
	return item;
}

void *radix_tree_tag_set(struct radix_tree_root *root, unsigned long index,
			 unsigned int tag)
{
	unsigned int offset;
	struct radix_tree_node *leaf = radix_tree_leaf(root, index, &offset);
	struct radix_tree_node *node;

	if (tag >= RADIX_TREE_MAX_TAGS || !leaf || !leaf->slots[offset])
		return NULL;
	for (node = leaf; node; offset = node->offset, node = node->parent) {
		if (tag_get(node, tag, offset))
			break; /* set here: set all the way up already */
		tag_set(node, tag, offset);
	}
	root->root_tags |= 1U << tag;
	return leaf->slots[radix_tree_offset(leaf, index)];
}

void *radix_tree_tag_clear(struct radix_tree_root *root, unsigned long index,
			   unsigned int tag)
{
	unsigned int offset;
	struct radix_tree_node *leaf = radix_tree_leaf(root, index, &offset);

	if (tag >= RADIX_TREE_MAX_TAGS || !leaf || !leaf->slots[offset])
		return NULL;
	radix_tree_clear_tag_up(root, leaf, offset, tag);
	return leaf->slots[offset];
}

bool radix_tree_tag_get(const struct radix_tree_root *root, unsigned long index,
			unsigned int tag)
{
	unsigned int offset;
	struct radix_tree_node *leaf = radix_tree_leaf(root, index, &offset);

	return tag < RADIX_TREE_MAX_TAGS && leaf && leaf->slots[offset] &&
	       tag_get(leaf, tag, offset);
}

/*
 * The first item at or after start below node (whose first index is
 * base), tagged with tag unless tag is RADIX_TREE_MAX_TAGS; its index in
 * *found.  At most 6 levels deep.
 */
/*
 * The first item at or after start below node (whose first index is
 * base), with the tag unless tag is RADIX_TREE_MAX_TAGS: the item, its
 * index in *found and its leaf in *leaf; NULL if none.
 */
static void *radix_tree_next(const struct radix_tree_node *node,
			     unsigned long base, unsigned long start,
			     unsigned int tag, unsigned long *found,
			     const struct radix_tree_node **leaf)
{
	unsigned int offset = start > base ? radix_tree_offset(node, start) : 0;

	for (; offset < RADIX_TREE_MAP_SIZE; offset++) {
		unsigned long slot_base =
			base + ((unsigned long)offset << node->shift);
		void *slot = node->slots[offset];
		void *item;

		if (!slot ||
		    (tag < RADIX_TREE_MAX_TAGS && !tag_get(node, tag, offset)))
			continue;
		if (!node->shift) {
			*found = slot_base;
			*leaf = node;
			return slot;
		}
		item = radix_tree_next(slot, slot_base, max(start, slot_base),
				       tag, found, leaf);
		if (item)
			return item;
	}
	return NULL;
}

/*
 * Up to max_items items from index on, in order: one descent finds the
 * first, the rest of its leaf is read slot by slot, and the next leaf
 * takes one descent again.
 */
static unsigned int radix_tree_gang(const struct radix_tree_root *root,
				    void **results, unsigned long index,
				    unsigned int max_items, unsigned int tag)
{
	unsigned long last;
	unsigned int n = 0;

	if (!root->rnode)
		return 0;
	if (tag < RADIX_TREE_MAX_TAGS && !radix_tree_tagged(root, tag))
		return 0;
	last = radix_tree_maxindex(root->height);
	while (n < max_items && index <= last) {
		const struct radix_tree_node *leaf;
		unsigned long found, base;
		void *item = radix_tree_next(root->rnode, 0, index, tag, &found,
					     &leaf);

		if (!item)
			break;
		results[n++] = item;
		for (unsigned int off = (found & RADIX_TREE_MAP_MASK) + 1;
		     off < RADIX_TREE_MAP_SIZE && n < max_items; off++) {
			void *slot = leaf->slots[off];

			if (slot && (tag >= RADIX_TREE_MAX_TAGS ||
				     tag_get(leaf, tag, off)))
				results[n++] = slot;
		}
		base = found & ~RADIX_TREE_MAP_MASK;
		if (base + RADIX_TREE_MAP_MASK >= last)
			break; /* the tree's last leaf */
		index = base + RADIX_TREE_MAP_SIZE;
	}
	return n;
}

unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root,
				    void **results, unsigned long first_index,
				    unsigned int max_items)
{
	return radix_tree_gang(root, results, first_index, max_items,
			       RADIX_TREE_MAX_TAGS);
}

unsigned int radix_tree_gang_lookup_tag(const struct radix_tree_root *root,
					void **results,
					unsigned long first_index,
					unsigned int max_items,
					unsigned int tag)
{
	if (tag >= RADIX_TREE_MAX_TAGS)
		return 0;
	return radix_tree_gang(root, results, first_index, max_items, tag);
}
