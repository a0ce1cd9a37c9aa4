// SPDX-License-Identifier: GPL-2.0
/*
 * e820_cmds.c - `e820`: the physical memory map as this boot uses it.
 *
 * The boot log prints the map the firmware gave (BIOS-e820) and, after
 * mem=, the one the kernel kept (user); this command prints the kept one at
 * any time, with the usable RAM it adds up to.  The map itself, and its
 * sanitising, are the arch's (arch/x86/kernel/e820.c).
 */
#include <asm/e820.h>
#include <kernel.h>
#include <printk.h>
#include <shell.h>

static int cmd_e820(int argc, char **argv)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		kprintf("e820: [mem %#018llx-%#018llx] %s\n", e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
	kprintf("usable RAM: %llu KB in the map\n", e820__total_ram() >> 10);
	kprintf("  (after mem=, without page 0 and the ISA hole)\n");
	return 0;
}
SHELL_COMMAND(e820, "", "the physical memory map (BIOS e820)",
	      SHELL_TOPIC_ZONES, cmd_e820,
	      .detail = "The memory map the firmware gave the boot loader, as "
			"the kernel keeps it after its own edits (page 0 "
			"reserved, the ISA hole 640 KB - 1 MB removed, mem= "
			"applied): the RAM that memblock, then the zones, are "
			"built from.  The boot log prints the firmware's map "
			"first, in the same \"BIOS-e820:\" format as Linux.",
	      .see = "cat /proc/iomem, cat /proc/zoneinfo, explain zones, "
		     "dmesg");
