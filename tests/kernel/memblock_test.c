// SPDX-License-Identifier: GPL-2.0
/*
 * memblock_test.c - verifies that the boot-time allocator described the
 * machine truthfully and handed it over completely: memblock.memory is the
 * usable e820 RAM (page-aligned, below max_pfn, without page 0 and the
 * legacy ISA hole), memblock.reserved holds what the kernel took (its image,
 * the first 64 KB, mem_map, the page tables), both lists are sorted and
 * disjoint, the free-range walk is exactly memory minus reserved, and after
 * memblock retired every free page belongs to the buddy allocator while
 * every reserved one is still PageReserved.
 *
 * Every expectation comes from e820_table, memblock and the pfn limits, so
 * the cases hold at every memory size; page flags are checked on a sample.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <kernel.h>
#include <ktest.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>

extern char _text[], _end[], __init_begin[], __init_end[];

#define LEGACY_HOLE_START 0x000a0000 /* VGA memory and ROMs, below 1 MB */
#define LEGACY_HOLE_END 0x00100000
#define RESERVE_LOW_SIZE 0x10000 /* the first 64 KB, as Linux */
#define SAMPLES 2048 /* pages whose flags a walk checks */

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* The region of `type` that contains addr, or NULL. */
static const struct memblock_region *
find_region(const struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr < region_end(&type->regions[i]))
			return &type->regions[i];
	return NULL;
}

/* Is every byte of [start, end) in memblock.reserved? */
static bool range_is_reserved(phys_addr_t start, phys_addr_t end)
{
	while (start < end) {
		const struct memblock_region *r =
			find_region(&memblock.reserved, start);

		if (!r)
			return false;
		start = region_end(r);
	}
	return true;
}

/* Bytes of [start, end) that lie in memblock.memory. */
static phys_addr_t bytes_of_memory_in(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t bytes = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t s = max(start, m->base);
		phys_addr_t e = min(end, region_end(m));

		if (s < e)
			bytes += e - s;
	}
	return bytes;
}

static bool same_name(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The pages of .init, given back by free_initmem() at the end of boot. */
static unsigned long initmem_start_pfn(void)
{
	return __pa(PAGE_ALIGN((unsigned long)__init_begin)) >> PAGE_SHIFT;
}

static unsigned long initmem_end_pfn(void)
{
	return max(__pa(__init_end) >> PAGE_SHIFT, initmem_start_pfn());
}

static bool pfn_is_initmem(unsigned long pfn)
{
	return pfn >= initmem_start_pfn() && pfn < initmem_end_pfn();
}

static void memblock_memory_is_the_usable_e820_ram(struct ktest *test)
{
	static struct {
		phys_addr_t base, end;
	} want[E820_MAX_ENTRIES];
	u64 limit = (u64)max_pfn << PAGE_SHIFT;
	phys_addr_t total = 0;
	unsigned long n = 0;

	/* The usable e820 ranges, trimmed to whole pages below max_pfn. */
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN(e->addr, (u64)PAGE_SIZE);
		u64 end = min(ALIGN_DOWN(e->addr + e->size, (u64)PAGE_SIZE),
			      limit);

		if (e->type != E820_TYPE_RAM || start >= end)
			continue;
		if (n && want[n - 1].end == start) {
			want[n - 1].end = end; /* touching ranges merge */
			continue;
		}
		want[n].base = start;
		want[n].end = end;
		n++;
	}

	KTEST_ASSERT_GT(test, n, 0);
	KTEST_ASSERT_EQ(test, memblock.memory.cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		KTEST_EXPECT_EQ(test, r->base, want[i].base);
		KTEST_EXPECT_EQ(test, region_end(r), want[i].end);
		total += r->size;
	}
	KTEST_EXPECT_EQ(test, memblock.memory.total_size, total);
	KTEST_EXPECT_EQ(test, memblock_phys_mem_size(), total);
	/* The last page of RAM is the last pfn that has a struct page. */
	KTEST_EXPECT_EQ(test, region_end(&memblock.memory.regions[n - 1]),
			(phys_addr_t)max_pfn << PAGE_SHIFT);
}

static void
memblock_memory_leaves_out_page_0_and_the_legacy_hole(struct ktest *test)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		KTEST_EXPECT_TRUE(test, IS_ALIGNED(r->base, PAGE_SIZE));
		KTEST_EXPECT_TRUE(test, IS_ALIGNED(r->size, PAGE_SIZE));
		KTEST_EXPECT_GE(test, r->base, PAGE_SIZE);
		KTEST_EXPECT_LE(test, region_end(r),
				(phys_addr_t)max_pfn << PAGE_SHIFT);
		/* Nothing of [640 KB, 1 MB) */
		KTEST_EXPECT_TRUE(test, region_end(r) <= LEGACY_HOLE_START ||
						r->base >= LEGACY_HOLE_END);
	}
	KTEST_EXPECT_FALSE(test, memblock_is_memory(0));
	KTEST_EXPECT_FALSE(test, memblock_is_memory(PAGE_SIZE - 1));
	KTEST_EXPECT_FALSE(test, memblock_is_memory(LEGACY_HOLE_START));
	KTEST_EXPECT_FALSE(test, memblock_is_memory(LEGACY_HOLE_END - 1));
	KTEST_EXPECT_FALSE(test, memblock_is_memory((phys_addr_t)max_pfn
						    << PAGE_SHIFT));
	KTEST_EXPECT_TRUE(test, memblock_is_memory(PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, memblock_is_memory(LEGACY_HOLE_END));
}

static void check_sorted_and_disjoint(struct ktest *test,
				      const struct memblock_type *type)
{
	phys_addr_t total = 0;

	KTEST_ASSERT_GT(test, type->cnt, 0);
	KTEST_ASSERT_LE(test, type->cnt, INIT_MEMBLOCK_REGIONS);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		KTEST_EXPECT_GT(test, r->size, 0);
		total += r->size;
		if (i == 0)
			continue;
		KTEST_EXPECT_LE(test, region_end(r - 1), r->base);
		/* Touching regions with the same name would have merged. */
		if (region_end(r - 1) == r->base)
			KTEST_EXPECT_FALSE(test,
					   same_name(r[-1].name, r->name));
	}
	KTEST_EXPECT_EQ(test, type->total_size, total);
}

static void memblock_regions_are_sorted_and_disjoint(struct ktest *test)
{
	check_sorted_and_disjoint(test, &memblock.memory);
	check_sorted_and_disjoint(test, &memblock.reserved);
	KTEST_EXPECT_EQ(test, memblock_reserved_size(),
			memblock.reserved.total_size);
}

static void
memblock_reserved_holds_the_kernel_image_and_low_64k(struct ktest *test)
{
	const struct memblock_region *r;

	KTEST_EXPECT_TRUE(test, range_is_reserved(__pa(_text), __pa(_end)));
	r = find_region(&memblock.reserved, __pa(_text));
	KTEST_ASSERT_NOT_NULL(test, r);
	KTEST_EXPECT_STREQ(test, r->name, "kernel image");
	KTEST_EXPECT_TRUE(test, range_is_reserved(0, RESERVE_LOW_SIZE));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(0));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(RESERVE_LOW_SIZE - 1));
	KTEST_EXPECT_TRUE(test, memblock_is_reserved(__pa(_end) - 1));
}

/* The page table behind a PDE, if it is one that memblock allocated. */
static bool pde_is_boot_pgtable(pgd_t pgd)
{
	return pgd_present(pgd) && !pgd_large(pgd) &&
	       (pgd & PAGE_MASK) != __pa(fixmap_pgtable);
}

static void memblock_reserved_holds_mem_map_and_page_tables(struct ktest *test)
{
	phys_addr_t map = __pa(mem_map);
	phys_addr_t map_end = __pa(mem_map + max_pfn);
	unsigned long first = pgd_index(PAGE_OFFSET);
	unsigned long last = pgd_index((unsigned long)high_memory - 1);
	phys_addr_t pgtable_bytes = 0;
	unsigned long tables = 0;
	const struct memblock_region *r;

	KTEST_EXPECT_TRUE(test, range_is_reserved(map, map_end));
	r = find_region(&memblock.reserved, map);
	KTEST_ASSERT_NOT_NULL(test, r);
	KTEST_EXPECT_STREQ(test, r->name, "mem_map");
	KTEST_EXPECT_GE(test, region_end(r), map_end);

	/* The direct map's page tables and pkmap's: all from memblock. */
	for (unsigned long i = first; i <= last + 1; i++) {
		unsigned long idx = i <= last ? i : pgd_index(PKMAP_BASE);
		pgd_t pgd = swapper_pg_dir[idx];

		if (!pde_is_boot_pgtable(pgd))
			continue;
		tables++;
		r = find_region(&memblock.reserved, pgd & PAGE_MASK);
		KTEST_ASSERT_NOT_NULL(test, r);
		KTEST_EXPECT_STREQ(test, r->name, "page tables");
		KTEST_EXPECT_GE(test, region_end(r),
				(pgd & PAGE_MASK) + PAGE_SIZE);
	}
	KTEST_EXPECT_GT(test, tables, 0);
	/* ... and memblock gave out no other page tables. */
	for (unsigned long i = 0; i < memblock.reserved.cnt; i++)
		if (same_name(memblock.reserved.regions[i].name, "page tables"))
			pgtable_bytes += memblock.reserved.regions[i].size;
	KTEST_EXPECT_EQ(test, pgtable_bytes, (phys_addr_t)tables * PAGE_SIZE);
}

static void
memblock_next_free_range_walks_memory_minus_reserved(struct ktest *test)
{
	phys_addr_t start, end, prev_end = 0, walked = 0, reserved_ram = 0;
	unsigned long ranges = 0;
	u64 i = 0;

	while (memblock_next_free_range(&i, &start, &end)) {
		const struct memblock_region *m =
			find_region(&memblock.memory, start);

		KTEST_ASSERT_LT(test, start, end);
		if (ranges++)
			KTEST_EXPECT_GT(test, start, prev_end);
		/* Inside one memory region, touching no reserved byte... */
		KTEST_ASSERT_NOT_NULL(test, m);
		KTEST_EXPECT_LE(test, end, region_end(m));
		for (unsigned long r = 0; r < memblock.reserved.cnt; r++) {
			const struct memblock_region *rr =
				&memblock.reserved.regions[r];

			KTEST_EXPECT_TRUE(test, region_end(rr) <= start ||
							rr->base >= end);
		}
		/* ... and as large as it can be. */
		if (start != m->base)
			KTEST_EXPECT_TRUE(test,
					  memblock_is_reserved(start - 1));
		if (end != region_end(m))
			KTEST_EXPECT_TRUE(test, memblock_is_reserved(end));
		walked += end - start;
		prev_end = end;
	}
	KTEST_EXPECT_EQ(test, i, ~0ULL);
	KTEST_EXPECT_FALSE(test, memblock_next_free_range(&i, &start, &end));

	for (unsigned long r = 0; r < memblock.reserved.cnt; r++)
		reserved_ram += bytes_of_memory_in(
			memblock.reserved.regions[r].base,
			region_end(&memblock.reserved.regions[r]));
	KTEST_EXPECT_GT(test, ranges, 0);
	KTEST_EXPECT_EQ(test, walked,
			memblock.memory.total_size - reserved_ram);
}

static void
memblock_is_memory_and_is_reserved_follow_the_regions(struct ktest *test)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *rsv = &memblock.reserved;

	for (unsigned long i = 0; i < mem->cnt; i++) {
		const struct memblock_region *r = &mem->regions[i];

		KTEST_EXPECT_TRUE(test, memblock_is_memory(r->base));
		KTEST_EXPECT_TRUE(test, memblock_is_memory(region_end(r) - 1));
		/* Memory regions never touch: they would have merged. */
		KTEST_EXPECT_FALSE(test, memblock_is_memory(region_end(r)));
		KTEST_EXPECT_FALSE(test, memblock_is_memory(r->base - 1));
	}
	for (unsigned long i = 0; i < rsv->cnt; i++) {
		const struct memblock_region *r = &rsv->regions[i];
		bool next_touches = i + 1 < rsv->cnt &&
				    rsv->regions[i + 1].base == region_end(r);
		bool prev_touches = i > 0 &&
				    region_end(&rsv->regions[i - 1]) == r->base;

		KTEST_EXPECT_TRUE(test, memblock_is_reserved(r->base));
		KTEST_EXPECT_TRUE(test,
				  memblock_is_reserved(region_end(r) - 1));
		KTEST_EXPECT_EQ(test, memblock_is_reserved(region_end(r)),
				next_touches);
		if (r->base)
			KTEST_EXPECT_EQ(test, memblock_is_reserved(r->base - 1),
					prev_touches);
	}
}

static void
memblock_allocates_top_down_below_the_current_limit(struct ktest *test)
{
	phys_addr_t limit = (phys_addr_t)max_low_pfn << PAGE_SHIFT;
	phys_addr_t map_size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	phys_addr_t lowest_pgtable = limit, start, end;
	const struct memblock_region *map;
	u64 i = 0;

	/* Everything memblock allocates must be reachable by __va(). */
	KTEST_EXPECT_EQ(test, memblock.current_limit, limit);
	map = find_region(&memblock.reserved, __pa(mem_map));
	KTEST_ASSERT_NOT_NULL(test, map);
	KTEST_EXPECT_LE(test, region_end(map), limit);
	for (unsigned long r = 0; r < memblock.reserved.cnt; r++) {
		const struct memblock_region *rr =
			&memblock.reserved.regions[r];

		if (!same_name(rr->name, "page tables"))
			continue;
		KTEST_EXPECT_LE(test, region_end(rr), limit);
		lowest_pgtable = min(lowest_pgtable, rr->base);
	}
	KTEST_EXPECT_LT(test, lowest_pgtable, limit);

	/*
	 * Top-down: the page tables came first, one page at a time, so no free
	 * page is left above them; then mem_map took the highest gap that was
	 * big enough, so every free gap above it is smaller than mem_map.
	 */
	while (memblock_next_free_range(&i, &start, &end)) {
		phys_addr_t s = max(start, region_end(map));
		phys_addr_t e = min(end, limit);

		KTEST_EXPECT_TRUE(test, min(end, limit) <= lowest_pgtable ||
						start >= limit);
		if (s < e)
			KTEST_EXPECT_LT(test, e - s, map_size);
	}
}

/* A free page must be the buddy allocator's: not reserved, in its zone. */
static void check_buddy_owned(struct ktest *test, unsigned long pfn)
{
	struct page *page;

	KTEST_ASSERT_LT(test, pfn, max_pfn);
	page = pfn_to_page(pfn);
	KTEST_EXPECT_FALSE(test, PageReserved(page));
	KTEST_EXPECT_TRUE(test, zone_spans_pfn(page_zone(page), pfn));
}

static void
memblock_free_ranges_are_owned_by_the_buddy_allocator(struct ktest *test)
{
	unsigned long free_pfns = 0, checked = 0, stride;
	phys_addr_t start, end;
	u64 i = 0;

	while (memblock_next_free_range(&i, &start, &end))
		free_pfns +=
			(unsigned long)(ALIGN_DOWN(end, PAGE_SIZE) >>
					PAGE_SHIFT) -
			(unsigned long)(ALIGN(start, PAGE_SIZE) >> PAGE_SHIFT);
	KTEST_ASSERT_GT(test, free_pfns, 0);
	stride = max(free_pfns / SAMPLES, 1UL);

	/* A sample of each range, with its first and last page. */
	i = 0;
	while (memblock_next_free_range(&i, &start, &end)) {
		unsigned long first =
			(unsigned long)(ALIGN(start, PAGE_SIZE) >> PAGE_SHIFT);
		unsigned long end_pfn = (unsigned long)(end >> PAGE_SHIFT);

		for (unsigned long pfn = first; pfn < end_pfn; pfn += stride) {
			check_buddy_owned(test, pfn);
			checked++;
		}
		if (first < end_pfn)
			check_buddy_owned(test, end_pfn - 1);
	}
	KTEST_EXPECT_GE(test, checked, min(free_pfns, (unsigned long)SAMPLES));

	/* The buddy allocator owns those pages and the freed .init, no more. */
	KTEST_EXPECT_EQ(test, totalram_pages(),
			free_pfns + initmem_end_pfn() - initmem_start_pfn());
}

static void
memblock_reserved_ram_and_holes_stay_page_reserved(struct ktest *test)
{
	unsigned long checked = 0, holes = 0, pfn = 0;

	/* Every page touched by a reservation (there are a few thousand). */
	for (unsigned long r = 0; r < memblock.reserved.cnt; r++) {
		const struct memblock_region *rr =
			&memblock.reserved.regions[r];
		unsigned long end = (unsigned long)min(
			PAGE_ALIGN(region_end(rr)) >> PAGE_SHIFT,
			(phys_addr_t)max_pfn);

		for (pfn = (unsigned long)(rr->base >> PAGE_SHIFT); pfn < end;
		     pfn++) {
			if (pfn_is_initmem(pfn))
				continue;
			KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
			checked++;
		}
	}
	KTEST_EXPECT_GT(test, checked, 0);

	/* Holes between the memory regions (no RAM there) are reserved too. */
	for (unsigned long m = 0; m <= memblock.memory.cnt; m++) {
		unsigned long hole_end =
			m < memblock.memory.cnt ?
				(unsigned long)(memblock.memory.regions[m]
							.base >>
						PAGE_SHIFT) :
				max_pfn;

		for (; pfn < hole_end; pfn++, holes++)
			KTEST_EXPECT_TRUE(test, PageReserved(pfn_to_page(pfn)));
		if (m < memblock.memory.cnt)
			pfn = (unsigned long)(region_end(
						      &memblock.memory
							       .regions[m]) >>
					      PAGE_SHIFT);
	}
	KTEST_EXPECT_GE(test, holes, 1); /* page 0 at least */

	/* .init was handed back at the end of boot. */
	for (pfn = initmem_start_pfn(); pfn < initmem_end_pfn(); pfn++)
		KTEST_EXPECT_FALSE(test, PageReserved(pfn_to_page(pfn)));
}

static const struct ktest_case memblock_cases[] = {
	KTEST_CASE(memblock_memory_is_the_usable_e820_ram),
	KTEST_CASE(memblock_memory_leaves_out_page_0_and_the_legacy_hole),
	KTEST_CASE(memblock_regions_are_sorted_and_disjoint),
	KTEST_CASE(memblock_reserved_holds_the_kernel_image_and_low_64k),
	KTEST_CASE(memblock_reserved_holds_mem_map_and_page_tables),
	KTEST_CASE(memblock_next_free_range_walks_memory_minus_reserved),
	KTEST_CASE(memblock_is_memory_and_is_reserved_follow_the_regions),
	KTEST_CASE(memblock_allocates_top_down_below_the_current_limit),
	KTEST_CASE(memblock_free_ranges_are_owned_by_the_buddy_allocator),
	KTEST_CASE(memblock_reserved_ram_and_holes_stay_page_reserved),
	{}
};
KTEST_SUITE(memblock, memblock_cases);
