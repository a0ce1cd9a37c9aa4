/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioport.h - who owns which addresses: the resource trees behind
 * /proc/iomem and /proc/ioports, as Linux's.
 *
 * A resource is a named range [start, end] of physical memory addresses
 * (iomem_resource) or of I/O ports (ioport_resource).  The ranges form a
 * tree: children lie inside their parent and never overlap their siblings,
 * which are kept sorted.  Firmware ranges (the e820 map), bus windows (the
 * addresses the PCI host bridge forwards to the bus) and device BARs are
 * containers; a driver claims the registers it drives with
 * request_mem_region() or request_region(), which makes a BUSY resource
 * inside the container that holds the range, and fails if someone else
 * already claimed any part of it:
 *
 *	if (!request_mem_region(start, len, "edu"))
 *		return -EBUSY;
 *	...
 *	release_mem_region(start, len);
 */
#ifndef _IOPORT_H
#define _IOPORT_H

#include <types.h>

typedef phys_addr_t resource_size_t;

struct resource {
	resource_size_t start; /* first address */
	resource_size_t end; /* last address (inclusive) */
	const char *name; /* what /proc/iomem prints */
	unsigned long flags; /* IORESOURCE_* */
	struct resource *parent; /* the range this one lies in */
	struct resource *sibling; /* the next range of the parent, by address */
	struct resource *child; /* the first range inside this one */
};

#define IORESOURCE_IO 0x00000100 /* I/O ports */
#define IORESOURCE_MEM 0x00000200 /* memory addresses */
#define IORESOURCE_PREFETCH 0x00002000 /* a BAR without side effects */
#define IORESOURCE_READONLY 0x00004000 /* an expansion ROM */
#define IORESOURCE_MEM_64 0x00100000 /* a 64-bit memory BAR */
#define IORESOURCE_WINDOW 0x00200000 /* a bridge's forwarding window */
#define IORESOURCE_UNSET 0x20000000 /* no address assigned */
#define IORESOURCE_BUSY 0x80000000 /* claimed by a driver */

/* The two roots: 4 GB of physical addresses and 64 K ports. */
extern struct resource iomem_resource;
extern struct resource ioport_resource;

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

/* Add `new` as a child of `root`: 0, or -EBUSY if it overlaps a child. */
int request_resource(struct resource *root, struct resource *new);
/* Same; returns the resource in the way (NULL on success). */
struct resource *request_resource_conflict(struct resource *root,
					   struct resource *new);
/*
 * Add `new` at the right depth below `parent`: inside an existing range
 * that contains it, and above the existing ranges it contains.  0, or
 * -EBUSY if it straddles an existing range.
 */
int insert_resource(struct resource *parent, struct resource *new);
/* Unlink a resource and its subtree: 0, or -EINVAL if it is not in a tree. */
int release_resource(struct resource *old);

/*
 * Claim [start, start + n) for a driver: a new BUSY resource, placed in the
 * deepest non-busy range that contains it.  NULL if any of it is taken.
 */
struct resource *__request_region(struct resource *parent,
				  resource_size_t start, resource_size_t n,
				  const char *name, unsigned long flags);
/* Give back what __request_region() claimed (a report if nothing was). */
void __release_region(struct resource *parent, resource_size_t start,
		      resource_size_t n);

#define request_region(start, n, name) \
	__request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n) \
	__release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) \
	__release_region(&iomem_resource, (start), (n))

/* The deepest resource that contains addr under root, or NULL. */
struct resource *lookup_resource_addr(struct resource *root,
				      resource_size_t addr);

/* "[mem 0xfea00000-0xfeafffff pref]", "[io  0xc040-0xc04f]", as %pR. */
int resource_str(char *buf, size_t size, const struct resource *res);

/* Boot: the e820 ranges and the kernel image into iomem_resource. */
void e820__reserve_resources(void);

#endif /* _IOPORT_H */
