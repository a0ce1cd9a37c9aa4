// SPDX-License-Identifier: GPL-2.0
/*
 * console_file.c - the console as a file: what a program's descriptors
 * 0, 1 and 2 are (Linux's /dev/console, a tty).
 *
 * write() goes to every console (COM1 and the VGA screen) as the shell's
 * own output does, not to the kernel log.  read() waits for a line from
 * the keyboard or COM1 (the same input queue as the shell: the shell is
 * asleep while its `run` waits for the program), echoes it, and returns
 * it with its newline, like a tty in canonical mode; Ctrl-D at the start
 * of a line is end of file.  Ctrl-C is not a character here: the console
 * sends SIGINT to the program the shell runs in the foreground
 * (console_set_pgrp()).  No seeking (ESPIPE) and no fsync (EINVAL),
 * as for a tty.  The null file (/dev/null's behaviour) is here too: for a
 * program whose output nobody should see (the in-kernel tests run some).
 */
#include <console.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <uaccess.h>

#define CONSOLE_CHUNK 256

static ssize_t console_file_write(struct file *file, const char __user *buf,
				  size_t count, loff_t *pos)
{
	char chunk[CONSOLE_CHUNK];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		size_t left = copy_from_user(chunk, buf + done, n);

		console_write(chunk, n - left);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

static ssize_t console_file_read(struct file *file, char __user *buf,
				 size_t count, loff_t *pos)
{
	size_t done = 0;

	while (done < count) {
		int c = console_getc_interruptible();

		if (c < 0)
			return done ? (ssize_t)done : c; /* a signal */
		if (c == 0x04 && !done)
			return 0; /* Ctrl-D: end of file */
		if (c == '\r')
			c = '\n';
		if (c == 0x7f || c == 0x08) {
			if (done) {
				done--;
				console_echo("\b \b", 3);
			}
			continue;
		}
		console_echo((char *)&c, 1);
		if (put_user((char)c, buf + done))
			return done ? (ssize_t)done : -EFAULT;
		done++;
		if (c == '\n')
			break;
	}
	return (ssize_t)done;
}

static const struct file_operations console_fops = {
	.read = console_file_read,
	.write = console_file_write,
};

static struct inode console_inode = {
	.i_mode = S_IFCHR | 0600,
	.i_fop = &console_fops,
};

/* /dev/null: reads find the end at once, writes vanish whole. */
static ssize_t null_read(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, const char __user *buf,
			  size_t count, loff_t *pos)
{
	return (ssize_t)count;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
};

static struct inode null_inode = {
	.i_mode = S_IFCHR | 0666,
	.i_fop = &null_fops,
};

struct file *null_file_open(void)
{
	struct file *file = alloc_file(NULL, O_RDWR);

	if (IS_ERR(file))
		return file;
	file->f_inode = &null_inode;
	file->f_op = &null_fops;
	return file;
}

struct file *console_file_open(void)
{
	struct file *file = alloc_file(NULL, O_RDWR);

	if (IS_ERR(file))
		return file;
	file->f_inode = &console_inode;
	file->f_op = &console_fops;
	file->f_mode &= ~FMODE_LSEEK;
	return file;
}
