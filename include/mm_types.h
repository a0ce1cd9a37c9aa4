/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_types.h - struct page: one per physical page frame, in mem_map[].
 *
 * 32 bytes for each 4 KB of RAM (0.8%): at 2 GB that is 16 MB of lowmem,
 * allocated by memblock at boot.  The array is flat, so pfn <-> page is
 * pointer arithmetic and, with sizeof(struct page) a power of two, a shift.
 *
 * What the fields mean depends on who owns the page:
 *  - free, in the buddy allocator: PG_buddy on the first page of the block
 *    only, private = the block's order, buddy_list links it into its zone's
 *    free_area[order]; the other pages of the block are left untouched
 *  - allocated by alloc_pages(): _refcount >= 1 on the first page, PG_head
 *    and private = the order it was allocated with (checked at free time),
 *    owner = who called alloc_pages() (the reports name it).  What the
 *    block is then used for is a flag of its first page: PG_vmalloc (it
 *    backs a vmalloc area: vm_area says which), PG_table (a page table),
 *    PG_large_kmalloc (kmalloc() above 8 KB: owner is kmalloc's caller);
 *    none of them: its owner's, whatever that is.  Every free entry point
 *    checks these flags (page_use.c), so a page is only ever given back by
 *    the interface that took it
 *  - a slab (mm/slab.c): PG_slab on every page of the block; every page
 *    also has slab_cache and slab_head (so kfree() finds the slab from any
 *    object with one lookup), the first page has the rest of the slab state
 *    (frozen: some CPU allocates from it, mm/slab_node.c)
 *  - PG_reserved: never given to the buddy allocator (the kernel image, holes,
 *    mem_map itself, page tables, firmware ranges)
 * The zone number lives in the top bits of flags; PageHighMem() is derived
 * from it, as in Linux.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include <list.h>
#include <types.h>

struct kmem_cache;
struct vm_struct;

struct page {
	unsigned long flags; /* PG_* bits; zone in the top ZONES_WIDTH bits */
	int _refcount; /* users; 0 when free (or a tail page) */
	union {
		struct { /* page allocator */
			struct list_head buddy_list; /* free_area link */
			unsigned long private; /* order (free or allocated) */
			unsigned long owner; /* who allocated it, or freed it */
			union {
				struct vm_struct *vm_area; /* PG_vmalloc */
				unsigned long freed_at; /* free: jiffies */
			};
		};
		struct { /* slab allocator (first page: all; others: marked) */
			struct list_head slab_list; /* partial/full/empty list */
			struct kmem_cache *slab_cache; /* owner (every page) */
			void *freelist; /* first free object, NULL: full */
			unsigned short inuse : 15; /* objects handed out */
			unsigned short frozen : 1; /* a CPU's cpu slab */
			unsigned short objects : 12; /* objects in the slab */
			unsigned short slab_order : 4; /* its buddy order */
			struct page *slab_head; /* first page (every page) */
		};
	};
};

#endif /* _MM_TYPES_H */
