/* SPDX-License-Identifier: GPL-2.0 */
/*
 * errno.h - Linux's error numbers (include/uapi/asm-generic/errno-base.h
 * and errno.h) and the per-process errno the system call wrappers set.
 * A system call returns -errno in eax; the wrappers turn it into -1 with
 * errno set, as a C library does.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EPIPE 32
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ELOOP 40
#define EOVERFLOW 75

/* The largest errno a system call returns: -4095..-1 are errors. */
#define MAX_ERRNO 4095

extern int errno;

/* "EFAULT" for EFAULT; "E?" for a number this table does not name. */
const char *errno_name(int err);

#endif /* _ERRNO_H */
