/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shell.h - the kmem386> prompt.
 *
 * Each subsystem adds its commands next to its code:
 *
 *	static int cmd_alloc(int argc, char **argv) { ... }
 *	SHELL_COMMAND(alloc, "ORDER [GFP...]", "allocate 2^ORDER pages",
 *		      SHELL_TOPIC_BUDDY, cmd_alloc);
 *
 * The linker collects them into one table sorted by name; `help` lists them
 * grouped by topic with the file that implements each.  A command returns 0
 * or a negative errno after printing what went wrong.  An oops inside a
 * command ends that command only (run_protected()).
 */
#ifndef _SHELL_H
#define _SHELL_H

#include <types.h>

#define SHELL_MAX_ARGS 16
#define SHELL_LINE_MAX 256

/* Topics: the seed's concepts (2.7.9 a-i), then the rest. */
enum shell_topic {
	SHELL_TOPIC_LAYOUT, /* a, b: address space, direct map */
	SHELL_TOPIC_VMALLOC, /* c */
	SHELL_TOPIC_KMALLOC, /* d */
	SHELL_TOPIC_SLAB, /* e */
	SHELL_TOPIC_BUDDY, /* f */
	SHELL_TOPIC_GFP, /* g */
	SHELL_TOPIC_HIGHMEM, /* h */
	SHELL_TOPIC_ZONES, /* i */
	SHELL_TOPIC_DEVICES, /* PCI, interrupts, DMA */
	SHELL_TOPIC_TEACHING, /* demos, explanations */
	SHELL_TOPIC_SYSTEM, /* everything else */
	NR_SHELL_TOPICS
};

struct shell_command {
	const char *name; /* what is typed */
	const char *args; /* usage of the arguments, "" if none */
	const char *help; /* one line */
	enum shell_topic topic; /* the `help` group */
	const char *file; /* implementing source file */
	int (*fn)(int argc, char **argv); /* argv[0] is the name */
};

#define SHELL_COMMAND(cname, cargs, chelp, ctopic, cfn)              \
	static const struct shell_command __shell_cmd_##cname __used \
		__section(".shell_cmds." #cname) __aligned(4) = {    \
			.name = #cname,                              \
			.args = cargs,                               \
			.help = chelp,                               \
			.topic = ctopic,                             \
			.file = __FILE__,                            \
			.fn = cfn,                                   \
		}

/* Run the prompt loop forever. */
__attribute__((noreturn)) void shell_run(void);
/* Run one command line as if typed; returns the command's result. */
int shell_exec(const char *line);
const struct shell_command *shell_find(const char *name);
/* Print "usage: NAME ARGS" for a command given wrong arguments. */
int shell_usage(const char *name);
/* Parse a number argument (any base, K/M/G allowed with `size`). */
int shell_parse_ulong(const char *arg, unsigned long *val);
int shell_parse_size(const char *arg, unsigned long *val);

/* Shared by commands and demos (teach/commands/). */
struct vm_struct;
/* Every page of a vmalloc area, its pfn and zone, and a summary. */
void vmalloc_show_pages(const struct vm_struct *area);

#endif /* _SHELL_H */
