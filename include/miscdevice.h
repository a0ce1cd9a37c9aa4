/* SPDX-License-Identifier: GPL-2.0 */
/*
 * miscdevice.h - small character devices, as Linux's misc driver class:
 * a name, a minor number and file operations, and a node /dev/NAME that
 * programs open (drivers/char/misc.c).
 *
 *	static struct miscdevice kbuf_dev = {
 *		.minor = MISC_DYNAMIC_MINOR, .name = "kbuf", .fops = &kbuf_fops,
 *	};
 *	misc_register(&kbuf_dev);	// /dev/kbuf, mode 0666
 */
#ifndef _MISCDEVICE_H
#define _MISCDEVICE_H

#include <fs.h>
#include <list.h>

#define MISC_MAJOR 10
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
	int minor; /* MISC_DYNAMIC_MINOR: one is given */
	const char *name; /* the node: /dev/NAME */
	const struct file_operations *fops; /* what open() gives */
	umode_t mode; /* the node's permissions; 0: 0600 */
	struct list_head list; /* in the list of misc devices */
};

/* Make /dev/NAME for misc: 0, or -EBUSY (taken), -ENOMEM. */
int misc_register(struct miscdevice *misc);

#endif /* _MISCDEVICE_H */
