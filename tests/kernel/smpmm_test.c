// SPDX-License-Identifier: GPL-2.0
/*
 * smpmm_test.c - verifies the memory manager's per-CPU parts and the
 * mappings every CPU shares: each CPU allocates from a slab of its own,
 * and an object freed on another CPU still goes back to its slab; a kmap()
 * address is one mapping that every CPU reads alike, and its wrap flush is
 * a shootdown that reaches every other CPU (one TLB IPI each), while
 * kmap_local slots are each CPU's own, cost no IPI at all, and a
 * kunmap_local() of another CPU's slot is refused with a report.
 *
 * The cases that need a second CPU are skipped with one; the concurrent
 * stress of every allocator is in stress (teach/commands/stress.c).
 */
#include <asm/hardirq.h>
#include <bug.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <slab.h>
#include <smp.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>
#include <vmstat.h>
#include <workqueue.h>

#include "../../mm/slab_internal.h"
#include "smp_test_helpers.h"

/* A cache without debugging (ktest boots debug the others): cpu slabs. */
static struct kmem_cache *smpmm_cache;
static void *objs[NR_CPUS];

static struct kmem_cache *create_cache(struct ktest *test)
{
	smpmm_cache = kmem_cache_create("test-smpmm", 64, 0, SLAB_NO_USER_FLAGS,
					NULL);
	KTEST_ASSERT_NOT_NULL(test, smpmm_cache);
	return smpmm_cache;
}

static void alloc_here(struct work_struct *work)
{
	objs[smp_processor_id()] = kmem_cache_alloc(smpmm_cache, GFP_KERNEL);
}

static void smpmm_each_cpu_allocates_from_a_slab_of_its_own(struct ktest *test)
{
	struct kmem_cache *s = create_cache(test);
	unsigned int cpu, other;

	memset(objs, 0, sizeof(objs));
	schedule_on_each_cpu(alloc_here); /* every CPU at once */
	for_each_online_cpu(cpu) {
		struct page *slab;

		KTEST_ASSERT_NOT_NULL(test, objs[cpu]);
		slab = virt_to_slab(objs[cpu]);
		/* From that CPU's slab: no other CPU allocates from it. */
		KTEST_EXPECT_PTR_EQ(test, slab,
				    per_cpu_ptr(s->cpu_slab, cpu)->slab);
		KTEST_EXPECT_TRUE(test, slab->frozen);
		for_each_online_cpu(other)
			if (other != cpu)
				KTEST_EXPECT_PTR_NE(test, slab,
						    virt_to_slab(objs[other]));
	}
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), num_online_cpus());
	KTEST_EXPECT_EQ(test, atomic_long_read(&get_node(s, 0)->nr_slabs),
			num_online_cpus());
	for_each_online_cpu(cpu)
		kmem_cache_free(s, objs[cpu]); /* all freed here */
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s); /* every CPU flushes its slab: none is left */
	KTEST_EXPECT_NULL(test, find_kmem_cache("test-smpmm"));
}

static int alloc_on(void *arg)
{
	*(void **)arg = kmem_cache_alloc(smpmm_cache, GFP_KERNEL);
	return 0;
}

/* Freed here into another CPU's slab: onto the slab's own freelist. */
static void
smpmm_object_freed_on_another_cpu_goes_back_to_its_slab(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct kmem_cache *s = create_cache(test);
	unsigned long errors = slab_errors;
	printk_mark_t mark;
	struct page *slab;
	void *obj = NULL;

	smp_call_on_cpu(cpu, alloc_on, &obj, false);
	KTEST_ASSERT_NOT_NULL(test, obj);
	slab = virt_to_slab(obj);
	KTEST_EXPECT_PTR_EQ(test, slab, per_cpu_ptr(s->cpu_slab, cpu)->slab);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 1);
	KTEST_EXPECT_EQ(test, slab_objects_in_use(s, slab), 1);
	kmem_cache_free(s, obj);
	KTEST_EXPECT_PTR_EQ(test, slab->freelist, obj);
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	KTEST_EXPECT_EQ(test, slab_objects_in_use(s, slab), 0);
	/* A second free of it: the head of that list, reported. */
	mark = printk_mark();
	kmem_cache_free(s, obj);
	KTEST_EXPECT_EQ(test, slab_errors, errors + 1);
	KTEST_EXPECT_LOG(test, mark, "Object already free");
	KTEST_EXPECT_EQ(test, kmem_cache_active_objects(s), 0);
	kmem_cache_destroy(s);
}

struct peek {
	unsigned long addr;
	u32 word;
	int err;
};

static void peek_here(void *arg)
{
	struct peek *p = arg;

	p->err = get_kernel_nofault(p->word, (u32 *)p->addr);
}

static struct page *highmem_page_or_skip(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM);

	KTEST_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_page(page);
		ktest_skip(test, "no highmem at this size");
	}
	return page;
}

/* One pkmap for all CPUs: CPU 1 reads what CPU 0 wrote, at its address. */
static void smpmm_kmap_is_one_mapping_for_every_cpu(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct page *page = highmem_page_or_skip(test);
	u32 *p = kmap(page);
	struct peek peek;

	KTEST_ASSERT_NOT_NULL(test, p);
	*p = 0x4b4d4150; /* "KMAP" */
	peek = (struct peek){ .addr = (unsigned long)p };
	smp_call_function_single(cpu, peek_here, &peek, true);
	KTEST_EXPECT_EQ(test, peek.err, 0);
	KTEST_EXPECT_EQ(test, peek.word, 0x4b4d4150);
	kunmap(page);
	kmap_flush_unused();
	__free_page(page);
}

static int kmap_local_on(void *arg)
{
	*(void **)arg = kmap_local_page(*(struct page **)arg);
	return kmap_local_depth(smp_processor_id());
}

static int kunmap_local_on(void *arg)
{
	kunmap_local(arg);
	return kmap_local_depth(smp_processor_id());
}

/* The same stack slot is another address on each CPU. */
static void smpmm_kmap_local_slots_are_per_cpu(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test), me = smp_processor_id();
	struct page *page = highmem_page_or_skip(test);
	void *mine = kmap_local_page(page), *theirs = page;
	int idx;

	KTEST_EXPECT_EQ(test,
			smp_call_on_cpu(cpu, kmap_local_on, &theirs, false), 1);
	KTEST_EXPECT_PTR_EQ(test, mine, (void *)kmap_local_slot_addr(me, 0));
	KTEST_EXPECT_PTR_EQ(test, theirs, (void *)kmap_local_slot_addr(cpu, 0));
	KTEST_EXPECT_PTR_NE(test, mine, theirs);
	KTEST_EXPECT_EQ(test,
			kmap_local_slot_owner((unsigned long)theirs, &idx),
			(int)cpu);
	KTEST_EXPECT_EQ(test, idx, 0);
	KTEST_EXPECT_PTR_EQ(test, kmap_local_slot_page(cpu, 0), page);
	KTEST_EXPECT_EQ(test, kmap_local_depth(me), 1);
	KTEST_EXPECT_EQ(
		test, smp_call_on_cpu(cpu, kunmap_local_on, theirs, false), 0);
	kunmap_local(mine);
	KTEST_EXPECT_EQ(test, kmap_local_depth(me), 0);
	__free_page(page);
}

static void
smpmm_kunmap_local_of_another_cpus_slot_is_reported(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test), me = smp_processor_id();
	struct page *page = highmem_page_or_skip(test);
	unsigned long warnings = nr_warnings;
	void *theirs = page;
	printk_mark_t mark;
	char text[48];

	smp_call_on_cpu(cpu, kmap_local_on, &theirs, false);
	mark = printk_mark();
	kunmap_local(theirs); /* not this CPU's */
	KTEST_EXPECT_EQ(test, nr_warnings, warnings + 1);
	snprintf(text, sizeof(text), "is CPU#%u's kmap_local slot 0", cpu);
	KTEST_EXPECT_LOG(test, mark, text);
	KTEST_EXPECT_LOG(test, mark, "belongs to the CPU that made it");
	/* Refused: both stacks as they were, the mapping still there. */
	KTEST_EXPECT_EQ(test, kmap_local_depth(cpu), 1);
	KTEST_EXPECT_EQ(test, kmap_local_depth(me), 0);
	KTEST_EXPECT_PTR_EQ(test, kmap_local_slot_page(cpu, 0), page);
	KTEST_EXPECT_EQ(
		test, smp_call_on_cpu(cpu, kunmap_local_on, theirs, false), 0);
	__free_page(page);
}

#define WRAP_PAGES (LAST_PKMAP + 1)

/* The TLB shootdowns each other CPU has answered so far, summed. */
static unsigned long tlb_ipis_received(void)
{
	unsigned long sum = 0;
	unsigned int cpu, me = smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != me)
			sum += irq_stats(cpu)->irq_tlb_count;
	return sum;
}

static struct page **alloc_highmem_pages(struct ktest *test, int n)
{
	struct page **pages = kcalloc((size_t)n, sizeof(*pages), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, pages);
	for (int i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_HIGHMEM | __GFP_NOWARN);
		if (!pages[i] || !PageHighMem(pages[i])) {
			for (int j = 0; j <= i; j++)
				if (pages[j])
					__free_page(pages[j]);
			kfree(pages);
			ktest_skip(test, "not enough highmem at this size");
		}
	}
	return pages;
}

/*
 * 1,025 kmaps of different pages wrap the pkmap cursor: the flush is one
 * TLB IPI to each other CPU.  1,025 kmap_locals: none at all.
 */
static void
smpmm_pkmap_wrap_shoots_down_every_cpu_kmap_local_none(struct ktest *test)
{
	unsigned int others = num_online_cpus() - 1;
	struct pkmap_state before, after;
	unsigned long ipis, remote, flushes;
	struct page **pages;

	if (!others)
		ktest_skip(test,
			   "needs a second CPU (boot with -smp 2 or more)");
	pages = alloc_highmem_pages(test, WRAP_PAGES);
	kmap_flush_unused();
	pkmap_get_state(&before);
	ipis = tlb_ipis_received();
	remote = sum_vm_event(NR_TLB_REMOTE_FLUSH);
	for (int i = 0; i < WRAP_PAGES; i++) {
		KTEST_EXPECT_NOT_NULL(test, kmap(pages[i]));
		kunmap(pages[i]);
	}
	pkmap_get_state(&after);
	flushes = after.flushes - before.flushes;
	KTEST_EXPECT_GE(test, flushes, 1);
	KTEST_EXPECT_EQ(test, tlb_ipis_received() - ipis, flushes * others);
	KTEST_EXPECT_EQ(test, sum_vm_event(NR_TLB_REMOTE_FLUSH) - remote,
			flushes);
	/* The same pages through kmap_local: no IPI, no remote flush. */
	ipis = tlb_ipis_received();
	remote = sum_vm_event(NR_TLB_REMOTE_FLUSH);
	for (int i = 0; i < WRAP_PAGES; i++) {
		void *p = kmap_local_page(pages[i]);

		KTEST_EXPECT_NOT_NULL(test, p);
		kunmap_local(p);
	}
	KTEST_EXPECT_EQ(test, tlb_ipis_received(), ipis);
	KTEST_EXPECT_EQ(test, sum_vm_event(NR_TLB_REMOTE_FLUSH), remote);
	kmap_flush_unused();
	for (int i = 0; i < WRAP_PAGES; i++)
		__free_page(pages[i]);
	kfree(pages);
}

static const struct ktest_case smpmm_cases[] = {
	KTEST_CASE(smpmm_each_cpu_allocates_from_a_slab_of_its_own),
	KTEST_CASE(smpmm_object_freed_on_another_cpu_goes_back_to_its_slab),
	KTEST_CASE(smpmm_kmap_is_one_mapping_for_every_cpu),
	KTEST_CASE(smpmm_kmap_local_slots_are_per_cpu),
	KTEST_CASE(smpmm_kunmap_local_of_another_cpus_slot_is_reported),
	KTEST_CASE(smpmm_pkmap_wrap_shoots_down_every_cpu_kmap_local_none),
	{}
};
KTEST_SUITE(smpmm, smpmm_cases);
