// SPDX-License-Identifier: GPL-2.0
/*
 * Verifies that lib/textwrap.c fits text to a line width the way the
 * projector consoles need: lines that fit are untouched; a long line breaks
 * at its last blank that fits, and the rest hangs TEXTWRAP_HANG columns
 * deeper than the line's own indent (or its printk margin); numbers and
 * addresses are never split; only a word longer than a line is cut; text fed
 * in pieces, byte by byte, wraps exactly as text fed at once; escape
 * sequences take no columns; text passed through as it is keeps the column
 * right for what follows.  Every output line is checked against the width.
 */
#include <kernel.h>
#include <string.h>
#include <textwrap.h>

#include "host_ktest.h"

static char out_buf[4096];
static size_t out_len;

static void out(const char *s, size_t len)
{
	for (size_t i = 0; i < len && out_len + 1 < sizeof(out_buf); i++)
		out_buf[out_len++] = s[i];
	out_buf[out_len] = '\0';
}

static void out_reset(void)
{
	out_len = 0;
	out_buf[0] = '\0';
}

/* Wrap `text` at `cols` in one piece; the result is in out_buf. */
static const char *wrap(unsigned int cols, const char *text)
{
	struct textwrap w;

	out_reset();
	textwrap_init(&w, cols);
	textwrap_feed(&w, text, strlen(text), out);
	textwrap_flush(&w, out);
	return out_buf;
}

/* The widest line of out_buf, escape sequences not counted. */
static unsigned int widest_line(void)
{
	unsigned int widest = 0, col = 0;
	bool esc = false;

	for (size_t i = 0; i < out_len; i++) {
		char c = out_buf[i];

		if (c == '\033') {
			esc = true;
		} else if (esc) {
			esc = !(c >= 0x40 && c <= 0x7e && c != '[');
		} else if (c == '\n') {
			col = 0;
		} else {
			col++;
			widest = max(widest, col);
		}
	}
	return widest;
}

static void textwrap_short_line_is_untouched(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(80, "kmap: pfn 0x40000 -> 0xff801000\n"),
			   "kmap: pfn 0x40000 -> 0xff801000\n");
	/* Runs of blanks inside a line (table columns) stay as they are. */
	KUNIT_EXPECT_STREQ(test, wrap(20, "  a    b  c\n"), "  a    b  c\n");
}

static void textwrap_breaks_at_the_last_blank_that_fits(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(20, "one two three four five six\n"),
			   "one two three four\n    five six\n");
	KUNIT_EXPECT_LE(test, widest_line(), 20);
}

static void textwrap_line_of_exactly_the_width_is_not_broken(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(10, "0123456789\nab\n"),
			   "0123456789\nab\n");
	KUNIT_EXPECT_STREQ(test, wrap(10, "01234 6789\n"), "01234 6789\n");
	KUNIT_EXPECT_STREQ(test, wrap(10, "01234 67890\n"),
			   "01234\n    67890\n");
}

static void textwrap_hanging_indent_follows_the_line_indent(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(20, "  - aaaa bbbb cccc dddd eeee\n"),
			   "  - aaaa bbbb cccc\n      dddd eeee\n");
	/* Each line has its own indent. */
	KUNIT_EXPECT_STREQ(
		test, wrap(16, "ab cd ef gh ij kl mn\n   xy zw uv rs tq\n"),
		"ab cd ef gh ij\n    kl mn\n   xy zw uv rs\n"
		"       tq\n");
}

static void textwrap_prose_keeps_an_even_left_edge(struct kunit *test)
{
	struct textwrap w;
	const char *text = "  Lends a highmem page one of the slots.\n";

	out_reset();
	textwrap_init(&w, 20);
	w.hang_extra = 0;
	textwrap_feed(&w, text, strlen(text), out);
	KUNIT_EXPECT_STREQ(test, out_buf,
			   "  Lends a highmem\n  page one of the\n  slots.\n");
}

static void textwrap_numbers_and_addresses_are_never_split(struct kunit *test)
{
	const char *text =
		"pfn 0x7ffc0 0x7ffc1 0x7ffc2 at 0xf8800000-0xf8804fff and 0xf8805000\n";
	const char *words[] = { "0x7ffc0", "0x7ffc1", "0x7ffc2",
				"0xf8800000-0xf8804fff", "0xf8805000" };

	/* From the width where the longest word (21) fits after the hang. */
	for (unsigned int cols = 25; cols <= 70; cols++) {
		wrap(cols, text);
		KUNIT_EXPECT_LE(test, widest_line(), cols);
		for (size_t i = 0; i < ARRAY_SIZE(words); i++)
			KUNIT_EXPECT_NOT_NULL(test, strstr(out_buf, words[i]));
	}
}

static void textwrap_word_longer_than_a_line_is_cut(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(10, "ab 0123456789abcdefghij\n"),
			   "ab 0123456\n    789abc\n    defghi\n    j\n");
	KUNIT_EXPECT_LE(test, widest_line(), 10);
	/* Alone on its line, it starts there too. */
	KUNIT_EXPECT_STREQ(test, wrap(8, "0123456789\n"), "01234567\n    89\n");
}

static void textwrap_ruler_is_shortened_to_the_line(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(10, "ab ================\nx\n"),
			   "ab =======\nx\n");
	/* A long word of mixed characters is still cut, not shortened. */
	KUNIT_EXPECT_STREQ(test, wrap(10, "ab ===[ x ]=====\n"),
			   "ab ===[ x\n    ]=====\n");
}

static void textwrap_pieces_wrap_like_the_whole(struct kunit *test)
{
	const char *text =
		"  vmalloc: 20000 bytes at 0xf8800000-0xf8804fff, area of "
		"24576 bytes with its guard page; 5 pages: 5 highmem\n"
		"short\n\tand a tab, then more words to wrap around again\n";
	char whole[sizeof(out_buf)];
	struct textwrap w;

	strscpy(whole, wrap(30, text), sizeof(whole));
	out_reset();
	textwrap_init(&w, 30);
	for (size_t i = 0; text[i]; i++)
		textwrap_feed(&w, text + i, 1, out);
	textwrap_flush(&w, out);
	KUNIT_EXPECT_STREQ(test, out_buf, whole);
	KUNIT_EXPECT_LE(test, widest_line(), 30);
}

static void textwrap_flush_writes_the_held_word_and_blank(struct kunit *test)
{
	struct textwrap w;

	out_reset();
	textwrap_init(&w, 80);
	textwrap_feed(&w, "kmem386> ", 9, out);
	/* The prompt's word and blank wait for what follows... */
	KUNIT_EXPECT_LT(test, out_len, 9);
	textwrap_flush(&w, out);
	/* ...until the console waits for input. */
	KUNIT_EXPECT_STREQ(test, out_buf, "kmem386> ");
	KUNIT_EXPECT_EQ(test, w.col, 9);
}

static void textwrap_pass_keeps_the_column(struct kunit *test)
{
	struct textwrap w;

	out_reset();
	textwrap_init(&w, 12);
	textwrap_feed(&w, "> ", 2, out);
	/* The echo of typed keys is written as it is... */
	textwrap_pass(&w, "abcdefgh", 8, out);
	KUNIT_EXPECT_EQ(test, w.col, 10);
	/* ...and what follows on that line knows where it stands. */
	textwrap_feed(&w, " xyz\n", 5, out);
	KUNIT_EXPECT_STREQ(test, out_buf, "> abcdefgh\n    xyz\n");
	/* A long passed line is not wrapped. */
	out_reset();
	textwrap_pass(&w, "0123456789 0123456789\n", 22, out);
	KUNIT_EXPECT_STREQ(test, out_buf, "0123456789 0123456789\n");
	KUNIT_EXPECT_EQ(test, w.col, 0);
}

static void textwrap_margin_sets_the_hanging_indent(struct kunit *test)
{
	struct textwrap w;

	out_reset();
	textwrap_init(&w, 30);
	textwrap_feed(&w, "[    0.5] ", 10, out);
	textwrap_margin(&w, out);
	textwrap_feed(&w, "WARNING: one two three four five\n", 34, out);
	KUNIT_EXPECT_STREQ(test, out_buf,
			   "[    0.5] WARNING: one two\n"
			   "              three four five\n");
}

static void textwrap_escapes_take_no_columns(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(13, "\033[31mred\033[0m word fits\n"),
			   "\033[31mred\033[0m word fits\n");
	KUNIT_EXPECT_STREQ(test, wrap(10, "aaaa \033[1mbbbbbb\033[0m\n"),
			   "aaaa\n    \033[1mbbbbbb\033[0m\n");
	KUNIT_EXPECT_LE(test, widest_line(), 10);
}

static void textwrap_tabs_and_trailing_blanks(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, wrap(40, "a\tb\n"), "a       b\n");
	/* Blanks at the end of a line show nothing and are dropped. */
	KUNIT_EXPECT_STREQ(test, wrap(40, "text   \nnext\n"), "text\nnext\n");
}

static void textwrap_zero_width_writes_everything_as_is(struct kunit *test)
{
	const char *text = "a line far longer than any width at all\n";

	KUNIT_EXPECT_STREQ(test, wrap(0, text), text);
}

static struct kunit_case textwrap_cases[] = {
	KUNIT_CASE(textwrap_short_line_is_untouched),
	KUNIT_CASE(textwrap_breaks_at_the_last_blank_that_fits),
	KUNIT_CASE(textwrap_line_of_exactly_the_width_is_not_broken),
	KUNIT_CASE(textwrap_hanging_indent_follows_the_line_indent),
	KUNIT_CASE(textwrap_prose_keeps_an_even_left_edge),
	KUNIT_CASE(textwrap_numbers_and_addresses_are_never_split),
	KUNIT_CASE(textwrap_word_longer_than_a_line_is_cut),
	KUNIT_CASE(textwrap_ruler_is_shortened_to_the_line),
	KUNIT_CASE(textwrap_pieces_wrap_like_the_whole),
	KUNIT_CASE(textwrap_flush_writes_the_held_word_and_blank),
	KUNIT_CASE(textwrap_pass_keeps_the_column),
	KUNIT_CASE(textwrap_margin_sets_the_hanging_indent),
	KUNIT_CASE(textwrap_escapes_take_no_columns),
	KUNIT_CASE(textwrap_tabs_and_trailing_blanks),
	KUNIT_CASE(textwrap_zero_width_writes_everything_as_is),
	{}
};

static struct kunit_suite textwrap_suite = {
	.name = "textwrap",
	.test_cases = textwrap_cases,
};
kunit_test_suite(textwrap_suite);
