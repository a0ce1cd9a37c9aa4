// SPDX-License-Identifier: GPL-2.0
/*
 * bench_floor.c - the floors: the least code that does each family's job.
 *
 * A benchmark number means little alone: 58 instructions for a kmalloc
 * and a kfree, is that good?  Each family of operations is compared with
 * the smallest code that does the part of its job nobody can avoid, timed
 * in the same loop, in the same run:
 *
 *  floor_freelist  pop one node off a singly linked free list (an empty
 *                  list is checked, as an allocator must) and push it
 *                  back: the slab allocator's whole job for one object;
 *  floor_buddy     split one free order-1 block into two buddies, then
 *                  find the freed half's buddy free and merge them back:
 *                  the page allocator's job, with struct pages on lists;
 *  floor_pte       write a PTE, clear it and INVLPG the address: what
 *                  mapping a page for a while needs (kmap, kmap_local).
 *
 * Everything that real code adds (a function call, finding the cache or
 * the zone, checks that catch misuse, statistics) is in the ratio of an
 * operation to its floor.  The floors use the kernel's own data structures
 * (struct page, list_head, set_pte) on private copies, so that they touch
 * nothing the allocators own.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <bench.h>
#include <list.h>
#include <mm.h>
#include <vmalloc.h>

/* --- floor_freelist ------------------------------------------------------ */

struct bench_node {
	struct bench_node *next; /* the next free node, NULL at the end */
};

static struct bench_node floor_nodes[4];
static struct bench_node *floor_head;

static const char *floor_freelist_setup(void)
{
	floor_head = NULL;
	for (unsigned int i = 0; i < ARRAY_SIZE(floor_nodes); i++) {
		floor_nodes[i].next = floor_head;
		floor_head = &floor_nodes[i];
	}
	return NULL;
}

static void floor_freelist_run(unsigned long n)
{
	while (n--) {
		struct bench_node *obj = READ_ONCE(floor_head);

		if (unlikely(!obj))
			return;
		WRITE_ONCE(floor_head, obj->next); /* pop */
		barrier();
		obj->next = READ_ONCE(floor_head); /* push */
		WRITE_ONCE(floor_head, obj);
	}
}

/* --- floor_buddy --------------------------------------------------------- */

/*
 * Two struct pages of our own, aligned as a pair, stand for one order-1
 * block: the index of a page in floor_pair plays its pfn, so the buddy of
 * index i at order 0 is index i ^ 1, exactly as in the page allocator.
 */
static struct page floor_pair[2] __aligned(2 * sizeof(struct page));
static struct list_head floor_area[2]; /* free lists of orders 0 and 1 */

static const char *floor_buddy_setup(void)
{
	INIT_LIST_HEAD(&floor_area[0]);
	INIT_LIST_HEAD(&floor_area[1]);
	floor_pair[0] = (struct page){ .private = 1 };
	floor_pair[1] = (struct page){ 0 };
	SetPageBuddy(&floor_pair[0]);
	list_add(&floor_pair[0].buddy_list, &floor_area[1]);
	return NULL;
}

static void floor_buddy_run(unsigned long n)
{
	while (n--) {
		struct page *page, *buddy;

		/* Split: take the order-1 block, free its upper half. */
		page = list_first_entry(&floor_area[1], struct page,
					buddy_list);
		__list_del_entry(&page->buddy_list);
		ClearPageBuddy(page);
		buddy = page + 1;
		buddy->private = 0;
		SetPageBuddy(buddy);
		list_add(&buddy->buddy_list, &floor_area[0]);
		barrier(); /* the page is in use now */
		/* Merge: the freed page's buddy is free at order 0. */
		buddy = floor_pair + ((page - floor_pair) ^ 1);
		if (unlikely(!PageBuddy(buddy) || buddy->private != 0))
			return;
		__list_del_entry(&buddy->buddy_list);
		ClearPageBuddy(buddy);
		page->private = 1;
		SetPageBuddy(page);
		list_add(&page->buddy_list, &floor_area[1]);
	}
}

/* --- floor_pte ----------------------------------------------------------- */

/* A one-page vmalloc area of our own: its PTE is ours to rewrite. */
static void *floor_area_addr;
static pte_t *floor_ptep;
static pte_t floor_pte_val;

static const char *floor_pte_setup(void)
{
	enum pg_level level;

	floor_area_addr = vmalloc(PAGE_SIZE);
	if (!floor_area_addr)
		return "no memory for a one-page vmalloc area";
	floor_ptep = lookup_address((unsigned long)floor_area_addr, &level);
	floor_pte_val = *floor_ptep;
	return NULL;
}

static void floor_pte_run(unsigned long n)
{
	pte_t *ptep = floor_ptep;
	unsigned long addr = (unsigned long)floor_area_addr;
	pte_t val = floor_pte_val;

	while (n--) {
		set_pte(ptep, val); /* map */
		pte_clear(ptep); /* unmap */
		__flush_tlb_one(addr);
	}
}

static void floor_pte_teardown(void)
{
	set_pte(floor_ptep, floor_pte_val);
	__flush_tlb_one((unsigned long)floor_area_addr);
	vfree(floor_area_addr);
}

const struct bench_op bench_floor_ops[] = {
	{ .id = "floor_freelist",
	  .desc = "floor: pop + push one free-list node",
	  .setup = floor_freelist_setup,
	  .run = floor_freelist_run },
	{ .id = "floor_buddy",
	  .desc = "floor: split + merge one buddy pair",
	  .setup = floor_buddy_setup,
	  .run = floor_buddy_run },
	{ .id = "floor_pte",
	  .desc = "floor: write a PTE, clear it, INVLPG",
	  .setup = floor_pte_setup,
	  .run = floor_pte_run,
	  .teardown = floor_pte_teardown },
	{}
};
