// SPDX-License-Identifier: GPL-2.0
/*
 * demo.c - the registry of lecture walkthroughs, their pacing, and the
 * `demo` command.
 *
 * Demos are collected by the linker from DEMO() declarations, sorted by
 * name.  A demo is a list of sections (demo.h).  Unpaced (`demo NAME`, the
 * tests), the sections run one after the other.  Paced (`demo -p NAME`,
 * boot mode `demo`), the demo stops after each section and the lecturer
 * chooses: Enter or n the next section, b the one before the section just
 * shown, a digit that section, q (or Ctrl-C) the end.  A Ctrl-C while a
 * section runs ends the demo once that section is done (the commands a
 * demo types leave the interrupt to it).  Going back re-runs
 * a section from its start: each section sets up what it needs from the
 * demo's own variables, whatever ran before it, so the state it shows is
 * the state it describes.
 *
 * Around every demo, memstate.h counts the memory manager: settled and
 * counted before the first section, and again after the demo's `leave`
 * gave back what its sections held.  A demo that did not give back all it
 * took says what it kept (a bug in the demo); one that did says so in a
 * line, which the tests check after every demo.  The pkmap cursor is put
 * back where it was, so a kmap after a demo takes the slot it would have
 * taken without it.  Settling first is also what makes a demo replayable:
 * it starts from lists drained and slots flushed, whatever ran before.
 *
 * Boot mode `demo` (the GRUB menu entry, `make demo`) runs the ex04
 * walkthrough and the highmem one, paced, then the shell; `demo.pace=none`
 * runs them straight through (the tests do).
 */
#include <bug.h>
#include <console.h>
#include <demo.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <memstate.h>
#include <mm.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>

#define KEY_CTRL_C 0x03
#define DEMO_MAX_SECTIONS 9 /* one digit each */

extern const struct demo __start_demos[], __stop_demos[];

static bool boot_demo_paced = true; /* demo.pace= for the boot mode */
static bool demo_ended; /* a section called demo_end() */
static bool demo_interrupted; /* a Ctrl-C ended the demo */

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

int demo_type(const char *fmt, ...)
{
	char line[SHELL_LINE_MAX];
	va_list args;

	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	kprintf("  kmem386> %s\n", line);
	return shell_exec(line);
}

static const struct demo *demo_find(const char *name)
{
	for (const struct demo *d = __start_demos; d < __stop_demos; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

/* A key at a pause; CR LF counts once. */
static int demo_key(void)
{
	static bool last_was_cr;
	int c = console_getc();

	if (c == '\n' && last_was_cr)
		c = console_getc(); /* the LF of a CR LF pair */
	last_was_cr = c == '\r';
	return c;
}

/*
 * The pause after section `shown` (1-based): the next section to run, or
 * 0 to end the demo.  The key is echoed, so a transcript shows the path.
 */
static unsigned int demo_pause(const struct demo *d, unsigned int shown)
{
	unsigned int n = d->nr_sections;
	bool last = shown == n;

	if (last)
		kprintf("\n  -- end of demo %s: Enter or q leaves, b back, 1-%u a section -- ",
			d->name, n);
	else
		kprintf("\n  -- %u/%u: Enter or n next, b back, 1-%u a section, q quit -- ",
			shown, n, n);
	for (;;) {
		int c = demo_key();

		if (c == '\r' || c == '\n' || c == 'n' || c == ' ') {
			kprintf(c == 'n' ? "n\n" : "\n");
			return last ? 0 : shown + 1;
		}
		if (c == 'b') {
			kprintf("b\n");
			return shown > 1 ? shown - 1 : 1;
		}
		if (c >= '1' && c <= (int)('0' + n)) {
			kprintf("%c\n", c);
			return (unsigned int)(c - '0');
		}
		if (c == 'q' || c == KEY_CTRL_C) {
			demo_interrupted = c == KEY_CTRL_C;
			kprintf("q\n");
			return 0;
		}
	}
}

void demo_end(void)
{
	demo_ended = true;
}

/* The sections, in order or as the lecturer picks them. */
static void demo_sections(const struct demo *d, bool paced)
{
	unsigned int next = 1;

	while (next) {
		const struct demo_section *sec = &d->sections[next - 1];

		kprintf("\n[%u/%u] %s\n", next, d->nr_sections, sec->title);
		demo_ended = false;
		sec->run();
		if (signal_pending()) {
			/* A ^C while the section ran: as q at its pause. */
			kprintf("\n^C: demo %s ends here\n", d->name);
			demo_interrupted = true;
			next = 0;
		} else if (paced)
			next = demo_pause(d,
					  demo_ended ? d->nr_sections : next);
		else if (demo_ended || next == d->nr_sections)
			next = 0;
		else
			next++;
	}
}

struct demo_call {
	const struct demo *demo;
	bool paced;
};

static void demo_call_fn(void *arg)
{
	struct demo_call *call = arg;

	demo_sections(call->demo, call->paced);
}

/* Did the demo give back all it took?  Say so, or say what it kept. */
static void demo_check_state(const struct demo *d,
			     const struct memstate *before)
{
	static struct memstate after;

	memstate_settle(NULL);
	kmap_set_cursor(before->pkmap_cursor);
	memstate_take(&after);
	kprintf("\n");
	if (!memstate_compare(before, &after, "before the demo"))
		kprintf("demo %s: gave back all it took (free pages, slab objects, vmalloc areas, kmaps)\n",
			d->name);
	else
		kprintf("demo %s: did not give back all it took (the lines above)\n",
			d->name);
}

int demo_run(const char *name, bool paced)
{
	static struct memstate before;
	struct demo_call call = { demo_find(name), paced };
	int ret;

	if (!call.demo)
		return -ENOENT;
	if (WARN(!call.demo->nr_sections ||
			 call.demo->nr_sections > DEMO_MAX_SECTIONS,
		 "demo %s: %u sections, expected 1 to %d\n", name,
		 call.demo->nr_sections, DEMO_MAX_SECTIONS))
		return -EINVAL;
	memstate_settle(NULL);
	memstate_take(&before);
	demo_interrupted = false;
	ret = run_protected(call.demo->name, demo_call_fn, &call);
	if (call.demo->leave)
		call.demo->leave();
	demo_check_state(call.demo, &before);
	return ret ? ret : demo_interrupted ? -EINTR : 0;
}

static void demo_list(void)
{
	kprintf("demos (demo NAME; demo -p NAME pauses after each section):\n");
	for (const struct demo *d = __start_demos; d < __stop_demos; d++)
		kprintf("  %-10s %s\n", d->name, d->help);
	if (&__start_demos[0] == &__stop_demos[0])
		kprintf("  (none yet)\n");
}

static int cmd_demo(int argc, char **argv)
{
	bool paced = argc == 3 && !strcmp(argv[1], "-p");
	int ret;

	if (paced) {
		argv++;
		argc--;
	}
	if (argc != 2) {
		demo_list();
		return argc == 1 ? 0 : -EINVAL;
	}
	ret = demo_run(argv[1], paced);
	if (ret == -ENOENT) {
		kprintf("demo: no demo called %s\n", argv[1]);
		demo_list();
	}
	return ret;
}
SHELL_COMMAND(demo, "[[-p] NAME]", "run a lecture walkthrough (no NAME: list)",
	      SHELL_TOPIC_TEACHING, cmd_demo,
	      .detail = "Runs a walkthrough of one concept on this kernel, "
			"section by section, printing the commands it types "
			"so the class can repeat them.  -p paces it: after "
			"each section, Enter or n goes on, b goes back one, "
			"a digit goes to that section, q ends it.  Every "
			"demo gives back what it took and says so; it starts "
			"from settled lists, so demos run in any order.  "
			"Without NAME, the list of demos.  Boot mode demo "
			"(make demo) runs ex04 and highmem, paced.",
	      .see = "reset, explain TOPIC, help");

/* Boot mode `demo`: the boot demos, then the prompt. */
static void demo_boot(void)
{
	static const char *const boot_demos[] = { "ex04", "highmem" };

	memstate_boot(); /* before the demos: what `reset` goes back to */
	if (boot_demo_paced)
		kprintf("\nThe ex04 walkthrough, then the highmem one: Enter after each section.\n");
	for (size_t i = 0; i < ARRAY_SIZE(boot_demos); i++) {
		flush_signals(); /* a ^C from now on ends this demo */
		if (demo_run(boot_demos[i], boot_demo_paced) == -ENOENT)
			kprintf("demo: %s is not built yet\n", boot_demos[i]);
		console_drop_intr(); /* it ended the demo: not input */
	}
	flush_signals();
	shell_run();
}
BOOT_MODE(demo, demo_boot);

static int __init set_mode_demo(char *arg)
{
	return boot_mode_select("demo");
}
early_param("demo", set_mode_demo);
