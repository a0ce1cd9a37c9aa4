// SPDX-License-Identifier: GPL-2.0
/*
 * namei.c - from a path to a dentry, and who may use what it names.
 *
 * A path is walked from the root one component at a time: "." stays,
 * ".." goes up, and every component but the last must be a directory
 * (ENOTDIR) that exists (ENOENT).  A component longer than NAME_MAX, or a
 * path of PATH_MAX bytes or more, is ENAMETOOLONG; an empty path is
 * ENOENT, as in Linux.  A trailing slash asks for a directory.  There is
 * no current directory (chdir is not implemented): relative paths start
 * at the root too.
 *
 * Permissions are the classic ones (generic_permission): the owner's
 * bits for the owner, the others' for everyone else; root may read and
 * write anything and execute what has any execute bit.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>

int getname(const char __user *filename, char *buf)
{
	long len = strncpy_from_user(buf, filename, PATH_MAX);

	if (len < 0)
		return (int)len;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (!len)
		return -ENOENT;
	return 0;
}

struct dentry *path_lookup(const char *path, struct dentry **parent,
			   const char **last)
{
	struct dentry *d = root_dentry;

	if (!*path)
		return ERR_PTR(-ENOENT);
	for (;;) {
		const char *name;
		size_t len;
		struct dentry *next;

		while (*path == '/')
			path++;
		if (!*path)
			return d; /* "/" or a trailing slash: d itself */
		name = path;
		len = strcspn(path, "/");
		path += len;
		if (len > NAME_MAX)
			return ERR_PTR(-ENAMETOOLONG);
		if (!S_ISDIR(d->d_inode->i_mode))
			return ERR_PTR(-ENOTDIR);
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			d = d->d_parent;
			continue;
		}
		next = d_lookup(d, name, len);
		if (!next) {
			bool is_last = !path[strspn(path, "/")];

			if (parent && is_last && !*path) {
				*parent = d;
				*last = name;
				return NULL;
			}
			return ERR_PTR(-ENOENT);
		}
		d = next;
		if (*path && !S_ISDIR(d->d_inode->i_mode))
			return ERR_PTR(-ENOTDIR);
	}
}

char *d_path(const struct dentry *dentry, char *buf, size_t size)
{
	char *p = buf + size - 1;

	*p = '\0';
	if (dentry == root_dentry && p > buf)
		*--p = '/';
	for (; dentry != root_dentry; dentry = dentry->d_parent) {
		size_t len = strlen(dentry->d_name);

		if ((size_t)(p - buf) < len + 1)
			break;
		p -= len;
		memcpy(p, dentry->d_name, len);
		*--p = '/';
	}
	return p;
}

int inode_permission(struct inode *inode, int mask)
{
	const struct cred *cred = &current->cred;
	unsigned int mode = inode->i_mode;

	if (cred->fsuid == 0 || cred->euid == 0) {
		/* Root: anything, but execute needs someone's x bit. */
		if ((mask & MAY_EXEC) && !(mode & S_IXUGO) &&
		    !S_ISDIR(inode->i_mode))
			return -EACCES;
		return 0;
	}
	if (cred->fsuid == inode->i_uid)
		mode >>= 6;
	else if (cred->egid == inode->i_gid)
		mode >>= 3;
	return ((unsigned int)mask & ~mode & 7) ? -EACCES : 0;
}
