// SPDX-License-Identifier: GPL-2.0
/*
 * setup.c - reading what the boot loader left: the multiboot information.
 *
 * Everything the kernel needs from it (the command line, the memory map, the
 * loader's name) is copied into kernel variables at once, through
 * early_copy_from_phys(), because the loader may have put it anywhere below
 * 4 GB and the kernel only maps the first 16 MB this early.  The physical
 * ranges it occupied are remembered so that memblock can keep them reserved.
 */
#include <asm/e820.h>
#include <asm/multiboot.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <kernel.h>
#include <panic.h>
#include <printk.h>
#include <string.h>

char boot_command_line[COMMAND_LINE_SIZE] __initdata;
char boot_loader_name[64];
struct boot_range boot_ranges[MAX_BOOT_RANGES];
unsigned int nr_boot_ranges;
phys_addr_t initrd_start, initrd_end;

static void __init note_boot_range(const char *what, u64 start, u64 size)
{
	if (nr_boot_ranges < MAX_BOOT_RANGES && size)
		boot_ranges[nr_boot_ranges++] =
			(struct boot_range){ what, start, size };
}

static void __init copy_string(char *dst, size_t size, u32 phys,
			       const char *what)
{
	size_t len = 0;

	/* Read up to the NUL, one byte at a time: the length is unknown. */
	while (len + 1 < size) {
		early_copy_from_phys(dst + len, phys + len, 1);
		if (!dst[len])
			break;
		len++;
	}
	dst[len] = '\0';
	note_boot_range(what, phys, len + 1);
}

static void __init read_memory_map(const struct multiboot_info *mbi)
{
	u32 offset = 0;

	note_boot_range("multiboot memory map", mbi->mmap_addr,
			mbi->mmap_length);
	while (offset + sizeof(struct multiboot_mmap_entry) <=
	       mbi->mmap_length) {
		struct multiboot_mmap_entry entry;

		early_copy_from_phys(&entry, (u64)mbi->mmap_addr + offset,
				     sizeof(entry));
		e820__range_add(entry.addr, entry.len, entry.type);
		offset += entry.size + sizeof(entry.size);
	}
}

/* A loader without a map still gives the two classic sizes (in KB). */
static void __init fake_memory_map(const struct multiboot_info *mbi)
{
	pr_warn("multiboot: no memory map, using mem_lower/mem_upper\n");
	e820__range_add(0, (u64)mbi->mem_lower << 10, E820_TYPE_RAM);
	e820__range_add(0x100000, (u64)mbi->mem_upper << 10, E820_TYPE_RAM);
}

static void __init read_initrd(const struct multiboot_info *mbi)
{
	struct multiboot_mod_list mod;

	note_boot_range("multiboot modules", mbi->mods_addr,
			mbi->mods_count * sizeof(mod));
	early_copy_from_phys(&mod, mbi->mods_addr, sizeof(mod));
	if (mod.mod_end <= mod.mod_start)
		return;
	initrd_start = mod.mod_start;
	initrd_end = mod.mod_end;
	note_boot_range("initrd", initrd_start, initrd_end - initrd_start);
}

void __init read_multiboot_info(u32 magic, u32 mbi_phys)
{
	struct multiboot_info mbi;

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("multiboot: bad magic 0x%08x in EAX, expected 0x%08x: "
		      "kmem386 must be started by a multiboot loader "
		      "(GRUB's `multiboot`, or QEMU -kernel)",
		      magic, MULTIBOOT_BOOTLOADER_MAGIC);

	early_copy_from_phys(&mbi, mbi_phys, sizeof(mbi));
	note_boot_range("multiboot info", mbi_phys, sizeof(mbi));

	if (mbi.flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		copy_string(boot_loader_name, sizeof(boot_loader_name),
			    mbi.boot_loader_name, "boot loader name");
	else
		strcpy(boot_loader_name, "unknown");
	if (mbi.flags & MULTIBOOT_INFO_CMDLINE)
		copy_string(boot_command_line, sizeof(boot_command_line),
			    mbi.cmdline, "command line");

	if (mbi.flags & MULTIBOOT_INFO_MEM_MAP)
		read_memory_map(&mbi);
	else if (mbi.flags & MULTIBOOT_INFO_MEMORY)
		fake_memory_map(&mbi);
	else
		panic("multiboot: the boot loader gave no memory information");

	if ((mbi.flags & MULTIBOOT_INFO_MODS) && mbi.mods_count)
		read_initrd(&mbi);

	e820__update_table(&e820_table);
}
