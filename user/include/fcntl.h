/* SPDX-License-Identifier: GPL-2.0 */
/* fcntl.h - open() and its flags, with Linux's i386 values (octal). */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_ACCMODE 03
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_DIRECTORY 0200000
#define O_CLOEXEC 02000000

int open(const char *path, int flags, ...);

/* posix_fadvise() advice (Linux's values). */
#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5
/* 0 or an error number (EBADF, EINVAL, ESPIPE): not -1 and errno. */
int posix_fadvise(int fd, loff_t offset, loff_t len, int advice);

#endif /* _FCNTL_H */
