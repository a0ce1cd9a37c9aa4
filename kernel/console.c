// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - fan-out of output to every console, one input queue for all.
 *
 * The input queue is a single-producer (interrupt handlers) single-consumer
 * (the shell) ring.  With one CPU the producer only runs between two
 * instructions of the consumer, so the consumer disables interrupts around
 * its check-then-halt: `sti; hlt` is atomic on x86 (the interrupt that wakes
 * us is taken after hlt starts), so no keystroke is slept through.
 *
 * Ctrl-C (0x03) is the terminal's interrupt character, from COM1 and the
 * PS/2 keyboard alike.  As Linux's tty does with ISIG (it sends SIGINT to
 * the foreground job and flushes the input typed before it), the queue
 * drops what was typed before the ^C and marks an interrupt pending; a
 * command that runs long checks signal_pending() in its loops and stops.
 * The ^C itself stays queued, so that a line editor waiting for input sees
 * it too (and abandons the line); a command that stopped for it drops it
 * with console_drop_intr().
 */
#include <asm/processor.h>
#include <console.h>

#define INPUT_QUEUE_SIZE 4096 /* a pasted script of commands fits */

static struct console *consoles;
static char input_queue[INPUT_QUEUE_SIZE];
static unsigned int input_head; /* next write, by interrupt handlers */
static unsigned int input_tail; /* next read, by the consumer */
static bool input_throttled; /* a driver stopped reading its device */
static volatile bool sigint_pending; /* ^C arrived since flush_signals() */

#define CHAR_INTR 0x03 /* ^C */

void register_console(struct console *con)
{
	struct console **pos = &consoles;

	while (*pos)
		pos = &(*pos)->next;
	con->next = NULL;
	*pos = con;
}

void console_write(const char *s, size_t len)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->write)
			con->write(s, len);
}

void console_set_level(int level)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->set_level)
			con->set_level(level);
}

bool console_input_char(char c)
{
	if (c == CHAR_INTR) {
		input_tail = input_head; /* what was typed before ^C is gone */
		sigint_pending = true;
	}
	if (input_head - input_tail >= INPUT_QUEUE_SIZE) {
		input_throttled = true;
		return false;
	}
	input_queue[input_head % INPUT_QUEUE_SIZE] = c;
	input_head++;
	return true;
}

int console_trygetc(void)
{
	unsigned long flags;
	int c = -1;
	bool resume = false;

	local_irq_save(flags);
	if (input_tail != input_head) {
		c = (unsigned char)input_queue[input_tail % INPUT_QUEUE_SIZE];
		input_tail++;
		resume = input_throttled;
		input_throttled = false;
	}
	local_irq_restore(flags);

	if (resume)
		for (struct console *con = consoles; con; con = con->next)
			if (con->unthrottle)
				con->unthrottle();
	return c;
}

int console_getc(void)
{
	for (;;) {
		int c = console_trygetc();

		if (c >= 0)
			return c;
		local_irq_disable();
		if (input_tail == input_head)
			safe_halt(); /* sti; hlt: woken by the next interrupt */
		else
			local_irq_enable();
	}
}

bool signal_pending(void)
{
	return sigint_pending;
}

void flush_signals(void)
{
	sigint_pending = false;
}

void console_drop_intr(void)
{
	unsigned long flags;

	local_irq_save(flags);
	for (unsigned int i = input_tail; i != input_head; i++)
		if (input_queue[i % INPUT_QUEUE_SIZE] == CHAR_INTR)
			input_tail = i + 1;
	local_irq_restore(flags);
}
