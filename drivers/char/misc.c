// SPDX-License-Identifier: GPL-2.0
/*
 * misc.c - the misc character devices and their nodes in /dev.
 *
 * A misc device is a name and its file operations.  misc_register() gives
 * it a minor number (major 10, as Linux's) and a node /dev/NAME in the
 * root tree, which is what Linux's devtmpfs would make for it: an inode of
 * type S_IFCHR whose i_fop are the device's operations, so that open()
 * of the path gives a file with them, and the device's own open() (if
 * any) sees the file first.  /dev is made at the first registration.
 * Nodes are never removed (nothing unregisters; ramfs never frees).
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <miscdevice.h>
#include <mutex.h>
#include <printk.h>
#include <string.h>

static LIST_HEAD(misc_list);
static DEFINE_MUTEX(misc_mtx);
static int misc_next_minor = 63; /* dynamic minors count down, as Linux */

/* /dev, made on first use. */
static struct dentry *dev_dir(void)
{
	struct dentry *d = d_lookup(root_dentry, "dev", 3);

	return d ? d : ramfs_create(root_dentry, "dev", S_IFDIR | 0755, 0, 0);
}

int misc_register(struct miscdevice *misc)
{
	struct dentry *dir, *node;
	int err = 0;

	mutex_lock(&misc_mtx);
	dir = dev_dir();
	if (!dir) {
		err = -ENOMEM;
		goto out;
	}
	if (d_lookup(dir, misc->name, strlen(misc->name))) {
		err = -EBUSY;
		goto out;
	}
	node = ramfs_create(dir, misc->name,
			    S_IFCHR | (misc->mode ? misc->mode : 0600), 0, 0);
	if (!node) {
		err = -ENOMEM;
		goto out;
	}
	node->d_inode->i_fop = misc->fops;
	node->d_inode->i_private = misc;
	if (misc->minor == MISC_DYNAMIC_MINOR)
		misc->minor = misc_next_minor--;
	list_add(&misc->list, &misc_list);
out:
	mutex_unlock(&misc_mtx);
	if (err)
		pr_err("misc %s: cannot register: %d\n", misc->name, err);
	return err;
}
