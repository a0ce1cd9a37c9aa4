// SPDX-License-Identifier: GPL-2.0
/*
 * ktest_cmd.c - the shell's `test`: the in-kernel suites, run live.
 *
 * The same suites and the same KTAP as boot mode `ktest`, but from the
 * prompt, so a lecture can show a test pass (or a misuse being caught) and
 * the kernel going on.  An oops in a case fails that case only.
 */
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <printk.h>
#include <shell.h>
#include <string.h>

static void ktest_list(void)
{
	for (int i = 0; ktest_suites[i]; i++) {
		kprintf("%s\n", ktest_suites[i]->name);
		for (const struct ktest_case *c = ktest_suites[i]->cases;
		     c->name; c++)
			kprintf("  %s.%s\n", ktest_suites[i]->name, c->name);
	}
}

static int cmd_test(int argc, char **argv)
{
	if (argc > 2)
		return shell_usage(argv[0]);
	if (argc == 2 && !strcmp(argv[1], "-l")) {
		ktest_list();
		return 0;
	}
	return ktest_run(argc == 2 ? argv[1] : NULL) ? 0 : -EINVAL;
}
SHELL_COMMAND(test, "[SUITE[.CASE]|-l]",
	      "run in-kernel tests (KTAP); -l lists them", SHELL_TOPIC_SYSTEM,
	      cmd_test,
	      .detail = "Runs the in-kernel test suites, or one suite, or one "
			"case, and prints KTAP as KUnit does.  Each case "
			"checks that it gave back every page, object, vmalloc "
			"area and kmap it took.  Misuse cases print the "
			"kernel's reports on purpose: the report is what they "
			"test.  -l lists SUITE.CASE names.",
	      .see = "dmesg, make test (every suite at every memory size)");
