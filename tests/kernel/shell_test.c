// SPDX-License-Identifier: GPL-2.0
/*
 * shell_test.c - verifies that the shell's write path decides by the
 * physical frame and its use, never by the address it is given: `poke`
 * refuses kernel text and page tables through any alias (a vmap, an
 * ioremap of the same frame), refuses a free page, and writes memory that
 * was allocated, through whichever address maps it; that `kunmap` does
 * not take a kmap away from the kernel code that holds it; and that
 * `free`, `kfree` and `vfree` free what is on the shell's list of what it
 * handed out (teach/shell/held.c), and refuse the same thing off it.  The
 * commands run through shell_exec(), as if typed.
 */
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <shell.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

extern char _text[];

/* `poke addr value`, as typed; its return value. */
static int poke(unsigned long addr, u32 value)
{
	char line[48];

	snprintf(line, sizeof(line), "poke %#lx %#x", addr, value);
	return shell_exec(line);
}

static void shell_poke_refuses_kernel_text_through_any_alias(struct ktest *test)
{
	struct page *text = virt_to_page(_text);
	u32 before = *(volatile u32 *)_text;
	u32 *vmap_alias, *io_alias;

	vmap_alias = vmap(&text, 1, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, vmap_alias);
	io_alias = ioremap(page_to_phys(text), PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(test, io_alias);
	KTEST_EXPECT_EQ(test, poke((unsigned long)_text, 0x12345678), -EPERM);
	KTEST_EXPECT_EQ(test, poke((unsigned long)vmap_alias, 0x12345678),
			-EPERM);
	if (io_alias)
		KTEST_EXPECT_EQ(test, poke((unsigned long)io_alias, 0x12345678),
				-EPERM);
	KTEST_EXPECT_EQ(test, *(volatile u32 *)_text, before);
	if (io_alias)
		iounmap(io_alias);
	vunmap(vmap_alias);
}

static void shell_poke_refuses_a_page_table_and_a_free_page(struct ktest *test)
{
	void *area = vmalloc(PAGE_SIZE);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long table_addr, free_addr;
	pgd_t pgd;

	KTEST_ASSERT_NOT_NULL(test, area);
	KTEST_ASSERT_NOT_NULL(test, page);
	pgd = *pgd_offset_k((unsigned long)area);
	table_addr = (unsigned long)__va(pgd & PAGE_MASK);
	KTEST_EXPECT_EQ(test, poke(table_addr, 0), -EPERM);
	/* The PTE that maps the area is still there. */
	KTEST_EXPECT_NOT_NULL(test, vmalloc_to_page(area));
	vfree(area);

	free_addr = (unsigned long)page_address(page);
	__free_page(page);
	drain_all_pages(); /* on the free lists: nobody's */
	/* debug_pagealloc has unmapped it: the probe faults first. */
	KTEST_EXPECT_EQ(test, poke(free_addr, 0),
			debug_pagealloc_enabled() ? -EFAULT : -EPERM);
}

static void
shell_poke_writes_allocated_memory_through_an_alias(struct ktest *test)
{
	struct page *page = alloc_page(GFP_KERNEL | GFP_ZERO);
	u32 *alias;

	KTEST_ASSERT_NOT_NULL(test, page);
	alias = vmap(&page, 1, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, alias);
	KTEST_EXPECT_EQ(test, poke((unsigned long)alias + 8, 0x4b4d3338), 0);
	KTEST_EXPECT_EQ(test, ((u32 *)page_address(page))[2], 0x4b4d3338);
	vunmap(alias);
	__free_page(page);
}

static void shell_kunmap_leaves_the_kernels_kmaps_alone(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
	unsigned long nr;
	char line[32];
	void *addr;

	if (!page || !PageHighMem(page)) {
		if (page)
			__free_page(page);
		ktest_skip(test, "no highmem page to kmap");
	}
	addr = kmap(page);
	KTEST_ASSERT_NOT_NULL(test, addr);
	nr = PKMAP_NR((unsigned long)addr);
	snprintf(line, sizeof(line), "kunmap %#lx", page_to_pfn(page));
	KTEST_EXPECT_EQ(test, shell_exec(line), -EBUSY);
	KTEST_EXPECT_EQ(test, pkmap_slot_count((unsigned int)nr), 2);
	kunmap(page);
	__free_page(page);
}

/* `CMD ARG [ORDER]`, as typed; its return value. */
static int shell_free(const char *cmd, unsigned long arg, int order)
{
	char line[48];

	if (order < 0)
		snprintf(line, sizeof(line), "%s %#lx", cmd, arg);
	else
		snprintf(line, sizeof(line), "%s %#lx %d", cmd, arg, order);
	return shell_exec(line);
}

static void shell_frees_only_what_is_on_its_list(struct ktest *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1), *head;
	void *object = kmalloc(64, GFP_KERNEL);
	void *area = vmalloc(PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_NOT_NULL(test, object);
	KTEST_ASSERT_NOT_NULL(test, area);
	/* Off the list: the kernel's, refused, nothing changes. */
	KTEST_EXPECT_EQ(test, shell_free("free", page_to_pfn(page), 1), -EBUSY);
	KTEST_EXPECT_EQ(test, page_use(page, &head), PAGE_USE_ALLOCATED);
	KTEST_EXPECT_EQ(test, shell_free("kfree", (unsigned long)object, -1),
			-EINVAL);
	KTEST_EXPECT_EQ(test, ksize(object), 64);
	KTEST_EXPECT_EQ(test, shell_free("vfree", (unsigned long)area, -1),
			-EBUSY);
	KTEST_EXPECT_PTR_NE(test, find_vm_area(area), NULL);
	/* On the list, as if the shell had handed them out: freed. */
	KTEST_ASSERT_TRUE(test, shell_hold(HELD_PAGES, page, 1));
	KTEST_ASSERT_TRUE(test, shell_hold(HELD_KMALLOC, object, 0));
	KTEST_ASSERT_TRUE(test, shell_hold(HELD_VMALLOC, area, 0));
	KTEST_EXPECT_EQ(test, shell_free("free", page_to_pfn(page), 1), 0);
	KTEST_EXPECT_EQ(test, shell_free("kfree", (unsigned long)object, -1),
			0);
	KTEST_EXPECT_EQ(test, shell_free("vfree", (unsigned long)area, -1), 0);
	/* ... and crossed off it. */
	KTEST_EXPECT_FALSE(test, shell_holds(HELD_PAGES, page));
	KTEST_EXPECT_FALSE(test, shell_holds(HELD_KMALLOC, object));
	KTEST_EXPECT_FALSE(test, shell_holds(HELD_VMALLOC, area));
}

static const struct ktest_case shell_cases[] = {
	KTEST_CASE(shell_poke_refuses_kernel_text_through_any_alias),
	KTEST_CASE(shell_poke_refuses_a_page_table_and_a_free_page),
	KTEST_CASE(shell_poke_writes_allocated_memory_through_an_alias),
	KTEST_CASE(shell_kunmap_leaves_the_kernels_kmaps_alone),
	KTEST_CASE(shell_frees_only_what_is_on_its_list),
	{}
};
KTEST_SUITE(shell, shell_cases);
