// SPDX-License-Identifier: GPL-2.0
/*
 * resource.c - the trees of who owns which addresses, and the two /proc
 * files that print them (/proc/iomem, /proc/ioports), as Linux's
 * kernel/resource.c.
 *
 * Each tree is a root range (4 GB of memory addresses, 64 K ports) whose
 * children are sorted, disjoint ranges, each with children of its own.
 * Three ways in:
 *  - request_resource(): a new child of a given parent, refused if it
 *    overlaps a sibling (bus windows, BAR claims);
 *  - insert_resource(): a range placed at the depth where it fits, taking
 *    over as children the existing ranges it covers (firmware ranges, the
 *    kernel image inside System RAM);
 *  - __request_region(): a driver's claim, BUSY, placed inside the deepest
 *    range that is not itself busy; any overlap with a busy range fails it.
 *    This is what stops two drivers from driving the same registers.
 *
 * Invariant: for every resource r, r->parent->start <= r->start <= r->end
 * <= r->parent->end, and r->end < r->sibling->start.  One spinlock guards
 * both trees; resources are allocated before it is taken.  Deliberately
 * simpler than Linux: no muxed regions, no resource allocation (finding a
 * free range for an unassigned BAR: the firmware assigns them all), no
 * IORESOURCE_SYSRAM walking API.
 */
#include <errno.h>
#include <ioport.h>
#include <kernel.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <spinlock.h>

struct resource ioport_resource = {
	.name = "PCI IO",
	.start = 0,
	.end = 0xffff,
	.flags = IORESOURCE_IO,
};

struct resource iomem_resource = {
	.name = "PCI mem",
	.start = 0,
	.end = 0xffffffff,
	.flags = IORESOURCE_MEM,
};

static DEFINE_SPINLOCK(resource_lock);

/* Link `new` among root's children, or return the child in its way. */
static struct resource *__request_resource(struct resource *root,
					   struct resource *new)
{
	struct resource **p = &root->child;

	if (new->end < new->start || new->start < root->start ||
	    new->end > root->end)
		return root;
	for (;;) {
		struct resource *tmp = *p;

		if (!tmp || tmp->start > new->end) {
			new->sibling = tmp;
			*p = new;
			new->parent = root;
			return NULL;
		}
		p = &tmp->sibling;
		if (tmp->end < new->start)
			continue;
		return tmp;
	}
}

struct resource *request_resource_conflict(struct resource *root,
					   struct resource *new)
{
	struct resource *conflict;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	conflict = __request_resource(root, new);
	spin_unlock_irqrestore(&resource_lock, flags);
	return conflict;
}

int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}

static int __release_resource(struct resource *old)
{
	struct resource **p;

	if (!old->parent)
		return -EINVAL;
	for (p = &old->parent->child; *p; p = &(*p)->sibling) {
		if (*p == old) {
			*p = old->sibling;
			old->parent = NULL;
			old->sibling = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

int release_resource(struct resource *old)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&resource_lock, flags);
	ret = __release_resource(old);
	spin_unlock_irqrestore(&resource_lock, flags);
	return ret;
}

/*
 * Insert `new` below `parent`: descend into a child that contains it, or
 * adopt the run of children that it contains.  Returns the resource in the
 * way when `new` straddles one, NULL on success.
 */
static struct resource *__insert_resource(struct resource *parent,
					  struct resource *new)
{
	struct resource *first, *next, **p;

	for (;; parent = first) {
		first = __request_resource(parent, new);
		if (!first)
			return NULL;
		if (first == parent)
			return first;
		if (first->start <= new->start &&new->end <= first->end &&
		    (first->start != new->start || first->end != new->end))
			continue; /* inside an existing range: go down */
		break;
	}
	/* `new` must cover `first` and every sibling it overlaps. */
	for (next = first;; next = next->sibling) {
		if (next->start < new->start || next->end > new->end)
			return next;
		if (!next->sibling || next->sibling->start > new->end)
			break;
	}
	new->parent = parent;
	new->sibling = next->sibling;
	new->child = first;
	next->sibling = NULL;
	for (next = first; next; next = next->sibling)
		next->parent = new;
	for (p = &parent->child; *p != first; p = &(*p)->sibling)
		;
	*p = new;
	return NULL;
}

int insert_resource(struct resource *parent, struct resource *new)
{
	struct resource *conflict;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	conflict = __insert_resource(parent, new);
	spin_unlock_irqrestore(&resource_lock, flags);
	return conflict ? -EBUSY : 0;
}

struct resource *__request_region(struct resource *parent,
				  resource_size_t start, resource_size_t n,
				  const char *name, unsigned long flags)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);
	unsigned long irqflags;

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	res->flags = (parent->flags & (IORESOURCE_IO | IORESOURCE_MEM)) |
		     IORESOURCE_BUSY | flags;

	spin_lock_irqsave(&resource_lock, irqflags);
	for (;;) {
		struct resource *conflict = __request_resource(parent, res);

		if (!conflict)
			break;
		if (conflict != parent &&
		    !(conflict->flags & IORESOURCE_BUSY)) {
			parent = conflict; /* a container: claim inside it */
			continue;
		}
		kfree(res);
		res = NULL;
		break;
	}
	spin_unlock_irqrestore(&resource_lock, irqflags);
	return res;
}

void __release_region(struct resource *parent, resource_size_t start,
		      resource_size_t n)
{
	resource_size_t end = start + n - 1;
	struct resource **p = &parent->child;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	for (;;) {
		struct resource *res = *p;

		if (!res)
			break;
		if (res->start <= start && res->end >= end) {
			if (!(res->flags & IORESOURCE_BUSY)) {
				p = &res->child; /* look inside the container */
				continue;
			}
			if (res->start != start || res->end != end)
				break;
			*p = res->sibling;
			spin_unlock_irqrestore(&resource_lock, flags);
			kfree(res);
			return;
		}
		p = &res->sibling;
	}
	spin_unlock_irqrestore(&resource_lock, flags);
	pr_warn("Trying to free nonexistent resource <%0*llx-%0*llx>\n",
		parent->end < 0x10000 ? 4 : 8, start,
		parent->end < 0x10000 ? 4 : 8, end);
}

struct resource *lookup_resource_addr(struct resource *root,
				      resource_size_t addr)
{
	struct resource *p = root->child, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&resource_lock, flags);
	while (p) {
		if (addr < p->start || addr > p->end) {
			p = p->sibling;
			continue;
		}
		found = p;
		p = p->child;
	}
	spin_unlock_irqrestore(&resource_lock, flags);
	return found;
}

/*
 * Linux's %pR: the kind, padded to three letters, the range (ports in 4
 * hex digits, memory in 8), and the flags that matter to a reader.
 */
int resource_str(char *buf, size_t size, const struct resource *res)
{
	bool io = res->flags & IORESOURCE_IO;
	int width = io ? 6 : 10;

	return snprintf(buf, size, "[%s %#0*llx-%#0*llx%s%s%s%s]",
			io ? "io " : "mem", width, res->start, width, res->end,
			res->flags & IORESOURCE_MEM_64 ? " 64bit" : "",
			res->flags & IORESOURCE_PREFETCH ? " pref" : "",
			res->flags & IORESOURCE_WINDOW ? " window" : "",
			res->flags & IORESOURCE_UNSET ? " unset" : "");
}

/* The next resource of a depth-first walk, and its depth. */
static struct resource *next_resource(struct resource *p, int *depth)
{
	if (p->child) {
		(*depth)++;
		return p->child;
	}
	while (!p->sibling && p->parent) {
		p = p->parent;
		(*depth)--;
	}
	return p->sibling;
}

/* Linux's r_show(): 4 hex digits for ports, 8 for addresses, 2 spaces a level. */
static void resource_show(struct seq_file *m, struct resource *root)
{
	int width = root->end < 0x10000 ? 4 : 8;
	unsigned long flags;
	int depth = 0;

	spin_lock_irqsave(&resource_lock, flags);
	for (struct resource *r = root->child; r && depth >= 0;
	     r = next_resource(r, &depth))
		seq_printf(m, "%*s%0*llx-%0*llx : %s\n", depth * 2, "", width,
			   r->start, width, r->end,
			   r->name ? r->name : "<BAD>");
	spin_unlock_irqrestore(&resource_lock, flags);
}

static void iomem_show(struct seq_file *m)
{
	resource_show(m, &iomem_resource);
}
PROC_FILE("iomem", iomem_show);

static void ioports_show(struct seq_file *m)
{
	resource_show(m, &ioport_resource);
}
PROC_FILE("ioports", ioports_show);
