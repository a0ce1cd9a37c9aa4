/* SPDX-License-Identifier: GPL-2.0 */
/* setup.h - what the boot loader handed over (arch/x86/kernel/setup.c). */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <params.h>
#include <types.h>

#define MAX_BOOT_RANGES 8

/* Physical memory the boot loader's data occupied (kept reserved). */
struct boot_range {
	const char *what;
	u64 start;
	u64 size;
};

extern char boot_command_line[COMMAND_LINE_SIZE];
/* A command line too long to keep: what was cut off (its start), and how
 * long it was; boot_command_line_lost is empty when nothing was cut. */
extern char boot_command_line_lost[COMMAND_LINE_SIZE];
extern size_t boot_command_line_len;
extern char boot_loader_name[64];
extern struct boot_range boot_ranges[MAX_BOOT_RANGES];
extern unsigned int nr_boot_ranges;

/*
 * The memory options as this boot took them (arch/x86/mm/init.c): a value
 * that was refused, by its syntax or against this machine's memory, counts
 * as not given.  Tests read these, never the command line.
 */
struct mem_options {
	u64 mem_limit; /* mem=: RAM above it removed; 0 if not given */
	bool highmem_given; /* highmem= was accepted by its parser ... */
	u64 highmem_size; /* ... with this size (applied if RAM allows) */
	bool vmalloc_given; /* vmalloc= was applied ... */
	u64 vmalloc_size; /* ... with this size (+ 8 MB: __VMALLOC_RESERVE) */
};
extern struct mem_options mem_options;

/* Check the magic, copy the command line and memory map. */
void read_multiboot_info(u32 magic, u32 mbi_phys);

#endif /* _ASM_X86_SETUP_H */
