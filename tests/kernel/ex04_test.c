// SPDX-License-Identifier: GPL-2.0
/*
 * ex04_test.c - verifies the exercise's API (kernel_memory.h) against the
 * kernel's own state: the exercise's eight tests, with its names.  Nothing
 * is compared with numbers typed in for one machine: each expectation comes
 * from the boot banner, the zones, the caches, the page tables or
 * /proc/zoneinfo of the running kernel, so the suite holds at every size of
 * the test matrix.  Bad arguments (NULL pointers, negative counts) are part
 * of each case.
 */
#include <asm/memlayout.h>
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <ktest.h>
#include <mm.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <vmalloc.h>

/* The "start - end" of a line of the boot banner, e.g. "    vmalloc : ". */
static bool banner_range(const char *label, unsigned long *start,
			 unsigned long *end)
{
	const char *line = strstr(memlayout_banner, label);
	char *p;

	if (!line)
		return false;
	*start = simple_strtoul(line + strlen(label), &p, 0);
	if (strncmp(p, " - ", 3))
		return false;
	*end = simple_strtoul(p + 3, NULL, 0);
	return true;
}

static void test_kernel_layout(struct ktest *test)
{
	kernel_layout_t l;
	unsigned long start, end;

	KTEST_EXPECT_EQ(test, get_kernel_layout(NULL), -EINVAL);
	KTEST_ASSERT_EQ(test, get_kernel_layout(&l), 0);
	/* Ordered, non-overlapping, as the 3G/1G split draws them. */
	KTEST_EXPECT_EQ(test, l.user_start, 0);
	KTEST_EXPECT_EQ(test, l.user_end, l.kernel_start);
	KTEST_EXPECT_EQ(test, l.kernel_start, l.direct_map_start);
	KTEST_EXPECT_LT(test, l.direct_map_start, l.direct_map_end);
	KTEST_EXPECT_LT(test, l.direct_map_end, l.vmalloc_start);
	KTEST_EXPECT_LT(test, l.vmalloc_start, l.vmalloc_end);
	KTEST_EXPECT_LE(test, l.vmalloc_end, PKMAP_BASE);
	KTEST_EXPECT_EQ(test, l.modules_start, l.vmalloc_start);
	KTEST_EXPECT_EQ(test, l.modules_end, l.vmalloc_end);
	/* Equal to what the boot banner said. */
	KTEST_ASSERT_TRUE(test, banner_range("    lowmem  : ", &start, &end));
	KTEST_EXPECT_EQ(test, l.direct_map_start, start);
	KTEST_EXPECT_EQ(test, l.direct_map_end, end);
	KTEST_ASSERT_TRUE(test, banner_range("    vmalloc : ", &start, &end));
	KTEST_EXPECT_EQ(test, l.vmalloc_start, start);
	KTEST_EXPECT_EQ(test, l.vmalloc_end, end);
	/* The direct map is exactly lowmem. */
	KTEST_EXPECT_EQ(test, l.direct_map_end - l.direct_map_start,
			(u64)max_low_pfn << PAGE_SHIFT);
}

static void test_direct_mapping(struct ktest *test)
{
	u64 boundary = (u64)max_low_pfn << PAGE_SHIFT;
	void *vbuf;

	KTEST_EXPECT_EQ(test, phys_to_virt(0x1000), PAGE_OFFSET + 0x1000);
	KTEST_EXPECT_EQ(test, virt_to_phys(PAGE_OFFSET + 0x1000), 0x1000);
	/* Round trips over lowmem, up to its last byte. */
	for (u64 phys = 0x100000; phys < boundary; phys += boundary / 17)
		KTEST_EXPECT_EQ(test, virt_to_phys(phys_to_virt(phys)), phys);
	KTEST_EXPECT_EQ(test, virt_to_phys(phys_to_virt(boundary - 1)),
			boundary - 1);
	/* The boundary: the first byte past lowmem has no permanent address. */
	KTEST_EXPECT_EQ(test, phys_to_virt(boundary), 0);
	KTEST_EXPECT_FALSE(test, needs_highmem(boundary - 1));
	KTEST_EXPECT_TRUE(test, needs_highmem(boundary));
	KTEST_EXPECT_EQ(test, phys_to_virt((u64)max_pfn << PAGE_SHIFT), 0);
	KTEST_EXPECT_TRUE(test, is_identity_mapped(PAGE_OFFSET));
	KTEST_EXPECT_TRUE(test,
			  is_identity_mapped((unsigned long)high_memory - 1));
	KTEST_EXPECT_FALSE(test,
			   is_identity_mapped((unsigned long)high_memory));
	KTEST_EXPECT_FALSE(test, is_identity_mapped(PAGE_OFFSET - 1));
	KTEST_EXPECT_FALSE(test, is_identity_mapped(VMALLOC_START));
	/* Elsewhere the page tables answer, or nothing does. */
	vbuf = vmalloc(2 * PAGE_SIZE);
	KTEST_ASSERT_NOT_NULL(test, vbuf);
	KTEST_EXPECT_EQ(
		test, virt_to_phys((unsigned long)vbuf + PAGE_SIZE + 5),
		page_to_phys(vmalloc_to_page((char *)vbuf + PAGE_SIZE)) + 5);
	KTEST_EXPECT_EQ(test, virt_to_phys((unsigned long)vbuf + 2 * PAGE_SIZE),
			(u64)-1); /* its guard page */
	vfree(vbuf);
	KTEST_EXPECT_EQ(test, virt_to_phys(0), (u64)-1);
	KTEST_EXPECT_EQ(test, virt_to_phys(0x100000000ULL), (u64)-1);
}

static void test_vmalloc(struct ktest *test)
{
	unsigned long size = 1024 * 1024, used = vmalloc_nr_pages();
	char *buf = my_vmalloc(size);
	char byte;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(buf));
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used + size / PAGE_SIZE);
	/* Usable across every page boundary. */
	for (unsigned long off = 0; off < size; off += PAGE_SIZE / 2)
		buf[off] = (char)(off >> 11);
	for (unsigned long off = 0; off < size; off += PAGE_SIZE / 2)
		KTEST_ASSERT_EQ(test, buf[off], (char)(off >> 11));
	my_vfree(buf);
	KTEST_EXPECT_EQ(test, vmalloc_nr_pages(), used);
	vmalloc_purge();
	KTEST_EXPECT_EQ(test, get_kernel_nofault(byte, buf), -EFAULT);
	my_vfree(NULL);
	KTEST_EXPECT_NULL(test, my_vmalloc(0)); /* a WARN, and nothing else */
}

static void test_kmalloc(struct ktest *test)
{
	char *buf = my_kmalloc(4096, GFP_KERNEL), *dma;
	u64 phys;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_TRUE(test, is_identity_mapped((unsigned long)buf));
	KTEST_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)buf, 4096));
	phys = virt_to_phys((unsigned long)buf);
	/* Physically contiguous: every byte where the arithmetic says. */
	for (unsigned long off = 0; off < 4096; off += 512)
		KTEST_EXPECT_EQ(test, virt_to_phys((unsigned long)buf + off),
				phys + off);
	memset(buf, 0x33, 4096);
	my_kfree(buf);

	buf = my_kmalloc(8 * PAGE_SIZE, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, buf);
	phys = virt_to_phys((unsigned long)buf);
	for (int i = 0; i < 8; i++)
		KTEST_EXPECT_EQ(
			test, virt_to_phys((unsigned long)buf + i * PAGE_SIZE),
			phys + i * PAGE_SIZE);
	my_kfree(buf);

	dma = my_kmalloc(100, GFP_DMA);
	KTEST_ASSERT_NOT_NULL(test, dma);
	KTEST_EXPECT_LT(test, virt_to_phys((unsigned long)dma),
			MAX_DMA_ADDRESS);
	my_kfree(dma);
	my_kfree(NULL);
	KTEST_EXPECT_PTR_EQ(test, my_kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static const slab_cache_info_t *find_info(const slab_cache_info_t *caches,
					  int count, const char *name)
{
	for (int i = 0; i < count; i++)
		if (!strcmp(caches[i].name, name))
			return &caches[i];
	return NULL;
}

static void test_slab_info(struct ktest *test)
{
	slab_cache_info_t *before, *after;
	const slab_cache_info_t *b, *a;
	int n_before, n_after, n_list = 0;
	struct kmem_cache *s;
	void *obj;

	KTEST_EXPECT_EQ(test, get_slab_caches(NULL, &n_before), -EINVAL);
	KTEST_EXPECT_EQ(test, get_slab_caches(&before, NULL), -EINVAL);
	KTEST_ASSERT_EQ(test, get_slab_caches(&before, &n_before), 0);
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		n_list++;
	mutex_unlock(&slab_mutex);
	KTEST_EXPECT_EQ(test, n_before, n_list);
	for (int i = 0; i < n_before; i++) {
		KTEST_EXPECT_LE(test, before[i].active_objs,
				before[i].total_objs);
		KTEST_EXPECT_EQ(test, before[i].total_objs,
				before[i].total_slabs *
					(u64)before[i].objects_per_slab);
		KTEST_EXPECT_LE(test, before[i].active_slabs,
				before[i].total_slabs);
		KTEST_EXPECT_LE(test, before[i].object_size,
				before[i].slab_size);
	}
	/* One kmalloc(64) object more: the kmalloc-64 count moves by one. */
	obj = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, obj);
	KTEST_ASSERT_EQ(test, get_slab_caches(&after, &n_after), 0);
	b = find_info(before, n_before, "kmalloc-64");
	a = find_info(after, n_after, "kmalloc-64");
	KTEST_ASSERT_NOT_NULL(test, b);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_EXPECT_EQ(test, a->active_objs, b->active_objs + 1);
	KTEST_EXPECT_EQ(test, a->object_size, 64);
	kfree(obj);
	kfree(before);
	kfree(after);
}

/* A zone and an order at which GFP_KERNEL's first zone has a free block. */
static int order_with_free_block(struct zone *zone)
{
	for (int o = 0; o < MAX_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return o;
	return -1;
}

static void test_buddy_info(struct ktest *test)
{
	buddy_order_info_t before[MAX_ORDER + 2], after[MAX_ORDER];
	struct zone *zone = populated_zone(&zones[ZONE_NORMAL]) ?
				    &zones[ZONE_NORMAL] :
				    &zones[ZONE_DMA];
	struct page *page;
	int order;

	/*
	 * Pages on the per-CPU lists are not in the buddy lists (as in
	 * Linux's buddyinfo): empty them, so that the allocation below comes
	 * from the buddy allocator and the free goes back to it.
	 */
	drain_all_pages();
	order = order_with_free_block(zone);
	KTEST_EXPECT_EQ(test, get_buddy_info(NULL, MAX_ORDER), -EINVAL);
	KTEST_EXPECT_EQ(test, get_buddy_info(before, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, get_buddy_info(before, -1), -EINVAL);
	KTEST_EXPECT_EQ(test, get_buddy_info(before, 3), 3);
	KTEST_ASSERT_EQ(test, get_buddy_info(before, MAX_ORDER + 2), MAX_ORDER);
	for (int o = 0; o < MAX_ORDER; o++) {
		u64 sum = 0;

		for (int z = 0; z < MAX_NR_ZONES; z++)
			sum += zones[z].free_area[o].nr_free;
		KTEST_EXPECT_EQ(test, before[o].order, o);
		KTEST_EXPECT_EQ(test, before[o].free_count, sum);
	}
	/* Taking a block of an order that has one free moves only that count. */
	KTEST_ASSERT_GE(test, order, 0);
	page = alloc_pages(zone->type == ZONE_DMA ? GFP_DMA : GFP_KERNEL,
			   (unsigned int)order);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_EQ(test, get_buddy_info(after, MAX_ORDER), MAX_ORDER);
	for (int o = 0; o < MAX_ORDER; o++)
		KTEST_EXPECT_EQ(test, after[o].free_count,
				before[o].free_count - (o == order));
	__free_pages(page, (unsigned int)order);
	drain_all_pages();
	KTEST_ASSERT_EQ(test, get_buddy_info(after, MAX_ORDER), MAX_ORDER);
	for (int o = 0; o < MAX_ORDER; o++)
		KTEST_EXPECT_EQ(test, after[o].free_count,
				before[o].free_count);
}

static void test_gfp_flags(struct ktest *test)
{
	printk_mark_t mark = printk_mark();

	KTEST_EXPECT_STREQ(test, gfp_flags_string(GFP_KERNEL), "GFP_KERNEL");
	KTEST_EXPECT_STREQ(test, gfp_flags_string(GFP_ATOMIC), "GFP_ATOMIC");
	KTEST_EXPECT_STREQ(
		test, gfp_flags_string((gfp_flags_t)(GFP_KERNEL | GFP_ZERO)),
		"GFP_KERNEL | GFP_ZERO");
	KTEST_EXPECT_STREQ(
		test, gfp_flags_string((gfp_flags_t)(GFP_ATOMIC | GFP_DMA)),
		"GFP_ATOMIC | GFP_DMA");
	KTEST_EXPECT_STREQ(test, gfp_flags_string((gfp_flags_t)GFP_HIGHUSER),
			   "GFP_HIGHUSER");
	KTEST_EXPECT_STREQ(test,
			   gfp_flags_string((gfp_flags_t)(GFP_KERNEL | 0x1000)),
			   "GFP_KERNEL | 0x1000");
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("process"), GFP_KERNEL);
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("interrupt"), GFP_ATOMIC);
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("dma"), GFP_DMA);
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("dma32"), GFP_DMA32);
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("user"), GFP_USER);
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("highuser"), GFP_HIGHUSER);
	KTEST_EXPECT_NO_LOG(test, mark, "recommend_gfp_flags: unknown");
	KTEST_EXPECT_EQ(test, recommend_gfp_flags("bottom half"), GFP_KERNEL);
	KTEST_EXPECT_LOG(
		test, mark,
		"recommend_gfp_flags: unknown context \"bottom half\"");
	KTEST_EXPECT_EQ(test, recommend_gfp_flags(NULL), GFP_KERNEL);
	KTEST_EXPECT_LOG(test, mark, "unknown context \"(null)\"");
	/* The recommendation does what it says: GFP_DMA memory is below 16 MB. */
	KTEST_EXPECT_EQ(test, gfp_zone(recommend_gfp_flags("dma")), ZONE_DMA);
	KTEST_EXPECT_EQ(test, gfp_zone(recommend_gfp_flags("highuser")),
			ZONE_HIGHMEM);
}

/* "  start_pfn:           4096" etc. of zone `name` in /proc/zoneinfo. */
static bool zoneinfo_field(const char *text, const char *zone,
			   const char *field, unsigned long *val)
{
	char header[48];
	const char *p, *next;

	snprintf(header, sizeof(header), "Node 0, zone %8s\n", zone);
	p = strstr(text, header);
	if (!p)
		return false;
	next = strstr(p + 1, "Node 0, zone");
	p = strstr(p, field);
	if (!p || (next && p > next))
		return false;
	*val = simple_strtoul(skip_spaces(p + strlen(field)), NULL, 10);
	return true;
}

static void test_zone_info(struct ktest *test)
{
	static char text[8192];
	zone_info_t *info;
	int count;
	u64 first_ram = (u64)zones[ZONE_DMA].zone_start_pfn;

	KTEST_EXPECT_EQ(test, get_zone_info(NULL, &count), -EINVAL);
	KTEST_EXPECT_EQ(test, get_zone_info(&info, NULL), -EINVAL);
	KTEST_ASSERT_EQ(test, get_zone_info(&info, &count), 0);
	KTEST_ASSERT_EQ(test, count, MAX_NR_ZONES);
	/* The zones tile [first RAM pfn, max_pfn), in the enum's order. */
	KTEST_EXPECT_EQ(test, info[0].start_pfn, first_ram);
	for (int i = 0; i < count; i++) {
		KTEST_EXPECT_EQ(test, info[i].type, i);
		KTEST_EXPECT_LE(test, info[i].start_pfn, info[i].end_pfn);
		KTEST_EXPECT_LE(test, info[i].free_pages,
				info[i].managed_pages);
		if (i)
			KTEST_EXPECT_EQ(test, info[i].start_pfn,
					info[i - 1].end_pfn);
	}
	KTEST_EXPECT_EQ(test, info[count - 1].end_pfn, max_pfn);
	KTEST_EXPECT_EQ(test, info[ZONE_DMA32].start_pfn,
			info[ZONE_DMA32].end_pfn);
	KTEST_EXPECT_EQ(test, info[ZONE_MOVABLE].start_pfn,
			info[ZONE_MOVABLE].end_pfn);
	/* HighMem starts where needs_highmem() starts saying yes. */
	if (info[ZONE_HIGHMEM].end_pfn > info[ZONE_HIGHMEM].start_pfn)
		KTEST_EXPECT_EQ(test, info[ZONE_HIGHMEM].start_pfn,
				max_low_pfn);
	/* And /proc/zoneinfo says the same. */
	KTEST_ASSERT_GT(test, proc_read("zoneinfo", text, sizeof(text)), 0);
	for (int i = 0; i < count; i++) {
		unsigned long start, spanned, managed, free;

		if (info[i].start_pfn == info[i].end_pfn)
			continue;
		KTEST_ASSERT_TRUE(test, zoneinfo_field(text, info[i].name,
						       "start_pfn:", &start));
		KTEST_ASSERT_TRUE(test, zoneinfo_field(text, info[i].name,
						       "spanned", &spanned));
		KTEST_ASSERT_TRUE(test, zoneinfo_field(text, info[i].name,
						       "managed", &managed));
		KTEST_ASSERT_TRUE(test, zoneinfo_field(text, info[i].name,
						       "pages free", &free));
		KTEST_EXPECT_EQ(test, info[i].start_pfn, start);
		KTEST_EXPECT_EQ(test, info[i].end_pfn - info[i].start_pfn,
				spanned);
		KTEST_EXPECT_EQ(test, info[i].managed_pages, managed);
		KTEST_EXPECT_EQ(test, info[i].free_pages, free);
	}
	kfree(info);
}

static const struct ktest_case ex04_cases[] = { KTEST_CASE(test_kernel_layout),
						KTEST_CASE(test_direct_mapping),
						KTEST_CASE(test_vmalloc),
						KTEST_CASE(test_kmalloc),
						KTEST_CASE(test_slab_info),
						KTEST_CASE(test_buddy_info),
						KTEST_CASE(test_gfp_flags),
						KTEST_CASE(test_zone_info),
						{} };
KTEST_SUITE(ex04, ex04_cases);
