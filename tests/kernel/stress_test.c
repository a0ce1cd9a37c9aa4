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
 */
#include <console.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <stress.h>

#define STRESS_TEST_OPS 3000

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
	KTEST_CASE(stress_stops_at_ctrl_c_and_gives_everything_back),
	{}
};
KTEST_SUITE(stress, stress_cases);
