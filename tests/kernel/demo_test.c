// SPDX-License-Identifier: GPL-2.0
/*
 * demo_test.c - verifies that a Ctrl-C that arrives while a demo section
 * runs ends the demo once that section is done, as q at a pause does
 * (unpaced, there is no pause: only the check after a section can see it,
 * and demo_run() says -EINTR), that the demo still gives back all it took,
 * and that without one the demo ends normally (teach/demos/demo.c).
 */
#include <console.h>
#include <demo.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <memstate.h>

/* Run demo zones, unpaced; it must give back all it took. */
static int run_zones(struct ktest *test)
{
	static struct memstate was, now;
	int ret;

	memstate_settle(NULL);
	memstate_take(&was);
	ret = demo_run("zones", false);
	memstate_settle(NULL);
	memstate_take(&now);
	KTEST_EXPECT_EQ(test, memstate_compare(&was, &now, "before"), 0);
	return ret;
}

static void demo_ctrl_c_ends_the_demo_after_its_section(struct ktest *test)
{
	/* As the serial driver does: the ^C is pending when section 1 ends. */
	console_input_char(0x03);
	KTEST_ASSERT_TRUE(test, signal_pending());
	KTEST_EXPECT_EQ(test, run_zones(test), -EINTR);
	console_drop_intr();
	flush_signals();
	KTEST_EXPECT_EQ(test, console_trygetc(), -1); /* ^C not left queued */
}

static void demo_without_ctrl_c_runs_every_section(struct ktest *test)
{
	KTEST_ASSERT_FALSE(test, signal_pending());
	KTEST_EXPECT_EQ(test, run_zones(test), 0);
	KTEST_EXPECT_FALSE(test, signal_pending());
}

static const struct ktest_case demo_cases[] = {
	KTEST_CASE(demo_ctrl_c_ends_the_demo_after_its_section),
	KTEST_CASE(demo_without_ctrl_c_runs_every_section),
	{}
};
KTEST_SUITE(demo, demo_cases);
