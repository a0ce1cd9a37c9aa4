// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - the registry of lecture walkthroughs and the `demo` command.
 *
 * Demos are collected by the linker from DEMO() declarations, sorted by
 * name.  Pacing: `demo.pace=enter` on the command line (or `demo -p NAME`)
 * makes demo_step() wait for Enter before each step, for a lecture; the
 * default runs straight through, which is what the tests and a quick look
 * want.  Boot mode `demo` runs the ex04 walkthrough and the highmem one, in
 * that order, then the shell.
 */
#include <console.h>
#include <demo.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>

extern const struct demo __start_demos[], __stop_demos[];

static bool demo_paced;

static int __init parse_demo_pace(char *arg)
{
	demo_paced = arg && !strcmp(arg, "enter");
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
		kprintf("\n  [Enter] ");
		while (console_getc() != '\r')
			;
		kprintf("\n");
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
	      SHELL_TOPIC_TEACHING, cmd_demo);

void demo_main(void)
{
	static const char *const boot_demos[] = { "ex04", "highmem" };

	for (size_t i = 0; i < ARRAY_SIZE(boot_demos); i++)
		if (demo_run(boot_demos[i]) == -ENOENT)
			kprintf("demo: %s is not built yet\n", boot_demos[i]);
}
