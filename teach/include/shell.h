/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shell.h - the kmem386> prompt.
 *
 * Each subsystem adds its commands next to its code:
 *
 *	static int cmd_alloc(int argc, char **argv) { ... }
 *	SHELL_COMMAND(alloc, "ORDER [GFP...]", "allocate 2^ORDER pages",
 *		      SHELL_TOPIC_BUDDY, cmd_alloc,
 *		      .detail = "Takes a block of 2^ORDER pages ...",
 *		      .see = "free, cat /proc/buddyinfo");
 *
 * The linker collects them into one table sorted by name; `help` lists them
 * grouped by topic, one line each (80 columns), and `help NAME` gives the
 * usage, the detail, what to look at with it and the file that implements
 * it.  A command returns 0 or a negative errno after printing what went
 * wrong.  An oops inside a command ends that command only (run_protected()).
 */
#ifndef _SHELL_H
#define _SHELL_H

#include <printk.h>
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
	SHELL_TOPIC_PROCESS, /* processes: run, ps, kill, files */
	SHELL_TOPIC_DEVICES, /* PCI, interrupts, DMA */
	SHELL_TOPIC_PAGECACHE, /* the disk, page cache, writeback, reclaim */
	SHELL_TOPIC_TEACHING, /* demos, explanations */
	SHELL_TOPIC_SYSTEM, /* everything else */
	NR_SHELL_TOPICS
};

struct shell_command {
	const char *name; /* what is typed */
	const char *args; /* usage of the arguments, "" if none */
	const char *help; /* one line, with the usage under 80 columns */
	enum shell_topic topic; /* the `help` group */
	const char *file; /* implementing source file */
	int (*fn)(int argc, char **argv); /* argv[0] is the name */
	const char *detail; /* `help NAME`: what it does and shows, or NULL */
	const char *see; /* `help NAME`: commands, /proc views, demos, or NULL */
};

/* The optional fields (.detail, .see) follow the function. */
#define SHELL_COMMAND(cname, cargs, chelp, ctopic, cfn, ...)         \
	static const struct shell_command __shell_cmd_##cname __used \
		__section(".shell_cmds." #cname)                     \
			__aligned(4) = { .name = #cname,             \
					 .args = cargs,              \
					 .help = chelp,              \
					 .topic = ctopic,            \
					 .file = __FILE__,           \
					 .fn = cfn,                  \
					 __VA_ARGS__ }

/* Run the prompt loop forever. */
__attribute__((noreturn)) void shell_run(void);
/* Run one command line as if typed; returns the command's result. */
int shell_exec(const char *line);
const struct shell_command *shell_find(const char *name);
/* Print "usage: NAME ARGS" for a command given wrong arguments. */
int shell_usage(const char *name);
/* Did the kernel report a misuse (BUG, WARNING) in its log since mark? */
bool shell_reported_since(printk_mark_t mark);
/* Prose (help pages, demos), wrapped to the screen 2 columns in. */
void shell_paragraph(const char *text);
/* Parse a number argument (any base, K/M/G allowed with `size`). */
int shell_parse_ulong(const char *arg, unsigned long *val);
int shell_parse_size(const char *arg, unsigned long *val);
/* -ENOENT as a shell says it ("No such file or directory"), else otherwise. */
const char *shell_strerror(long err, const char *otherwise);

/*
 * What the shell's commands handed out and nobody gave back yet
 * (teach/shell/held.c): the one list that both decides what `free`,
 * `kfree`, `slab free`, `slab destroy`, `vfree` and `kunmap` may free (only
 * what is on it) and what `reset` gives back (what is left on it).  The
 * order of the kinds is the one reset frees in.
 */
enum held_kind {
	HELD_KMAP, /* kmap PFN: the page (one entry per kmap) */
	HELD_KMALLOC, /* kmalloc SIZE: the object or block */
	HELD_OBJECT, /* slab alloc NAME: the object; arg is the cache */
	HELD_CACHE, /* slab create NAME: the cache */
	HELD_VMALLOC, /* vmalloc SIZE (or lkdtm's buffer): the area's address */
	HELD_PAGES, /* alloc ORDER: the first page; arg is the order */
	NR_HELD_KINDS
};
struct shell_held {
	void *ptr; /* the page, object, area or cache; NULL: a free entry */
	unsigned long arg; /* HELD_PAGES: the order; HELD_OBJECT: the cache */
	unsigned long owner; /* shell_held_owner() when it was handed out */
	enum held_kind kind; /* what ptr is */
};
/*
 * Record what a command handed out.  False when the list is full (said
 * so): the command must give the thing back, as nothing could free it.
 */
bool shell_hold(enum held_kind kind, void *ptr, unsigned long arg);
/* Is it on the list (did the shell hand it out, not give it back yet)? */
bool shell_holds(enum held_kind kind, const void *ptr);
/* Cross it out once given back; false if it was not on the list. */
bool shell_unhold(enum held_kind kind, const void *ptr);
/* Take one thing of a kind off the list, for `reset`; false: none left. */
bool shell_held_take(enum held_kind kind, struct shell_held *out);
/*
 * The kernel's own record of who allocated it: a page block's or a
 * kmalloc_large block's owner, a vmalloc area's caller; 0 for the others.
 */
unsigned long shell_held_owner(enum held_kind kind, const void *ptr);
/* "page block", "kmap"...: a kind's name in messages. */
const char *shell_held_name(enum held_kind kind);

/* Shared by commands and demos (teach/commands/). */
struct vm_struct;
/* Every page of a vmalloc area, its pfn and zone, and a summary. */
void vmalloc_show_pages(const struct vm_struct *area);

#endif /* _SHELL_H */
