/* SPDX-License-Identifier: GPL-2.0 */
/* stdlib.h - exit, malloc on brk and mmap2, and number parsing. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

__attribute__((noreturn)) void exit(int status);
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
int atoi(const char *s);
char *getenv(const char *name);

#endif /* _STDLIB_H */
