// SPDX-License-Identifier: GPL-2.0
/*
 * ktest.c - running the in-kernel tests and printing KTAP.
 *
 * Every case runs under run_protected() (an oops in it fails the case when
 * the tests run from the shell; in `ktest` boot mode an oops panics and QEMU
 * exits 37, which the host runner reports as a crash) and with a setjmp point
 * in struct ktest, where ASSERT failures, skips and the watchdog land.  The
 * watchdog is a timer tick hook: a case still running after its deadline is
 * abandoned from the timer interrupt and reported "not ok N name # timeout".
 * The tick comes to CPU 0 only, so only cases running on CPU 0 are watched
 * (a case started by `oncpu 1 test ...` runs unwatched): jumping into
 * another CPU's stack would be fatal.
 *
 * Output is KTAP version 1 as KUnit prints it: a plan for the suites, and
 * per suite an indented subtest with its own plan, one "ok"/"not ok" line per
 * case (diagnostics as "    # ..." lines before it) and a summary line.
 *
 * From the shell, Ctrl-C stops the run between two cases (the KTAP then
 * says so and is short of its plan).
 *
 * The first run arms the watchdog and the per-case leak checks
 * (leak_check.c); boot mode `ktest` runs at the end of boot and leaves QEMU
 * with the verdict, and turns slub_debug on for every cache unless the
 * command line says otherwise.  The shell's `test` is in ktest_cmd.c.
 */
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/timer.h>
#include <cmdline.h>
#include <console.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <ktest.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <reboot.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>

#include "dma_test_helpers.h"

#define KTEST_TIMEOUT_DEFAULT 120 /* seconds per case, under TCG */
#define KTEST_TIMEOUT_MAX 86400 /* a day: jiffies + timeout * HZ stays exact */

static unsigned long ktest_timeout = KTEST_TIMEOUT_DEFAULT;
static struct ktest_hook *hooks;
static const char *ktest_filter; /* ktest=SUITE[.CASE] */

/* The case running now, for the watchdog; NULL between cases. */
static struct ktest *volatile current_test;
static volatile u64 current_deadline;
static volatile unsigned int current_test_cpu; /* where it runs */

static int __init parse_ktest_timeout(char *arg)
{
	unsigned long secs;

	if (!arg || kstrtoul(arg, 0, &secs) || !secs ||
	    secs > KTEST_TIMEOUT_MAX) {
		pr_err("ktest.timeout=%s: not a number of seconds from 1 to %d; using %lu\n",
		       arg ? arg : "", KTEST_TIMEOUT_MAX, ktest_timeout);
		return -EINVAL;
	}
	ktest_timeout = secs;
	return 0;
}
early_param("ktest.timeout", parse_ktest_timeout);

static int __init set_mode_ktest(char *arg)
{
	static char filter[160];

	panic_exits_qemu = true;
	console_set_columns(0); /* KTAP is read by programs, line by line */
	slub_debug_set_default(SLAB_DEBUG_FLAGS, "the ktest default");
	/* Test boots check every lock (no lock is held this early). */
	spinlock_debug = true;
	if (arg) {
		if (strscpy(filter, arg, sizeof(filter)) < 0)
			pr_err("ktest=%s: longer than %zu characters, cut short\n",
			       arg, sizeof(filter) - 1);
		ktest_filter = filter;
	}
	return boot_mode_select("ktest");
}
early_param("ktest", set_mode_ktest);

void ktest_register_hook(struct ktest_hook *hook)
{
	struct ktest_hook **pos = &hooks;

	while (*pos)
		pos = &(*pos)->next;
	hook->next = NULL;
	*pos = hook;
}

void ktest_fail(struct ktest *test, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s\n", msg);
	test->status = KTEST_FAIL;
}

void ktest_abort(struct ktest *test)
{
	longjmp(test->abort, 1);
}

void ktest_skip(struct ktest *test, const char *reason)
{
	strscpy(test->skip_reason, reason, sizeof(test->skip_reason));
	test->status = KTEST_SKIP;
	longjmp(test->abort, 1);
}

void ktest_fail_binary(struct ktest *test, const char *file, int line,
		       const char *left, const char *op, const char *right,
		       long long lval, long long rval)
{
	ktest_fail(
		test,
		"%s:%d: expected %s %s %s, got %lld (0x%llx) vs %lld (0x%llx)",
		file, line, left, op, right, lval, (unsigned long long)lval,
		rval, (unsigned long long)rval);
}

void ktest_fail_ptr(struct ktest *test, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const void *lval, const void *rval)
{
	ktest_fail(test, "%s:%d: expected %s %s %s, got %p vs %p", file, line,
		   left, op, right, lval, rval);
}

void ktest_fail_str(struct ktest *test, const char *file, int line,
		    const char *left, const char *op, const char *right,
		    const char *lval, const char *rval)
{
	ktest_fail(test, "%s:%d: expected %s %s %s, got \"%s\" vs \"%s\"", file,
		   line, left, op, right, lval ? lval : "(null)",
		   rval ? rval : "(null)");
}

/* Timer tick: abandon a case that overran its deadline. */
static void ktest_watchdog(struct pt_regs *regs)
{
	struct ktest *test = current_test;

	if (!test || jiffies < current_deadline ||
	    current_test_cpu != smp_processor_id())
		return;
	current_test = NULL;
	test->timed_out = true;
	test->status = KTEST_FAIL;
	irq_eoi_early(0);
	longjmp(test->abort, 1);
}

/*
 * Hooks run in reverse order of registration, before the case as after it:
 * a subsystem built on another (vmalloc on slab, slab on the buddy
 * allocator) settles its state (flushes lazy frees, shrinks caches) before
 * the one below it counts what is left, so both counts see settled states.
 */
static void run_before_hooks(struct ktest_hook *hook, struct ktest *test)
{
	if (!hook)
		return;
	run_before_hooks(hook->next, test);
	if (hook->before)
		hook->before(test);
}

static void run_after_hooks(struct ktest_hook *hook, struct ktest *test)
{
	if (!hook)
		return;
	run_after_hooks(hook->next, test);
	if (hook->after)
		hook->after(test);
}

void ktest_hooks_before(struct ktest *test)
{
	run_before_hooks(hooks, test);
}

void ktest_hooks_after(struct ktest *test)
{
	run_after_hooks(hooks, test);
}

struct case_call {
	const struct ktest_suite *suite;
	const struct ktest_case *kcase;
	struct ktest *test;
};

static void run_case_body(void *arg)
{
	struct case_call *call = arg;
	struct ktest *test = call->test;
	void *recovery = oops_recovery_save();

	if (setjmp(test->abort)) {
		current_test = NULL;
		oops_recovery_restore(recovery);
		local_irq_enable();
		return;
	}
	current_deadline = jiffies + (u64)ktest_timeout * HZ;
	current_test_cpu = smp_processor_id();
	current_test = test;
	if (call->suite->init && call->suite->init(test)) {
		ktest_fail(test, "suite init failed");
	} else {
		call->kcase->run(test);
		if (call->suite->exit)
			call->suite->exit(test);
	}
	current_test = NULL;
}

/* Run one case; prints its result line; returns its status. */
static enum ktest_status run_case(const struct ktest_suite *suite,
				  const struct ktest_case *kcase, int number)
{
	struct ktest test = { .name = kcase->name, .status = KTEST_PASS };
	struct case_call call = { suite, kcase, &test };

	run_before_hooks(hooks, &test);
	if (run_protected(kcase->name, run_case_body, &call)) {
		test.oopsed = true;
		test.status = KTEST_FAIL;
	}
	if (test.status != KTEST_SKIP)
		run_after_hooks(hooks, &test);

	if (test.timed_out)
		printk(KERN_INFO "    not ok %d %s # timeout after %lu s\n",
		       number, kcase->name, ktest_timeout);
	else if (test.oopsed)
		printk(KERN_INFO "    not ok %d %s # oops\n", number,
		       kcase->name);
	else if (test.status == KTEST_SKIP)
		printk(KERN_INFO "    ok %d %s # SKIP %s\n", number,
		       kcase->name, test.skip_reason);
	else
		printk(KERN_INFO "    %s %d %s\n",
		       test.status == KTEST_PASS ? "ok" : "not ok", number,
		       kcase->name);
	return test.status;
}

/* Does "SUITE" or "SUITE.CASE" select this suite (and, if so, which case)? */
static bool filter_suite(const char *filter, const struct ktest_suite *suite,
			 const char **case_name)
{
	size_t len;

	*case_name = NULL;
	if (!filter || !*filter)
		return true;
	len = strcspn(filter, ".");
	if (strlen(suite->name) != len || strncmp(suite->name, filter, len))
		return false;
	if (filter[len] == '.')
		*case_name = filter + len + 1;
	return true;
}

static int count_cases(const struct ktest_suite *suite, const char *case_name)
{
	int n = 0;

	for (const struct ktest_case *c = suite->cases; c->name; c++)
		if (!case_name || !strcmp(c->name, case_name))
			n++;
	return n;
}

struct ktest_totals {
	int pass, fail, skip;
};

static bool run_suite(const struct ktest_suite *suite, const char *case_name,
		      int number, struct ktest_totals *totals)
{
	struct ktest_totals t = { 0, 0, 0 };
	int n = 0;

	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", suite->name);
	printk(KERN_INFO "    1..%d\n", count_cases(suite, case_name));
	for (const struct ktest_case *c = suite->cases; c->name; c++) {
		if (case_name && strcmp(c->name, case_name))
			continue;
		if (signal_pending()) {
			printk(KERN_INFO
			       "    # interrupted by Ctrl-C before %s\n",
			       c->name);
			t.fail++;
			break;
		}
		switch (run_case(suite, c, ++n)) {
		case KTEST_PASS:
			t.pass++;
			break;
		case KTEST_FAIL:
			t.fail++;
			break;
		case KTEST_SKIP:
			t.skip++;
			break;
		}
	}
	printk(KERN_INFO "# %s: pass:%d fail:%d skip:%d total:%d\n",
	       suite->name, t.pass, t.fail, t.skip, n);
	printk(KERN_INFO "%s %d %s\n", t.fail ? "not ok" : "ok", number,
	       suite->name);
	totals->pass += t.pass;
	totals->fail += t.fail;
	totals->skip += t.skip;
	return t.fail == 0;
}

/* The first run arms the watchdog and the leak checks, for every run after. */
static void ktest_setup_once(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	if (register_tick_hook(ktest_watchdog))
		pr_err("ktest: no tick hook left: cases run without a watchdog\n");
	leak_checks_register();
	dma_leak_checks_register(); /* the top layer: checked first */
}

bool ktest_run(const char *filter)
{
	struct ktest_totals totals = { 0, 0, 0 };
	const char *case_name;
	int nr_suites = 0, number = 0;
	bool ok = true;

	ktest_setup_once();
	for (int i = 0; ktest_suites[i]; i++)
		if (filter_suite(filter, ktest_suites[i], &case_name) &&
		    count_cases(ktest_suites[i], case_name))
			nr_suites++;

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", nr_suites);
	if (!nr_suites) {
		printk(KERN_INFO "# ktest: no suite or case matches '%s'\n",
		       filter ? filter : "");
		return false;
	}
	for (int i = 0; ktest_suites[i]; i++) {
		if (!filter_suite(filter, ktest_suites[i], &case_name) ||
		    !count_cases(ktest_suites[i], case_name))
			continue;
		if (signal_pending()) {
			printk(KERN_INFO
			       "# ktest: interrupted by Ctrl-C: %s and the suites after it not run\n",
			       ktest_suites[i]->name);
			ok = false;
			break;
		}
		ok &= run_suite(ktest_suites[i], case_name, ++number, &totals);
	}
	printk(KERN_INFO "# Totals: pass:%d fail:%d skip:%d total:%d\n",
	       totals.pass, totals.fail, totals.skip,
	       totals.pass + totals.fail + totals.skip);
	return ok;
}

/* Boot mode `ktest`: run, then leave QEMU with the verdict. */
static void ktest_boot(void)
{
	current_comm = "ktest";
	qemu_exit(ktest_run(ktest_filter) ? QEMU_EXIT_SUCCESS :
					    QEMU_EXIT_FAILURE);
}
BOOT_MODE(ktest, ktest_boot);
