/* SPDX-License-Identifier: GPL-2.0 */
/* string.h - the C string and memory functions (lib/string.c). */
#ifndef _STRING_H
#define _STRING_H

#include <types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
/* The first byte in [s, s+n) that is not `c`, or NULL if all are. */
void *memchr_inv(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
char *strcpy(char *dest, const char *src);
char *strcat(char *dest, const char *src);
/* Copy with truncation; returns the length copied or -E2BIG if truncated. */
ssize_t strscpy(char *dest, const char *src, size_t size);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
/* Split *stringp at the first delimiter, as BSD/Linux strsep. */
char *strsep(char **stringp, const char *delim);
/* The first non-space character of `s`. */
char *skip_spaces(const char *s);
/* Remove leading and trailing white space in place; returns the start. */
char *strim(char *s);
bool str_has_prefix(const char *s, const char *prefix);

#endif /* _STRING_H */
