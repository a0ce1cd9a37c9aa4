// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - fan-out of output to every console, one input queue for all.
 *
 * Output: console_lock makes each console_write() whole, so that text
 * written by two CPUs at once comes out one write after the other, never
 * mixed within a write.  Like logbuf_lock it is the bare ticket lock, and a
 * CPU that already holds it (an oops printed from inside a console driver)
 * writes without waiting for itself.
 *
 * The input queue is a single-producer (interrupt handlers, on CPU 0 where
 * the device interrupts arrive) single-consumer (the shell, or a command
 * that `oncpu` runs on another CPU) ring under input_lock.  The consumer
 * disables interrupts around its check-then-halt: `sti; hlt` is atomic on
 * x86 (the interrupt that wakes us is taken after hlt starts), so no
 * keystroke is slept through on CPU 0; another CPU wakes on its local
 * timer tick and looks again.
 */
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <console.h>
#include <spinlock.h>

#define INPUT_QUEUE_SIZE 4096 /* a pasted script of commands fits */

static struct console *consoles;
static char input_queue[INPUT_QUEUE_SIZE];
static unsigned int input_head; /* next write, by interrupt handlers */
static unsigned int input_tail; /* next read, by the consumer */
static bool input_throttled; /* a driver stopped reading its device */
static DEFINE_SPINLOCK(input_lock); /* the queue's indices */
static arch_spinlock_t console_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int console_owner = -1; /* CPU holding console_lock */

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
	int cpu = (int)raw_smp_processor_id();
	bool locked = READ_ONCE(console_owner) != cpu;
	unsigned long flags;

	local_irq_save(flags);
	if (locked) {
		arch_spin_lock(&console_lock);
		WRITE_ONCE(console_owner, cpu);
	}
	for (struct console *con = consoles; con; con = con->next)
		if (con->write)
			con->write(s, len);
	if (locked) {
		WRITE_ONCE(console_owner, -1);
		arch_spin_unlock(&console_lock);
	}
	local_irq_restore(flags);
}

void console_set_level(int level)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->set_level)
			con->set_level(level);
}

bool console_input_char(char c)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&input_lock, flags);
	if (input_head - input_tail >= INPUT_QUEUE_SIZE) {
		input_throttled = true;
	} else {
		input_queue[input_head % INPUT_QUEUE_SIZE] = c;
		input_head++;
		queued = true;
	}
	spin_unlock_irqrestore(&input_lock, flags);
	return queued;
}

int console_trygetc(void)
{
	unsigned long flags;
	int c = -1;
	bool resume = false;

	spin_lock_irqsave(&input_lock, flags);
	if (input_tail != input_head) {
		c = (unsigned char)input_queue[input_tail % INPUT_QUEUE_SIZE];
		input_tail++;
		resume = input_throttled;
		input_throttled = false;
	}
	spin_unlock_irqrestore(&input_lock, flags);

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
		if (READ_ONCE(input_tail) == READ_ONCE(input_head))
			safe_halt(); /* sti; hlt: woken by the next interrupt */
		else
			local_irq_enable();
	}
}
