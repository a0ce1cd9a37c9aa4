// SPDX-License-Identifier: GPL-2.0
/*
 * ex04_demo.c - the exercise's example main(), run on the live kernel
 * (`demo ex04`, and the `demo` boot mode), and the `explain` command.
 *
 * The order and the section headers are the exercise's; the numbers are this
 * boot's.  Each header is a section of its own, which allocates what it
 * shows and frees it, so `demo -p ex04` can stop after any of them and go
 * back or forward while a lecturer talks.
 */
#include <asm/memlayout.h>
#include <demo.h>
#include <errno.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <printk.h>
#include <shell.h>
#include <string.h>

static void ex04_layout(void)
{
	print_kernel_layout();
}

static void ex04_direct_map(void)
{
	uint64_t highmem_phys = (u64)max_low_pfn << PAGE_SHIFT;

	kprintf("Physical memory mapped starting at %#lx\n", PAGE_OFFSET);
	kprintf("phys_to_virt(0x1000) = 0x%llx\n", phys_to_virt(0x1000));
	kprintf("virt_to_phys(%#lx) = 0x%llx\n", PAGE_OFFSET + 0x1000,
		virt_to_phys(PAGE_OFFSET + 0x1000));
	kprintf("phys_to_virt(0x%llx) = 0x%llx (%s)\n", highmem_phys,
		phys_to_virt(highmem_phys),
		needs_highmem(highmem_phys) ?
			"needs highmem: no permanent address" :
			"lowmem");
}

static void ex04_allocators(void)
{
	void *buf, *vbuf;

	compare_kmalloc_vmalloc();

	kprintf("\nkmalloc example:\n");
	buf = my_kmalloc(4096, GFP_KERNEL);
	kprintf("  Allocated 4KB at %p (physically contiguous: physical 0x%llx)\n",
		buf, virt_to_phys((unsigned long)buf));
	my_kfree(buf);

	kprintf("\nvmalloc example:\n");
	vbuf = my_vmalloc(1024 * 1024);
	kprintf("  Allocated 1MB at %p (virtually contiguous)\n", vbuf);
	my_vfree(vbuf);
}

static void ex04_slab(void)
{
	explain_slab_allocator();
	kprintf("\n");
	print_slab_info();
}

static void ex04_buddy(void)
{
	explain_buddy_system();
	kprintf("\n");
	print_buddy_info();
}

static void ex04_gfp(void)
{
	explain_gfp_flags();
	kprintf("\nRecommendations:\n");
	kprintf("  Process context: %s\n",
		gfp_flags_string(recommend_gfp_flags("process")));
	kprintf("  Interrupt handler: %s\n",
		gfp_flags_string(recommend_gfp_flags("interrupt")));
	kprintf("  DMA buffer: %s\n",
		gfp_flags_string(recommend_gfp_flags("dma")));
}

static void ex04_zones(void)
{
	print_zone_info();
	kprintf("\nZone purposes:\n");
	kprintf("  DMA: Legacy ISA DMA (0-16MB)\n");
	kprintf("  DMA32: 32-bit DMA devices (0-4GB); empty on i386: Normal is below 4 GB\n");
	kprintf("  Normal: Regular allocations (the rest of the direct map)\n");
	kprintf("  HighMem: Memory above direct map (32-bit only)\n");
}

/* The exercise's main(): its order, its headers; each section stands alone. */
static const struct demo_section ex04_sections[] = {
	{ "=== Kernel Address Space (a) ===", ex04_layout },
	{ "=== Direct Mapping (b) ===", ex04_direct_map },
	{ "=== kmalloc vs vmalloc (c-d) ===", ex04_allocators },
	{ "=== Slab Allocator (e) ===", ex04_slab },
	{ "=== Buddy System (f) ===", ex04_buddy },
	{ "=== GFP Flags (g) ===", ex04_gfp },
	{ "=== Memory Zones (i) ===", ex04_zones },
	{ "=== High Memory (h) ===", explain_highmem },
};
DEMO(ex04, "the exercise's example main(), with this kernel's numbers",
     ex04_sections, NULL);

static const struct {
	const char *topic;
	void (*fn)(void);
} explain_topics[] = {
	{ "layout", print_kernel_layout },
	{ "kmalloc", explain_kmalloc },
	{ "vmalloc", explain_vmalloc },
	{ "compare", compare_kmalloc_vmalloc },
	{ "slab", explain_slab_allocator },
	{ "buddy", explain_buddy_system },
	{ "gfp", explain_gfp_flags },
	{ "zones", print_zone_info },
	{ "highmem", explain_highmem },
};

static int cmd_explain(int argc, char **argv)
{
	if (argc == 2)
		for (size_t i = 0; i < ARRAY_SIZE(explain_topics); i++)
			if (!strcmp(argv[1], explain_topics[i].topic)) {
				explain_topics[i].fn();
				return 0;
			}
	if (argc == 2)
		kprintf("explain: no topic %s\n", argv[1]);
	kprintf("topics:");
	for (size_t i = 0; i < ARRAY_SIZE(explain_topics); i++)
		kprintf(" %s", explain_topics[i].topic);
	kprintf("\n");
	return argc == 2 ? -ENOENT : shell_usage(argv[0]);
}
SHELL_COMMAND(explain, "TOPIC", "a lesson, with this boot's numbers",
	      SHELL_TOPIC_TEACHING, cmd_explain,
	      .detail = "The exercise's explanations (ex04: layout, kmalloc, "
			"vmalloc, compare, slab, buddy, gfp, zones, highmem), "
			"each followed by what this kernel shows right now: "
			"its layout, its free blocks, a vmalloc made on the "
			"spot.  Without TOPIC, the list.",
	      .see = "demo ex04, help");
