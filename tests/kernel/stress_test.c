// SPDX-License-Identifier: GPL-2.0
/*
 * stress_test.c - verifies that seeded random work on every allocator
 * (teach/commands/stress.c: pages of every order and zone, kmalloc and
 * krealloc, caches of its own, vmalloc, vmap, kmap, kmap_local, and zones
 * run dry and refilled) corrupts nothing and ends where it began: the free
 * blocks of every zone and order, the slab counts, the vmalloc space, the
 * page tables and the kmaps are what they were.  It runs in every boot of
 * the matrix, so at every size and with every option there.  And a Ctrl-C
 * stops a run, which still gives everything back.
 *
 * The same work on every CPU at once (stress_run_all()) must end where it
 * began too: with the locks right, no update is lost, no object given
 * twice, no page in two places.  In the matrix it runs STRESS_ALL_CPU_OPS
 * per CPU; `stress.seconds=N` keeps every CPU at it for N seconds (the boot
 * "2G smp4 stress" runs it for 10).
 */
#include <cmdline.h>
#include <console.h>
#include <cpumask.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <ktest.h>
#include <params.h>
#include <printk.h>
#include <stress.h>

#define STRESS_TEST_OPS 3000
#define STRESS_ALL_CPU_OPS 1000 /* per CPU */

/* stress.seconds=N: how long the all-CPU case keeps every CPU at work. */
static unsigned long stress_test_seconds;

static int __init parse_stress_seconds(char *arg)
{
	unsigned long n;

	if (!arg || kstrtoul(arg, 0, &n) || n > STRESS_MAX_SECONDS) {
		pr_err("stress.seconds=%s: not a number of seconds up to %lu; 0\n",
		       arg ? arg : "", STRESS_MAX_SECONDS);
		return -EINVAL;
	}
	stress_test_seconds = n;
	return 0;
}
early_param("stress.seconds", parse_stress_seconds);

static void expect_clean_run(struct ktest *test, u32 seed)
{
	static struct stress_result r; /* big: not on the stack */
	int ret = stress_run(seed, STRESS_TEST_OPS, false, &r);

	KTEST_EXPECT_EQ(test, ret, 0);
	KTEST_EXPECT_EQ(test, r.ops, STRESS_TEST_OPS);
	KTEST_EXPECT_EQ(test, r.errors, 0);
	KTEST_EXPECT_TRUE(test, r.same);
	KTEST_EXPECT_GT(test, r.exhaustions, 0);
}

static void stress_seed_12_ends_where_it_began(struct ktest *test)
{
	expect_clean_run(test, 12);
}

static void stress_seed_2024_ends_where_it_began(struct ktest *test)
{
	expect_clean_run(test, 2024);
}

/* Every CPU at once, each its own share: the counts still come back. */
static void stress_every_cpu_at_once_ends_where_it_began(struct ktest *test)
{
	static struct stress_result r;
	int ret = stress_run_all(31, STRESS_ALL_CPU_OPS, stress_test_seconds,
				 false, &r);

	KTEST_EXPECT_EQ(test, ret, 0);
	KTEST_EXPECT_EQ(test, r.cpus, num_online_cpus());
	KTEST_EXPECT_GE(test, r.ops,
			(unsigned long)STRESS_ALL_CPU_OPS * r.cpus);
	KTEST_EXPECT_GE(test, r.ms, stress_test_seconds * 1000);
	KTEST_EXPECT_EQ(test, r.errors, 0);
	KTEST_EXPECT_TRUE(test, r.same);
	KTEST_EXPECT_GT(test, r.exhaustions, 0);
	pr_info("stress: %lu ops on %u CPUs in %lu ms, %lu exhaustions, %lu refused\n",
		r.ops, r.cpus, r.ms, r.exhaustions, r.refused);
}

static void stress_stops_at_ctrl_c_and_gives_everything_back(struct ktest *test)
{
	static struct stress_result r;
	int ret;

	console_input_char(0x03); /* as the serial or keyboard driver does */
	KTEST_ASSERT_TRUE(test, signal_pending());
	ret = stress_run(7, STRESS_MAX_OPS, false, &r);
	console_drop_intr();
	flush_signals();
	KTEST_EXPECT_EQ(test, ret, -EINTR);
	KTEST_EXPECT_TRUE(test, r.interrupted);
	KTEST_EXPECT_EQ(test, r.ops, 0);
	KTEST_EXPECT_TRUE(test, r.same);
	KTEST_EXPECT_EQ(test, console_trygetc(), -1); /* ^C not left queued */
}

static const struct ktest_case stress_cases[] = {
	KTEST_CASE(stress_seed_12_ends_where_it_began),
	KTEST_CASE(stress_seed_2024_ends_where_it_began),
	KTEST_CASE(stress_every_cpu_at_once_ends_where_it_began),
	KTEST_CASE(stress_stops_at_ctrl_c_and_gives_everything_back),
	{}
};
KTEST_SUITE(stress, stress_cases);
