// SPDX-License-Identifier: GPL-2.0
/*
 * boot_test.c - verifies that the kernel understood what the boot loader
 * handed over: where it was loaded, the command line, and a memory map that
 * is sorted, disjoint and consistent with the loader's own summary.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <init.h>
#include <ktest.h>
#include <params.h>
#include <printk.h>
#include <string.h>
#include <time.h>

extern char _text[], _end[];
static int untouched_bss_variable;

static void boot_kernel_is_linked_high_and_loaded_at_1mb(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, (unsigned long)_text, PAGE_OFFSET + 0x100000);
	KTEST_EXPECT_EQ(test, __pa(_text), LOAD_PHYSICAL_ADDR);
	KTEST_EXPECT_LT(test, __pa(_end), BOOT_MAP_SIZE);
}

static void boot_bss_starts_zeroed(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, untouched_bss_variable, 0);
}

static void boot_loader_is_named(struct ktest *test)
{
	KTEST_EXPECT_NE(test, strlen(boot_loader_name), 0);
	KTEST_EXPECT_STRNEQ(test, boot_loader_name, "unknown");
}

static void boot_multiboot_data_ranges_are_recorded(struct ktest *test)
{
	bool have_info = false, have_map = false;

	for (unsigned int i = 0; i < nr_boot_ranges; i++) {
		have_info |= !strcmp(boot_ranges[i].what, "multiboot info");
		have_map |=
			!strcmp(boot_ranges[i].what, "multiboot memory map");
		KTEST_EXPECT_GT(test, boot_ranges[i].size, 0);
	}
	KTEST_EXPECT_TRUE(test, have_info);
	KTEST_EXPECT_TRUE(test, have_map);
}

static void boot_command_line_drops_the_image_path(struct ktest *test)
{
	KTEST_EXPECT_NE(test, saved_command_line[0], '/');
	KTEST_EXPECT_NULL(test, strstr(saved_command_line, "kernel.elf"));
	/* The boot mode came from the command line (or is the default). */
	KTEST_ASSERT_NOT_NULL(test, boot_mode);
	if (boot_mode_is("ktest"))
		KTEST_EXPECT_NOT_NULL(test,
				      strstr(saved_command_line, "ktest"));
	else if (boot_mode_is("shell") && saved_command_line[0])
		KTEST_EXPECT_NULL(test, strstr(saved_command_line, "ktest"));
}

static void boot_unknown_options_are_reported(struct ktest *test)
{
	if (!strstr(saved_command_line, "bogus_option"))
		ktest_skip(
			test,
			"boot with bogus_option on the command line to check");
	KTEST_EXPECT_LOG(
		test, 0,
		"Unknown kernel command line parameters \"bogus_option");
}

static void boot_e820_map_is_sorted_and_disjoint(struct ktest *test)
{
	KTEST_ASSERT_GT(test, e820_table.nr_entries, 0);
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		KTEST_EXPECT_GT(test, e->size, 0);
		if (i == 0)
			continue;
		KTEST_EXPECT_LE(test, e[-1].addr + e[-1].size, e->addr);
	}
}

static void boot_e820_map_has_ram_under_the_kernel(struct ktest *test)
{
	bool covered = false;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr <= __pa(_text) &&
		    e->addr + e->size >= __pa(_end))
			covered = true;
	}
	KTEST_EXPECT_TRUE(test, covered);
}

static void boot_e820_total_is_plausible(struct ktest *test)
{
	u64 total = e820__total_ram();

	/* At least the kernel itself, at most 4 GB below plus what QEMU puts
	 * above (the tests boot at most 4 GB). */
	KTEST_EXPECT_GT(test, total, (u64)__pa(_end));
	KTEST_EXPECT_LE(test, total, 4ULL << 30);
}

static void boot_e820_sanitizer_resolves_overlaps(struct ktest *test)
{
	static struct e820_table t;

	t.nr_entries = 3;
	t.entries[0] = (struct e820_entry){ 0x1000, 0x9000, E820_TYPE_RAM };
	t.entries[1] =
		(struct e820_entry){ 0x4000, 0x1000, E820_TYPE_RESERVED };
	t.entries[2] = (struct e820_entry){ 0xa000, 0x2000, E820_TYPE_RAM };
	KTEST_ASSERT_EQ(test, e820__update_table(&t), 3);
	/* RAM 1000-4000, reserved 4000-5000, RAM 5000-c000 (merged). */
	KTEST_EXPECT_EQ(test, t.entries[0].addr, 0x1000);
	KTEST_EXPECT_EQ(test, t.entries[0].size, 0x3000);
	KTEST_EXPECT_EQ(test, t.entries[1].type, E820_TYPE_RESERVED);
	KTEST_EXPECT_EQ(test, t.entries[1].size, 0x1000);
	KTEST_EXPECT_EQ(test, t.entries[2].addr, 0x5000);
	KTEST_EXPECT_EQ(test, t.entries[2].size, 0x7000);
	KTEST_EXPECT_EQ(test, t.entries[2].type, E820_TYPE_RAM);
}

static void boot_e820_sanitizer_sorts_and_drops_empty(struct ktest *test)
{
	static struct e820_table t;

	t.nr_entries = 3;
	t.entries[0] = (struct e820_entry){ 0x100000, 0x100000, E820_TYPE_RAM };
	t.entries[1] = (struct e820_entry){ 0x0, 0x0, E820_TYPE_RAM };
	t.entries[2] = (struct e820_entry){ 0x0, 0x9fc00, E820_TYPE_RAM };
	KTEST_ASSERT_EQ(test, e820__update_table(&t), 2);
	KTEST_EXPECT_EQ(test, t.entries[0].addr, 0);
	KTEST_EXPECT_EQ(test, t.entries[1].addr, 0x100000);
}

static void boot_cpu_and_clock_are_detected(struct ktest *test)
{
	KTEST_EXPECT_NE(test, strlen(boot_cpu_data.vendor), 0);
	KTEST_EXPECT_TRUE(test, boot_cpu_data.has_tsc);
	KTEST_EXPECT_GT(test, tsc_khz, 0);
	KTEST_EXPECT_GT(test, local_clock(), 0);
}

static const struct ktest_case boot_cases[] = {
	KTEST_CASE(boot_kernel_is_linked_high_and_loaded_at_1mb),
	KTEST_CASE(boot_bss_starts_zeroed),
	KTEST_CASE(boot_loader_is_named),
	KTEST_CASE(boot_multiboot_data_ranges_are_recorded),
	KTEST_CASE(boot_command_line_drops_the_image_path),
	KTEST_CASE(boot_unknown_options_are_reported),
	KTEST_CASE(boot_e820_map_is_sorted_and_disjoint),
	KTEST_CASE(boot_e820_map_has_ram_under_the_kernel),
	KTEST_CASE(boot_e820_total_is_plausible),
	KTEST_CASE(boot_e820_sanitizer_resolves_overlaps),
	KTEST_CASE(boot_e820_sanitizer_sorts_and_drops_empty),
	KTEST_CASE(boot_cpu_and_clock_are_detected),
	{}
};
KTEST_SUITE(boot, boot_cases);
