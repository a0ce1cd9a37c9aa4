/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sprintf.h - formatted output into buffers (lib/vsprintf.c).
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, length modifiers hh h l ll z t,
 * flags - 0 + space #, field width and precision (also as *).  %p prints
 * 0x and all hex digits of a pointer (8 on i386); %pS prints a kernel text
 * address as symbol+off/size.
 */
#ifndef _SPRINTF_H
#define _SPRINTF_H

#include <stdarg.h>
#include <types.h>

/* Returns the length the output would have had (as C's snprintf). */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
/* Returns the length actually written (excluding the NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

/*
 * Hook for %pS: writes "name+0xoff/0xsize" for `addr` into buf, returns the
 * length, or 0 to fall back to the plain hex address.  The kernel provides
 * it (kernel/kallsyms.c); host tests provide their own.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

#endif /* _SPRINTF_H */
