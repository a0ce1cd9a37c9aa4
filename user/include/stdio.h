/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stdio.h - the printf family.  There is no buffering: every printf is
 * one write() of the formatted text (up to 1 KB), so output is never
 * duplicated by a fork and lines from two processes never interleave
 * inside a line.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vdprintf(int fd, const char *fmt, va_list args);
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int puts(const char *s);

#endif /* _STDIO_H */
