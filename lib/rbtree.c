// SPDX-License-Identifier: GPL-2.0
/*
 * rbtree.c - red-black tree rebalancing (the textbook algorithms, CLRS
 * chapter 13, with parent pointers and no sentinel).
 *
 * Invariants: the root is black; a red node has black children; every path
 * from a node down to a missing child has the same number of black nodes.
 *
 * Insertion links a red node at a leaf position; the only possible violation
 * is a red parent, fixed by recolouring while the uncle is red (moving the
 * problem two levels up) and then at most two rotations.  Erasure splices the
 * node out (if it has two children, its in-order successor takes its place
 * and colour); removing a black node leaves one path a black short, fixed by
 * recolouring and at most three rotations.
 *
 * Augmentation: after the structure changes, the augmented values are
 * recomputed along the changed path up to the root, then kept right through
 * each fix-up rotation by the rotate callback.  Values are therefore correct
 * before every rotation, which is what rotate() relies on.
 */
#include <rbtree.h>

static void rb_set_child(struct rb_root *root, struct rb_node *parent,
			 struct rb_node *old, struct rb_node *new)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
}

/* Rotate left around x: x's right child y takes x's place. */
static void rb_rotate_left(struct rb_node *x, struct rb_root *root,
			   const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	y->parent = x->parent;
	rb_set_child(root, x->parent, x, y);
	y->left = x;
	x->parent = y;
	if (augment)
		augment->rotate(x, y);
}

/* Rotate right around x: x's left child y takes x's place. */
static void rb_rotate_right(struct rb_node *x, struct rb_root *root,
			    const struct rb_augment_callbacks *augment)
{
	struct rb_node *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	y->parent = x->parent;
	rb_set_child(root, x->parent, x, y);
	y->right = x;
	x->parent = y;
	if (augment)
		augment->rotate(x, y);
}

static bool rb_is_red(const struct rb_node *node)
{
	return node && node->color == RB_RED;
}

static void rb_insert_fixup(struct rb_node *z, struct rb_root *root,
			    const struct rb_augment_callbacks *augment)
{
	while (rb_is_red(z->parent)) {
		struct rb_node *parent = z->parent;
		struct rb_node *gparent = parent->parent;
		bool parent_is_left = gparent->left == parent;
		struct rb_node *uncle = parent_is_left ? gparent->right :
							 gparent->left;

		if (rb_is_red(uncle)) {
			/* Recolour; the grandparent may now clash above. */
			parent->color = uncle->color = RB_BLACK;
			gparent->color = RB_RED;
			z = gparent;
			continue;
		}
		if (parent_is_left) {
			if (z == parent->right) {
				z = parent;
				rb_rotate_left(z, root, augment);
				parent = z->parent;
			}
			parent->color = RB_BLACK;
			gparent->color = RB_RED;
			rb_rotate_right(gparent, root, augment);
		} else {
			if (z == parent->left) {
				z = parent;
				rb_rotate_right(z, root, augment);
				parent = z->parent;
			}
			parent->color = RB_BLACK;
			gparent->color = RB_RED;
			rb_rotate_left(gparent, root, augment);
		}
	}
	root->rb_node->color = RB_BLACK;
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	augment->propagate(node, NULL);
	rb_insert_fixup(node, root, augment);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_insert_fixup(node, root, NULL);
}

/*
 * Restore the black heights after a black node was removed: x (possibly
 * NULL) is the child that took its place, below `parent`.
 */
static void rb_erase_fixup(struct rb_node *x, struct rb_node *parent,
			   struct rb_root *root,
			   const struct rb_augment_callbacks *augment)
{
	while (x != root->rb_node && !rb_is_red(x)) {
		bool x_is_left = parent->left == x;
		struct rb_node *w = x_is_left ? parent->right : parent->left;

		if (rb_is_red(w)) {
			w->color = RB_BLACK;
			parent->color = RB_RED;
			if (x_is_left)
				rb_rotate_left(parent, root, augment);
			else
				rb_rotate_right(parent, root, augment);
			w = x_is_left ? parent->right : parent->left;
		}
		if (!rb_is_red(w->left) && !rb_is_red(w->right)) {
			w->color = RB_RED;
			x = parent;
			parent = x->parent;
			continue;
		}
		if (x_is_left) {
			if (!rb_is_red(w->right)) {
				w->left->color = RB_BLACK;
				w->color = RB_RED;
				rb_rotate_right(w, root, augment);
				w = parent->right;
			}
			w->color = parent->color;
			parent->color = RB_BLACK;
			w->right->color = RB_BLACK;
			rb_rotate_left(parent, root, augment);
		} else {
			if (!rb_is_red(w->left)) {
				w->right->color = RB_BLACK;
				w->color = RB_RED;
				rb_rotate_left(w, root, augment);
				w = parent->left;
			}
			w->color = parent->color;
			parent->color = RB_BLACK;
			w->left->color = RB_BLACK;
			rb_rotate_right(parent, root, augment);
		}
		x = root->rb_node;
		break;
	}
	if (x)
		x->color = RB_BLACK;
}

static struct rb_node *rb_leftmost(struct rb_node *node)
{
	while (node->left)
		node = node->left;
	return node;
}

void rb_erase_augmented(struct rb_node *z, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	struct rb_node *x, *x_parent, *changed;
	int removed_color = z->color;

	if (!z->left || !z->right) {
		/* At most one child: it takes z's place. */
		x = z->left ? z->left : z->right;
		x_parent = z->parent;
		if (x)
			x->parent = x_parent;
		rb_set_child(root, z->parent, z, x);
		changed = x_parent;
	} else {
		/* Two children: the successor y (no left child) replaces z. */
		struct rb_node *y = rb_leftmost(z->right);

		removed_color = y->color;
		x = y->right;
		if (y->parent == z) {
			x_parent = y;
		} else {
			x_parent = y->parent;
			x_parent->left = x;
			if (x)
				x->parent = x_parent;
			y->right = z->right;
			z->right->parent = y;
		}
		y->left = z->left;
		z->left->parent = y;
		y->parent = z->parent;
		y->color = z->color;
		rb_set_child(root, z->parent, z, y);
		changed = x_parent;
	}
	/* The subtrees along the splice path changed: recompute to the root. */
	if (augment && changed)
		augment->propagate(changed, NULL);
	if (removed_color == RB_BLACK && root->rb_node)
		rb_erase_fixup(x, x_parent, root, augment);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_augmented(node, root, NULL);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return root->rb_node ? rb_leftmost(root->rb_node) : NULL;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->rb_node;

	while (node && node->right)
		node = node->right;
	return node;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	if (node->right)
		return rb_leftmost(node->right);
	while (node->parent && node == node->parent->right)
		node = node->parent;
	return node->parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	if (node->left) {
		node = node->left;
		while (node->right)
			node = node->right;
		return (struct rb_node *)node;
	}
	while (node->parent && node == node->parent->left)
		node = node->parent;
	return node->parent;
}
