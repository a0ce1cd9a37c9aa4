// SPDX-License-Identifier: GPL-2.0
/*
 * console_wrap.c - projector mode: every line fits an 80-column screen.
 *
 * A lecture is given from an 80x25 screen (the VGA console, or a terminal
 * of that size on COM1), so what the kernel prints is fitted to it here,
 * once, rather than in 200 format strings: each console with CON_WRAP has a
 * textwrap state (lib/textwrap.c) that breaks long lines at word boundaries
 * with a hanging indent.  The kernel log itself keeps every line whole;
 * printk marks its timestamp as the line's margin, so a long message
 * continues under its text, not under the timestamp.
 *
 * Three kinds of text are not wrapped:
 *   - exact text (console_set_exact()): /proc files, which a lecturer puts
 *     beside a real Linux machine's, go out as Linux prints them on COM1;
 *     only a screen (CON_WRAP_EXACT: VGA), which could not show a long line
 *     at all, still wraps them;
 *   - the line editor's echo (console_echo()): the editor erases with
 *     backspaces and must know where its characters are;
 *   - everything, when the width is 0 (console_set_columns(0)): the ktest
 *     and bench boot modes print for programs, not people.
 *
 * The pager: while a command typed on the machine's own keyboard runs, a
 * console with a pager (VGA) is asked before each line whether it fits the
 * page (`more`, from console_page()), and may stop for a key there.  That
 * happens only between lines, with interrupts on and console_lock not held
 * (console.c), never inside printk or the wrapping, so the wait cannot
 * corrupt either nor hold up another CPU's output.  Everything else here
 * runs under console_lock.
 */
#include <asm/processor.h>
#include <console.h>
#include <kernel.h>
#include <string.h>

static unsigned int columns = CON_COLUMNS;
static bool exact; /* /proc text: as it is where lines may be long */
static bool paging; /* a command typed at the local keyboard runs */

/* The width this console wraps at now (flushed first if it changes). */
static void wrap_sync(struct console *con)
{
	unsigned int want = (con->flags & CON_WRAP) ? columns : 0;

	con->wrap.hang_extra = TEXTWRAP_HANG;
	if (con->wrap.cols == want)
		return;
	textwrap_flush(&con->wrap, con->write);
	con->wrap.cols = want;
}

static bool emit_as_is(const struct console *con)
{
	return !(con->flags & CON_WRAP) ||
	       (exact && !(con->flags & CON_WRAP_EXACT));
}

/* Lines of the screen a chunk of text will take (a guess: before wrapping). */
static unsigned int rows_of(size_t len)
{
	return (unsigned int)max_t(size_t, 1,
				   (len + CON_COLUMNS - 1) / CON_COLUMNS);
}

void console_page(size_t len)
{
	struct console *con;

	if (!paging || irqs_disabled())
		return;
	for_each_console(con) if (con->more) con->more(rows_of(len));
}

void console_emit(struct console *con, const char *s, size_t len)
{
	wrap_sync(con);
	if (emit_as_is(con))
		textwrap_pass(&con->wrap, s, len, con->write);
	else
		textwrap_feed(&con->wrap, s, len, con->write);
}

void console_echo(const char *s, size_t len)
{
	struct console *con;
	unsigned long flags;
	bool locked = console_lock_irqsave(&flags);

	for_each_console(con) if (con->write)
		textwrap_pass(&con->wrap, s, len, con->write);
	console_unlock_irqrestore(locked, flags);
}

void console_flush(void)
{
	struct console *con;
	unsigned long flags;
	bool locked = console_lock_irqsave(&flags);

	for_each_console(con) if (con->write)
		textwrap_flush(&con->wrap, con->write);
	console_unlock_irqrestore(locked, flags);
	/* Input is asked for: the reader has seen the page. */
	if (paging)
		for_each_console(con) if (con->pager) con->pager(true);
}

void console_margin(void)
{
	struct console *con;
	unsigned long flags;
	bool locked = console_lock_irqsave(&flags);

	for_each_console(con) if (con->write)
		textwrap_margin(&con->wrap, con->write);
	console_unlock_irqrestore(locked, flags);
}

void console_set_exact(bool on)
{
	exact = on;
}

void console_set_columns(unsigned int cols)
{
	struct console *con;

	columns = cols;
	for_each_console(con) if (con->write) wrap_sync(con);
}

void console_clear(void)
{
	struct console *con;

	console_flush();
	for_each_console(con)
	{
		if (!con->clear)
			continue;
		con->clear();
		textwrap_init(&con->wrap, con->wrap.cols); /* at column 0 */
	}
}

void console_pager(bool on)
{
	struct console *con;

	paging = on;
	for_each_console(con) if (con->pager) con->pager(on);
}
