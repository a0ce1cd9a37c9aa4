// SPDX-License-Identifier: GPL-2.0
/*
 * kmemleak_cmds.c - `kmemleak`: find kmalloc and vmalloc memory nothing
 * points to (mm/kmemleak.c; boot with kmemleak=on).
 *
 *	kmemleak scan        scan now, then list the suspects
 *	kmemleak             list the suspects of the last scan (/proc/kmemleak)
 *	kmemleak clear       forget the current suspects
 *	kmemleak plant SIZE  leak a kmalloc object on purpose, to find it
 *	kmemleak why ADDR    scan, and say which words point into that object
 *
 * What Linux does with `echo scan > /sys/kernel/debug/kmemleak` and `cat`;
 * `plant` is what its samples/kmemleak test module does.
 */
#include <errno.h>
#include <kernel.h>
#include <kmemleak.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <slab.h>
#include <string.h>

#define PLANT_MASK 0x5a5a5a5aUL /* what the planted pointer is kept as */

/* The last planted leak, disguised: a pointer here would keep it alive. */
static unsigned long planted;

static void show_suspects(void)
{
	const struct proc_file *p = proc_find("kmemleak");
	struct seq_file m = { .buf = NULL };

	if (p)
		p->show(&m);
}

static noinline int kmemleak_plant(unsigned long size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0x6c, size); /* no pointer-like words in it */
	planted = (unsigned long)p ^ PLANT_MASK;
	kprintf("kmemleak: planted a leak of %lu bytes at %p: the next scan finds it\n",
		size, p);
	return 0;
}

static int cmd_kmemleak(int argc, char **argv)
{
	unsigned long size;
	int ret;

	if (argc == 1) {
		show_suspects();
		return 0;
	}
	if (!strcmp(argv[1], "scan") && argc == 2) {
		ret = kmemleak_scan();
		if (ret == -ENODEV)
			kprintf("kmemleak: off (boot with kmemleak=on)\n");
		else if (ret == -EINTR)
			kprintf("kmemleak: scan interrupted by Ctrl-C\n");
		else if (!ret)
			kprintf("kmemleak: no new suspected memory leaks\n");
		if (ret > 0)
			show_suspects();
		return ret < 0 ? ret : 0;
	}
	if (!strcmp(argv[1], "clear") && argc == 2) {
		kmemleak_clear();
		return 0;
	}
	if (!strcmp(argv[1], "why") && argc == 3) {
		unsigned long addr;

		if (shell_parse_ulong(argv[2], &addr))
			return -EINVAL;
		ret = kmemleak_why((void *)addr, NULL, 0);
		if (ret == -ENODEV)
			kprintf("kmemleak: off (boot with kmemleak=on)\n");
		return ret < 0 ? ret : 0;
	}
	if (!strcmp(argv[1], "plant") && argc == 3) {
		if (shell_parse_size(argv[2], &size))
			return -EINVAL;
		return kmemleak_plant(size);
	}
	return shell_usage(argv[0]);
}
SHELL_COMMAND(kmemleak, "[scan|clear|plant SIZE|why ADDR]",
	      "find memory nothing points to", SHELL_TOPIC_SYSTEM, cmd_kmemleak,
	      .detail = "Needs a boot with kmemleak=on, which records every "
			"slab object, kmalloc_large block and vmalloc area.  "
			"scan: a conservative mark and sweep from the kernel's "
			"data and bss, every CPU's per-CPU area and the live "
			"part of every CPU's stack, through the objects they "
			"reach; what nothing reaches is a suspected leak, "
			"listed once in Linux's format (address, size, "
			"command, hex dump, backtrace).  No argument: the "
			"suspects of the last scan (/proc/kmemleak).  clear: "
			"forget them.  plant SIZE: kmalloc SIZE bytes and "
			"lose the pointer, for the next scan to find.  why "
			"ADDR: scan, and say where the words that point into "
			"the object at ADDR are (a root, or another object): "
			"why it is not a suspect.  Ctrl-C stops a scan.",
	      .see = "cat /proc/kmemleak, kmalloc, vmalloc, test kmemleak");
