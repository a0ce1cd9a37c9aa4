// SPDX-License-Identifier: GPL-2.0
/*
 * init.c - sizing memory and starting the memory manager at boot.
 *
 * setup_memory() decides how physical memory is used, as Linux i386 does:
 *  - the e820 map loses page 0 and the legacy ISA hole to `reserved`;
 *  - mem=SIZE removes RAM above SIZE; RAM above 4 GB cannot be addressed
 *    without PAE and is ignored ("Warning: only 4GB will be used.");
 *  - lowmem is all of RAM if it fits under MAXMEM (1 GB minus the vmalloc
 *    reserve: 896 MB by default), else MAXMEM, and the rest is highmem;
 *    highmem=SIZE forces a highmem zone of that size on a smaller machine
 *    (refused if lowmem would drop below 64 MB);
 *  - memblock gets the RAM and the reservations, paging_init() builds the
 *    direct map, free_area_init() the zones and mem_map.
 * mem_init() then hands free memory to the buddy allocator and prints
 * Linux's "Memory:" line and the layout banner.  Both are steps of
 * mm_core_init() (mm/mm_init.c), which starts the allocators in order.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <bug.h>
#include <cmdline.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <memblock.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <swiotlb.h>
#include <uaccess.h>
#include <vmalloc.h>

#define BIOS_BEGIN 0x000a0000 /* the legacy ISA hole: VGA, ROMs */
#define BIOS_END 0x00100000
#define RESERVE_LOW_SIZE 0x10000 /* Linux's X86_RESERVE_LOW default: 64 KB */
#define MIN_MEM_SIZE (8UL << 20) /* mem= below this cannot boot */
#define MIN_VMALLOC_SIZE (4UL << 20) /* vmalloc= must leave this much */

unsigned long max_low_pfn;
unsigned long max_pfn;
void *high_memory;
unsigned long __VMALLOC_RESERVE = VMALLOC_RESERVE_DEFAULT;
struct mem_options mem_options;

static long highmem_pages = -1; /* highmem=, in pages; -1 if not given */

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __init_begin[], __init_end[], __bss_start[], __bss_stop[];
extern char _end[];

/* A size option's value, or an error line saying why it is none. */
static int __init parse_size_option(const char *name, const char *arg,
				    u64 *size, const char *example)
{
	int err = kstrtosize(arg, size);

	if (err == -ERANGE)
		pr_err("%s=%s: more than 64 bits of bytes; ignored\n", name,
		       arg);
	else if (err)
		pr_err("%s=%s: not a size (example: %s=%s); ignored\n", name,
		       arg ? arg : "", name, example);
	return err;
}

/* mem=0 is refused, as Linux does ("Don't remove all memory"). */
static int __init parse_mem(char *arg)
{
	u64 size;

	if (parse_size_option("mem", arg, &size, "512M"))
		return -EINVAL;
	if (size < MIN_MEM_SIZE) {
		pr_err("mem=%s: too small, the kernel needs at least %luM; ignored\n",
		       arg, MIN_MEM_SIZE >> 20);
		return -EINVAL;
	}
	mem_options.mem_limit = size;
	return 0;
}
early_param("mem", parse_mem);

/* Checked against this boot's memory in vmalloc_option_check(). */
static int __init parse_vmalloc(char *arg)
{
	u64 size;

	if (parse_size_option("vmalloc", arg, &size, "256M"))
		return -EINVAL;
	mem_options.vmalloc_size = size;
	mem_options.vmalloc_given = true;
	return 0;
}
early_param("vmalloc", parse_vmalloc);

static int __init parse_highmem(char *arg)
{
	u64 size;

	if (parse_size_option("highmem", arg, &size, "64M"))
		return -EINVAL;
	mem_options.highmem_size = size;
	mem_options.highmem_given = true;
	/* Above 4 GB it is more than any i386 machine has: as big as RAM. */
	highmem_pages = (long)min(size >> PAGE_SHIFT, (u64)MAX_NONPAE_PFN);
	return 0;
}
early_param("highmem", parse_highmem);

/*
 * vmalloc=SIZE against this boot's RAM (the e820 map after mem=).  As
 * Linux, the 8 MB guard gap comes on top of SIZE; lowmem ends at 1 GB minus
 * both, and must keep MIN_LOWMEM_SIZE; what lies between the end of lowmem
 * and pkmap must leave a vmalloc area of MIN_VMALLOC_SIZE.  A machine with
 * less RAM than that lowmem is not changed at all.  A value that does not
 * fit is refused with the numbers, and the default stays.
 */
static void __init vmalloc_option_check(unsigned long ram_pfn)
{
	u64 size = mem_options.vmalloc_size, max_size;
	unsigned long reserve, low_end, start;

	if (!mem_options.vmalloc_given)
		return;
	max_size = (1ULL << 30) - MIN_LOWMEM_SIZE - VMALLOC_OFFSET;
	if (size > max_size) {
		pr_err("vmalloc=%lluM: lowmem would be %lldM, below the %luM it needs (at most vmalloc=%lluM); using the default (%luM reserve)\n",
		       size >> 20,
		       ((s64)(1LL << 30) - (s64)size - (s64)VMALLOC_OFFSET) >>
			       20,
		       MIN_LOWMEM_SIZE >> 20, max_size >> 20,
		       VMALLOC_RESERVE_DEFAULT >> 20);
		goto refuse;
	}
	reserve = (unsigned long)size + VMALLOC_OFFSET;
	low_end =
		PAGE_OFFSET + (unsigned long)min((u64)(-PAGE_OFFSET - reserve),
						 (u64)ram_pfn << PAGE_SHIFT);
	start = (low_end + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1);
	if (start >= VMALLOC_END || VMALLOC_END - start < MIN_VMALLOC_SIZE) {
		pr_err("vmalloc=%lluK: with %luM of RAM, lowmem would end at %#lx and leave %luK of vmalloc space below pkmap, less than %luM; using the default (%luM reserve)\n",
		       size >> 10, ram_pfn >> (20 - PAGE_SHIFT), low_end,
		       start < VMALLOC_END ? (VMALLOC_END - start) >> 10 : 0,
		       MIN_VMALLOC_SIZE >> 20, VMALLOC_RESERVE_DEFAULT >> 20);
		goto refuse;
	}
	__VMALLOC_RESERVE = reserve;
	return;
refuse:
	mem_options.vmalloc_given = false;
	mem_options.vmalloc_size = 0;
}

#define pages_to_mb(x) ((x) >> (20 - PAGE_SHIFT))

/* RAM fits in lowmem: highmem only if highmem= asks for it. */
static void __init lowmem_pfn_init(void)
{
	max_low_pfn = max_pfn;
	if (highmem_pages == -1)
		highmem_pages = 0;
	if ((unsigned long)highmem_pages >= max_pfn) {
		pr_err("highmem size (%luMB) is bigger than pages available (%luMB)!\n",
		       pages_to_mb((unsigned long)highmem_pages),
		       pages_to_mb(max_pfn));
		highmem_pages = 0;
	}
	if (highmem_pages && max_low_pfn - (unsigned long)highmem_pages <
				     (MIN_LOWMEM_SIZE >> PAGE_SHIFT)) {
		pr_err("highmem size (%luMB) results in <64MB lowmem, ignoring it!\n",
		       pages_to_mb((unsigned long)highmem_pages));
		highmem_pages = 0;
	}
	max_low_pfn -= (unsigned long)highmem_pages;
}

/* More RAM than the direct map can hold: the rest is highmem. */
static void __init highmem_pfn_init(void)
{
	max_low_pfn = MAXMEM_PFN;
	if (highmem_pages == -1)
		highmem_pages = (long)(max_pfn - MAXMEM_PFN);
	if ((unsigned long)highmem_pages + MAXMEM_PFN < max_pfn)
		max_pfn = MAXMEM_PFN + (unsigned long)highmem_pages;
	if ((unsigned long)highmem_pages + MAXMEM_PFN > max_pfn) {
		pr_warn("only %luMB highmem pages available, ignoring highmem size of %luMB!\n",
			pages_to_mb(max_pfn - MAXMEM_PFN),
			pages_to_mb((unsigned long)highmem_pages));
		highmem_pages = 0;
	}
}

static void __init find_low_pfn_range(void)
{
	max_pfn = (unsigned long)(e820__end_of_ram(1ULL << 32) >> PAGE_SHIFT);
	vmalloc_option_check(max_pfn);
	pr_info("last_pfn = %#lx max_arch_pfn = %#lx\n", max_pfn,
		MAX_NONPAE_PFN);
	if (max_pfn <= MAXMEM_PFN)
		lowmem_pfn_init();
	else
		highmem_pfn_init();
	high_memory = __va(max_low_pfn << PAGE_SHIFT);
	pr_notice("%luMB HIGHMEM available.\n",
		  pages_to_mb(max_pfn - max_low_pfn));
	pr_notice("%luMB LOWMEM available.\n", pages_to_mb(max_low_pfn));
}

/* RAM the map reports above 4 GB: unreachable with 32-bit page tables. */
static void __init trim_ram_above_4g(void)
{
	u64 above = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 end = e->addr + e->size;

		if (e->type == E820_TYPE_RAM && end > (1ULL << 32))
			above += end - max(e->addr, 1ULL << 32);
	}
	if (!above)
		return;
	pr_warn("Warning: only 4GB will be used. %lluMB of RAM above 4GB needs PAE, which this non-PAE kernel does not use.\n",
		above >> 20);
	e820__range_remove(1ULL << 32, ~0ULL - (1ULL << 32), E820_TYPE_RAM,
			   true);
}

static void __init e820_fixups(void)
{
	/* Page 0 holds the real-mode IVT/BIOS data: never RAM for us. */
	e820__range_update(0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820_TYPE_RAM,
			   true);
	trim_ram_above_4g();
	if (mem_options.mem_limit) {
		e820__range_remove(mem_options.mem_limit,
				   ~0ULL - mem_options.mem_limit, E820_TYPE_RAM,
				   true);
		pr_info("user-defined physical RAM map:\n");
		e820__print_table("user");
	}
}

static void __init memblock_setup(void)
{
	u64 limit = (u64)max_pfn << PAGE_SHIFT;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN(e->addr, (u64)PAGE_SIZE);
		u64 end = min(ALIGN_DOWN(e->addr + e->size, (u64)PAGE_SIZE),
			      limit);

		if (e->type == E820_TYPE_RAM && start < end)
			memblock_add(start, end - start);
	}
	memblock_reserve_named(0, RESERVE_LOW_SIZE, "BIOS low memory");
	memblock_reserve_named(__pa(_text), __pa(_end) - __pa(_text),
			       "kernel image");
	for (unsigned int i = 0; i < nr_boot_ranges; i++)
		memblock_reserve_named(
			ALIGN_DOWN(boot_ranges[i].start, (u64)PAGE_SIZE),
			PAGE_ALIGN(boot_ranges[i].size +
				   (boot_ranges[i].start & ~PAGE_MASK)),
			"boot loader data");
	/* Allocations must land in the direct map. */
	memblock.current_limit = (phys_addr_t)max_low_pfn << PAGE_SHIFT;
}

/* The checks Linux's mem_init() makes, for what only boot can know. */
static void __init memlayout_check(void)
{
	if (PKMAP_BASE + LAST_PKMAP * PAGE_SIZE > FIXADDR_START)
		panic("memlayout: pkmap overlaps the fixmap");
	if (VMALLOC_END > PKMAP_BASE)
		panic("memlayout: vmalloc overlaps pkmap");
	if (VMALLOC_START >= VMALLOC_END)
		panic("memlayout: no room for vmalloc (vmalloc=%luM)",
		      (__VMALLOC_RESERVE - VMALLOC_OFFSET) >> 20);
	if ((unsigned long)high_memory > VMALLOC_START)
		panic("memlayout: lowmem overlaps vmalloc");
}

void memlayout_build_checks(void)
{
	BUILD_BUG_ON(PKMAP_BASE % PGDIR_SIZE != 0);
	BUILD_BUG_ON(PKMAP_END > FIXADDR_START);
	BUILD_BUG_ON(VMALLOC_END >= PKMAP_BASE);
	BUILD_BUG_ON(PAGE_OFFSET + (-PAGE_OFFSET - VMALLOC_RESERVE_DEFAULT) +
			     VMALLOC_OFFSET >=
		     VMALLOC_END);
	BUILD_BUG_ON(LOAD_PHYSICAL_ADDR >= BOOT_MAP_SIZE);
	BUILD_BUG_ON(FIX_KMAP_END - FIX_KMAP_BEGIN + 1 != KM_MAX_IDX * NR_CPUS);
}

void __init setup_memory(void)
{
	memlayout_build_checks();
	e820_fixups();
	find_low_pfn_range();
	memblock_setup();
	reserve_real_mode(); /* the SMP trampoline's page, below 1 MB */
	paging_init();
	memlayout_check();
	free_area_init();
}

static void __init mem_init_print_info(void)
{
	unsigned long physpages = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		physpages += zones[z].present_pages;
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, 0K cma-reserved, %luK highmem)\n",
		nr_free_pages() << 2, physpages << 2,
		(unsigned long)(_etext - _text) >> 10,
		(unsigned long)(_edata - _sdata) >> 10,
		(unsigned long)(_erodata - _srodata) >> 10,
		(unsigned long)(__init_end - __init_begin) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		(physpages - totalram_pages()) << 2, totalhigh_pages() << 2);
}

/* The boot banner's layout block, kept for `layout` and the ex04 tests. */
char memlayout_banner[600];

static void __init print_layout_banner(void)
{
	snprintf(memlayout_banner, sizeof(memlayout_banner),
		 "virtual kernel memory layout:\n"
		 "    fixmap  : 0x%08lx - 0x%08lx   (%4lu kB)\n"
		 "    pkmap   : 0x%08lx - 0x%08lx   (%4lu kB)\n"
		 "    vmalloc : 0x%08lx - 0x%08lx   (%4lu MB)\n"
		 "    lowmem  : 0x%08lx - 0x%08lx   (%4lu MB)\n"
		 "      .init : 0x%08lx - 0x%08lx   (%4lu kB)\n"
		 "      .data : 0x%08lx - 0x%08lx   (%4lu kB)\n"
		 "      .text : 0x%08lx - 0x%08lx   (%4lu kB)\n",
		 FIXADDR_START, FIXADDR_TOP,
		 (FIXADDR_TOP - FIXADDR_START) >> 10, PKMAP_BASE, PKMAP_END,
		 (PKMAP_END - PKMAP_BASE) >> 10, VMALLOC_START, VMALLOC_END,
		 (VMALLOC_END - VMALLOC_START) >> 20, PAGE_OFFSET,
		 (unsigned long)high_memory,
		 ((unsigned long)high_memory - PAGE_OFFSET) >> 20,
		 (unsigned long)__init_begin, (unsigned long)__init_end,
		 (unsigned long)(__init_end - __init_begin) >> 10,
		 (unsigned long)_etext, (unsigned long)_edata,
		 (unsigned long)(_edata - _etext) >> 10, (unsigned long)_text,
		 (unsigned long)_etext, (unsigned long)(_etext - _text) >> 10);
	pr_info("%s", memlayout_banner);
}

/* CR0.WP: supervisor writes to read-only pages must fault. */
static void __init check_wp_bit(void)
{
	u8 byte = *(volatile u8 *)_text;
	long ret = copy_to_kernel_nofault(_text, &byte, 1);

	pr_info("Checking if this processor honours the WP bit even in supervisor mode...%s\n",
		ret ? "Ok." : "No.");
	WARN(!ret, "kernel text is writable: CR0.WP is not honoured\n");
}

/**
 * mem_init - hand free memory to the buddy allocator
 *
 * The DMA bounce pool is reserved first, while memblock can still give a
 * physically contiguous range below a device's mask (kernel/dma/swiotlb.c).
 * Every page memblock did not reserve goes to the buddy allocator; then the
 * boot lines Linux prints here ("Memory:", the layout banner) and the WP
 * check.  mm_core_init() calls it, and sets up watermarks and the per-CPU
 * lists next, before the allocators built on pages.
 */
void __init mem_init(void)
{
	swiotlb_init(); /* the bounce pool, from memblock (Linux: pci_iommu_alloc) */
	memblock_free_all();
	if (max_pfn > max_low_pfn)
		pr_info("Initializing HighMem for node 0 (%08lx:%08lx)\n",
			max_low_pfn, max_pfn);
	pr_info("Built 1 zonelists, mobility grouping off.  Total pages: %lu\n",
		totalram_pages());
	mem_init_print_info();
	print_layout_banner();
	check_wp_bit();
}

void free_initmem(void)
{
	/* Poison with int3, as Linux: a call into freed init code traps. */
	memset(__init_begin, 0xcc, (size_t)(__init_end - __init_begin));
	free_reserved_area(__init_begin, __init_end,
			   "unused kernel image (initmem)");
}
