// SPDX-License-Identifier: GPL-2.0
/*
 * proc_cmds.c - `cat` and `ls` of /proc.
 *
 * /proc is a name space of views (kernel/seq_file.c): `cat` runs a view's
 * show function with the console as its seq_file, `ls` lists the names in
 * the registry the linker built from every PROC_FILE().  `cat` prints
 * exactly what Linux would (console_set_exact()): a lecturer compares the
 * lines with a real machine's, so COM1 gets them whole, however long; only
 * the VGA screen, which cannot show a long line, wraps them.
 */
#include <console.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <string.h>

extern const struct proc_file __start_proc_files[], __stop_proc_files[];

static int cmd_cat(int argc, char **argv)
{
	int ret = 0;

	if (argc < 2)
		return shell_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		const struct proc_file *p = proc_find(argv[i]);
		struct seq_file m = { .buf = NULL };

		if (!p) {
			kprintf("cat: %s: No such file (see `ls /proc`)\n",
				argv[i]);
			ret = -ENOENT;
			continue;
		}
		/* Linux's format, line for line: not wrapped on COM1. */
		console_set_exact(true);
		p->show(&m);
		console_set_exact(false);
	}
	return ret;
}
SHELL_COMMAND(cat, "/proc/FILE...", "print a /proc view", SHELL_TOPIC_SYSTEM,
	      cmd_cat,
	      .detail = "Prints /proc files as Linux does, column for column, "
			"so they can be put beside a real machine's: meminfo, "
			"zoneinfo, buddyinfo, pagetypeinfo, slabinfo, "
			"vmallocinfo, vmstat, iomem...  Their lines are not "
			"wrapped on the serial console (slabinfo's are wider "
			"than 80 columns, as on Linux); the VGA screen wraps "
			"them.  /proc/pkmap and /proc/memblock are this "
			"kernel's own.",
	      .see = "ls, slabinfo and slabtop (slabinfo in 80 columns)");

static int cmd_ls(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "/proc") && strcmp(argv[1], "/proc/")) {
		kprintf("ls: only /proc exists here\n");
		return -ENOENT;
	}
	for (const struct proc_file *p = __start_proc_files;
	     p < __stop_proc_files; p++)
		kprintf("/proc/%s\n", p->name);
	return 0;
}
SHELL_COMMAND(ls, "[/proc]", "list the /proc views", SHELL_TOPIC_SYSTEM, cmd_ls,
	      .detail = "Lists the /proc files: there is no file system, each "
			"one is a function that prints a view of the kernel, "
			"registered with PROC_FILE() next to the code it shows.",
	      .see = "cat /proc/FILE");
