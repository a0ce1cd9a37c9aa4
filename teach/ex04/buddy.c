// SPDX-License-Identifier: GPL-2.0
/*
 * buddy.c - ex04 2.7.9.f: the buddy allocator's free blocks per order.
 *
 * The counts are the zones' free_area[order].nr_free, summed over zones, as
 * one line of /proc/buddyinfo per zone would add up.
 */
#include <asm/memlayout.h>
#include <errno.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <mm.h>
#include <printk.h>

int get_buddy_info(buddy_order_info_t *orders, int max_order)
{
	int n;

	if (!orders || max_order <= 0)
		return -EINVAL;
	n = min(max_order, MAX_ORDER);
	for (int order = 0; order < n; order++) {
		orders[order].order = order;
		orders[order].free_count = 0;
		for (int z = 0; z < MAX_NR_ZONES; z++)
			orders[order].free_count +=
				zones[z].free_area[order].nr_free;
	}
	return n;
}

void print_buddy_info(void)
{
	buddy_order_info_t orders[MAX_ORDER];
	int n = get_buddy_info(orders, MAX_ORDER);

	kprintf("%-6s %-6s %8s\n", "Order", "Pages", "Free");
	for (int i = 0; i < n; i++)
		kprintf("%-6d %-6lu %8llu\n", orders[i].order,
			1UL << orders[i].order, orders[i].free_count);
}

void explain_buddy_system(void)
{
	int best_order = -1;

	kprintf("Buddy allocator:\n"
		"  - Allocates in powers of 2 pages\n"
		"  - Order 0 = 1 page (4 KB), order 1 = 2 pages ... order 10 = 1024 (4 MB)\n\n"
		"Splitting:\n"
		"  Request 16KB (order 2): if no order-2 block is free, split an order-3\n"
		"  block into two order-2 buddies; return one, keep the other free\n\n"
		"Coalescing:\n"
		"  When freeing, check the buddy (pfn ^ 2^order): if it is free too,\n"
		"  combine them into one block of the next order, and again\n");
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = MAX_ORDER - 1; o > best_order; o--)
			if (zones[z].free_area[o].nr_free)
				best_order = o;
	kprintf("  now: %lu pages free; the largest free blocks are order %d (%lu KB):\n      ",
		nr_free_pages(), best_order,
		best_order >= 0 ? (PAGE_SIZE << best_order) >> 10 : 0);
	for (int z = 0, n = 0; best_order >= 0 && z < MAX_NR_ZONES; z++)
		if (zones[z].free_area[best_order].nr_free)
			kprintf("%s %lu in %s", n++ ? "," : "",
				zones[z].free_area[best_order].nr_free,
				zones[z].name);
	kprintf("\n");
}
