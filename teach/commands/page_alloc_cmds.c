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
 * refuses every allocated block that `alloc` did not hand out (the shell's
 * list, teach/shell/held.c; the refusal names the block's owner, recorded
 * by alloc_pages()).
 */
#include <errno.h>
#include <gfp.h>
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
	if (!shell_hold(HELD_PAGES, page, order)) {
		__free_pages(page, (unsigned int)order);
		return -ENOSPC;
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
		kprintf("  virtual: none: highmem has no permanent mapping (kmap %#lx)\n",
			pfn);
	else
		kprintf("  virtual: %p (direct map: physical + PAGE_OFFSET)\n",
			page_address(page));
	kprintf("  give it back with: free %#lx %lu\n", pfn, order);
	return 0;
}
SHELL_COMMAND(alloc, "ORDER [GFP...]",
	      "take 2^ORDER pages from the buddy allocator", SHELL_TOPIC_BUDDY,
	      cmd_alloc,
	      .detail = "alloc_pages(GFP_KERNEL plus the flags named, ORDER): "
			"a block of 2^ORDER physically contiguous pages "
			"(order 0 to 10, 4 KB to 4 MB).  The flags pick the "
			"first zone to try (dma, highmem; the fallback goes "
			"HighMem -> Normal -> DMA); zero clears the block.  "
			"Shows the pfn range, the zone and the kernel "
			"address, if the block has one.  Blocks of order 3 "
			"and less come from the zone's per-CPU list when it "
			"has one, else from the buddy free lists.",
	      .see = "free, gfp, cat /proc/buddyinfo, cat /proc/zoneinfo, "
		     "explain buddy, explain gfp");

static bool page_is_free(const struct page *page)
{
	struct page *head;
	enum page_use use = page_use(page, &head);

	return use == PAGE_USE_FREE || use == PAGE_USE_PCP;
}

/* Did `alloc` hand out the block of page (the shell's list says)? */
static bool allocated_by_shell(const struct page *page)
{
	struct page *head;

	if (page_use(page, &head) != PAGE_USE_ALLOCATED)
		return true; /* not an owner's block: the allocator judges */
	return shell_holds(HELD_PAGES, head);
}

static int cmd_free(int argc, char **argv)
{
	unsigned long pfn, order;
	struct page *head;
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
	page_use(pfn_to_page(pfn), &head);
	__free_pages(pfn_to_page(pfn), (unsigned int)order);
	/* A block that went back is off the list, whatever was reported. */
	if (!was_free && page_is_free(head))
		shell_unhold(HELD_PAGES, head);
	/* Judge by the outcome: a wrong order is a WARN, yet the block goes. */
	if (was_free || !page_is_free(pfn_to_page(pfn))) {
		kprintf("free: refused, see the report above\n");
		return -EINVAL;
	}
	if (PagePcp(pfn_to_page(pfn))) {
		kprintf("free: pfn %#lx went to zone %s's per-CPU list (zoneinfo:\n",
			pfn, page_zone(pfn_to_page(pfn))->name);
		kprintf("  pagesets), not yet to the free lists /proc/buddyinfo counts\n");
		return 0;
	}
	kprintf("free: pfn %#lx is back in the buddy free lists (/proc/buddyinfo)\n",
		pfn);
	return 0;
}
SHELL_COMMAND(free, "PFN ORDER", "give a block back to the buddy allocator",
	      SHELL_TOPIC_BUDDY, cmd_free,
	      .detail = "__free_pages(pfn_to_page(PFN), ORDER).  A block of "
			"order 3 or less goes to its zone's per-CPU list "
			"first (as in Linux: the next allocation takes it "
			"back cheaply), where /proc/buddyinfo does not count "
			"it; larger blocks, and lists above their high mark, "
			"go back to the buddy free lists, merging with free "
			"buddies.  A page that is not allocated is a "
			"\"Bad page state\" report and nothing changes.",
	      .see = "alloc, cat /proc/buddyinfo, cat /proc/zoneinfo, "
		     "explain buddy");

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
	      SHELL_TOPIC_GFP, cmd_gfp,
	      .detail = "Parses flag names (GFP_ATOMIC or atomic, dma, "
			"dma32, highmem, zero, nofail...), prints the value "
			"of their combination and the highest zone it "
			"allows: the first zone of the fallback list an "
			"allocation with these flags tries.",
	      .see = "alloc ORDER FLAGS, explain gfp, cat /proc/zoneinfo");
