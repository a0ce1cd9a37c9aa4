// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - the registry of lecture walkthroughs and the `demo` command.
 *
 * Demos are collected by the linker from DEMO() declarations, sorted by
 * name.  Pacing: demo_step() can wait for Enter before each step, for a
 * lecture.  Boot mode `demo` (the GRUB menu entry, `make demo`) runs the ex04
 * walkthrough and the highmem one, in that order, paced, then the shell;
 * `demo.pace=none` runs them straight through (the tests do).  From the
 * shell, `demo NAME` runs straight through and `demo -p NAME` is paced.
 */
#include <console.h>
#include <demo.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>

extern const struct demo __start_demos[], __stop_demos[];

#define KEY_CTRL_C 0x03

static bool demo_paced;
static bool boot_demo_paced = true; /* demo.pace= for the boot mode */

static int __init parse_demo_pace(char *arg)
{
	if (!arg || (strcmp(arg, "enter") && strcmp(arg, "none"))) {
		pr_err("demo.pace=%s: expected enter or none; keeping enter\n",
		       arg ? arg : "");
		return -EINVAL;
	}
	boot_demo_paced = !strcmp(arg, "enter");
	return 0;
}
early_param("demo.pace", parse_demo_pace);

void demo_step(const char *fmt, ...)
{
	char text[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	if (demo_paced) {
		int c;

		kprintf("\n  [Enter] ");
		do
			c = console_getc();
		while (c != '\r' && c != '\n' && c != KEY_CTRL_C);
		kprintf("\n");
		/* A demo must tidy up after itself: ^C runs it on unpaced. */
		if (c == KEY_CTRL_C) {
			kprintf("^C: the rest of the demo without pauses, so that it gives back what it took\n");
			demo_paced = false;
		}
	}
	kprintf("\n%s\n", text);
}

static const struct demo *demo_find(const char *name)
{
	for (const struct demo *d = __start_demos; d < __stop_demos; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

struct demo_call {
	const struct demo *demo;
};

static void demo_call_fn(void *arg)
{
	((struct demo_call *)arg)->demo->run();
}

int demo_run(const char *name)
{
	struct demo_call call = { demo_find(name) };

	if (!call.demo)
		return -ENOENT;
	return run_protected(call.demo->name, demo_call_fn, &call);
}

static void demo_list(void)
{
	kprintf("demos (demo NAME; demo -p NAME waits for Enter between steps):\n");
	for (const struct demo *d = __start_demos; d < __stop_demos; d++)
		kprintf("  %-10s %s\n", d->name, d->help);
	if (&__start_demos[0] == &__stop_demos[0])
		kprintf("  (none yet)\n");
}

static int cmd_demo(int argc, char **argv)
{
	bool paced = demo_paced;
	int ret;

	if (argc == 3 && !strcmp(argv[1], "-p")) {
		demo_paced = true;
		argv++;
		argc--;
	}
	if (argc != 2) {
		demo_list();
		return argc == 1 ? 0 : -EINVAL;
	}
	ret = demo_run(argv[1]);
	demo_paced = paced;
	if (ret == -ENOENT) {
		kprintf("demo: no demo called %s\n", argv[1]);
		demo_list();
	}
	return ret;
}
SHELL_COMMAND(demo, "[[-p] NAME]", "run a lecture walkthrough (no NAME: list)",
	      SHELL_TOPIC_TEACHING, cmd_demo,
	      .detail = "Runs a walkthrough of one concept on this kernel, "
			"printing the commands it types so the class can "
			"repeat them.  -p paces it: it waits for Enter "
			"before each step.  Without NAME, the list of demos.  "
			"Boot mode demo (make demo) runs ex04 and highmem, "
			"paced.",
	      .see = "explain TOPIC, help");

/* Boot mode `demo`: the boot demos, then the prompt. */
static void demo_boot(void)
{
	static const char *const boot_demos[] = { "ex04", "highmem" };

	demo_paced = boot_demo_paced;
	if (demo_paced)
		kprintf("\nThe ex04 walkthrough, then the highmem one: press Enter at each [Enter].\n");
	for (size_t i = 0; i < ARRAY_SIZE(boot_demos); i++)
		if (demo_run(boot_demos[i]) == -ENOENT)
			kprintf("demo: %s is not built yet\n", boot_demos[i]);
	demo_paced = false;
	shell_run();
}
BOOT_MODE(demo, demo_boot);

static int __init set_mode_demo(char *arg)
{
	return boot_mode_select("demo");
}
early_param("demo", set_mode_demo);
