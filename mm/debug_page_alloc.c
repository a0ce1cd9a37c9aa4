// SPDX-License-Identifier: GPL-2.0
/*
 * debug_page_alloc.c - debug_pagealloc=on: a freed page leaves the direct
 * map, so that a use after free faults where it happens.
 *
 * A lowmem page is always mapped at __va(pfn << PAGE_SHIFT), allocated or
 * not, so a kernel that keeps a pointer into a page it freed reads and
 * writes whatever the page became since, silently.  With debug_pagealloc
 * (Linux's option of the same name and syntax), every page that goes back
 * to the allocator has its direct-map PTE cleared (per-CPU lists included)
 * and gets it back when it is handed out again: the stale pointer faults
 * at once, and the fault report says it is a use after free, of which
 * page, freed by whom, how long ago.  The PTEs are 4 KB ones: the direct
 * map gives up its 4 MB pages when the option is on (arch/x86/mm/paging.c),
 * and the work is the arch's __kernel_map_pages(), as in Linux.  Highmem
 * pages have no direct-map address to take away.
 *
 * It costs the allocator a test when off, a PTE write and an INVLPG per
 * page when on, and 4 KB page tables for all of lowmem.
 */
#include <asm/pgtable.h>
#include <cmdline.h>
#include <errno.h>
#include <fault.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <params.h>
#include <printk.h>
#include <sprintf.h>
#include <time.h>

bool _debug_pagealloc_enabled;

static int __init early_debug_pagealloc(char *buf)
{
	bool on;

	if (kstrtobool(buf, &on)) {
		pr_err("debug_pagealloc=%s: expected on or off; off\n",
		       buf ? buf : "");
		return -EINVAL;
	}
	_debug_pagealloc_enabled = on;
	return 0;
}
early_param("debug_pagealloc", early_debug_pagealloc);

void debug_pagealloc_free(struct page *page, unsigned int order,
			  unsigned long caller)
{
	unsigned long n = 1UL << order;

	for (unsigned long i = 0; i < n; i++) {
		page[i].owner = caller;
		page[i].freed_at = (unsigned long)jiffies;
	}
	if (!PageHighMem(page))
		__kernel_map_pages(page, (int)n, 0);
}

void debug_pagealloc_alloc(struct page *page, unsigned int order)
{
	if (!PageHighMem(page))
		__kernel_map_pages(page, 1 << order, 1);
}

/* The fault report's sentence for a direct-map address of a free page. */
static bool debug_pagealloc_explain(unsigned long addr, unsigned long err,
				    char *buf, size_t size)
{
	struct page *page, *head;
	enum page_use use;

	if (!debug_pagealloc_enabled() || !virt_addr_valid((void *)addr))
		return false;
	page = virt_to_page((void *)addr);
	use = page_use(page, &head);
	if (use != PAGE_USE_FREE && use != PAGE_USE_PCP)
		return false;
	if (!page->owner) {
		snprintf(
			buf, size,
			"a use of a free page: pfn %#lx has been free since boot (debug_pagealloc unmaps free pages)",
			page_to_pfn(page));
		return true;
	}
	snprintf(
		buf, size,
		"a use after free: pfn %#lx was freed by %pS %lu ms ago (debug_pagealloc unmaps free pages)",
		page_to_pfn(page), (void *)page->owner,
		(unsigned long)((jiffies - page->freed_at) * 1000 / HZ));
	return true;
}

void __init debug_pagealloc_init(void)
{
	if (!debug_pagealloc_enabled())
		return;
	register_fault_explainer(debug_pagealloc_explain);
	pr_info("debug_pagealloc: free lowmem pages are unmapped from the direct map (4 KB pages, PSE off)\n");
}
