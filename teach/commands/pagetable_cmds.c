// SPDX-License-Identifier: GPL-2.0
/*
 * pagetable_cmds.c - the `layout` and `walk` shell commands.
 *
 * `layout` prints the virtual address space as this boot set it up (the
 * ASCII map of memlayout.h, with numbers).  `walk VADDR` does by hand what
 * the MMU does on a TLB miss: split the address into directory index, table
 * index and offset, read the PDE, then the PTE (or stop at a 4 MB page), and
 * print each entry's bits by name and the physical address it leads to.
 * What it reads is the arch's: the page directory (pgd_offset_k()), the
 * regions of memlayout.h (memlayout_region()) and the fault explainers
 * (explain_address()).
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/regions.h>
#include <errno.h>
#include <fault.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __init_begin[], __init_end[], __bss_start[], __bss_stop[];

static void entry_bits(unsigned long e, bool is_pde, char *buf, size_t size)
{
	static const struct {
		unsigned long bit;
		const char *name;
	} bits[] = {
		{ _PAGE_PRESENT, "P" }, { _PAGE_RW, "RW" },
		{ _PAGE_USER, "U" },	{ _PAGE_PWT, "PWT" },
		{ _PAGE_PCD, "PCD" },	{ _PAGE_ACCESSED, "A" },
		{ _PAGE_DIRTY, "D" },	{ _PAGE_PSE, "PS" },
		{ _PAGE_GLOBAL, "G" },
	};
	int n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(bits); i++) {
		if (!(e & bits[i].bit))
			continue;
		if (bits[i].bit == _PAGE_PSE && !is_pde)
			continue; /* bit 7 of a PTE is PAT, unused here */
		n += scnprintf(buf + n, size - (size_t)n, "%s%s", n ? " " : "",
			       bits[i].name);
	}
	if (!(e & _PAGE_RW) && (e & _PAGE_PRESENT))
		scnprintf(buf + n, size - (size_t)n, " (read-only)");
}

static void print_phys(unsigned long long phys)
{
	unsigned long pfn = (unsigned long)(phys >> PAGE_SHIFT);

	if (pfn_valid(pfn))
		kprintf("  physical address 0x%08llx: pfn %#lx, zone %s%s\n",
			phys, pfn, page_zone(pfn_to_page(pfn))->name,
			PageHighMem(pfn_to_page(pfn)) ? " (highmem)" : "");
	else
		kprintf("  physical address 0x%08llx: pfn %#lx, not RAM (no struct page)\n",
			phys, pfn);
}

/* The MMU's walk of an address: `walk` (the highmem demo uses it too). */
static void walk_kernel_address(unsigned long vaddr)
{
	struct region_info r = memlayout_region(vaddr);
	pgd_t *pgd = pgd_offset_k(vaddr);
	char bits[64], why[320];
	pte_t *pte;

	kprintf("vaddr %#010lx: %s [%08lx-%08lx]\n", vaddr, r.name, r.start,
		r.end - 1);
	kprintf("  = PDE index %lu, PTE index %lu, offset %#05lx (CR3 = %#010lx)\n",
		pgd_index(vaddr), pte_index(vaddr), vaddr & ~PAGE_MASK,
		read_cr3());
	entry_bits(*pgd, true, bits, sizeof(bits));
	kprintf("  PDE %4lu at %p = %08lx  %s\n", pgd_index(vaddr), (void *)pgd,
		*pgd, bits);
	if (pgd_present(*pgd) && pgd_large(*pgd)) {
		kprintf("  -> a 4 MB page at physical %#010lx\n",
			*pgd & PGDIR_MASK);
		print_phys((*pgd & PGDIR_MASK) | (vaddr & ~PGDIR_MASK));
		return;
	}
	if (!pgd_present(*pgd)) {
		explain_address(vaddr, 0, why, sizeof(why));
		kprintf("  -> not present: no page table\n  %s\n", why);
		return;
	}
	kprintf("  -> page table at physical %#010lx\n", *pgd & PAGE_MASK);
	pte = pte_offset_kernel(pgd, vaddr);
	entry_bits(*pte, false, bits, sizeof(bits));
	kprintf("  PTE %4lu at %p = %08lx  %s\n", pte_index(vaddr), (void *)pte,
		*pte, bits);
	if (!pte_present(*pte)) {
		explain_address(vaddr, 0, why, sizeof(why));
		kprintf("  -> not present\n  %s\n", why);
		return;
	}
	kprintf("  -> a 4 KB page at physical %#010lx\n", *pte & PAGE_MASK);
	print_phys((*pte & PAGE_MASK) | (vaddr & ~PAGE_MASK));
}

static int cmd_walk(int argc, char **argv)
{
	unsigned long vaddr;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &vaddr))
		return -EINVAL;
	walk_kernel_address(vaddr);
	return 0;
}
SHELL_COMMAND(walk, "VADDR", "walk the page tables like the MMU does",
	      SHELL_TOPIC_LAYOUT, cmd_walk,
	      .detail = "Does by hand what the MMU does on a TLB miss: splits "
			"VADDR into a page directory index (bits 31-22), a "
			"page table index (bits 21-12) and an offset, reads "
			"the PDE in the page directory CR3 points to and, "
			"unless the PDE maps a 4 MB page (PS), the PTE; each "
			"entry's bits are named, and the physical address "
			"they lead to is shown with its pfn and zone.  An "
			"unmapped address says why, as a fault report would.",
	      .see = "layout, peek VADDR, kmap PFN (then walk its address), "
		     "demo highmem");

static void layout_line(const char *name, unsigned long start,
			unsigned long end, const char *note)
{
	unsigned long size = end - start;

	if (size >= (1UL << 20))
		kprintf("  %-9s %#010lx - %#010lx %5lu MB  %s\n", name, start,
			end, size >> 20, note);
	else
		kprintf("  %-9s %#010lx - %#010lx %5lu kB  %s\n", name, start,
			end, size >> 10, note);
}

static int cmd_layout(int argc, char **argv)
{
	unsigned long highmem_mb = (max_pfn - max_low_pfn) >> (20 - PAGE_SHIFT);
	char note[80];

	kprintf("virtual address space of this boot (top down):\n");
	layout_line("fixmap", FIXADDR_START, FIXADDR_TOP,
		    "16 kmap_local slots, boot slots");
	layout_line("pkmap", PKMAP_BASE, PKMAP_END, "1024 kmap() slots");
	layout_line("vmalloc", VMALLOC_START, VMALLOC_END,
		    "vmalloc areas + guard pages");
	layout_line("gap", (unsigned long)high_memory, VMALLOC_START,
		    "unmapped: catches overruns");
	snprintf(note, sizeof(note), "direct map of phys 0-%#lx",
		 max_low_pfn << PAGE_SHIFT);
	layout_line("lowmem", PAGE_OFFSET, (unsigned long)high_memory, note);
	/* The kernel image, inside the direct map (phys 1 MB + PAGE_OFFSET). */
	layout_line("  .bss", (unsigned long)__bss_start,
		    (unsigned long)__bss_stop, "zeroed at boot");
	layout_line("  .data", (unsigned long)_sdata, (unsigned long)_edata,
		    "");
	layout_line("  .init", (unsigned long)__init_begin,
		    (unsigned long)__init_end, "freed after boot");
	layout_line("  .rodata", (unsigned long)_srodata,
		    (unsigned long)_erodata, "read-only");
	layout_line("  .text", (unsigned long)_text, (unsigned long)_etext,
		    "read-only");
	layout_line("user", 0, PAGE_OFFSET, "3 GB, nothing mapped");
	kprintf("physical: %lu MB of lowmem, mapped with %lu 4 MB + %lu 4 KB pages\n",
		max_low_pfn >> (20 - PAGE_SHIFT), direct_pages_4m,
		direct_pages_4k);
	if (highmem_mb)
		kprintf("  and %lu MB of highmem (pfn %#lx-%#lx): no mapping until kmap\n",
			highmem_mb, max_low_pfn, max_pfn - 1);
	else
		kprintf("  and no highmem: all of RAM is in the direct map\n");
	return 0;
}
SHELL_COMMAND(layout, "", "the kernel's virtual memory map of this boot",
	      SHELL_TOPIC_LAYOUT, cmd_layout,
	      .detail = "The kernel's gigabyte as this boot laid it out, top "
			"down: the fixmap, pkmap, vmalloc, the guard gap, the "
			"direct map (lowmem) with the kernel image's sections "
			"inside it, and user space below PAGE_OFFSET.  The "
			"boot log's \"virtual kernel memory layout\" has the "
			"same numbers (its .data, as Linux's, runs from the "
			"end of .text, so it also counts rodata and .init).",
	      .see = "explain layout, walk VADDR, peek VADDR, "
		     "cat /proc/iomem, dmesg");
