/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc.h - virtually contiguous memory (mm/vmalloc.c).
 *
 *	char *buf = vmalloc(1 << 20);      // 1 MB, 256 pages from anywhere
 *	buf[0] = 1;                         // one contiguous kernel range
 *	vfree(buf);
 *
 * The pages come one at a time from the buddy allocator, highmem preferred,
 * so they are physically scattered; page tables make them look contiguous in
 * the vmalloc area [VMALLOC_START, VMALLOC_END).  Each area is followed by
 * an unmapped guard page, counted in its size as Linux does.  Use vmalloc for
 * large buffers that only the CPU touches: a device cannot DMA into it (not
 * physically contiguous) and it costs page-table work and TLB entries that
 * kmalloc's direct-map memory does not.
 */
#ifndef _VMALLOC_H
#define _VMALLOC_H

#include <asm/pgtable.h>
#include <gfp.h>
#include <mm.h>
#include <types.h>

/* vm_struct.flags */
#define VM_IOREMAP 0x00000001 /* ioremap(): device or physical range */
#define VM_ALLOC 0x00000002 /* vmalloc(): pages owned by the area */
#define VM_MAP 0x00000004 /* vmap(): the caller's pages */

struct vm_struct {
	void *addr; /* first address of the area */
	unsigned long size; /* bytes, the guard page included */
	unsigned long flags; /* VM_* */
	struct page **pages; /* VM_ALLOC: the pages, in order */
	unsigned int nr_pages; /* pages mapped (size / PAGE_SIZE - 1) */
	phys_addr_t phys_addr; /* VM_IOREMAP: the physical start */
	const void *caller; /* who made it (shown in /proc/vmallocinfo) */
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
/* Pages from lowmem only (ZONE_NORMAL/DMA): 32-bit addressable, mappable. */
void *vmalloc_32(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp, const void *caller);
void vfree(const void *addr);

/* Map the caller's pages contiguously; vunmap() removes only the mapping. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);

/* Map a physical range (a device's registers, or RAM in tests), uncached. */
void *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(volatile void *addr);

struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
bool is_vmalloc_addr(const void *addr);
/* The area that starts at addr (NULL if none: vfree would refuse it). */
struct vm_struct *find_vm_area(const void *addr);

/* Counters for /proc/meminfo and the tests. */
unsigned long vmalloc_nr_pages(void); /* pages mapped by vmalloc() */
unsigned long vmalloc_largest_free(void); /* the largest free gap, bytes */
unsigned long vmalloc_nr_areas(void); /* live areas of every kind */
/* Free areas waiting for the lazy TLB flush, and flush now. */
unsigned long vmalloc_nr_lazy_areas(void);
void vmalloc_purge(void);
/* Check the trees and lists: every invariant, with a message if broken. */
bool vmalloc_self_check(void);

/* Boot: the free tree covers the whole vmalloc area (after slab). */
void vmalloc_init(void);

#endif /* _VMALLOC_H */
