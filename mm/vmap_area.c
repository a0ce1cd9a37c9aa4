// SPDX-License-Identifier: GPL-2.0
/*
 * vmap_area.c - handing out ranges of the vmalloc address space.
 *
 * The space [VMALLOC_START, VMALLOC_END) is a set of disjoint ranges, each a
 * struct vmap_area in one of three places:
 *  - the free tree: free gaps, an rbtree by address, augmented with
 *    subtree_max_size (the largest gap in the subtree).  Finding the lowest
 *    gap that fits descends left whenever the left subtree has one big
 *    enough, so it takes O(log n) whatever the number of areas;
 *  - the busy tree: areas in use, an rbtree by address, so that the area of
 *    an address is found in O(log n) (vfree, vmalloc_to_page, fault reports),
 *    and an address-ordered list of them for /proc/vmallocinfo;
 *  - the purge list: areas already unmapped by vfree() whose TLB entries may
 *    still be stale.  They go back to the free tree in batches after one
 *    global TLB flush (the lazy purge, as Linux does): a vfree costs no flush,
 *    and an address is never reused while a stale translation could exist.
 *    Purging happens when the list holds LAZY_MAX_PAGES pages, or when an
 *    allocation finds no room.  Areas freed one after the other usually
 *    lie side by side (an address is not reused before the purge, so
 *    successive vmallocs get successive ranges): the purge gives each such
 *    run back as one gap, one insertion into the augmented free tree for
 *    the run instead of one per area.  Linux merges freed areas already
 *    at vfree() time, in a purge tree; here each keeps its own node until
 *    the purge, so that a fault report can still name the area and who
 *    allocated it, and /proc/vmallocinfo lists it.
 * Neighbouring free gaps are always merged, so the free tree holds at most
 * one more node than the busy tree.  When two ranges merge, the older of
 * their two nodes stays and the younger goes back to the cache, and an
 * area that fills a gap exactly takes over the gap's node: the nodes that
 * outlive a burst of vmallocs are the ones that were there before it, in
 * the slabs they were in, so a burst that gives everything back leaves the
 * vmap_area cache, and so the page allocator, exactly as it found them.
 *
 * Locks: vmap_area_lock, a spinlock, guards the three places, their counts
 * and the nodes' ages, as Linux's did until 5.3 (it has since split it in
 * three: the free tree, the busy tree, the purge list); one lock means one
 * hold per vmalloc() and one per vfree(), each only for tree and list
 * operations, never while allocating or waiting.  The node a new area
 * needs is allocated before the lock is taken (and given back if the area
 * fills a gap exactly); a second one, for a gap split in two (an alignment
 * above a page), is allocated with the lock dropped and the search done
 * again (Linux keeps one such node per CPU, ne_fit_preload_node).  Purges
 * are serialised by vmap_purge_lock, a mutex: the purger takes the whole
 * purge list, flushes the TLB of every CPU (IPIs, waited for: no spinlock
 * may be held), then gives the runs back to the free tree.
 */
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <errno.h>
#include <kernel.h>
#include <mutex.h>
#include <panic.h>
#include <printk.h>
#include <rbtree.h>
#include <slab.h>
#include <spinlock.h>
#include <vmalloc.h>

#include "internal.h"

#define LAZY_MAX_PAGES 8192 /* 32 MB of freed mappings before a purge */

DEFINE_SPINLOCK(vmap_area_lock);
static DEFINE_MUTEX(vmap_purge_lock);

static struct rb_root free_vmap_area_root = RB_ROOT;
static struct rb_root busy_vmap_area_root = RB_ROOT;
static LIST_HEAD(busy_vmap_area_list);
static LIST_HEAD(purge_vmap_area_list);
static unsigned long nr_busy_areas, nr_lazy_areas, lazy_nr_pages;
static struct kmem_cache *vmap_area_cachep;
/* The age of each new node (vmap_area_lock: given when it is linked). */
static unsigned long vmap_area_serial;

static unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static unsigned long subtree_max(const struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node)
			       ->subtree_max_size :
		      0;
}

static unsigned long compute_subtree_max(const struct vmap_area *va)
{
	return max(va_size(va), max(subtree_max(va->rb_node.left),
				    subtree_max(va->rb_node.right)));
}

static void free_tree_propagate(struct rb_node *node, struct rb_node *stop)
{
	for (; node != stop; node = node->parent) {
		struct vmap_area *va =
			rb_entry(node, struct vmap_area, rb_node);

		va->subtree_max_size = compute_subtree_max(va);
	}
}

static void free_tree_rotate(struct rb_node *old, struct rb_node *new)
{
	struct vmap_area *o = rb_entry(old, struct vmap_area, rb_node);
	struct vmap_area *n = rb_entry(new, struct vmap_area, rb_node);

	n->subtree_max_size = o->subtree_max_size;
	o->subtree_max_size = compute_subtree_max(o);
}

static const struct rb_augment_callbacks free_tree_callbacks = {
	.propagate = free_tree_propagate,
	.rotate = free_tree_rotate,
};

/*
 * Link va into a tree ordered by va_start; returns its in-order
 * predecessor: the last node the descent went right at (a new leaf
 * follows the nearest ancestor whose right subtree holds it, and the
 * rebalancing keeps the order), found without a walk back up.
 */
static struct vmap_area *va_link(struct rb_root *root, struct vmap_area *va,
				 bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;
	struct vmap_area *prev = NULL;

	while (*link) {
		struct vmap_area *p =
			rb_entry(*link, struct vmap_area, rb_node);

		parent = *link;
		if (va->va_start < p->va_start) {
			link = &parent->left;
		} else {
			link = &parent->right;
			prev = p;
		}
	}
	rb_link_node(&va->rb_node, parent, link);
	if (augmented) {
		va->subtree_max_size = va_size(va);
		rb_insert_augmented(&va->rb_node, root, &free_tree_callbacks);
	} else {
		rb_insert_color(&va->rb_node, root);
	}
	return prev;
}

/* The area of `root` containing addr, or NULL. */
static struct vmap_area *va_lookup(const struct rb_root *root,
				   unsigned long addr)
{
	struct rb_node *node = root->rb_node;

	while (node) {
		struct vmap_area *va =
			rb_entry(node, struct vmap_area, rb_node);

		if (addr < va->va_start)
			node = node->left;
		else if (addr >= va->va_end)
			node = node->right;
		else
			return va;
	}
	return NULL;
}

/*
 * A node for a new area or gap.  Its fields are set as it is linked
 * (va_take_lowest_fit(), va_clip(), alloc_vmap_area()), not here as well.
 */
static struct vmap_area *va_new(void)
{
	return kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
}

/* Does [ALIGN(va_start), +size) fit in the free gap va? */
static bool va_fits(const struct vmap_area *va, unsigned long size,
		    unsigned long align)
{
	unsigned long start = ALIGN(va->va_start, align);

	return start >= va->va_start && start < va->va_end &&
	       va->va_end - start >= size;
}

/*
 * The lowest free gap that fits.  `length` adds the worst alignment slack,
 * so a subtree whose largest gap reaches it surely holds a fit: descending
 * there first keeps the search O(log n).  (A gap that fits only thanks to a
 * lucky alignment may be missed when nothing larger exists: for the page-
 * aligned requests of vmalloc, length == size and nothing is missed.)
 */
static struct vmap_area *find_lowest_fit(unsigned long size,
					 unsigned long align)
{
	unsigned long length = size + align - PAGE_SIZE;
	struct rb_node *node = free_vmap_area_root.rb_node;

	while (node) {
		struct vmap_area *va =
			rb_entry(node, struct vmap_area, rb_node);

		if (subtree_max(node->left) >= length) {
			node = node->left;
			continue;
		}
		if (va_fits(va, size, align))
			return va;
		if (subtree_max(node->right) < length)
			return NULL;
		node = node->right;
	}
	return NULL;
}

/*
 * Take [start, start+size) out of the free gap va (not all of it); a split
 * in two uses *spare (which the caller allocated), or fails with -EAGAIN
 * if there is none.
 */
static int va_clip(struct vmap_area *va, unsigned long start,
		   unsigned long size, struct vmap_area **spare)
{
	unsigned long end = start + size;

	if (start == va->va_start) {
		va->va_start = end;
		free_tree_propagate(&va->rb_node, NULL);
	} else if (end == va->va_end) {
		va->va_end = start;
		free_tree_propagate(&va->rb_node, NULL);
	} else {
		/* In the middle: the gap splits in two. */
		struct vmap_area *rest = *spare;

		if (!rest)
			return -EAGAIN;
		*spare = NULL;
		rest->va_start = end;
		rest->va_end = va->va_end;
		rest->serial = vmap_area_serial++;
		va->va_end = start;
		free_tree_propagate(&va->rb_node, NULL);
		va_link(&free_vmap_area_root, rest, true);
	}
	return 0;
}

/*
 * low and high are neighbouring gaps of the free tree: one node for both,
 * the older one (see the top of the file); the younger goes.
 */
static struct vmap_area *va_merge_gaps(struct vmap_area *low,
				       struct vmap_area *high)
{
	struct vmap_area *keep = low->serial <= high->serial ? low : high;
	struct vmap_area *gone = keep == low ? high : low;
	unsigned long start = low->va_start, end = high->va_end;

	rb_erase_augmented(&gone->rb_node, &free_vmap_area_root,
			   &free_tree_callbacks);
	kmem_cache_free(vmap_area_cachep, gone);
	/* Nothing lies between the two: keep's place in the tree holds. */
	keep->va_start = start;
	keep->va_end = end;
	free_tree_propagate(&keep->rb_node, NULL);
	return keep;
}

/* Give [va_start, va_end) back to the free tree, merged with neighbours. */
static void va_free_merge(struct vmap_area *va)
{
	struct vmap_area *prev, *next;

	prev = va_link(&free_vmap_area_root, va, true);
	next = rb_entry_safe(rb_next(&va->rb_node), struct vmap_area, rb_node);
	if (next && next->va_start == va->va_end)
		va = va_merge_gaps(va, next);
	if (prev && prev->va_end == va->va_start)
		va_merge_gaps(prev, va);
}

/* Nodes a purge frees, given back to the cache in bulk (one lock each). */
#define PURGE_FREE_BATCH 32

struct va_free_batch {
	unsigned int nr;
	void *nodes[PURGE_FREE_BATCH];
};

static void va_free_batch_flush(struct va_free_batch *b)
{
	if (b->nr)
		kmem_cache_free_bulk(vmap_area_cachep, b->nr, b->nodes);
	b->nr = 0;
}

static void va_free_batched(struct va_free_batch *b, struct vmap_area *va)
{
	b->nodes[b->nr++] = va;
	if (b->nr == PURGE_FREE_BATCH)
		va_free_batch_flush(b);
}

/*
 * The lazily freed areas, all at once: one TLB flush on every CPU, then
 * each run of touching areas back to the free tree as one gap.  A run's
 * other nodes go back to the cache PURGE_FREE_BATCH at a time
 * (kmem_cache_free_bulk()): freed one by one, each took the slab's slow
 * path (their slabs are no longer this CPU's), 130 instructions a node
 * against 45 in bulk; vmalloc(4096) + vfree() pays one purge per 4,096.
 */
void vmalloc_purge(void)
{
	struct va_free_batch batch;
	unsigned long nr_pages = 0;
	LIST_HEAD(purge);

	mutex_lock(&vmap_purge_lock);
	spin_lock(&vmap_area_lock);
	list_replace_init(&purge_vmap_area_list, &purge);
	nr_lazy_areas = 0;
	spin_unlock(&vmap_area_lock);
	if (list_empty(&purge))
		goto out;
	/* One flush for every lazily freed area: the point of batching. */
	flush_tlb_kernel_range(VMALLOC_START, VMALLOC_END); /* on every CPU */
	batch.nr = 0;
	spin_lock(&vmap_area_lock);
	while (!list_empty(&purge)) {
		struct vmap_area *keep = list_first_entry(
					 &purge, struct vmap_area, list),
				 *n;
		unsigned long start = keep->va_start, end = keep->va_end;

		list_del(&keep->list);
		/* The areas freed next that touch this one join its run. */
		while (!list_empty(&purge)) {
			n = list_first_entry(&purge, struct vmap_area, list);
			if (n->va_start != end && n->va_end != start)
				break;
			list_del(&n->list);
			start = min(start, n->va_start);
			end = max(end, n->va_end);
			if (n->serial < keep->serial)
				swap(keep, n); /* the older node stays */
			va_free_batched(&batch, n);
		}
		nr_pages += (end - start) >> PAGE_SHIFT;
		keep->va_start = start;
		keep->va_end = end;
		keep->vm = NULL;
		va_free_merge(keep);
	}
	lazy_nr_pages -= nr_pages;
	va_free_batch_flush(&batch);
	spin_unlock(&vmap_area_lock);
out:
	mutex_unlock(&vmap_purge_lock);
}

/* Link a new area into the busy tree, and the busy list in address order. */
static void va_insert_busy(struct vmap_area *va)
{
	struct vmap_area *prev = va_link(&busy_vmap_area_root, va, false);

	list_add(&va->list, prev ? &prev->list : &busy_vmap_area_list);
	nr_busy_areas++;
}

/*
 * Under vmap_area_lock: the lowest gap that fits, [start, start + size)
 * out of it, and a busy area for it, linked: the gap's own node on an
 * exact fit (then *node is left to the caller to free), else *node.
 * Returns the area, or NULL with *err (-ENOMEM: no gap fits; -EAGAIN: the
 * gap splits in two and *spare is NULL).
 */
static struct vmap_area *va_take_lowest_fit(unsigned long size,
					    unsigned long align,
					    struct vmap_area **node,
					    struct vmap_area **spare, int *err)
{
	struct vmap_area *gap, *va;
	unsigned long start;

	gap = find_lowest_fit(size, align);
	if (!gap) {
		*err = -ENOMEM;
		return NULL;
	}
	start = ALIGN(gap->va_start, align);
	if (start == gap->va_start && size == va_size(gap)) {
		/* An exact fit: the gap's node becomes the area's. */
		rb_erase_augmented(&gap->rb_node, &free_vmap_area_root,
				   &free_tree_callbacks);
		va = gap; /* its list node is va_insert_busy()'s */
	} else {
		*err = va_clip(gap, start, size, spare);
		if (*err)
			return NULL;
		va = *node;
		*node = NULL;
		va->va_start = start;
		va->va_end = start + size;
		va->serial = vmap_area_serial++;
	}
	va_insert_busy(va);
	return va;
}

struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
				  struct vm_struct *vm, const void *caller)
{
	struct vmap_area *node = va_new(), *spare = NULL, *va;
	bool purged = false;
	int err;

	if (!node)
		return NULL;
	for (;;) {
		spin_lock(&vmap_area_lock);
		va = va_take_lowest_fit(size, align, &node, &spare, &err);
		if (va) {
			/* Before any other CPU can see it. */
			va->vm = vm;
			va->caller = caller;
			if (vm)
				vm->addr = (void *)va->va_start;
		}
		spin_unlock(&vmap_area_lock);
		if (va ||
		    (err == -ENOMEM && (purged || !READ_ONCE(nr_lazy_areas))))
			break;
		if (err == -EAGAIN) {
			spare = va_new(); /* the lock is dropped for it */
			if (!spare)
				break;
		} else {
			vmalloc_purge(); /* freed space may await its flush */
			purged = true;
		}
	}
	if (node)
		kmem_cache_free(vmap_area_cachep, node);
	if (spare)
		kmem_cache_free(vmap_area_cachep, spare);
	return va;
}

void unlink_vmap_area(struct vmap_area *va)
{
	rb_erase(&va->rb_node, &busy_vmap_area_root);
	list_del(&va->list);
	nr_busy_areas--;
}

bool __free_vmap_area_lazy(struct vmap_area *va)
{
	list_add_tail(&va->list, &purge_vmap_area_list);
	nr_lazy_areas++;
	lazy_nr_pages += va_size(va) >> PAGE_SHIFT;
	return lazy_nr_pages > LAZY_MAX_PAGES;
}

struct vmap_area *__find_vmap_area(unsigned long addr)
{
	return va_lookup(&busy_vmap_area_root, addr);
}

struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area(addr);
	spin_unlock(&vmap_area_lock);
	return va;
}

/* The lazily freed area containing addr (vmap_area_lock held), or NULL. */
static struct vmap_area *__find_purged_vmap_area(unsigned long addr)
{
	struct vmap_area *va;

	list_for_each_entry(va, &purge_vmap_area_list, list)
		if (addr >= va->va_start && addr < va->va_end)
			return va;
	return NULL;
}

bool vmap_area_lazily_freed(unsigned long addr)
{
	bool found;

	spin_lock(&vmap_area_lock);
	found = __find_purged_vmap_area(addr) != NULL;
	spin_unlock(&vmap_area_lock);
	return found;
}

int vmap_area_snapshot(unsigned long addr, struct vmap_area *copy)
{
	const struct vmap_area *va;
	int found = 0;

	if (!spin_trylock(&vmap_area_lock))
		return 0;
	va = __find_vmap_area(addr);
	if (va) {
		found = VMAP_AREA_BUSY;
	} else {
		va = __find_purged_vmap_area(addr);
		found = va ? VMAP_AREA_LAZY : 0;
	}
	if (va)
		*copy = *va;
	spin_unlock(&vmap_area_lock);
	return found;
}

void vmap_area_walk_locked(void (*walk)(struct list_head *busy,
					struct list_head *lazy, void *arg),
			   void *arg)
{
	spin_lock(&vmap_area_lock);
	walk(&busy_vmap_area_list, &purge_vmap_area_list, arg);
	spin_unlock(&vmap_area_lock);
}

unsigned long vmalloc_nr_areas(void)
{
	return nr_busy_areas;
}

unsigned long vmalloc_nr_lazy_areas(void)
{
	return nr_lazy_areas;
}

unsigned long vmalloc_largest_free(void)
{
	unsigned long largest;

	spin_lock(&vmap_area_lock);
	largest = subtree_max(free_vmap_area_root.rb_node);
	spin_unlock(&vmap_area_lock);
	return largest;
}

/*
 * Every free gap and busy area, in address order, tiles the vmalloc space,
 * and no two free gaps touch (they are always merged).
 */
static bool __vmalloc_self_check(void)
{
	struct rb_node *f = rb_first(&free_vmap_area_root);
	struct rb_node *b = rb_first(&busy_vmap_area_root);
	unsigned long addr = VMALLOC_START, busy = 0;
	const struct vmap_area *va;
	bool prev_free = false;

	while (f || b) {
		const struct vmap_area *fv =
			rb_entry_safe(f, struct vmap_area, rb_node);
		const struct vmap_area *bv =
			rb_entry_safe(b, struct vmap_area, rb_node);
		bool take_free = fv && (!bv || fv->va_start < bv->va_start);

		va = take_free ? fv : bv;
		/* A gap may precede an area that sits on the purge list. */
		if (va->va_start < addr || va->va_end <= va->va_start) {
			pr_err("vmalloc: %s area %#lx-%#lx overlaps or is empty (expected >= %#lx)\n",
			       take_free ? "free" : "busy", va->va_start,
			       va->va_end, addr);
			return false;
		}
		if (take_free &&
		    fv->subtree_max_size != compute_subtree_max(fv)) {
			pr_err("vmalloc: free gap %#lx-%#lx: subtree_max_size wrong\n",
			       fv->va_start, fv->va_end);
			return false;
		}
		/* Two free gaps that touch should have been merged into one. */
		if (take_free && prev_free && fv->va_start == addr) {
			pr_err("vmalloc: free gaps ending and starting at %#lx are not merged\n",
			       addr);
			return false;
		}
		prev_free = take_free;
		addr = va->va_end;
		if (take_free) {
			f = rb_next(f);
		} else {
			b = rb_next(b);
			busy++;
		}
	}
	if (busy != nr_busy_areas ||
	    list_count_nodes(&busy_vmap_area_list) != busy) {
		pr_err("vmalloc: %lu busy areas in the tree, %lu counted\n",
		       busy, nr_busy_areas);
		return false;
	}
	return addr <= VMALLOC_END;
}

bool vmalloc_self_check(void)
{
	bool ok;

	spin_lock(&vmap_area_lock);
	ok = __vmalloc_self_check();
	spin_unlock(&vmap_area_lock);
	return ok;
}

void __init vmap_area_init(void)
{
	struct vmap_area *va;

	/* Not tracked by kmemleak: vmalloc's bookkeeping, not its users. */
	vmap_area_cachep =
		kmem_cache_create("vmap_area", sizeof(struct vmap_area), 0,
				  SLAB_PANIC | SLAB_NOLEAKTRACE, NULL);
	va = va_new();
	if (!va)
		panic("vmalloc: no memory for the free tree");
	*va = (struct vmap_area){ .va_start = VMALLOC_START,
				  .va_end = VMALLOC_END,
				  .serial = vmap_area_serial++ };
	va_link(&free_vmap_area_root, va, true);
}
