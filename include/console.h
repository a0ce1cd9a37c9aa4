/* SPDX-License-Identifier: GPL-2.0 */
/*
 * console.h - where text goes out and keystrokes come in.
 *
 * Output: every registered console (COM1, the VGA screen) gets every byte.
 * Input: drivers push characters from their interrupt handlers into one
 * queue; the shell takes them out.  When the queue is full a driver stops
 * reading its device (the UART keeps the rest in its FIFO and QEMU holds back
 * what follows), so pasted input is never lost, only delayed.
 *
 * Projector mode (kernel/console_wrap.c): consoles with CON_WRAP get every
 * line fitted to CON_COLUMNS at word boundaries (lib/textwrap.c); text
 * printed "exact" (/proc files, which a lecturer compares with Linux) is
 * wrapped only on consoles that cannot show a long line (CON_WRAP_EXACT:
 * the VGA screen).  The line editor's echo is never wrapped.
 */
#ifndef _CONSOLE_H
#define _CONSOLE_H

#include <textwrap.h>
#include <types.h>

#define CON_COLUMNS 80 /* the projector: an 80x25 screen */

/* struct console flags */
#define CON_WRAP 0x1 /* fit lines to the width, at word boundaries */
#define CON_WRAP_EXACT 0x2 /* ...exact text too: a screen has no other way */

struct console {
	const char *name; /* "ttyS0", "tty0" */
	void (*write)(const char *s, size_t len); /* output, may be NULL */
	void (*unthrottle)(void); /* input queue has room again */
	void (*set_level)(int level); /* log level of what follows, -1 none */
	void (*clear)(void); /* a fresh screen; may be NULL */
	void (*pager)(bool on); /* on: a fresh page; off: no more paging */
	void (*more)(
		unsigned int rows); /* rows are coming: may wait for a key */
	unsigned int flags; /* CON_WRAP... */
	struct textwrap wrap; /* its line-wrapping state (console_wrap.c) */
	struct console *next; /* registered consoles */
};

void register_console(struct console *con);
/* The registered consoles, in order: for_each_console(con) { ... } */
struct console *console_first(void);
#define for_each_console(con) \
	for ((con) = console_first(); (con); (con) = (con)->next)

/* Write to every console (no log buffer, no level), wrapped as it needs. */
void console_write(const char *s, size_t len);

/*
 * console_lock, which keeps a console_write() whole against other CPUs'
 * (console.c): false if this CPU held it already.
 */
bool console_lock_irqsave(unsigned long *flags);
void console_unlock_irqrestore(bool locked, unsigned long flags);

/* console_wrap.c: projector mode. */
/* Before a line of len bytes: the pager may wait for a key (no lock held). */
void console_page(size_t len);
/* One console's share of console_write(), under console_lock. */
void console_emit(struct console *con, const char *s, size_t len);
/* The echo of typed keys: as it is, never wrapped. */
void console_echo(const char *s, size_t len);
/* Write what wrapping holds back (a prompt's last word and blank). */
void console_flush(void);
/* printk: the current line so far is its timestamp, a margin. */
void console_margin(void);
/* Between true and false, text is exact (/proc): wrapped only on screens. */
void console_set_exact(bool exact);
/* The line width; 0 turns wrapping off (ktest, bench: machine-read). */
void console_set_columns(unsigned int cols);
/* A fresh screen on every console (VGA: the old one goes to scrollback). */
void console_clear(void);
/* Page the output of a command on the consoles that can ("--More--"). */
void console_pager(bool on);

/* Tell consoles the log level of the text that follows (-1: not a log). */
void console_set_level(int level);

/* Input: called by drivers; false if the queue is full. */
bool console_input_char(char c);
/* The same for the machine's own keyboard (the one in front of VGA). */
bool console_input_local(char c);
/* Did the last character read come from the machine's own keyboard? */
bool console_input_was_local(void);
/* Wait for a character (interrupts on, the CPU halts while idle). */
int console_getc(void);
/* A character if one is queued, else -1. */
int console_trygetc(void);

/*
 * Ctrl-C from any console: an interrupt for the command that runs on the
 * foreground CPU (Linux's SIGINT to the foreground job).  Long loops check
 * signal_pending() (this CPU's) and stop; the shell calls flush_signals()
 * before each command, and console_drop_intr() after one that a ^C
 * stopped, so that the ^C (and anything typed before it) is not read as
 * input again.
 */
bool signal_pending(void);
void flush_signals(void);
void console_drop_intr(void);
/*
 * The CPU a ^C interrupts (CPU 0 from boot: the shell's and the boot
 * modes'); returns the one before, to be given back.  `oncpu` hands the
 * console to the CPU that runs its command, as a job-control shell's
 * tcsetpgrp() hands the terminal to a job.
 */
unsigned int console_set_foreground(unsigned int cpu);

#endif /* _CONSOLE_H */
