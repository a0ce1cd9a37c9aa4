/* SPDX-License-Identifier: GPL-2.0 */
/* errno.h - the error numbers this kernel returns, with Linux's values. */
#ifndef _ERRNO_H
#define _ERRNO_H

#define EPERM 1 /* operation not permitted */
#define ENOENT 2 /* no such file or directory */
#define ESRCH 3 /* no such process */
#define EINTR 4 /* interrupted system call: a signal (Ctrl-C) */
#define EIO 5 /* I/O error */
#define ENXIO 6 /* no such device or address: e.g. a CPU that is offline */
#define E2BIG 7 /* argument list too long */
#define ENOEXEC 8 /* exec format error */
#define EBADF 9 /* bad file number */
#define ECHILD 10 /* no child processes */
#define EAGAIN 11 /* try again (a limit was reached) */
#define ENOMEM 12 /* out of memory */
#define EACCES 13 /* permission denied */
#define EFAULT 14 /* bad address: the access faulted */
#define EBUSY 16 /* resource busy */
#define EEXIST 17 /* already exists */
#define ENODEV 19 /* no such device: no such CPU, or the facility is off */
#define ENOTDIR 20 /* not a directory */
#define EISDIR 21 /* is a directory */
#define EINVAL 22 /* invalid argument */
#define ENFILE 23 /* file table overflow */
#define EMFILE 24 /* too many open files */
#define ENOTTY 25 /* not a typewriter */
#define EFBIG 27 /* file too large */
#define ENOSPC 28 /* no space left */
#define ESPIPE 29 /* illegal seek */
#define EROFS 30 /* read-only file system */
#define ERANGE 34 /* result out of range */
#define EDEADLK 35 /* resource deadlock would occur */
#define ENAMETOOLONG 36 /* file name too long */
#define ENOSYS 38 /* not implemented */
#define ENOTEMPTY 39 /* directory not empty */
#define EOVERFLOW 75 /* value too large for defined data type */
#define EOPNOTSUPP \
	95 /* operation not supported (a disk without a cache flush) */
#define ETIMEDOUT 110 /* timed out */

/*
 * Kernel-internal: a system call interrupted by a signal, restarted or
 * turned into EINTR on the way out (arch/x86/kernel/signal.c); user space
 * never sees these, as in Linux.
 */
#define ERESTARTSYS 512 /* restart if the handler has SA_RESTART */
#define ERESTARTNOINTR 513 /* always restart */
#define ERESTARTNOHAND 514 /* restart if there is no handler */

#define MAX_ERRNO 4095

/* Pointers that carry an error code, as in Linux's err.h. */
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error)
{
	return (void *)error;
}
static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}
static inline int IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}
static inline int IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _ERRNO_H */
