// SPDX-License-Identifier: GPL-2.0
/*
 * spinlock_test.c - verifies spinlock_t: a lock keeps every CPU's updates of
 * a shared counter whole; trylock, _irq and _irqsave do what they say and
 * keep the preemption count balanced; and each misuse the debug checks
 * know is reported in Linux's words and survived: a CPU taking a lock it
 * holds ("recursion"), unlocking a free lock ("already unlocked"),
 * unlocking another CPU's lock ("wrong CPU", refused: the owner still
 * unlocks it), and waiting too long ("lockup suspected", naming the
 * holder CPU and where it took the lock; the threshold is shortened to
 * 20 ms for the test, the wait then ends normally).
 *
 * The misuse cases need spinlock debugging, which every ktest boot has;
 * from the shell of a boot without `spinlock_debug` they are skipped.
 */
#include <asm/atomic.h>
#include <kernel.h>
#include <ktest.h>
#include <printk.h>
#include <smp.h>
#include <spinlock.h>
#include <sprintf.h>
#include <time.h>

#include "smp_test_helpers.h"

static DEFINE_SPINLOCK(test_lock);

static void need_debug(struct ktest *test)
{
	if (!spinlock_debug)
		ktest_skip(
			test,
			"spinlock debugging is off (boot with spinlock_debug)");
}

#define COUNTER_LOOPS 20000

static unsigned long shared_counter;
static atomic_t counter_done;

static void count_under_lock(void *arg)
{
	for (int i = 0; i < COUNTER_LOOPS; i++) {
		spin_lock(&test_lock);
		shared_counter++;
		spin_unlock(&test_lock);
	}
	atomic_inc(&counter_done);
}

static void spinlock_keeps_every_cpus_updates(struct ktest *test)
{
	int cpus = (int)num_online_cpus();
	u64 start = rdtsc();

	shared_counter = 0;
	atomic_set(&counter_done, 0);
	/* The others start in their IPI handlers while this CPU counts. */
	on_each_cpu(count_under_lock, NULL, false);
	while (atomic_read(&counter_done) < cpus &&
	       rdtsc() - start < 30000ULL * tsc_khz)
		cpu_relax();
	KTEST_EXPECT_EQ(test, atomic_read(&counter_done), cpus);
	KTEST_EXPECT_EQ(test, shared_counter,
			(unsigned long)cpus * COUNTER_LOOPS);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
}

static void spinlock_trylock_and_irq_variants(struct ktest *test)
{
	unsigned int count = preempt_count();
	unsigned long flags;

	KTEST_ASSERT_FALSE(test, irqs_disabled());
	spin_lock(&test_lock);
	KTEST_EXPECT_TRUE(test, spin_is_locked(&test_lock));
	KTEST_EXPECT_EQ(test, preempt_count(), count + 1);
	KTEST_EXPECT_FALSE(test, spin_trylock(&test_lock));
	KTEST_EXPECT_EQ(test, preempt_count(), count + 1);
	spin_unlock(&test_lock);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	KTEST_EXPECT_TRUE(test, spin_trylock(&test_lock));
	spin_unlock(&test_lock);

	spin_lock_irqsave(&test_lock, flags);
	KTEST_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&test_lock, flags);
	KTEST_EXPECT_FALSE(test, irqs_disabled());
	local_irq_disable();
	spin_lock_irqsave(&test_lock, flags); /* nested: stays off after */
	spin_unlock_irqrestore(&test_lock, flags);
	KTEST_EXPECT_TRUE(test, irqs_disabled());
	local_irq_enable();
	spin_lock_irq(&test_lock);
	KTEST_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&test_lock);
	KTEST_EXPECT_FALSE(test, irqs_disabled());
	KTEST_EXPECT_EQ(test, preempt_count(), count);
}

static void spinlock_recursion_is_reported_and_survived(struct ktest *test)
{
	unsigned long bugs = nr_spinlock_bugs;
	unsigned int count = preempt_count();
	printk_mark_t mark = printk_mark();

	need_debug(test);
	spin_lock(&test_lock);
	spin_lock(&test_lock); /* would spin forever without the check */
	KTEST_EXPECT_LOG(test, mark, "BUG: spinlock recursion on CPU#");
	KTEST_EXPECT_LOG(test, mark, ".magic: dead4ead");
	KTEST_EXPECT_LOG(test, mark, "spinlock_recursion_is_reported");
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
	spin_unlock(&test_lock);
	KTEST_EXPECT_TRUE(test, spin_is_locked(&test_lock)); /* the outer */
	spin_unlock(&test_lock);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	KTEST_EXPECT_EQ(test, preempt_count(), count);
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
}

static void spinlock_double_unlock_is_reported(struct ktest *test)
{
	unsigned long bugs = nr_spinlock_bugs;
	unsigned int count = preempt_count();
	printk_mark_t mark = printk_mark();

	need_debug(test);
	spin_lock(&test_lock);
	spin_unlock(&test_lock);
	spin_unlock(&test_lock);
	KTEST_EXPECT_LOG(test, mark, "BUG: spinlock already unlocked on CPU#");
	KTEST_EXPECT_LOG(test, mark, ".owner: <none>/-1, .owner_cpu: -1");
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
	KTEST_EXPECT_EQ(test, preempt_count(), count);
	/* The lock still works: tickets were not disturbed. */
	KTEST_EXPECT_TRUE(test, spin_trylock(&test_lock));
	spin_unlock(&test_lock);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
}

static void lock_func(void *arg)
{
	spinlock_t *lock = arg;

	spin_lock(lock);
}

static void unlock_func(void *arg)
{
	spinlock_t *lock = arg;

	spin_unlock(lock);
}

static void spinlock_unlock_by_another_cpu_is_refused(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	unsigned long bugs = nr_spinlock_bugs;
	unsigned int count = preempt_count();
	printk_mark_t mark = printk_mark();
	char owner[32];

	need_debug(test);
	smp_call_function_single(cpu, lock_func, &test_lock, true);
	KTEST_ASSERT_TRUE(test, spin_is_locked(&test_lock));
	spin_unlock(&test_lock); /* not ours */
	KTEST_EXPECT_LOG(test, mark, "BUG: spinlock wrong CPU on CPU#");
	snprintf(owner, sizeof(owner), ".owner_cpu: %u", cpu);
	KTEST_EXPECT_LOG(test, mark, owner);
	KTEST_EXPECT_LOG(test, mark, "lock_func");
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
	KTEST_EXPECT_TRUE(test, spin_is_locked(&test_lock)); /* refused */
	KTEST_EXPECT_EQ(test, preempt_count(), count);
	smp_call_function_single(cpu, unlock_func, &test_lock, true);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
}

static volatile bool holder_has_it;

/* On another CPU: take the lock, keep it 200 ms, give it back. */
static void hold_for_a_while(void *arg)
{
	spin_lock(&test_lock);
	WRITE_ONCE(holder_has_it, true);
	mdelay(200);
	spin_unlock(&test_lock);
}

static void spinlock_lockup_is_reported_with_the_holder(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	unsigned long threshold = spinlock_lockup_ms;
	unsigned long bugs = nr_spinlock_bugs;
	printk_mark_t mark = printk_mark();
	char owner[32];
	u64 start;

	need_debug(test);
	holder_has_it = false;
	smp_call_function_single(cpu, hold_for_a_while, NULL, false);
	start = rdtsc();
	while (!READ_ONCE(holder_has_it) && rdtsc() - start < 5000ULL * tsc_khz)
		cpu_relax();
	KTEST_ASSERT_TRUE(test, holder_has_it);
	spinlock_lockup_ms = 20;
	spin_lock(&test_lock); /* reported after 20 ms, taken after ~200 */
	spinlock_lockup_ms = threshold;
	spin_unlock(&test_lock);
	KTEST_EXPECT_LOG(test, mark, "BUG: spinlock lockup suspected on CPU#");
	snprintf(owner, sizeof(owner), ".owner_cpu: %u", cpu);
	KTEST_EXPECT_LOG(test, mark, owner);
	KTEST_EXPECT_LOG(test, mark, ".owner_ip: hold_for_a_while+");
	KTEST_EXPECT_EQ(test, nr_spinlock_bugs, bugs + 1);
	KTEST_EXPECT_FALSE(test, spin_is_locked(&test_lock));
}

static const struct ktest_case spinlock_cases[] = {
	KTEST_CASE(spinlock_keeps_every_cpus_updates),
	KTEST_CASE(spinlock_trylock_and_irq_variants),
	KTEST_CASE(spinlock_recursion_is_reported_and_survived),
	KTEST_CASE(spinlock_double_unlock_is_reported),
	KTEST_CASE(spinlock_unlock_by_another_cpu_is_refused),
	KTEST_CASE(spinlock_lockup_is_reported_with_the_holder),
	{}
};
KTEST_SUITE(spinlock, spinlock_cases);
