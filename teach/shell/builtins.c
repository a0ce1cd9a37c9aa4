// SPDX-License-Identifier: GPL-2.0
/*
 * builtins.c - the shell's own commands: help, dmesg, cmdline, ticks,
 * reboot, poweroff.
 *
 * `help` lists every command, grouped by the course's topics (2.7.9 a-i),
 * with the file that implements it: the shell is also a map of the source.
 */
#include <asm/setup.h>
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

static const char *const topic_titles[NR_SHELL_TOPICS] = {
	[SHELL_TOPIC_LAYOUT] = "2.7.9.a-b  kernel address space, direct map",
	[SHELL_TOPIC_VMALLOC] = "2.7.9.c    vmalloc",
	[SHELL_TOPIC_KMALLOC] = "2.7.9.d    kmalloc",
	[SHELL_TOPIC_SLAB] = "2.7.9.e    slab allocator",
	[SHELL_TOPIC_BUDDY] = "2.7.9.f    page allocator (buddy system)",
	[SHELL_TOPIC_GFP] = "2.7.9.g    GFP flags",
	[SHELL_TOPIC_HIGHMEM] = "2.7.9.h    high memory, kmap",
	[SHELL_TOPIC_ZONES] = "2.7.9.i    memory zones",
	[SHELL_TOPIC_DEVICES] = "devices    PCI, interrupts, DMA",
	[SHELL_TOPIC_TEACHING] = "teaching   demos and explanations",
	[SHELL_TOPIC_SYSTEM] = "system",
};

static int cmd_help(int argc, char **argv)
{
	for (int topic = 0; topic < NR_SHELL_TOPICS; topic++) {
		bool printed_title = false;

		for (const struct shell_command *cmd = __start_shell_cmds;
		     cmd < __stop_shell_cmds; cmd++) {
			char usage[48];

			if ((int)cmd->topic != topic)
				continue;
			if (argc > 1 && strcmp(argv[1], cmd->name))
				continue;
			if (!printed_title) {
				kprintf("%s\n", topic_titles[topic]);
				printed_title = true;
			}
			snprintf(usage, sizeof(usage), "%s %s", cmd->name,
				 cmd->args);
			kprintf("  %-26s %-44s %s\n", usage, cmd->help,
				cmd->file);
		}
	}
	if (argc > 1 && !shell_find(argv[1])) {
		kprintf("help: no command %s\n", argv[1]);
		return -ENOENT;
	}
	return 0;
}
SHELL_COMMAND(help, "[COMMAND]", "the commands, what they do, where they live",
	      SHELL_TOPIC_SYSTEM, cmd_help);

static int cmd_dmesg(int argc, char **argv)
{
	bool raw = argc > 1 && !strcmp(argv[1], "-r");

	if (argc > 1 && !raw)
		return shell_usage(argv[0]);
	dmesg_print(raw);
	return 0;
}
SHELL_COMMAND(dmesg, "[-r]", "print the kernel log (-r: with <levels>)",
	      SHELL_TOPIC_SYSTEM, cmd_dmesg);

static int cmd_cmdline(int argc, char **argv)
{
	kprintf("%s\n", saved_command_line);
	return 0;
}
SHELL_COMMAND(cmdline, "", "the kernel command line of this boot",
	      SHELL_TOPIC_SYSTEM, cmd_cmdline);

static int cmd_ticks(int argc, char **argv)
{
	u64 ns = local_clock();

	kprintf("jiffies: %llu (HZ=%d), uptime %llu.%06llu s, TSC %lu kHz\n",
		(unsigned long long)jiffies, HZ, ns / NSEC_PER_SEC,
		(ns % NSEC_PER_SEC) / 1000, tsc_khz);
	return 0;
}
SHELL_COMMAND(ticks, "", "timer ticks and uptime", SHELL_TOPIC_SYSTEM,
	      cmd_ticks);

static int cmd_reboot(int argc, char **argv)
{
	kprintf("Restarting system.\n");
	machine_restart();
}
SHELL_COMMAND(reboot, "", "reset the machine", SHELL_TOPIC_SYSTEM, cmd_reboot);

static int cmd_poweroff(int argc, char **argv)
{
	kprintf("Power down.\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}
SHELL_COMMAND(poweroff, "", "power off (QEMU exits with status 33)",
	      SHELL_TOPIC_SYSTEM, cmd_poweroff);
