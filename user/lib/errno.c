// SPDX-License-Identifier: GPL-2.0
/*
 * errno.c - errno numbers as their names, for test diagnostics: "got
 * EFAULT, expected EINVAL" reads better than numbers, and the names are
 * the same on every Linux architecture while some numbers are not.
 */
#include <errno.h>

static const char *const names[] = {
	[0] = "0",
	[EPERM] = "EPERM",
	[ENOENT] = "ENOENT",
	[ESRCH] = "ESRCH",
	[EINTR] = "EINTR",
	[EIO] = "EIO",
	[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",
	[ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF",
	[ECHILD] = "ECHILD",
	[EAGAIN] = "EAGAIN",
	[ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES",
	[EFAULT] = "EFAULT",
	[EBUSY] = "EBUSY",
	[EEXIST] = "EEXIST",
	[ENODEV] = "ENODEV",
	[ENOTDIR] = "ENOTDIR",
	[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",
	[ENFILE] = "ENFILE",
	[EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY",
	[EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC",
	[ESPIPE] = "ESPIPE",
	[EROFS] = "EROFS",
	[EPIPE] = "EPIPE",
	[ERANGE] = "ERANGE",
	[ENAMETOOLONG] = "ENAMETOOLONG",
	[ENOSYS] = "ENOSYS",
	[ELOOP] = "ELOOP",
	[EOVERFLOW] = "EOVERFLOW",
};

const char *errno_name(int err)
{
	if (err >= 0 && err < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[err])
		return names[err];
	return "E?";
}
