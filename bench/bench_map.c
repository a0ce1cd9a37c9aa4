// SPDX-License-Identifier: GPL-2.0
/*
 * bench_map.c - benchmarks of temporary mappings and of a fixed-up fault.
 *
 * kmap() + kunmap() comes in four cases, because the pkmap design makes
 * them cost very different amounts:
 *  - a lowmem page: kmap returns its direct-map address, kunmap nothing;
 *  - a highmem page whose slot is cached: kunmap left its slot at count 1
 *    (stale but mapped), so the next kmap finds it in the hash and only
 *    counts a user: no PTE is written;
 *  - a new highmem page: a free slot is found at the cursor and its PTE
 *    written.  The loop walks a ring of 2 * LAST_PKMAP pages, so a page
 *    comes back only after the wrap flush took its slot away; every 1024
 *    kmaps one wrap flush happens, and its share is in this row;
 *  - one wrap flush alone: all 1024 slots stale, then the flush that a
 *    wrap triggers (kmap_flush_unused() is the same function): clear every
 *    stale slot and flush the whole TLB once, on every CPU: with several,
 *    an IPI to each other CPU and the wait for its answer (the row's note
 *    counts them, from the TLB row of /proc/interrupts).
 * kmap_local_page() + kunmap_local(): a lowmem page, and a highmem page
 * (one PTE write to map, a PTE clear and an INVLPG to unmap).
 *
 * get_kernel_nofault() of an address in the guard gap after lowmem, which
 * is never mapped: one page fault, the exception table's fixup, the
 * return of -EFAULT.  No floor: the fault's entry and exit are the job.
 */
#include <asm/hardirq.h>
#include <asm/memlayout.h>
#include <bench.h>
#include <cpumask.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <uaccess.h>

#define RING_PAGES (2 * LAST_PKMAP)

static struct page *bench_page;
static struct page **ring;
static unsigned int ring_pos;

static const char *lowmem_page_setup(void)
{
	bench_page = alloc_page(GFP_KERNEL);
	return bench_page ? NULL : "no memory";
}

static const char *highmem_page_setup(void)
{
	bench_page = alloc_page(GFP_HIGHMEM);
	if (bench_page && PageHighMem(bench_page))
		return NULL;
	if (bench_page)
		__free_page(bench_page);
	return "no highmem at this size";
}

static void page_teardown(void)
{
	kmap_flush_unused(); /* the page leaves no stale slot behind */
	__free_page(bench_page);
}

/*
 * kmap(), kunmap(), kmap_local_page() and kunmap_local() are inline (their
 * lowmem cases entirely): bench_use() stands for the use of the mapping,
 * so that neither the address nor what the map wrote can be optimised out.
 */
static void bench_kmap(unsigned long n)
{
	while (n--) {
		bench_use(kmap(bench_page));
		kunmap(bench_page);
	}
}

static void bench_kmap_local(unsigned long n)
{
	while (n--) {
		void *addr = kmap_local_page(bench_page);

		bench_use(addr);
		kunmap_local(addr);
	}
}

static void ring_free(unsigned int nr)
{
	while (nr--)
		__free_page(ring[nr]);
	kfree(ring);
}

/* RING_PAGES highmem pages, none of them mapped. */
static const char *ring_setup(void)
{
	ring = kmalloc_array(RING_PAGES, sizeof(*ring), GFP_KERNEL);
	if (!ring)
		return "no memory";
	for (unsigned int i = 0; i < RING_PAGES; i++) {
		ring[i] = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
		if (!ring[i] || !PageHighMem(ring[i])) {
			ring_free(i + !!ring[i]);
			return "not enough highmem at this size";
		}
	}
	kmap_flush_unused();
	ring_pos = 0;
	return NULL;
}

static void ring_teardown(void)
{
	kmap_flush_unused();
	ring_free(RING_PAGES);
}

static void bench_kmap_new(unsigned long n)
{
	while (n--) {
		struct page *page = ring[ring_pos++ % RING_PAGES];

		bench_use(kmap(page));
		kunmap(page);
	}
}

/* Before each flush: kmap and kunmap new pages until every slot is stale. */
static void wrap_prepare(void)
{
	struct pkmap_state st;

	for (pkmap_get_state(&st); st.stale < LAST_PKMAP;
	     pkmap_get_state(&st)) {
		struct page *page = ring[ring_pos++ % RING_PAGES];

		kmap(page);
		kunmap(page);
	}
}

/* The TLB IPIs all CPUs have answered so far (/proc/interrupts' TLB row). */
static unsigned long tlb_ipis(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += irq_stats(cpu)->irq_tlb_count;
	return sum;
}

/* The ring, and one flush, untimed, to say what a flush sends. */
static const char *wrap_setup(void)
{
	const char *skip = ring_setup();
	unsigned long ipis;

	if (skip)
		return skip;
	wrap_prepare();
	ipis = tlb_ipis();
	kmap_flush_unused();
	bench_note("each flush: %lu TLB IPI%s (%u CPU%s online)",
		   tlb_ipis() - ipis, tlb_ipis() - ipis == 1 ? "" : "s",
		   num_online_cpus(), num_online_cpus() > 1 ? "s" : "");
	return NULL;
}

static void bench_wrap_flush(unsigned long n)
{
	while (n--)
		kmap_flush_unused();
}

static void bench_nofault(unsigned long n)
{
	const u32 *addr = (const u32 *)((char *)high_memory + PAGE_SIZE);
	u32 val;

	while (n--)
		get_kernel_nofault(val, addr);
}

const struct bench_op bench_map_ops[] = {
	{ .id = "kmap_lowmem",
	  .desc = "kmap + kunmap, lowmem page",
	  .floor = "floor_pte",
	  .setup = lowmem_page_setup,
	  .run = bench_kmap,
	  .teardown = page_teardown },
	{ .id = "kmap_cached_highmem",
	  .desc = "kmap + kunmap, highmem page, slot cached",
	  .floor = "floor_pte",
	  .setup = highmem_page_setup,
	  .run = bench_kmap,
	  .teardown = page_teardown },
	{ .id = "kmap_new_highmem",
	  .desc = "kmap + kunmap, highmem page, new slot (wraps included)",
	  .floor = "floor_pte",
	  .setup = ring_setup,
	  .run = bench_kmap_new,
	  .teardown = ring_teardown },
	{ .id = "kmap_wrap_flush",
	  .desc = "one pkmap wrap flush (1024 stale slots, one TLB flush)",
	  .setup = wrap_setup,
	  .prepare = wrap_prepare,
	  .run = bench_wrap_flush,
	  .teardown = ring_teardown,
	  .once = true },
	{ .id = "kmap_local_lowmem",
	  .desc = "kmap_local_page + kunmap_local, lowmem page",
	  .floor = "floor_pte",
	  .setup = lowmem_page_setup,
	  .run = bench_kmap_local,
	  .teardown = page_teardown },
	{ .id = "kmap_local_highmem",
	  .desc = "kmap_local_page + kunmap_local, highmem page",
	  .floor = "floor_pte",
	  .setup = highmem_page_setup,
	  .run = bench_kmap_local,
	  .teardown = page_teardown },
	{ .id = "get_kernel_nofault_unmapped",
	  .desc = "get_kernel_nofault of an unmapped address (fault + fixup)",
	  .run = bench_nofault,
	  .shift = 4 },
	{}
};
