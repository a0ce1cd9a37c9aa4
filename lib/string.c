// SPDX-License-Identifier: GPL-2.0
/*
 * string.c - the C library's string and memory functions, for a kernel that
 * has no C library.
 *
 * memcpy and memset use `rep movsl`/`rep stosl` on i386: the page allocator
 * clears and copies whole pages with them, and the string instructions are
 * both short and fast.  Everything else is plain portable C so that the host
 * tests (tests/host) run the very same code under AddressSanitizer.
 */
#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <string.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	if (CONFIG_X86_STRING_OPS) {
		void *d = dest;
		const void *s = src;
		size_t words = n >> 2;
		size_t bytes = n & 3;

		__asm__ __volatile__("rep movsl\n\t"
				     "movl %k3, %%ecx\n\t"
				     "rep movsb"
				     : "+D"(d), "+S"(s), "+c"(words)
				     : "r"(bytes)
				     : "memory");
		return dest;
	}

	unsigned char *d = dest;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	/* Overlap with the destination above the source: copy backwards. */
	while (n--)
		d[n] = s[n];
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	if (CONFIG_X86_STRING_OPS) {
		void *d = s;
		size_t words = n >> 2;
		size_t bytes = n & 3;
		unsigned int pattern = (unsigned char)c * 0x01010101U;

		__asm__ __volatile__("rep stosl\n\t"
				     "movl %k3, %%ecx\n\t"
				     "rep stosb"
				     : "+D"(d), "+c"(words)
				     : "a"(pattern), "r"(bytes)
				     : "memory");
		return s;
	}

	unsigned char *p = s;

	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/*
 * slub_debug checks every poisoned object with this, so it compares a word
 * at a time once p is aligned, as Linux's does; the byte loop at the end
 * finds the byte in the first word that differs.
 */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned long pattern = (unsigned char)c * (~0UL / 0xff);

	for (; n && ((unsigned long)p & (sizeof(long) - 1)); n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	for (; n >= sizeof(long); n -= sizeof(long), p += sizeof(long)) {
		unsigned long word;

		__builtin_memcpy(&word, p, sizeof(word));
		if (word != pattern)
			break;
	}
	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = tolower((unsigned char)*a++);
		cb = tolower((unsigned char)*b++);
	} while (ca && ca == cb);
	return ca - cb;
}

char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;
	return dest;
}

char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t len;

	if (size == 0)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dest, src, size - 1);
		dest[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return (ssize_t)len;
}

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)haystack;
	for (; *haystack; haystack++)
		if (*haystack == *needle && !strncmp(haystack, needle, n))
			return (char *)haystack;
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strsep(char **stringp, const char *delim)
{
	char *start = *stringp;
	char *end;

	if (!start)
		return NULL;
	end = start + strcspn(start, delim);
	if (*end) {
		*end = '\0';
		*stringp = end + 1;
	} else {
		*stringp = NULL;
	}
	return start;
}

char *skip_spaces(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return (char *)s;
}

char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}

bool str_has_prefix(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}
