// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file.c - writing views to the console or a buffer, and /proc lookup.
 *
 * The /proc files are collected by the linker from PROC_FILE() declarations
 * all over the kernel, sorted by name; proc_find() and proc_read() find
 * them here (the shell's `cat /proc/X` too).  There is no file system:
 * /proc is a name space of views.
 */
#include <ctype.h>
#include <cmdline.h>
#include <console.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>

extern const struct proc_file __start_proc_files[], __stop_proc_files[];

static void seq_write(struct seq_file *m, const char *s, size_t len)
{
	if (!m->buf) {
		console_write(s, len);
	} else if (m->count < m->size) {
		size_t room = m->size - m->count - 1;

		memcpy(m->buf + m->count, s, min(len, room));
		m->buf[m->count + min(len, room)] = '\0';
	}
	m->count += len;
}

/*
 * Most lines fit the buffer on the stack; a longer one (a command line of
 * 2047 characters) is formatted again into one from kmalloc, so that no
 * view loses the end of a line.
 */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	char text[512], *big;
	va_list args, again;
	int len;

	va_start(args, fmt);
	va_copy(again, args);
	len = vsnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	if (len < (int)sizeof(text)) {
		seq_write(m, text, (size_t)len);
	} else if ((big = kmalloc((size_t)len + 1,
				  GFP_ATOMIC | __GFP_NOWARN))) {
		vsnprintf(big, (size_t)len + 1, fmt, again);
		seq_write(m, big, (size_t)len);
		kfree(big);
	} else {
		seq_write(m, text, sizeof(text) - 1);
		seq_puts(m, " [line cut: no memory for the rest]");
	}
	va_end(again);
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

const struct proc_file *proc_find(const char *name)
{
	if (str_has_prefix(name, "/proc/"))
		name += 6;
	for (const struct proc_file *p = __start_proc_files;
	     p < __stop_proc_files; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

int proc_read(const char *name, char *buf, size_t size)
{
	const struct proc_file *p = proc_find(name);
	struct seq_file m = { .buf = buf, .size = size };

	if (!p)
		return -ENOENT;
	if (size)
		buf[0] = '\0';
	p->show(&m);
	return seq_overflowed(&m) ? -ENOSPC : (int)m.count;
}

ssize_t proc_write(const char *name, const char *buf, size_t count)
{
	const struct proc_file *p = proc_find(name);

	if (!p)
		return -ENOENT;
	if (!p->write)
		return -EACCES;
	return p->write(buf, count);
}

int proc_parse_long(const char *buf, size_t count, long min, long max,
		    long *val)
{
	char tmp[24];
	size_t start = 0, end = count;
	unsigned long long u;
	bool negative;
	long long v;

	while (start < end && isspace((unsigned char)buf[start]))
		start++;
	while (end > start && isspace((unsigned char)buf[end - 1]))
		end--;
	if (end == start || end - start >= sizeof(tmp))
		return -EINVAL;
	memcpy(tmp, buf + start, end - start);
	tmp[end - start] = '\0';
	negative = tmp[0] == '-';
	if (kstrtoull(tmp + negative, 10, &u) ||
	    u > (unsigned long long)LONG_MAX)
		return -EINVAL;
	v = negative ? -(long long)u : (long long)u;
	if (v < min || v > max)
		return -EINVAL;
	*val = (long)v;
	return 0;
}
