/* SPDX-License-Identifier: GPL-2.0 */
/*
 * console.h - where text goes out and keystrokes come in.
 *
 * Output: every registered console (COM1, the VGA screen) gets every byte.
 * Input: drivers push characters from their interrupt handlers into one
 * queue; the shell takes them out.  When the queue is full a driver stops
 * reading its device (the UART keeps the rest in its FIFO and QEMU holds back
 * what follows), so pasted input is never lost, only delayed.
 */
#ifndef _CONSOLE_H
#define _CONSOLE_H

#include <types.h>

struct console {
	const char *name; /* "ttyS0", "tty0" */
	void (*write)(const char *s, size_t len); /* output, may be NULL */
	void (*unthrottle)(void); /* input queue has room again */
	void (*set_level)(int level); /* log level of what follows, -1 none */
	struct console *next; /* registered consoles */
};

void register_console(struct console *con);

/* Write to every console (no log buffer, no level). */
void console_write(const char *s, size_t len);

/* Tell consoles the log level of the text that follows (-1: not a log). */
void console_set_level(int level);

/* Input: called by drivers; false if the queue is full. */
bool console_input_char(char c);
/* Wait for a character (interrupts on, the CPU halts while idle). */
int console_getc(void);
/* A character if one is queued, else -1. */
int console_trygetc(void);

/*
 * Ctrl-C from any console: an interrupt for whatever runs now (Linux's
 * SIGINT to the foreground job).  Long loops check signal_pending() and
 * stop; the shell calls flush_signals() before each command, and
 * console_drop_intr() after one that a ^C stopped, so that the ^C (and
 * anything typed before it) is not read as input again.
 */
bool signal_pending(void);
void flush_signals(void);
void console_drop_intr(void);

#endif /* _CONSOLE_H */
