/* SPDX-License-Identifier: GPL-2.0 */
/*
 * textwrap.h - fit a stream of text to a line width, at word boundaries.
 *
 * The consoles use it so that every line fits an 80-column projector
 * screen: a line that is too long breaks at its last blank that fits, and
 * the rest continues on the next line with a hanging indent (the line's own
 * indent plus TEXTWRAP_HANG).  A word (anything between blanks: a number, an
 * address, a path) is never split, unless it alone is longer than a line.
 *
 * The text arrives in pieces (one printf after another), so the state keeps
 * the current word and the blanks before it until it knows where they go;
 * textwrap_flush() writes them out (before waiting for input: the prompt's
 * last blank must show).  Escape sequences (ESC [ ... final byte) take no
 * columns; tabs are expanded to blanks.  See lib/textwrap.c.
 */
#ifndef _TEXTWRAP_H
#define _TEXTWRAP_H

#include <types.h>

#define TEXTWRAP_HANG \
	4U /* continuation lines: this much deeper than the line */
#define TEXTWRAP_WORD_MAX 192 /* bytes of one held word (escapes included) */

/* Where wrapped text goes: a console's write(). */
typedef void (*textwrap_out_t)(const char *s, size_t len);

struct textwrap {
	unsigned int cols; /* line width; 0: nothing is wrapped */
	unsigned int col; /* column of the next character written */
	unsigned int margin; /* columns before the line's text (a log stamp) */
	unsigned int lead; /* blanks at the start of the line's text */
	unsigned int hang; /* indent of the line's continuation lines */
	unsigned int hang_extra; /* hang - indent: TEXTWRAP_HANG; 0 for prose */
	bool text_seen; /* the line's text has started (a non-blank) */
	unsigned char esc; /* 0, or inside an escape sequence: 1 ESC, 2 CSI */
	unsigned int spaces; /* blanks held back, before the held word */
	unsigned int word_len; /* bytes held back */
	unsigned int word_width; /* their columns (escapes take none) */
	char word[TEXTWRAP_WORD_MAX]; /* the held word */
};

/*
 * A fresh state at column 0 for lines of `cols` columns (0: no wrapping),
 * continuation lines TEXTWRAP_HANG deeper than their line.
 */
void textwrap_init(struct textwrap *w, unsigned int cols);

/* Wrap s[0..len) and write what is decided to out. */
void textwrap_feed(struct textwrap *w, const char *s, size_t len,
		   textwrap_out_t out);

/* Write what is held back (the last word, the blanks that still fit). */
void textwrap_flush(struct textwrap *w, textwrap_out_t out);

/*
 * Write s[0..len) as it is (echo of typed keys, text that must stay
 * exact), after what is held back; the column is still followed.
 */
void textwrap_pass(struct textwrap *w, const char *s, size_t len,
		   textwrap_out_t out);

/*
 * What the current line holds so far is a margin (printk's timestamp):
 * its continuation lines indent from the end of it.
 */
void textwrap_margin(struct textwrap *w, textwrap_out_t out);

#endif /* _TEXTWRAP_H */
