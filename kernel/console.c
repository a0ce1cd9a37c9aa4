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
 * Output fans out through console_emit() (console_wrap.c), which fits it to
 * each console's width; before waiting for a key, what the wrapping holds
 * back is written (console_flush()), so a prompt shows in full.
 */
#include <asm/processor.h>
#include <console.h>

#define INPUT_QUEUE_SIZE 4096 /* a pasted script of commands fits */

static struct console *consoles;
static char input_queue[INPUT_QUEUE_SIZE];
static unsigned int input_head; /* next write, by interrupt handlers */
static unsigned int input_tail; /* next read, by the consumer */
static bool input_throttled; /* a driver stopped reading its device */
static unsigned int local_pos; /* where the last local key went */
static bool local_seen; /* ... if there was one */
static bool last_read_local; /* the last key read was that one */

void register_console(struct console *con)
{
	struct console **pos = &consoles;

	while (*pos)
		pos = &(*pos)->next;
	con->next = NULL;
	*pos = con;
}

struct console *console_first(void)
{
	return consoles;
}

void console_write(const char *s, size_t len)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->write)
			console_emit(con, s, len);
}

void console_set_level(int level)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->set_level)
			con->set_level(level);
}

bool console_input_char(char c)
{
	if (input_head - input_tail >= INPUT_QUEUE_SIZE) {
		input_throttled = true;
		return false;
	}
	input_queue[input_head % INPUT_QUEUE_SIZE] = c;
	input_head++;
	return true;
}

bool console_input_local(char c)
{
	unsigned int pos = input_head;

	if (!console_input_char(c))
		return false;
	local_pos = pos;
	local_seen = true;
	return true;
}

bool console_input_was_local(void)
{
	return last_read_local;
}

int console_trygetc(void)
{
	unsigned long flags;
	int c = -1;
	bool resume = false;

	local_irq_save(flags);
	if (input_tail != input_head) {
		c = (unsigned char)input_queue[input_tail % INPUT_QUEUE_SIZE];
		last_read_local = local_seen && input_tail == local_pos;
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
	console_flush();
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
