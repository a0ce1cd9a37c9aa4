// SPDX-License-Identifier: GPL-2.0
/*
 * builtins.c - the shell's own commands: help, clear, dmesg, cmdline,
 * ticks, reboot, poweroff.
 *
 * `help` lists every command, grouped by the course's topics (2.7.9 a-i),
 * one line each so the list fits an 80-column screen; `help NAME` is the
 * page of one command: its usage, what it does, what to look at beside it
 * (/proc views, demos, other commands) and the file that implements it, so
 * the shell is also a map of the source.
 */
#include <asm/setup.h>
#include <blkdev.h>
#include <console.h>
#include <errno.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <reboot.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

#define HELP_USAGE_WIDTH 22 /* the usage column of `help` */

static const char *const topic_titles[NR_SHELL_TOPICS] = {
	[SHELL_TOPIC_LAYOUT] = "2.7.9.a-b  kernel address space, direct map",
	[SHELL_TOPIC_VMALLOC] = "2.7.9.c    vmalloc",
	[SHELL_TOPIC_KMALLOC] = "2.7.9.d    kmalloc",
	[SHELL_TOPIC_SLAB] = "2.7.9.e    slab allocator",
	[SHELL_TOPIC_BUDDY] = "2.7.9.f    page allocator (buddy system)",
	[SHELL_TOPIC_GFP] = "2.7.9.g    GFP flags",
	[SHELL_TOPIC_HIGHMEM] = "2.7.9.h    high memory, kmap",
	[SHELL_TOPIC_ZONES] = "2.7.9.i    memory zones",
	[SHELL_TOPIC_PROCESS] = "processes  user programs and their files",
	[SHELL_TOPIC_DEVICES] = "devices    PCI, interrupts, DMA",
	[SHELL_TOPIC_PAGECACHE] = "page cache the disk, writeback, reclaim",
	[SHELL_TOPIC_TEACHING] = "teaching   demos and explanations",
	[SHELL_TOPIC_SYSTEM] = "system",
};

static void help_list(void)
{
	for (int topic = 0; topic < NR_SHELL_TOPICS; topic++) {
		bool printed_title = false;

		for (const struct shell_command *cmd = __start_shell_cmds;
		     cmd < __stop_shell_cmds; cmd++) {
			char usage[48];

			if ((int)cmd->topic != topic)
				continue;
			if (!printed_title) {
				kprintf("%s\n", topic_titles[topic]);
				printed_title = true;
			}
			snprintf(usage, sizeof(usage), "%s %s", cmd->name,
				 cmd->args);
			kprintf("  %-*s %s\n", HELP_USAGE_WIDTH, usage,
				cmd->help);
		}
	}
	kprintf("help NAME: a command's usage, what it shows, its source file\n");
}

/* The page of one command. */
static void help_command(const struct shell_command *cmd)
{
	kprintf("usage: %s %s\n", cmd->name, cmd->args);
	kprintf("  %s\n", cmd->help);
	if (cmd->detail) {
		kprintf("\n");
		shell_paragraph(cmd->detail);
		kprintf("\n");
	}
	if (cmd->see)
		kprintf("see also: %s\n", cmd->see);
	kprintf("topic: %s\n", topic_titles[cmd->topic]);
	kprintf("file: %s\n", cmd->file);
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_command *cmd;

	if (argc == 1) {
		help_list();
		return 0;
	}
	if (argc > 2)
		return shell_usage(argv[0]);
	cmd = shell_find(argv[1]);
	if (!cmd) {
		kprintf("help: no command %s (`help` lists them)\n", argv[1]);
		return -ENOENT;
	}
	help_command(cmd);
	return 0;
}
SHELL_COMMAND(help, "[NAME]", "the commands; help NAME: one in detail",
	      SHELL_TOPIC_SYSTEM, cmd_help,
	      .detail = "Without NAME, every command on one line each, grouped "
			"by the course's sections (2.7.9 a-i).  With NAME, "
			"the page you are reading: usage, what the command "
			"does and shows, where to look beside it, and the "
			"source file that implements it.");

static int cmd_clear(int argc, char **argv)
{
	console_clear();
	return 0;
}
SHELL_COMMAND(clear, "", "a fresh screen (VGA and the terminal)",
	      SHELL_TOPIC_SYSTEM, cmd_clear,
	      .detail = "Clears the VGA screen and sends the ANSI clear "
			"sequence (ESC [H ESC [2J) to the serial terminal.  "
			"On VGA the old screen is not lost: Shift-PgUp scrolls "
			"back into it (a few hundred lines are kept).",
	      .see = "Shift-PgUp, Shift-PgDn (VGA scrollback)");

static int cmd_dmesg(int argc, char **argv)
{
	bool raw = argc > 1 && !strcmp(argv[1], "-r");

	if (argc > 1 && !raw)
		return shell_usage(argv[0]);
	dmesg_print(raw);
	return 0;
}
SHELL_COMMAND(dmesg, "[-r]", "print the kernel log (-r: with <levels>)",
	      SHELL_TOPIC_SYSTEM, cmd_dmesg,
	      .detail = "The kernel log since boot (a 128 KB ring): the boot "
			"messages in Linux's words, then every report (WARN, "
			"BUG, oops) since.  Each line has its time since boot; "
			"-r adds the <level> prefix as Linux's dmesg -r does.  "
			"On the screen long lines wrap under their text; the "
			"log keeps them whole.",
	      .see = "cmdline, layout, e820");

static int cmd_cmdline(int argc, char **argv)
{
	/* Up to 2047 characters: more than one kprintf() line holds. */
	console_write(saved_command_line, strlen(saved_command_line));
	console_write("\n", 1);
	return 0;
}
SHELL_COMMAND(cmdline, "", "the kernel command line of this boot",
	      SHELL_TOPIC_SYSTEM, cmd_cmdline,
	      .detail = "What the boot loader passed (GRUB's menu entry, or "
			"make run-kernel APPEND=...): the boot mode and options "
			"such as mem=, vmalloc=, highmem=, nopse, slub_debug.",
	      .see = "cat /proc/cmdline, dmesg (Kernel command line:)");

static int cmd_ticks(int argc, char **argv)
{
	u64 ns = local_clock();

	kprintf("jiffies: %llu (HZ=%d), uptime %llu.%06llu s, TSC %lu kHz\n",
		(unsigned long long)jiffies, HZ, ns / NSEC_PER_SEC,
		(ns % NSEC_PER_SEC) / 1000, tsc_khz);
	return 0;
}
SHELL_COMMAND(ticks, "", "timer ticks and uptime", SHELL_TOPIC_SYSTEM,
	      cmd_ticks,
	      .detail = "jiffies (the timer interrupt's count, HZ per second), "
			"the uptime from the TSC, and the TSC rate measured "
			"at boot against the PIT.",
	      .see = "cat /proc/uptime, cat /proc/interrupts");

static int cmd_reboot(int argc, char **argv)
{
	kprintf("Restarting system.\n");
	machine_restart();
}
SHELL_COMMAND(reboot, "", "reset the machine", SHELL_TOPIC_SYSTEM, cmd_reboot,
	      .detail = "Resets the machine through the keyboard controller.  "
			"Under make run QEMU is started with -no-reboot, so "
			"QEMU exits instead of booting again.",
	      .see = "poweroff");

static int cmd_poweroff(int argc, char **argv)
{
	bool nosync = argc == 2 && !strcmp(argv[1], "-n");

	if (argc > 2 || (argc == 2 && !nosync))
		return shell_usage(argv[0]);
	if (!nosync)
		sync_bdevs(); /* as busybox's poweroff: sync() first */
	kprintf("Power down.\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
SHELL_COMMAND(poweroff, "[-n]", "power off (QEMU exits with status 33)",
	      SHELL_TOPIC_SYSTEM, cmd_poweroff,
	      .detail = "Writes every dirty page to its disk first (sync, as "
			"the poweroff command of Linux systems does; -n: not, "
			"and what was not written is lost), then leaves QEMU "
			"through its isa-debug-exit port with the value 0x10, "
			"which QEMU turns into exit status 33: make run and "
			"the tests take it as a normal end.",
	      .see = "reboot, sync");
