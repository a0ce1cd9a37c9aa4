// SPDX-License-Identifier: GPL-2.0
/*
 * map_draw.c - the drawing kit of `map` (map_cmds.c, map_phys.c): lines
 * with colours, bars' address labels and titles.
 *
 * A line is built in a buffer, letters and ANSI SGR sequences together,
 * the colour switched only where it changes (so a bar of 72 letters costs
 * a few sequences, not 72), and ended with a reset: a colour never leaks
 * into the next line.  Without colour the same letters come out alone.
 */
#include <kernel.h>
#include <printk.h>
#include <sprintf.h>
#include <string.h>

#include "map.h"

void map_line_start(struct map_line *l, bool color)
{
	l->len = 0;
	l->buf[0] = '\0';
	l->color = color;
	l->cur = NULL;
}

void map_line_puts(struct map_line *l, const char *s)
{
	size_t n = strlen(s);

	if (l->len + n >= LINE_MAX)
		n = LINE_MAX - 1 - l->len;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

/* Switch colours only where they change: the line stays short. */
void map_line_sgr(struct map_line *l, const char *sgr)
{
	char seq[16];

	if (!l->color || sgr == l->cur ||
	    (sgr && l->cur && !strcmp(sgr, l->cur)))
		return;
	snprintf(seq, sizeof(seq), "\033[%sm", sgr ? sgr : "0");
	map_line_puts(l, seq);
	l->cur = sgr;
}

void map_line_cell(struct map_line *l, char ch, const char *sgr)
{
	char s[2] = { ch, '\0' };

	map_line_sgr(l, sgr);
	map_line_puts(l, s);
}

void map_line_end(struct map_line *l)
{
	map_line_sgr(l, NULL);
	kprintf("%s\n", l->buf);
}

/* The column of a bar [start, end) that addr falls in (end: BAR_WIDTH). */
unsigned int map_bar_col(u64 addr, u64 start, u64 end)
{
	if (addr <= start)
		return 0;
	if (addr >= end)
		return BAR_WIDTH;
	return (unsigned int)((addr - start) * BAR_WIDTH / (end - start));
}

/*
 * Addresses above a bar, each starting where its column starts, or ending
 * just before it when the next label needs the room; the last one is the
 * bar's end, right-aligned.  A label with room neither way is left out
 * (the text under the bar names the regions anyway).
 */
void map_bar_labels(u64 start, u64 end, const u64 *addrs, unsigned int n)
{
	char text[BAR_INDENT + BAR_WIDTH + 2];
	unsigned int used = 0, len = 10, last = BAR_INDENT + BAR_WIDTH + 1;

	memset(text, ' ', sizeof(text));
	text[sizeof(text) - 1] = '\0';
	for (unsigned int i = 0; i < n; i++) {
		u64 addr = min(addrs[i], 0xffffffffULL);
		unsigned int col =
			BAR_INDENT + map_bar_col(addrs[i], start, end);
		char label[16];

		snprintf(label, sizeof(label), "%#010llx", addr);
		if (i == n - 1)
			col = last - len;
		else if (col + len + 1 > last - len)
			col = col >= len ? col - len : 0; /* end before it */
		if (col < used)
			continue;
		memcpy(text + col, label, len);
		used = col + len + 1;
	}
	text[used ? used - 1 : 0] = '\0';
	kprintf("%s\n", text);
}

unsigned long map_mb(u64 bytes)
{
	return (unsigned long)(bytes >> 20);
}

/* "8 MB", or "128 KB" below a megabyte: a size never reads as 0 MB. */
const char *map_size_str(char *buf, size_t size, u64 bytes)
{
	if (bytes && bytes < (1 << 20))
		snprintf(buf, size, "%lu KB", (unsigned long)(bytes >> 10));
	else
		snprintf(buf, size, "%lu MB", map_mb(bytes));
	return buf;
}

/* "The top 128 MB (one column = 1.7 MB)": a bar's title with its scale. */
void map_bar_title(const char *what, u64 span)
{
	unsigned long tenths = map_mb(10 * span / BAR_WIDTH);

	kprintf("%s (one column = %lu.%lu MB)\n", what, tenths / 10,
		tenths % 10);
}
