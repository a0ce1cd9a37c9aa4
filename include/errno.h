/* SPDX-License-Identifier: GPL-2.0 */
/* errno.h - the error numbers this kernel returns, with Linux's values. */
#ifndef _ERRNO_H
#define _ERRNO_H

#define EPERM 1 /* operation not permitted */
#define ENOENT 2 /* no such entry */
#define EINTR 4 /* interrupted system call: a signal (Ctrl-C) */
#define EIO 5 /* I/O error */
#define ENXIO 6 /* no such device or address: e.g. a CPU that is offline */
#define E2BIG 7 /* argument list too long */
#define EAGAIN 11 /* try again */
#define ENOMEM 12 /* out of memory */
#define EFAULT 14 /* bad address: the access faulted */
#define EBUSY 16 /* resource busy */
#define EEXIST 17 /* already exists */
#define ENODEV 19 /* no such device: no such CPU, or the facility is off */
#define EINVAL 22 /* invalid argument */
#define ENOSPC 28 /* no space left */
#define ERANGE 34 /* result out of range */
#define ENOSYS 38 /* not implemented */
#define ETIMEDOUT 110 /* timed out */

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
