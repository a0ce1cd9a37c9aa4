// SPDX-License-Identifier: GPL-2.0
/*
 * sim_test.c - verifies that the simulated machine is the machine mm/
 * expects: the kernel's layout (but the fixmap's top), every allocator up
 * after sim_boot(), two kernel addresses of one frame showing the same
 * bytes, an address no PTE maps faulting, a cleared PTE still mapped until
 * its TLB entry is flushed, panics and BUGs caught, WARN_ONCE once per
 * boot, and a reboot or a snapshot giving back exactly the booted machine.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <bug.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <panic.h>
#include <percpu.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <vmalloc.h>

#include "mm_host.h"

#define PROC_TEXT 16384

static void sim_boot_brings_up_every_allocator(struct kunit *test)
{
	void *obj, *area;
	struct page *page;

	SIM_BOOT(test, .ram_mb = 64, .highmem_mb = 16);
	KUNIT_EXPECT_TRUE(test, populated_zone(&zones[ZONE_DMA]));
	KUNIT_EXPECT_TRUE(test, populated_zone(&zones[ZONE_NORMAL]));
	KUNIT_EXPECT_EQ(test, zones[ZONE_HIGHMEM].spanned_pages, 16UL << 8);
	KUNIT_EXPECT_TRUE(test, buddy_self_check());
	KUNIT_EXPECT_TRUE(test, kmap_self_check());
	KUNIT_EXPECT_TRUE(test, vmalloc_self_check());
	KUNIT_EXPECT_NOT_NULL(test, find_kmem_cache("kmalloc-64"));
	page = alloc_page(GFP_HIGHMEM);
	obj = kmalloc(64, GFP_KERNEL);
	area = vmalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, page && obj && area);
	KUNIT_EXPECT_TRUE(test, PageHighMem(page));
	KUNIT_EXPECT_PTR_EQ(test, virt_to_cache(obj),
			    find_kmem_cache("kmalloc-64"));
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(area));
	vfree(area);
	kfree(obj);
	__free_page(page);
}

static void sim_layout_is_the_kernels_but_the_fixmap(struct kunit *test)
{
	SIM_BOOT(test, .ram_mb = 64, .highmem_mb = 16);
	KUNIT_EXPECT_EQ(test, PAGE_OFFSET, 0xc0000000UL);
	KUNIT_EXPECT_EQ(test, (unsigned long)high_memory, 0xc3000000UL);
	KUNIT_EXPECT_EQ(test, VMALLOC_START, 0xc3800000UL);
	KUNIT_EXPECT_EQ(test, FIXADDR_TOP, 0xffbff000UL);
	KUNIT_EXPECT_EQ(test, PKMAP_BASE, 0xff400000UL);
	KUNIT_EXPECT_EQ(test, VMALLOC_END, PKMAP_BASE - 2 * PAGE_SIZE);
	/* Above 896 MB the direct map stops at MAXMEM, as in the kernel. */
	SIM_BOOT(test, .ram_mb = 1024);
	KUNIT_EXPECT_EQ(test, max_low_pfn, 0x38000UL);
	KUNIT_EXPECT_EQ(test, (unsigned long)high_memory, 0xf8000000UL);
	KUNIT_EXPECT_EQ(test, zones[ZONE_HIGHMEM].spanned_pages, 0x8000UL);
}

/* vmap gives a lowmem frame a second address: both show the same bytes. */
static void sim_two_mappings_of_a_frame_share_its_bytes(struct kunit *test)
{
	struct page *page;
	u32 *direct, *alias, val = 0;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	direct = lowmem_page_address(page);
	alias = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, alias);
	KUNIT_EXPECT_NE(test, (unsigned long)alias, (unsigned long)direct);
	direct[5] = 0x12345678;
	KUNIT_EXPECT_EQ(test, peek32(&alias[5], &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x12345678U);
	KUNIT_EXPECT_EQ(test, poke32(&alias[6], 0xabcdef01U), 0);
	KUNIT_EXPECT_EQ(test, direct[6], 0xabcdef01U);
	vunmap(alias);
	__free_page(page);
}

static void sim_unmapped_address_faults(struct kunit *test)
{
	u32 val;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	KUNIT_EXPECT_EQ(test, peek32((void *)VMALLOC_START, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, sim_fault_addr, VMALLOC_START);
	KUNIT_EXPECT_EQ(test, peek32((void *)PAGE_OFFSET, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, peek32((void *)(PAGE_OFFSET + PAGE_SIZE), &val),
			0);
}

/*
 * The TLB: a PTE cleared without a flush still maps its old frame; the
 * flush makes it fault.  (kmap()'s lazy flush depends on exactly this.)
 */
static void sim_cleared_pte_stays_mapped_until_flushed(struct kunit *test)
{
	struct page *page;
	unsigned long fills;
	enum pg_level level;
	u32 *addr, val = 0;
	pte_t *pte;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	page = alloc_page(GFP_HIGHMEM);
	KUNIT_ASSERT_NOT_NULL(test, page);
	addr = kmap(page);
	KUNIT_ASSERT_NOT_NULL(test, addr);
	fills = sim_tlb_stats.fills;
	KUNIT_EXPECT_EQ(test, poke32(addr, 0x5afe0001), 0);
	KUNIT_EXPECT_EQ(test, sim_tlb_stats.fills, fills + 1);
	pte = lookup_address((unsigned long)addr, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	pte_clear(pte);
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x5afe0001U);
	__flush_tlb_one((unsigned long)addr);
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), -EFAULT);
	/* Put the PTE back so the slot is what kmap() believes it is. */
	set_pte(pte, pfn_pte(page_to_pfn(page), PAGE_KERNEL));
	KUNIT_EXPECT_EQ(test, peek32(addr, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x5afe0001U);
	kunmap(page);
	__free_page(page);
}

static void do_panic(void *arg)
{
	panic("a test panics (%s)", (const char *)arg);
}

static void do_bug(void *arg)
{
	BUG_ON(arg);
}

static void sim_panic_and_bug_are_caught(struct kunit *test)
{
	u64 mark;

	SIM_BOOT(test, .ram_mb = 32);
	mark = printk_mark();
	KUNIT_EXPECT_EQ(test, sim_catch_panic(do_panic, "on purpose"), -EIO);
	KUNIT_EXPECT_TRUE(
		test,
		printk_since_contains(
			mark,
			"Kernel panic - not syncing: a test panics (on purpose)"));
	KUNIT_EXPECT_EQ(test, sim_catch_panic(do_bug, test), -EIO);
	KUNIT_EXPECT_TRUE(test, printk_since_contains(mark, "kernel BUG at"));
	KUNIT_EXPECT_EQ(test, sim_catch_panic(do_bug, NULL), 0);
}

static int warn_once_here(void)
{
	return WARN_ON_ONCE(1);
}

static void sim_warn_once_fires_once_per_boot(struct kunit *test)
{
	unsigned long before;

	SIM_BOOT(test, .ram_mb = 32);
	before = nr_warnings;
	KUNIT_EXPECT_TRUE(test, warn_once_here());
	KUNIT_EXPECT_TRUE(test, warn_once_here());
	KUNIT_EXPECT_EQ(test, nr_warnings, before + 1);
	SIM_BOOT(test, .ram_mb = 32);
	KUNIT_EXPECT_EQ(test, nr_warnings, 0UL);
	warn_once_here();
	KUNIT_EXPECT_EQ(test, nr_warnings, 1UL);
}

/* The /proc views of every allocator, one after the other. */
static void proc_texts(struct kunit *test, char *buf)
{
	static const char *const files[] = { "buddyinfo", "zoneinfo",
					     "slabinfo", "vmallocinfo",
					     "meminfo" };
	size_t len = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++) {
		int n = proc_read(files[i], buf + len, PROC_TEXT - len);

		KUNIT_ASSERT_TRUE(test, n >= 0);
		len += (size_t)n;
	}
}

/* Leave the allocators busy: pages, objects, a cache, areas, kmaps. */
static void sim_make_a_mess(void)
{
	struct kmem_cache *s = kmem_cache_create("mess", 100, 0, 0, NULL);

	alloc_pages(GFP_HIGHMEM, 3);
	alloc_pages(GFP_KERNEL, 0);
	kmalloc(300, GFP_KERNEL);
	kmem_cache_alloc(s, GFP_KERNEL);
	vmalloc(5 * PAGE_SIZE);
	kmap(alloc_page(GFP_HIGHMEM));
}

/* The one CPU's per-CPU area: the template's copy and alloc_percpu()'s. */
static char *percpu_unit(size_t *size)
{
	*size = (size_t)(__per_cpu_end - __per_cpu_start) + pcpu_dynamic_size();
	return __per_cpu_start + per_cpu_offset(0);
}

static void sim_reboot_and_snapshot_give_the_booted_machine(struct kunit *test)
{
	char *booted = kunit_kmalloc(test, PROC_TEXT);
	char *now = kunit_kmalloc(test, PROC_TEXT);
	size_t map_bytes, unit_bytes;
	char *map, *unit, *unit_copy;
	struct sim_snapshot *snap;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8,
		 .slub_debug = SLAB_DEBUG_FLAGS);
	proc_texts(test, booted);
	map_bytes = max_pfn * sizeof(struct page);
	map = kunit_kmemdup(test, mem_map, map_bytes);
	unit = percpu_unit(&unit_bytes);
	KUNIT_ASSERT_TRUE(test, virt_addr_valid(unit));
	unit_copy = kunit_kmemdup(test, unit, unit_bytes);
	snap = sim_snapshot_take();
	KUNIT_ASSERT_NOT_NULL(test, snap);

	sim_make_a_mess();
	proc_texts(test, now);
	KUNIT_EXPECT_STRNEQ(test, now, booted);
	/* As another machine's boot may have left that RAM. */
	memset(unit, 0x5a, unit_bytes);
	KUNIT_ASSERT_EQ(test, sim_snapshot_restore(snap), 0);
	proc_texts(test, now);
	KUNIT_EXPECT_STREQ(test, now, booted);
	KUNIT_EXPECT_MEMEQ(test, (char *)mem_map, map, map_bytes);
	KUNIT_EXPECT_PTR_EQ(test, percpu_unit(&unit_bytes), unit);
	KUNIT_EXPECT_MEMEQ(test, unit, unit_copy, unit_bytes);
	sim_snapshot_free(snap);

	sim_make_a_mess();
	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8,
		 .slub_debug = SLAB_DEBUG_FLAGS);
	proc_texts(test, now);
	KUNIT_EXPECT_STREQ(test, now, booted);
	KUNIT_EXPECT_MEMEQ(test, (char *)mem_map, map, map_bytes);
}

/*
 * Two machines alike but for debug_pagealloc, restored in turn: each gets
 * the direct map its own page tables describe, with the other's free
 * pages neither missing (a restore would fault) nor left mapped (a use
 * after free would read).
 */
static void sim_snapshots_keep_their_own_direct_map(struct kunit *test)
{
	struct sim_snapshot *plain, *debug;
	u32 *free_addr, val;
	struct page *page;

	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8, .debug_pagealloc = true);
	page = alloc_page(GFP_KERNEL); /* a free page's address, for later */
	KUNIT_ASSERT_NOT_NULL(test, page);
	free_addr = lowmem_page_address(page);
	__free_page(page);
	drain_all_pages();
	debug = sim_snapshot_take();
	SIM_BOOT(test, .ram_mb = 32, .highmem_mb = 8);
	plain = sim_snapshot_take();
	KUNIT_ASSERT_TRUE(test, debug && plain);
	for (int i = 0; i < 2; i++) {
		KUNIT_ASSERT_EQ(test, sim_snapshot_restore(debug), 0);
		KUNIT_EXPECT_TRUE(test, debug_pagealloc_enabled());
		KUNIT_EXPECT_EQ(test, peek32(free_addr, &val), -EFAULT);
		KUNIT_EXPECT_TRUE(test, buddy_self_check());
		KUNIT_ASSERT_EQ(test, sim_snapshot_restore(plain), 0);
		KUNIT_EXPECT_FALSE(test, debug_pagealloc_enabled());
		KUNIT_EXPECT_EQ(test, peek32(free_addr, &val), 0);
		KUNIT_EXPECT_TRUE(test, buddy_self_check());
	}
	sim_snapshot_free(debug);
	sim_snapshot_free(plain);
}

static struct kunit_case sim_cases[] = {
	KUNIT_CASE(sim_boot_brings_up_every_allocator),
	KUNIT_CASE(sim_layout_is_the_kernels_but_the_fixmap),
	KUNIT_CASE(sim_two_mappings_of_a_frame_share_its_bytes),
	KUNIT_CASE(sim_unmapped_address_faults),
	KUNIT_CASE(sim_cleared_pte_stays_mapped_until_flushed),
	KUNIT_CASE(sim_panic_and_bug_are_caught),
	KUNIT_CASE(sim_warn_once_fires_once_per_boot),
	KUNIT_CASE(sim_reboot_and_snapshot_give_the_booted_machine),
	KUNIT_CASE(sim_snapshots_keep_their_own_direct_map),
	{}
};

static struct kunit_suite sim_suite = {
	.name = "mm_sim",
	.test_cases = sim_cases,
};
kunit_test_suite(sim_suite);
