// SPDX-License-Identifier: GPL-2.0
/*
 * layout.c - ex04 2.7.9.a-b: the kernel address space and the direct map.
 *
 * The exercise's example prints the x86-64 layout; this is the i386 one of
 * the running kernel, from memlayout.h as this boot set it (how much RAM,
 * vmalloc=); in user space, the regions of the newest process, as its
 * /proc/PID/maps lists them (the shell itself has none: it is init, a
 * kernel thread).  Translation between physical and virtual addresses follows the
 * hardware: arithmetic where the direct map applies, a page-table walk
 * elsewhere, and "no address" where nothing is mapped.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <errno.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <printk.h>
#include <sprintf.h>
#include <user_regions.h>

int get_kernel_layout(kernel_layout_t *layout)
{
	if (!layout)
		return -EINVAL;
	*layout = (kernel_layout_t){
		.user_start = 0,
		.user_end = TASK_SIZE,
		.kernel_start = PAGE_OFFSET,
		.direct_map_start = PAGE_OFFSET,
		.direct_map_end = (unsigned long)high_memory,
		.vmalloc_start = VMALLOC_START,
		.vmalloc_end = VMALLOC_END,
		/* i386 loads modules into the vmalloc area. */
		.modules_start = VMALLOC_START,
		.modules_end = VMALLOC_END,
	};
	return 0;
}

static void layout_row(u64 start, u64 end, const char *what)
{
	u64 size = end - start;

	kprintf("0x%08llx - 0x%08llx : %-34s (%llu %s)\n", start, end - 1, what,
		size >= SZ_1M ? size >> 20 : size >> 10,
		size >= SZ_1M ? "MB" : "KB");
}

/* The newest process's regions, inside the user row. */
static void print_user_regions(void)
{
	static struct user_region r[16];
	char task[24], what[40];
	unsigned int n =
		user_regions_newest(r, ARRAY_SIZE(r), task, sizeof(task));

	for (unsigned int i = 0; i < min(n, (unsigned int)ARRAY_SIZE(r)); i++) {
		snprintf(what, sizeof(what), "  %s %s %s", task, r[i].perms,
			 r[i].name[0] ? r[i].name : "(anonymous)");
		layout_row(r[i].start, r[i].end, what);
	}
	if (n > ARRAY_SIZE(r))
		kprintf("  ... and %u more regions of %s\n",
			n - (unsigned int)ARRAY_SIZE(r), task);
}

void print_kernel_layout(void)
{
	extern char _text[], _etext[];
	kernel_layout_t l;

	get_kernel_layout(&l);
	kprintf("i386 Linux layout (3G/1G split, no PAE), as this kernel booted:\n");
	layout_row(l.user_start, l.user_end, "User space");
	print_user_regions();
	layout_row(l.direct_map_start, l.direct_map_end,
		   "Direct mapping (lowmem)");
	layout_row((unsigned long)_text, (unsigned long)_etext,
		   "  Kernel text (inside it)");
	layout_row(l.direct_map_end, l.vmalloc_start, "Guard hole");
	layout_row(l.vmalloc_start, l.vmalloc_end,
		   "vmalloc space (modules too)");
	layout_row(PKMAP_BASE, PKMAP_END, "pkmap (kmap)");
	layout_row(FIXADDR_START, FIXADDR_TOP, "fixmap (kmap_local)");
}

uint64_t phys_to_virt(uint64_t phys)
{
	/* Only lowmem has a permanent kernel address. */
	if (phys >= (u64)max_low_pfn << PAGE_SHIFT)
		return 0;
	return (uint64_t)(unsigned long)__va((unsigned long)phys);
}

/* The page tables' answer for a kernel address, or -1 if not mapped. */
static uint64_t walk_to_phys(unsigned long virt)
{
	enum pg_level level;
	pte_t *pte = lookup_address(virt, &level);

	if (!pte || !pte_present(*pte))
		return (uint64_t)-1;
	if (level == PG_LEVEL_4M)
		return (*pte & PGDIR_MASK) | (virt & ~PGDIR_MASK);
	return (*pte & PAGE_MASK) | (virt & ~PAGE_MASK);
}

uint64_t virt_to_phys(uint64_t virt)
{
	if (virt >= (1ULL << 32))
		return (uint64_t)-1;
	if (is_identity_mapped(virt))
		return __pa((unsigned long)virt);
	return walk_to_phys((unsigned long)virt);
}

bool is_identity_mapped(uint64_t virt)
{
	return virt >= PAGE_OFFSET && virt < (unsigned long)high_memory;
}
