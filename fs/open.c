// SPDX-License-Identifier: GPL-2.0
/*
 * open.c - opening and creating files: open(), and filp_open() for the
 * kernel's own use (exec).
 *
 * The checks come in Linux's order, so each bad call gets Linux's errno:
 * the path (EFAULT, ENAMETOOLONG, ENOENT, ENOTDIR), then O_CREAT (EEXIST
 * with O_EXCL; a new file needs write permission on its directory), then
 * what was found (EISDIR for a directory opened to write, ENOTDIR for
 * O_DIRECTORY on a file), then the permissions (EACCES), then a
 * descriptor (EMFILE).  Flags this kernel has no use for (O_NOCTTY,
 * O_LARGEFILE, O_NONBLOCK on these files) are accepted, as Linux accepts
 * unknown ones.  A path under /proc is not in the tree: fs/proc.c opens
 * it.
 */
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <sched.h>
#include <slab.h>
#include <syscalls.h>

struct file *alloc_file(struct dentry *dentry, int flags)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	int acc = flags & O_ACCMODE;

	if (!file)
		return ERR_PTR(-ENOMEM);
	file->f_dentry = dentry;
	file->f_inode = dentry ? dentry->d_inode : NULL;
	file->f_op = file->f_inode ? file->f_inode->i_fop : NULL;
	file->f_mapping = file->f_inode ? file->f_inode->i_mapping : NULL;
	file->f_flags = (unsigned int)flags;
	file->f_mode = FMODE_LSEEK;
	if (acc == O_RDONLY || acc == O_RDWR)
		file->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		file->f_mode |= FMODE_WRITE;
	file->f_count = 1;
	return file;
}

void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_SEQ_CST))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	kfree(file);
}

/* A file for dentry, and the device's open() if it has one. */
static struct file *do_dentry_open(struct dentry *dentry, int flags)
{
	struct file *file = alloc_file(dentry, flags);
	int err;

	if (IS_ERR(file) || !file->f_op || !file->f_op->open)
		return file;
	err = file->f_op->open(file->f_inode, file);
	if (err) {
		file->f_op = NULL; /* no release() for an open that failed */
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

static int may_open(struct dentry *dentry, int flags)
{
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE, mask = 0;

	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		mask |= MAY_WRITE;
	return inode_permission(inode, mask);
}

struct file *filp_open(const char *path, int flags, umode_t mode)
{
	const char *last = NULL;
	struct dentry *parent = NULL;
	struct dentry *dentry;
	int err;

	if (proc_path(path))
		return proc_open(path, flags);
	dentry = path_lookup(path, (flags & O_CREAT) ? &parent : NULL, &last);
	if (IS_ERR(dentry))
		return ERR_PTR(PTR_ERR(dentry));
	if (!dentry) {
		/* O_CREAT of a name that is not there yet. */
		err = inode_permission(parent->d_inode, MAY_WRITE | MAY_EXEC);
		if (err)
			return ERR_PTR(err);
		dentry = ramfs_create(parent, last,
				      S_IFREG | (mode & ~022 & S_IRWXUGO),
				      current->cred.fsuid, current->cred.egid);
		if (!dentry)
			return ERR_PTR(-ENOMEM);
	} else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
		return ERR_PTR(-EEXIST);
	} else {
		err = may_open(dentry, flags);
		if (err)
			return ERR_PTR(err);
		if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY &&
		    S_ISREG(dentry->d_inode->i_mode)) {
			mutex_lock(&dentry->d_inode->i_mutex);
			err = ramfs_resize(dentry->d_inode, 0);
			mutex_unlock(&dentry->d_inode->i_mutex);
			if (err)
				return ERR_PTR(err);
		}
	}
	return do_dentry_open(dentry, flags);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct file *file;
	int err, fd;

	if (!path)
		return -ENOMEM;
	err = getname(filename, path);
	if (err) {
		kfree(path);
		return err;
	}
	/* The descriptor first, as Linux: EMFILE before any path error. */
	fd = get_unused_fd_flags((unsigned int)flags);
	if (fd < 0) {
		kfree(path);
		return fd;
	}
	file = filp_open(path, flags, mode);
	kfree(path);
	if (IS_ERR(file)) {
		put_unused_fd((unsigned int)fd);
		return PTR_ERR(file);
	}
	fd_install((unsigned int)fd, file);
	return fd;
}
