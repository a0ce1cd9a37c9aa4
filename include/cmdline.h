/* SPDX-License-Identifier: GPL-2.0 */
/* cmdline.h - parsing numbers and sizes out of strings (lib/cmdline.c). */
#ifndef _CMDLINE_H
#define _CMDLINE_H

#include <types.h>

/*
 * Strict conversions, as Linux's kstrto*(): the whole string must be a
 * number (one trailing newline allowed); base 0 accepts 0x/0 prefixes.
 * Return 0, -EINVAL (not a number) or -ERANGE (does not fit).
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);

/* Lenient: parse a prefix, store where it stopped (may be NULL). */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);

/*
 * A size with an optional K, M or G suffix ("64M", "0x1000", "2G"), as
 * Linux's memparse(); *retptr is set past what was parsed.
 */
unsigned long long memparse(const char *ptr, char **retptr);

/*
 * Strict: the whole string is a size with an optional K, M or G suffix (one
 * trailing newline allowed).  0, -EINVAL (not a size) or -ERANGE (more than
 * 64 bits, digits or suffix); *res is untouched on error.
 */
int kstrtosize(const char *s, unsigned long long *res);

/*
 * Split the next "param=value" or "param" word off `args` (quotes group
 * words); returns the rest.  *val is NULL when there is no '='.
 */
char *next_arg(char *args, char **param, char **val);

#endif /* _CMDLINE_H */
