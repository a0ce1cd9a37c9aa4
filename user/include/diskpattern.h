/* SPDX-License-Identifier: GPL-2.0 */
/*
 * diskpattern.h - what every 4 KB block of the test disk holds when fresh
 * (tools/mkdisk.py writes it; tests/kernel/pagecache_test_helpers.c has
 * the same formula): a 32-byte first line "kmem386 disk block %08u    \n"
 * with the block's number, then byte i (32 <= i < 4096) is
 * 'a' + (block + i) % 26.  A test that writes a block puts its own first
 * line there (32 bytes, blank-padded, '\n' last) and leaves the rest.
 */
#ifndef _DISKPATTERN_H
#define _DISKPATTERN_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define DISK_BLOCK 4096
#define DISK_HEADER 32
#define DISK_BYTES (64L << 20) /* the image's size */

/* The fresh first line of block b, into line[DISK_HEADER + 1]. */
static inline void disk_header(unsigned long b, char *line)
{
	snprintf(line, DISK_HEADER + 1, "kmem386 disk block %08lu    \n", b);
}

/* text as a block's first line (blank-padded), into line[DISK_HEADER]. */
static inline void disk_text_line(const char *text, char *line)
{
	size_t n = strlen(text);

	if (n > DISK_HEADER - 1)
		n = DISK_HEADER - 1;
	memset(line, ' ', DISK_HEADER - 1);
	memcpy(line, text, n);
	line[DISK_HEADER - 1] = '\n';
}

/* Does buf hold block b's fresh bytes from byte `from` on? */
static inline bool disk_body_ok(const char *buf, unsigned long b, size_t from)
{
	for (size_t i = from < DISK_HEADER ? DISK_HEADER : from; i < DISK_BLOCK;
	     i++)
		if (buf[i] != (char)('a' + (b + i) % 26))
			return false;
	return true;
}

static inline bool disk_block_fresh(const char *buf, unsigned long b)
{
	char line[DISK_HEADER + 1];

	disk_header(b, line);
	return !memcmp(buf, line, DISK_HEADER) && disk_body_ok(buf, b, 0);
}

static inline bool disk_block_says(const char *buf, unsigned long b,
				   const char *text)
{
	char line[DISK_HEADER];

	disk_text_line(text, line);
	return !memcmp(buf, line, DISK_HEADER) && disk_body_ok(buf, b, 0);
}

#endif /* _DISKPATTERN_H */
