// SPDX-License-Identifier: GPL-2.0
/*
 * console.c - fan-out of output to every console, one input queue for all.
 *
 * Output: console_lock makes each console_write() whole, so that text
 * written by two CPUs at once comes out one write after the other, never
 * mixed within a write.  Like logbuf_lock it is the bare ticket lock, and a
 * CPU that already holds it (an oops printed from inside a console driver)
 * writes without waiting for itself.  Output fans out through
 * console_emit() (console_wrap.c), which fits it to each console's width,
 * under the same lock; the pager's wait for a key comes before the lock is
 * taken, never with it held.  Before waiting for a key, what the wrapping
 * holds back is written (console_flush()), so a prompt shows in full.
 *
 * The input queue is a single-producer (interrupt handlers, on CPU 0 where
 * the device interrupts arrive) single-consumer (the shell, or a command
 * that `oncpu` runs on another CPU) ring under input_lock.  The consumer
 * disables interrupts around its check-then-halt: `sti; hlt` is atomic on
 * x86 (the interrupt that wakes us is taken after hlt starts), so no
 * keystroke is slept through on CPU 0; another CPU wakes on its local
 * timer tick and looks again.
 *
 * Ctrl-C (0x03) is the terminal's interrupt character, from COM1 and the
 * PS/2 keyboard alike.  As Linux's tty does with ISIG (it sends SIGINT to
 * the foreground job and flushes the input typed before it), the queue
 * drops what was typed before the ^C and marks an interrupt pending for the
 * foreground CPU: the one that runs the command the console's user waits
 * for (CPU 0, where the shell and the boot modes run, unless `oncpu` hands
 * the console to another CPU for its command: console_set_foreground(), as
 * a job-control shell's tcsetpgrp()).  The pending interrupt is per CPU, as
 * a signal is per task: a command that runs long checks signal_pending() in
 * its loops and stops, and a flush on one CPU leaves the others' alone.
 * The ^C itself stays queued, so that a line editor waiting for input sees
 * it too (and abandons the line); a command that stopped for it drops it
 * with console_drop_intr().
 */
#include <asm/atomic.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <console.h>
#include <percpu.h>
#include <spinlock.h>
#include <string.h>

#define INPUT_QUEUE_SIZE 4096 /* a pasted script of commands fits */

static struct console *consoles;
static char input_queue[INPUT_QUEUE_SIZE];
static unsigned int input_head; /* next write, by interrupt handlers */
static unsigned int input_tail; /* next read, by the consumer */
static bool input_throttled; /* a driver stopped reading its device */
static DEFINE_SPINLOCK(input_lock); /* the queue's indices */
static arch_spinlock_t console_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int console_owner = -1; /* CPU holding console_lock */
static unsigned int local_pos; /* where the last local key went */
static bool local_seen; /* ... if there was one */
static bool last_read_local; /* the last key read was that one */
/* The CPU a ^C interrupts; a ^C arrived there since its flush_signals(). */
static u32 console_fg_cpu;
static DEFINE_PER_CPU(bool, sigint_pending);

#define CHAR_INTR 0x03 /* ^C */

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

/*
 * Take console_lock with interrupts off, unless this CPU holds it already
 * (a report printed from inside a console driver): false then, and the
 * matching console_unlock_irqrestore() leaves it held.
 */
bool console_lock_irqsave(unsigned long *flags)
{
	int cpu = (int)raw_smp_processor_id();
	bool locked = READ_ONCE(console_owner) != cpu;

	local_irq_save(*flags);
	if (locked) {
		arch_spin_lock(&console_lock);
		WRITE_ONCE(console_owner, cpu);
	}
	return locked;
}

void console_unlock_irqrestore(bool locked, unsigned long flags)
{
	if (locked) {
		WRITE_ONCE(console_owner, -1);
		arch_spin_unlock(&console_lock);
	}
	local_irq_restore(flags);
}

void console_write(const char *s, size_t len)
{
	while (len) {
		const char *nl = memchr(s, '\n', len);
		size_t chunk = nl ? (size_t)(nl - s) + 1 : len;
		struct console *con;
		unsigned long flags;
		bool locked;

		console_page(chunk); /* may wait for a key: before the lock */
		locked = console_lock_irqsave(&flags);
		for_each_console(con) if (con->write)
			console_emit(con, s, chunk);
		console_unlock_irqrestore(locked, flags);
		s += chunk;
		len -= chunk;
	}
}

void console_set_level(int level)
{
	for (struct console *con = consoles; con; con = con->next)
		if (con->set_level)
			con->set_level(level);
}

/* Queue one input byte under input_lock; `local`: from the local keyboard. */
static bool console_queue_input(char c, bool local)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&input_lock, flags);
	if (c == CHAR_INTR) {
		input_tail = input_head; /* what was typed before ^C is gone */
		WRITE_ONCE(per_cpu(sigint_pending, READ_ONCE(console_fg_cpu)),
			   true);
	}
	if (input_head - input_tail >= INPUT_QUEUE_SIZE) {
		input_throttled = true;
	} else {
		if (local) {
			local_pos = input_head;
			local_seen = true;
		}
		input_queue[input_head % INPUT_QUEUE_SIZE] = c;
		input_head++;
		queued = true;
	}
	spin_unlock_irqrestore(&input_lock, flags);
	return queued;
}

bool console_input_char(char c)
{
	return console_queue_input(c, false);
}

bool console_input_local(char c)
{
	return console_queue_input(c, true);
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

	spin_lock_irqsave(&input_lock, flags);
	if (input_tail != input_head) {
		c = (unsigned char)input_queue[input_tail % INPUT_QUEUE_SIZE];
		last_read_local = local_seen && input_tail == local_pos;
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
	console_flush();
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

unsigned int console_set_foreground(unsigned int cpu)
{
	return xchg32(&console_fg_cpu, cpu);
}

bool signal_pending(void)
{
	return this_cpu_read(sigint_pending);
}

void flush_signals(void)
{
	this_cpu_write(sigint_pending, false);
}

void console_drop_intr(void)
{
	unsigned long flags;

	spin_lock_irqsave(&input_lock, flags);
	for (unsigned int i = input_tail; i != input_head; i++)
		if (input_queue[i % INPUT_QUEUE_SIZE] == CHAR_INTR)
			input_tail = i + 1;
	spin_unlock_irqrestore(&input_lock, flags);
}
