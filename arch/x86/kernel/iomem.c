// SPDX-License-Identifier: GPL-2.0
/*
 * iomem.c - /proc/iomem: the physical address space by owner, as Linux
 * prints it: the e820 ranges at the top level, the kernel's own sections
 * nested (indented) inside the System RAM range that holds them.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <kernel.h>
#include <seq_file.h>

extern char _text[], _etext[], _srodata[], _erodata[], _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];

static const char *iomem_name(u32 type)
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

static void iomem_child(struct seq_file *m, const char *name, void *start,
			void *end)
{
	seq_printf(m, "  %08lx-%08lx : %s\n", __pa(start), __pa(end) - 1, name);
}

static void iomem_show(struct seq_file *m)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 end = e->addr + e->size;

		if (e->addr >= (1ULL << 32))
			continue; /* a 32-bit /proc/iomem stops at 4 GB */
		seq_printf(m, "%08llx-%08llx : %s\n", e->addr,
			   min(end, 1ULL << 32) - 1, iomem_name(e->type));
		if (e->type != E820_TYPE_RAM || e->addr > __pa(_text) ||
		    end < __pa(__bss_stop))
			continue;
		iomem_child(m, "Kernel code", _text, _etext);
		iomem_child(m, "Kernel rodata", _srodata, _erodata);
		iomem_child(m, "Kernel data", _sdata, _edata);
		iomem_child(m, "Kernel bss", __bss_start, __bss_stop);
	}
}
PROC_FILE("iomem", iomem_show);
