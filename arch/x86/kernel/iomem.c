// SPDX-License-Identifier: GPL-2.0
/*
 * iomem.c - the PC's fixed owners of addresses and ports, entered into the
 * resource trees at boot (kernel/resource.c prints them as /proc/iomem and
 * /proc/ioports):
 *  - the e820 ranges at the top level of iomem, with the kernel's own
 *    sections nested inside the System RAM range that holds them, as
 *    Linux's e820__reserve_resources() and setup_arch() do;
 *  - the legacy ISA devices of every PC at their fixed ports (Linux's
 *    standard_io_resources[]), whether or not this kernel drives them.
 * RAM and the ACPI ranges are marked busy: no driver may claim them.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <init.h>
#include <ioport.h>
#include <kernel.h>
#include <printk.h>
#include <slab.h>

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];

static const char *e820_iomem_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "System RAM";
	case E820_TYPE_ACPI:
		return "ACPI Tables";
	case E820_TYPE_NVS:
		return "ACPI Non-volatile Storage";
	case E820_TYPE_UNUSABLE:
		return "Unusable memory";
	case E820_TYPE_PMEM:
		return "Persistent Memory (legacy)";
	default:
		return "Reserved";
	}
}

/* The kernel image's sections, nested in System RAM: Linux's names. */
static struct resource kernel_res[] = {
	{ .name = "Kernel code" },
	{ .name = "Kernel rodata" },
	{ .name = "Kernel data" },
	{ .name = "Kernel bss" },
};

static void __init kernel_res_set(struct resource *res, void *start, void *end)
{
	res->start = __pa(start);
	res->end = __pa(end) - 1;
	res->flags = IORESOURCE_MEM | IORESOURCE_BUSY;
	insert_resource(&iomem_resource, res);
}

/* The legacy ports of the PC, Linux's list (arch/x86/kernel/setup.c). */
static struct resource standard_io_resources[] = {
	{ .name = "dma1", .start = 0x00, .end = 0x1f },
	{ .name = "pic1", .start = 0x20, .end = 0x21 },
	{ .name = "timer0", .start = 0x40, .end = 0x43 },
	{ .name = "timer1", .start = 0x50, .end = 0x53 },
	{ .name = "keyboard", .start = 0x60, .end = 0x60 },
	{ .name = "keyboard", .start = 0x64, .end = 0x64 },
	{ .name = "dma page reg", .start = 0x80, .end = 0x8f },
	{ .name = "pic2", .start = 0xa0, .end = 0xa1 },
	{ .name = "dma2", .start = 0xc0, .end = 0xdf },
	{ .name = "fpu", .start = 0xf0, .end = 0xff },
};

/**
 * e820__reserve_resources - the firmware's map and the kernel into the trees
 *
 * Called once the allocators work (each e820 range is a kzalloc'ed
 * resource); /proc/iomem stops at 4 GB, as on every 32-bit kernel.
 */
void __init e820__reserve_resources(void)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		struct resource *res;

		if (e->addr >= (1ULL << 32))
			continue;
		res = kzalloc(sizeof(*res), GFP_KERNEL);
		if (!res)
			break;
		res->name = e820_iomem_name(e->type);
		res->start = e->addr;
		res->end = min(e->addr + e->size, 1ULL << 32) - 1;
		res->flags = IORESOURCE_MEM;
		if (e->type == E820_TYPE_RAM || e->type == E820_TYPE_ACPI ||
		    e->type == E820_TYPE_NVS)
			res->flags |= IORESOURCE_BUSY;
		if (insert_resource(&iomem_resource, res)) {
			pr_warn("e820: cannot reserve [mem %#010llx-%#010llx] (%s)\n",
				res->start, res->end, res->name);
			kfree(res);
		}
	}
	kernel_res_set(&kernel_res[0], _text, _etext);
	kernel_res_set(&kernel_res[1], _srodata, _erodata);
	kernel_res_set(&kernel_res[2], _sdata, _edata);
	kernel_res_set(&kernel_res[3], __bss_start, __bss_stop);

	for (unsigned int i = 0; i < ARRAY_SIZE(standard_io_resources); i++) {
		standard_io_resources[i].flags = IORESOURCE_IO |
						 IORESOURCE_BUSY;
		request_resource(&ioport_resource, &standard_io_resources[i]);
	}
}
