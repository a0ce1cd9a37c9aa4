// SPDX-License-Identifier: GPL-2.0
/*
 * textwrap.c - word wrapping for a stream of text (include/textwrap.h).
 *
 * The idea: blanks and the word after them are held back until the word
 * ends (a blank, a newline, a control character, or textwrap_flush()).  Then
 * the word is placed:
 *   - it fits after the held blanks: write the blanks, then the word;
 *   - it does not, but it would fit on a fresh line: the held blanks become
 *     a newline and the hanging indent, then the word;
 *   - it is longer than a line by itself: it starts where it is and is cut
 *     at every line end (the only case where a word is split); a ruler
 *     (========, as Linux's slab reports draw) is shortened to the line
 *     instead, since a line drawn across is all it says.
 * The blanks at the start of a line are its indent and are written at once;
 * the hanging indent is the line's margin + indent + hang_extra
 * (TEXTWRAP_HANG, or 0 for a paragraph of prose), at most half a line.
 * Blanks held at the end of a line are dropped: they would show nothing.
 *
 * Invariants: nothing is written past column `cols` except by
 * textwrap_pass() (which writes exactly what it is given), and `col` is the
 * column the next written byte will land on, as a terminal counts it.
 *
 * Simpler than a terminal: every printable byte is one column (the kernel
 * prints ASCII), and only ESC [ ... sequences are known to take no room.
 */
#include <kernel.h>
#include <textwrap.h>

#define BLANKS "                                " /* 32 */

static void put_blanks(textwrap_out_t out, unsigned int n)
{
	while (n) {
		unsigned int chunk = min(n, 32U);

		out(BLANKS, chunk);
		n -= chunk;
	}
}

void textwrap_init(struct textwrap *w, unsigned int cols)
{
	*w = (struct textwrap){ .cols = cols, .hang_extra = TEXTWRAP_HANG };
}

static void start_line(struct textwrap *w)
{
	w->col = 0;
	w->margin = 0;
	w->lead = 0;
	w->text_seen = false;
	w->spaces = 0;
}

static void new_continuation_line(struct textwrap *w, textwrap_out_t out)
{
	out("\n", 1);
	put_blanks(out, w->hang);
	w->col = w->hang;
}

/* Does byte c end an escape sequence in state *esc?  Updates the state. */
static bool esc_step(unsigned char *esc, char c)
{
	if (*esc == 1) {
		*esc = (c == '[') ? 2 : 0;
		return *esc == 0;
	}
	if (c >= 0x40 && c <= 0x7e)
		*esc = 0;
	return *esc == 0;
}

/* Write the held word, cutting it at each line end (it is too long). */
static void put_word_cut(struct textwrap *w, textwrap_out_t out)
{
	unsigned char esc = 0;
	size_t from = 0;

	for (size_t i = 0; i < w->word_len; i++) {
		char c = w->word[i];

		if (esc || c == '\033') {
			esc = esc ? esc : 1;
			if (c != '\033')
				esc_step(&esc, c);
			continue;
		}
		if (w->col >= w->cols) {
			out(w->word + from, i - from);
			from = i;
			new_continuation_line(w, out);
		}
		w->col++;
	}
	out(w->word + from, w->word_len - from);
}

/* A ruler: a word of one '=' or '-' repeated, as reports draw lines. */
static bool is_ruler(const struct textwrap *w)
{
	char c = w->word[0];

	if (w->word_len < 8 || w->word_len != w->word_width ||
	    (c != '=' && c != '-'))
		return false;
	for (unsigned int i = 1; i < w->word_len; i++)
		if (w->word[i] != c)
			return false;
	return true;
}

/* Decide where the held blanks and word go, and write them. */
static void place_word(struct textwrap *w, textwrap_out_t out)
{
	unsigned int room = w->cols ? w->cols : UINT_MAX / 2;

	if (!w->word_len)
		return;
	if (w->col + w->spaces + w->word_width <= room) {
		put_blanks(out, w->spaces);
		out(w->word, w->word_len);
		w->col += w->spaces + w->word_width;
	} else if (w->spaces && w->hang + w->word_width <= room) {
		new_continuation_line(w, out);
		out(w->word, w->word_len);
		w->col += w->word_width;
	} else if (is_ruler(w) && w->col + w->spaces < room) {
		/* A line drawn across: shortened to the screen, not continued. */
		put_blanks(out, w->spaces);
		w->col += w->spaces;
		out(w->word, room - w->col);
		w->col = room;
	} else {
		if (w->col + w->spaces < room) {
			put_blanks(out, w->spaces);
			w->col += w->spaces;
		} else if (w->spaces) {
			new_continuation_line(w, out);
		}
		put_word_cut(w, out);
	}
	w->spaces = 0;
	w->word_len = 0;
	w->word_width = 0;
}

/* The line's first non-blank: its hanging indent is now known. */
static void text_starts(struct textwrap *w)
{
	w->text_seen = true;
	w->hang = min(w->margin + w->lead + w->hang_extra, w->cols / 2);
}

static void add_to_word(struct textwrap *w, char c, bool visible,
			textwrap_out_t out)
{
	if (w->word_len == TEXTWRAP_WORD_MAX)
		place_word(w, out);
	w->word[w->word_len++] = c;
	if (visible)
		w->word_width++;
}

static void blank(struct textwrap *w, unsigned int n, textwrap_out_t out)
{
	place_word(w, out);
	if (w->text_seen) {
		w->spaces += n;
		return;
	}
	put_blanks(out, n);
	w->col += n;
	w->lead += n;
}

/* A control character other than blank and escape: written at once. */
static void control(struct textwrap *w, char c, textwrap_out_t out)
{
	place_word(w, out);
	if (c == '\n' || c == '\r') {
		out(&c, 1);
		start_line(w);
		return;
	}
	textwrap_flush(w, out);
	out(&c, 1);
	if (c == '\b' && w->col)
		w->col--;
}

static void feed_char(struct textwrap *w, char c, textwrap_out_t out)
{
	if (w->esc) {
		add_to_word(w, c, false, out);
		esc_step(&w->esc, c);
		return;
	}
	if (c == ' ') {
		blank(w, 1, out);
	} else if (c == '\t') {
		place_word(w, out);
		blank(w, 8 - (w->col + w->spaces) % 8, out);
	} else if (c == '\033') {
		w->esc = 1;
		add_to_word(w, c, false, out);
	} else if ((unsigned char)c < ' ' || c == 0x7f) {
		control(w, c, out);
	} else {
		if (!w->text_seen)
			text_starts(w);
		add_to_word(w, c, true, out);
	}
}

void textwrap_feed(struct textwrap *w, const char *s, size_t len,
		   textwrap_out_t out)
{
	if (!w->cols) {
		textwrap_pass(w, s, len, out);
		return;
	}
	for (size_t i = 0; i < len; i++)
		feed_char(w, s[i], out);
}

void textwrap_flush(struct textwrap *w, textwrap_out_t out)
{
	unsigned int fit;

	place_word(w, out);
	fit = w->col < w->cols ? min(w->spaces, w->cols - w->col) : 0;
	if (!w->cols)
		fit = w->spaces;
	put_blanks(out, fit);
	w->col += fit;
	w->spaces = 0;
}

/* Follow the column over text written as it is. */
static void track(struct textwrap *w, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (w->esc || c == '\033') {
			w->esc = w->esc ? w->esc : 1;
			if (c != '\033')
				esc_step(&w->esc, c);
		} else if (c == '\n' || c == '\r') {
			start_line(w);
		} else if (c == '\b') {
			w->col -= w->col ? 1 : 0;
		} else if (c == '\t') {
			w->col += 8 - w->col % 8;
		} else if ((unsigned char)c >= ' ' && c != 0x7f) {
			w->col++;
		}
	}
}

void textwrap_pass(struct textwrap *w, const char *s, size_t len,
		   textwrap_out_t out)
{
	textwrap_flush(w, out);
	out(s, len);
	track(w, s, len);
	/* Text after it belongs to a line whose start we did not shape. */
	if (w->col && !w->text_seen) {
		w->text_seen = true;
		w->hang = min(w->hang_extra, w->cols / 2);
	}
}

void textwrap_margin(struct textwrap *w, textwrap_out_t out)
{
	textwrap_flush(w, out);
	w->margin = w->col;
	w->lead = 0;
	w->text_seen = false;
}
