/* SPDX-License-Identifier: GPL-2.0 */
/*
 * multiboot.h - the Multiboot 0.6.96 structures this kernel reads.
 * Field layout from the Multiboot Specification, section 3.3.
 */
#ifndef _ASM_X86_MULTIBOOT_H
#define _ASM_X86_MULTIBOOT_H

#define MULTIBOOT_HEADER_MAGIC 0x1BADB002 /* in the kernel image */
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002 /* in EAX at entry */

#define MULTIBOOT_PAGE_ALIGN 0x00000001 /* modules on page boundaries */
#define MULTIBOOT_MEMORY_INFO 0x00000002 /* we need mem_* and mmap_* */
#define MULTIBOOT_HEADER_FLAGS (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)

/* multiboot_info.flags: which fields the loader filled in. */
#define MULTIBOOT_INFO_MEMORY 0x00000001
#define MULTIBOOT_INFO_CMDLINE 0x00000004
#define MULTIBOOT_INFO_MODS 0x00000008
#define MULTIBOOT_INFO_MEM_MAP 0x00000040
#define MULTIBOOT_INFO_BOOT_LOADER_NAME 0x00000200

/* mmap entry types, the same numbers as the BIOS's e820. */
#define MULTIBOOT_MEMORY_AVAILABLE 1
#define MULTIBOOT_MEMORY_RESERVED 2
#define MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define MULTIBOOT_MEMORY_NVS 4
#define MULTIBOOT_MEMORY_BADRAM 5

#ifndef __ASSEMBLY__
#include <types.h>

struct multiboot_info {
	u32 flags; /* MULTIBOOT_INFO_*: which fields are valid */
	u32 mem_lower; /* KB below 1 MB */
	u32 mem_upper; /* KB above 1 MB, up to the first hole */
	u32 boot_device; /* BIOS disk the image came from */
	u32 cmdline; /* physical address of a NUL-terminated string */
	u32 mods_count; /* modules: the first is the initramfs */
	u32 mods_addr;
	u32 syms[4]; /* a.out or ELF symbol information */
	u32 mmap_length; /* bytes of the memory map */
	u32 mmap_addr; /* physical address of the memory map */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name; /* physical address of a string */
} __packed;

/* One boot module (mods_addr points to mods_count of them). */
struct multiboot_mod_list {
	u32 mod_start; /* physical address of its first byte */
	u32 mod_end; /* ... of the byte after its last */
	u32 cmdline; /* its command line, a string */
	u32 pad;
} __packed;

/* One memory map entry; `size` does not count itself. */
struct multiboot_mmap_entry {
	u32 size; /* bytes that follow this field (20 or more) */
	u64 addr; /* start of the range */
	u64 len; /* length of the range */
	u32 type; /* MULTIBOOT_MEMORY_* */
} __packed;

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_MULTIBOOT_H */
