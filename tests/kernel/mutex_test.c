// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_test.c - verifies that work which may sleep is reported where it
 * must not run (Linux's "BUG: sleeping function called from invalid
 * context"): a GFP_KERNEL allocation, kmap(), vmalloc() and mutex_lock()
 * under a spinlock or with interrupts off, each once, while GFP_ATOMIC
 * there and GFP_KERNEL outside are not; and that mutexes exclude, even
 * between CPUs, and report their misuse (a second lock by the owner, an
 * unlock by someone else) in Linux's words, then go on.
 */
#include <asm/processor.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mutex.h>
#include <preempt.h>
#include <printk.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <vmalloc.h>
#include <workqueue.h>

#include "mm_test_helpers.h"
#include "smp_test_helpers.h"

static DEFINE_SPINLOCK(test_lock);
static DEFINE_MUTEX(test_mutex);

#define SLEEP_BUG "BUG: sleeping function called from invalid context at "

/* Reports are rate-limited; each case makes one, so none is held back. */
static void need_check(struct ktest *test)
{
	if (!debug_atomic_sleep)
		ktest_skip(test, "might_sleep() checking is off");
}

static void
might_sleep_gfp_kernel_under_a_spinlock_is_reported(struct ktest *test)
{
	unsigned long bugs = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();
	struct page *page;

	need_check(test);
	spin_lock(&test_lock);
	page = alloc_page(GFP_KERNEL);
	spin_unlock(&test_lock);
	KTEST_EXPECT_NOT_NULL(test, page); /* reported, and served */
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark, SLEEP_BUG "mm/page_alloc.c:");
	KTEST_EXPECT_LOG(test, mark, "in_atomic(): 1, irqs_disabled(): 0");
	KTEST_EXPECT_LOG(test, mark, "preempt_count: 1, expected: 0");
	KTEST_EXPECT_LOG(test, mark, "might_sleep_gfp_kernel_under_a_spinlock");
	if (page)
		__free_page(page);
}

static void might_sleep_gfp_atomic_under_a_spinlock_is_fine(struct ktest *test)
{
	unsigned long bugs = nr_might_sleep_bugs;
	struct page *page;
	void *p;

	need_check(test);
	spin_lock(&test_lock);
	page = alloc_page(GFP_ATOMIC);
	p = kmalloc(100, GFP_ATOMIC);
	spin_unlock(&test_lock);
	KTEST_EXPECT_NOT_NULL(test, page);
	KTEST_EXPECT_NOT_NULL(test, p);
	kfree(p);
	if (page)
		__free_page(page);
	/* And GFP_KERNEL outside any lock, interrupts on. */
	page = alloc_page(GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, bugs);
}

static void
might_sleep_vmalloc_with_interrupts_off_is_reported(struct ktest *test)
{
	unsigned long bugs = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();
	unsigned long flags;
	void *p;

	need_check(test);
	local_irq_save(flags);
	p = vmalloc(PAGE_SIZE);
	local_irq_restore(flags);
	KTEST_EXPECT_NOT_NULL(test, p);
	KTEST_EXPECT_GE(test, nr_might_sleep_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark, SLEEP_BUG "mm/vmalloc.c:");
	KTEST_EXPECT_LOG(test, mark, "in_atomic(): 0, irqs_disabled(): 1");
	vfree(p);
	vmalloc_purge();
}

static void might_sleep_kmap_under_a_spinlock_is_reported(struct ktest *test)
{
	struct page *page = alloc_page(GFP_HIGHMEM);
	unsigned long bugs = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();
	void *addr;

	need_check(test);
	KTEST_ASSERT_NOT_NULL(test, page);
	if (!PageHighMem(page)) {
		__free_page(page);
		ktest_skip(test, "no highmem at this size");
	}
	spin_lock(&test_lock);
	addr = kmap(page);
	spin_unlock(&test_lock);
	KTEST_EXPECT_NOT_NULL(test, addr);
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark, SLEEP_BUG "mm/highmem.c:");
	kunmap(page);
	/* kmap_local may be used anywhere: no report. */
	spin_lock(&test_lock);
	addr = kmap_local_page(page);
	kunmap_local(addr);
	spin_unlock(&test_lock);
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, bugs + 1);
	kmap_flush_unused();
	__free_page(page);
}

static void mutex_lock_under_a_spinlock_is_reported(struct ktest *test)
{
	unsigned long bugs = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();

	need_check(test);
	spin_lock(&test_lock);
	mutex_lock(&test_mutex);
	mutex_unlock(&test_mutex);
	spin_unlock(&test_lock);
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark, SLEEP_BUG "kernel/locking/mutex.c:");
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
}

static void mutex_recursion_is_reported_and_survived(struct ktest *test)
{
	unsigned long bugs = nr_mutex_bugs;
	printk_mark_t mark = printk_mark();

	mutex_lock(&test_mutex);
	mutex_lock(&test_mutex); /* would wait for itself forever */
	KTEST_EXPECT_EQ(test, nr_mutex_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark,
			 "WARNING: possible recursive locking detected");
	KTEST_EXPECT_LOG(test, mark, "(test_mutex)");
	KTEST_EXPECT_LOG(test, mark, "*** DEADLOCK ***");
	mutex_unlock(&test_mutex);
	KTEST_EXPECT_TRUE(test, mutex_is_locked(&test_mutex)); /* the outer */
	mutex_unlock(&test_mutex);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
	KTEST_EXPECT_EQ(test, nr_mutex_bugs, bugs + 1);
}

static void mutex_unlock_of_a_free_mutex_is_refused(struct ktest *test)
{
	unsigned long bugs = nr_mutex_bugs;
	printk_mark_t mark = printk_mark();

	mutex_unlock(&test_mutex);
	KTEST_EXPECT_EQ(test, nr_mutex_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark,
			 "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)");
	KTEST_EXPECT_LOG(test, mark, "it is not locked");
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
	/* And it still works. */
	KTEST_EXPECT_EQ(test, mutex_trylock(&test_mutex), 1);
	KTEST_EXPECT_EQ(test, mutex_trylock(&test_mutex), 0);
	mutex_unlock(&test_mutex);
}

static int lock_test_mutex(void *arg)
{
	mutex_lock(&test_mutex);
	return 0;
}

static int unlock_test_mutex(void *arg)
{
	mutex_unlock(&test_mutex);
	return 0;
}

static void mutex_unlock_by_another_cpu_is_refused(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	unsigned long bugs = nr_mutex_bugs;
	printk_mark_t mark = printk_mark();

	smp_call_on_cpu(cpu, lock_test_mutex, NULL, false);
	KTEST_ASSERT_TRUE(test, mutex_is_locked(&test_mutex));
	KTEST_EXPECT_EQ(test, mutex_trylock(&test_mutex), 0);
	mutex_unlock(&test_mutex); /* not ours */
	KTEST_EXPECT_EQ(test, nr_mutex_bugs, bugs + 1);
	KTEST_EXPECT_LOG(test, mark, "another CPU holds it");
	KTEST_EXPECT_TRUE(test, mutex_is_locked(&test_mutex)); /* refused */
	smp_call_on_cpu(cpu, unlock_test_mutex, NULL, false);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
}

#define MUTEX_LOOPS 2000

static unsigned long mutex_counter;

static void count_under_mutex(struct work_struct *work)
{
	for (int i = 0; i < MUTEX_LOOPS; i++) {
		unsigned long seen;

		mutex_lock(&test_mutex);
		/* A read, a pause, a write: lost updates if two got in. */
		seen = READ_ONCE(mutex_counter);
		cpu_relax();
		WRITE_ONCE(mutex_counter, seen + 1);
		mutex_unlock(&test_mutex);
	}
}

static void mutex_excludes_every_other_cpu(struct ktest *test)
{
	mutex_counter = 0;
	schedule_on_each_cpu(count_under_mutex);
	KTEST_EXPECT_EQ(test, mutex_counter,
			(unsigned long)num_online_cpus() * MUTEX_LOOPS);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&test_mutex));
}

static const struct ktest_case mutex_cases[] = {
	KTEST_CASE(might_sleep_gfp_kernel_under_a_spinlock_is_reported),
	KTEST_CASE(might_sleep_gfp_atomic_under_a_spinlock_is_fine),
	KTEST_CASE(might_sleep_vmalloc_with_interrupts_off_is_reported),
	KTEST_CASE(might_sleep_kmap_under_a_spinlock_is_reported),
	KTEST_CASE(mutex_lock_under_a_spinlock_is_reported),
	KTEST_CASE(mutex_recursion_is_reported_and_survived),
	KTEST_CASE(mutex_unlock_of_a_free_mutex_is_refused),
	KTEST_CASE(mutex_unlock_by_another_cpu_is_refused),
	KTEST_CASE(mutex_excludes_every_other_cpu),
	{}
};
KTEST_SUITE(mutex, mutex_cases);
