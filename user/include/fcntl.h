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

#endif /* _FCNTL_H */
