// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc_cmds.c - `alloc` and `free`: the buddy allocator by hand.
 *
 * `alloc 3 highmem` takes a block of 2^3 pages with GFP_HIGHMEM and says
 * where it came from; `free PFN 3` gives it back.  Watching /proc/buddyinfo
 * between the two shows a split and a merge.  Misuse (a free page, a wrong
 * order, a slab, vmalloc or kmalloc page, a page still kmapped) is reported
 * by the allocator itself, as it would be for kernel code.  One misuse the
 * allocator cannot see is left to this command: a block that alloc_pages()
 * gave to some other part of the kernel is in use by its owner, so `free`
 * refuses every allocated block that `alloc` did not hand out (the block's
 * owner, recorded by alloc_pages(), says who did).
 */
#include <errno.h>
#include <gfp.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <string.h>

/* The words after ORDER, joined, parsed as GFP names. */
static int parse_gfp_args(int argc, char **argv, gfp_t *gfp)
{
	*gfp = GFP_KERNEL;
	for (int i = 0; i < argc; i++) {
		gfp_t more;

		if (gfp_parse(argv[i], &more)) {
			kprintf("unknown GFP flag in '%s' (try: GFP_KERNEL GFP_ATOMIC GFP_DMA GFP_DMA32 GFP_HIGHMEM GFP_ZERO GFP_NOFAIL)\n",
				argv[i]);
			return -EINVAL;
		}
		*gfp |= more;
	}
	return 0;
}

static int cmd_alloc(int argc, char **argv)
{
	unsigned long order, pfn, pages;
	struct page *page;
	char flags[96];
	gfp_t gfp;

	if (argc < 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &order) ||
	    parse_gfp_args(argc - 2, argv + 2, &gfp))
		return -EINVAL;
	gfp_snprint(flags, sizeof(flags), gfp);
	page = alloc_pages(gfp, (unsigned int)order);
	if (!page) {
		kprintf("alloc: order %lu with %s failed\n", order, flags);
		return -ENOMEM;
	}
	pfn = page_to_pfn(page);
	pages = 1UL << order;
	kprintf("alloc: order %lu (%lu page%s, %lu KB) with %s\n", order, pages,
		pages > 1 ? "s" : "", pages * 4, flags);
	kprintf("  pfn %#lx-%#lx, physical %#010llx-%#010llx, zone %s\n", pfn,
		pfn + pages - 1, page_to_phys(page),
		page_to_phys(page) + (pages << PAGE_SHIFT) - 1,
		page_zone(page)->name);
	if (PageHighMem(page))
		kprintf("  virtual: none: a highmem page has no permanent mapping (kmap %#lx maps it)\n",
			pfn);
	else
		kprintf("  virtual: %p (direct map: physical + PAGE_OFFSET)\n",
			page_address(page));
	kprintf("  give it back with: free %#lx %lu\n", pfn, order);
	return 0;
}
SHELL_COMMAND(alloc, "ORDER [GFP...]",
	      "take 2^ORDER pages from the buddy allocator", SHELL_TOPIC_BUDDY,
	      cmd_alloc);

static bool page_is_free(const struct page *page)
{
	struct page *head;
	enum page_use use = page_use(page, &head);

	return use == PAGE_USE_FREE || use == PAGE_USE_PCP;
}

/* Did `alloc` (this file's cmd_alloc) allocate the block of page? */
static bool allocated_by_shell(const struct page *page)
{
	struct page *head;

	if (page_use(page, &head) != PAGE_USE_ALLOCATED)
		return true; /* not an owner's block: the allocator judges */
	return kallsyms_in_function(head->owner, "cmd_alloc");
}

static int cmd_free(int argc, char **argv)
{
	unsigned long pfn, order;
	char use[256];
	bool was_free;

	if (argc != 3)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &pfn) ||
	    shell_parse_ulong(argv[2], &order))
		return -EINVAL;
	if (!pfn_valid(pfn)) {
		kprintf("free: pfn %#lx is beyond the end of RAM (max_pfn %#lx)\n",
			pfn, max_pfn);
		return -EINVAL;
	}
	if (order >= MAX_ORDER) {
		kprintf("free: order %lu is above MAX_ORDER-1 (%d)\n", order,
			MAX_ORDER - 1);
		return -EINVAL;
	}
	if (!allocated_by_shell(pfn_to_page(pfn))) {
		page_use_describe(pfn_to_page(pfn), use, sizeof(use));
		kprintf("free: pfn %#lx is %s, not a block from `alloc`: refused (its owner still uses it)\n",
			pfn, use);
		return -EBUSY;
	}
	was_free = page_is_free(pfn_to_page(pfn));
	__free_pages(pfn_to_page(pfn), (unsigned int)order);
	/* Judge by the outcome: a wrong order is a WARN, yet the block goes. */
	if (was_free || !page_is_free(pfn_to_page(pfn))) {
		kprintf("free: refused, see the report above\n");
		return -EINVAL;
	}
	kprintf("free: pfn %#lx handed back (see /proc/buddyinfo)\n", pfn);
	return 0;
}
SHELL_COMMAND(free, "PFN ORDER", "give a block back to the buddy allocator",
	      SHELL_TOPIC_BUDDY, cmd_free);

static int cmd_gfp(int argc, char **argv)
{
	char text[96];
	gfp_t gfp;

	if (argc < 2)
		return shell_usage(argv[0]);
	if (parse_gfp_args(argc - 1, argv + 1, &gfp))
		return -EINVAL;
	gfp_snprint(text, sizeof(text), gfp);
	kprintf("%s = %#x: highest zone %s\n", text, gfp,
		zones[gfp_zone(gfp)].name);
	return 0;
}
SHELL_COMMAND(gfp, "FLAGS...", "parse GFP flags and show the zone they allow",
	      SHELL_TOPIC_GFP, cmd_gfp);
