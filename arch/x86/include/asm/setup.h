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
extern char boot_loader_name[64];
extern struct boot_range boot_ranges[MAX_BOOT_RANGES];
extern unsigned int nr_boot_ranges;

/*
 * The initramfs: the first multiboot module (GRUB's `module`, QEMU's
 * -initrd), physical [initrd_start, initrd_end); both 0 if none.
 */
extern phys_addr_t initrd_start, initrd_end;

/* Check the magic, copy the command line and memory map. */
void read_multiboot_info(u32 magic, u32 mbi_phys);

#endif /* _ASM_X86_SETUP_H */
