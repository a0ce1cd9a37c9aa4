/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e820.h - the physical memory map, as the BIOS's e820 call reports it.
 *
 * The multiboot loader passes the BIOS map on (same entry types); it is
 * copied into e820_table at boot, sorted and made non-overlapping (where
 * ranges overlap, the more restrictive type wins), then printed the way
 * Linux prints it.  memblock is built from the usable (E820_TYPE_RAM) ranges.
 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <types.h>

#define E820_MAX_ENTRIES 128

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
	E820_TYPE_PMEM = 7,
};

struct e820_entry {
	u64 addr; /* start of the range */
	u64 size; /* bytes */
	u32 type; /* enum e820_type */
};

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

/* Append a range (before e820__update_table()); false if the table is full. */
bool e820__range_add(u64 start, u64 size, u32 type);
/* Sort and resolve overlaps; returns the number of entries. */
int e820__update_table(struct e820_table *table);
/* Print "BIOS-e820: [mem 0x...-0x...] usable" lines, Linux's format. */
void e820__print_table(const char *who);
/* Linux's name for an entry type ("usable", "reserved", "ACPI data"...). */
const char *e820_type_name(u32 type);
/* Remove the `type` parts of a range (mem=, the legacy hole). */
void e820__range_remove(u64 start, u64 size, u32 type, bool report);
/* Retype the `old_type` parts of a range (page 0 becomes reserved). */
void e820__range_update(u64 start, u64 size, u32 old_type, u32 new_type);
/* The end of usable RAM below `limit`. */
u64 e820__end_of_ram(u64 limit);
/* Total bytes of usable RAM in the table. */
u64 e820__total_ram(void);

#endif /* _ASM_X86_E820_H */
