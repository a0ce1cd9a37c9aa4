// SPDX-License-Identifier: GPL-2.0
/*
 * lkdtm_cmds.c - `lkdtm TYPE`: crash the kernel on purpose, as Linux's
 * Kernel Dump Test Module does (echo EXCEPTION > /sys/kernel/debug/
 * provoke-crash/DIRECT).
 *
 * Each type is a real bug, run inside the command: a NULL pointer written
 * or read, a write one page past a vmalloc buffer.  The CPU faults, the
 * fault handler prints a real oops report (arch/x86/mm/fault.c), and, as
 * for any command, the oops ends the command and the shell goes on
 * (run_protected()): what Linux does when it kills the task that oopsed.
 * The kernel is then tainted D, as Linux's would be.  The vmalloc buffer
 * the overflow abandons is on the shell's list, so `reset` frees it.
 */
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <shell.h>
#include <string.h>
#include <vmalloc.h>

static void lkdtm_EXCEPTION(void)
{
	*((volatile int *)NULL) = 0;
}

static void lkdtm_ACCESS_NULL(void)
{
	volatile int *ptr = NULL;
	int tmp;

	pr_info("lkdtm: attempting bad read at %p\n", ptr);
	tmp = *ptr;
	pr_err("FAIL: survived bad read (%d)\n", tmp);
}

static void lkdtm_VMALLOC_LINEAR_OVERFLOW(void)
{
	char *one = vmalloc(PAGE_SIZE);

	if (!one) {
		pr_err("lkdtm: vmalloc failed\n");
		return;
	}
	/* Abandoned by the oops: on the shell's list, for `reset`. */
	if (!shell_hold(HELD_VMALLOC, one, 0)) {
		vfree(one);
		return;
	}
	pr_info("lkdtm: attempting vmalloc linear overflow at %p\n",
		one + PAGE_SIZE);
	((volatile char *)one)[PAGE_SIZE] = 1;
	pr_err("FAIL: survived the write into the guard page\n");
	shell_unhold(HELD_VMALLOC, one);
	vfree(one);
}

static const struct {
	const char *name;
	void (*fn)(void);
} lkdtm_types[] = {
	{ "EXCEPTION", lkdtm_EXCEPTION },
	{ "ACCESS_NULL", lkdtm_ACCESS_NULL },
	{ "VMALLOC_LINEAR_OVERFLOW", lkdtm_VMALLOC_LINEAR_OVERFLOW },
};

static int cmd_lkdtm(int argc, char **argv)
{
	if (argc == 2)
		for (size_t i = 0; i < ARRAY_SIZE(lkdtm_types); i++)
			if (!strcasecmp(argv[1], lkdtm_types[i].name)) {
				pr_info("lkdtm: Performing direct entry %s\n",
					lkdtm_types[i].name);
				lkdtm_types[i].fn();
				return 0;
			}
	if (argc == 2)
		kprintf("lkdtm: no crash type %s\n", argv[1]);
	kprintf("types:");
	for (size_t i = 0; i < ARRAY_SIZE(lkdtm_types); i++)
		kprintf(" %s", lkdtm_types[i].name);
	kprintf("\n");
	return argc == 2 ? -EINVAL : shell_usage(argv[0]);
}
SHELL_COMMAND(lkdtm, "TYPE", "crash on purpose: a real oops, survived",
	      SHELL_TOPIC_SYSTEM, cmd_lkdtm,
	      .detail = "Linux's provoke-crash types, run in this command: "
			"EXCEPTION writes to NULL, ACCESS_NULL reads from "
			"NULL, VMALLOC_LINEAR_OVERFLOW writes one byte past "
			"a one-page vmalloc buffer, into its guard page.  "
			"Each is a page fault the kernel did not expect: an "
			"oops report (the address, why it faulted, the "
			"registers, the call trace), then the command ends "
			"and the shell goes on, the kernel tainted D.  "
			"Without a TYPE, the list.",
	      .see = "demo fault, peek VADDR, walk VADDR, dmesg, reset");
