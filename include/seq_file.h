/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_file.h - text views of kernel state (/proc files, reports).
 *
 * A view is a function that writes its text with seq_printf().  The same
 * view can go to the console (`cat /proc/buddyinfo`) or into a buffer that a
 * test parses (the ex04 tests compare the API with /proc/zoneinfo).
 */
#ifndef _SEQ_FILE_H
#define _SEQ_FILE_H

#include <types.h>

struct seq_file {
	char *buf; /* NULL: write to the console */
	size_t size; /* buffer size */
	size_t count; /* bytes produced (may exceed size: truncated) */
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
/* Did the buffer hold all of the output? */
static inline bool seq_overflowed(const struct seq_file *m)
{
	return m->buf && m->count >= m->size;
}

/*
 * A /proc file: a name under /proc, the function that writes its text,
 * and for a setting (/proc/sys/vm/dirty_ratio) the one that takes a new
 * value: count, or -EINVAL for a value it refuses.
 */
struct proc_file {
	const char *name; /* "meminfo", "sys/vm/min_free_kbytes" */
	void (*show)(struct seq_file *m);
	ssize_t (*write)(const char *buf, size_t count); /* NULL: read-only */
};

#define PROC_FILE(pname, pshow)                                             \
	static const struct proc_file __proc_file_##pshow __used __section( \
		".proc_files." pname) __aligned(4) = {                      \
		.name = pname,                                              \
		.show = pshow,                                              \
	}

#define PROC_FILE_RW(pname, pshow, pwrite)                                  \
	static const struct proc_file __proc_file_##pshow __used __section( \
		".proc_files." pname) __aligned(4) = {                      \
		.name = pname,                                              \
		.show = pshow,                                              \
		.write = pwrite,                                            \
	}

/* Find /proc/NAME ("meminfo" or "/proc/meminfo"); NULL if there is none. */
const struct proc_file *proc_find(const char *name);
/* Render /proc/NAME into buf; returns its length or -ENOENT/-ENOSPC. */
int proc_read(const char *name, char *buf, size_t size);
/* Write to /proc/NAME: count, -ENOENT, -EACCES (read-only) or its error. */
ssize_t proc_write(const char *name, const char *buf, size_t count);

/*
 * A sysctl's value from what was written ("20\n"): one integer in
 * [min, max], blanks and a newline around it allowed: 0 or -EINVAL.
 */
int proc_parse_long(const char *buf, size_t count, long min, long max,
		    long *val);

#endif /* _SEQ_FILE_H */
