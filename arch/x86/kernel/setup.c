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
#include <cmdline.h>
#include <kernel.h>
#include <panic.h>
#include <printk.h>
#include <string.h>

#define MAX_BOOT_STRING 65536 /* bytes read to find a string's end */

char boot_command_line[COMMAND_LINE_SIZE] __initdata;
char boot_command_line_lost[COMMAND_LINE_SIZE] __initdata;
size_t boot_command_line_len __initdata;
char boot_loader_name[64];
struct boot_range boot_ranges[MAX_BOOT_RANGES];
unsigned int nr_boot_ranges;

static void __init note_boot_range(const char *what, u64 start, u64 size)
{
	if (nr_boot_ranges < MAX_BOOT_RANGES && size)
		boot_ranges[nr_boot_ranges++] =
			(struct boot_range){ what, start, size };
}

/* The length of the string at phys, reading at most `limit` bytes. */
static size_t __init phys_strnlen(u32 phys, size_t limit)
{
	size_t len = 0;
	char c = 1;

	while (len < limit) {
		early_copy_from_phys(&c, (u64)phys + len, 1);
		if (!c)
			break;
		len++;
	}
	return len;
}

/*
 * Copy the string at phys into dst (read one byte at a time: the length is
 * unknown).  Returns its whole length, which may be more than dst holds:
 * then dst has what fits.
 */
static size_t __init copy_string(char *dst, size_t size, u32 phys,
				 const char *what)
{
	size_t len = phys_strnlen(phys, MAX_BOOT_STRING);
	size_t kept = min(len, size - 1);

	early_copy_from_phys(dst, phys, kept);
	dst[kept] = '\0';
	note_boot_range(what, phys, len + 1);
	return len;
}

/*
 * The command line is longer than the kernel keeps.  Linux cuts it where
 * it must, silently, even inside a word ("mem=1024M" becomes "mem=10").
 * Here the cut goes back to the last whole word, and what is left out is
 * kept aside for parse_early_params(), which says what was lost.
 */
static void __init cmdline_truncated(size_t len, u32 phys)
{
	char *cut = strrchr(boot_command_line, ' ');
	size_t kept, lost;

	if (cut)
		*cut = '\0';
	kept = strlen(boot_command_line);
	lost = min(len - kept, sizeof(boot_command_line_lost) - 1);
	early_copy_from_phys(boot_command_line_lost, (u64)phys + kept, lost);
	boot_command_line_lost[lost] = '\0';
	boot_command_line_len = len;
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
	if (mbi.flags & MULTIBOOT_INFO_CMDLINE &&
	    copy_string(boot_command_line, sizeof(boot_command_line),
			mbi.cmdline,
			"command line") >= sizeof(boot_command_line))
		cmdline_truncated(phys_strnlen(mbi.cmdline, MAX_BOOT_STRING),
				  mbi.cmdline);

	if (mbi.flags & MULTIBOOT_INFO_MEM_MAP)
		read_memory_map(&mbi);
	else if (mbi.flags & MULTIBOOT_INFO_MEMORY)
		fake_memory_map(&mbi);
	else
		panic("multiboot: the boot loader gave no memory information");

	e820__update_table(&e820_table);
}
