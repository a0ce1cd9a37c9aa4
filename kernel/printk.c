// SPDX-License-Identifier: GPL-2.0
/*
 * printk.c - the kernel log: a ring buffer of text lines, and the consoles.
 *
 * Every message is formatted once, then stored line by line in log_buf as
 * "<level byte>[    s.uuuuuu] text\n".  The level byte is not printed by
 * `dmesg`; it lets `dmesg -r` show "<6>" prefixes as Linux's does.  Lines at a
 * level below console_loglevel also go to the consoles, timestamp included.
 *
 * log_buf is a ring: log_head counts every byte ever written (64-bit, it never
 * wraps), so a position in the log is just a number.  Tests take
 * printk_mark() before an action and then ask whether the log since then
 * contains an expected report; if the ring overwrote that stretch, the search
 * starts at the oldest byte still there.
 *
 * printk runs with interrupts off and holds logbuf_lock while it stores and
 * prints a message: a message from an interrupt handler or from another CPU
 * cannot land in the middle of another.  A line left open (no newline yet)
 * belongs to the CPU that opened it; a message from another CPU ends it
 * first, so lines from two CPUs never mix.  The lock is the bare ticket lock
 * (asm/spinlock.h), below spinlock debugging, whose reports are printed
 * here; a CPU that faults inside printk and prints the oops does not wait
 * for itself (logbuf_owner).
 */
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <cmdline.h>
#include <console.h>
#include <errno.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>

#define LOG_BUF_SHIFT 17
#define LOG_BUF_LEN (1UL << LOG_BUF_SHIFT) /* 128 KB */
#define LOG_LINE_MAX 1024 /* one message, formatted */

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static char log_buf[LOG_BUF_LEN];
static u64 log_head; /* bytes ever written to log_buf */
static bool line_open; /* the last line has no newline yet */
static int line_level; /* level of the open line */
static unsigned int line_cpu; /* the CPU that opened it */
static arch_spinlock_t logbuf_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int logbuf_owner = -1; /* CPU holding logbuf_lock */

/* Take logbuf_lock unless this CPU holds it already (a fault in printk). */
static bool logbuf_lock_take(void)
{
	int cpu = (int)raw_smp_processor_id();

	if (READ_ONCE(logbuf_owner) == cpu)
		return false;
	arch_spin_lock(&logbuf_lock);
	WRITE_ONCE(logbuf_owner, cpu);
	return true;
}

static void logbuf_lock_release(bool taken)
{
	if (!taken)
		return;
	WRITE_ONCE(logbuf_owner, -1);
	arch_spin_unlock(&logbuf_lock);
}

static void log_store_char(char c)
{
	log_buf[log_head & (LOG_BUF_LEN - 1)] = c;
	log_head++;
}

static void log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_store_char(s[i]);
}

static void emit(const char *s, size_t len, int level)
{
	log_store(s, len);
	if (level < console_loglevel)
		console_write(s, len);
}

/* Start a line: level byte into the log, timestamp into log and consoles. */
static void start_line(int level)
{
	char stamp[32];
	u64 ns = local_clock();
	unsigned long sec = (unsigned long)(ns / NSEC_PER_SEC);
	unsigned long usec = (unsigned long)((ns % NSEC_PER_SEC) / 1000);
	int n = scnprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", sec, usec);

	log_store_char((char)('0' + level));
	if (level < console_loglevel)
		console_set_level(level);
	emit(stamp, (size_t)n, level);
	if (level < console_loglevel)
		console_margin(); /* long lines continue under the text */
	line_open = true;
	line_level = level;
	line_cpu = raw_smp_processor_id();
}

/* Split "\001<c>" off the front: the level, or -1 for none/continuation. */
static const char *parse_level(const char *text, int *level, bool *cont)
{
	*level = -1;
	*cont = false;
	while (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		else if (text[1] == 'c')
			*cont = true;
		text += 2;
	}
	return text;
}

int vprintk(const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	const char *p;
	unsigned long flags;
	int level, len;
	bool cont, locked;

	len = vscnprintf(text, sizeof(text), fmt, args);
	p = parse_level(text, &level, &cont);
	len -= (int)(p - text);

	local_irq_save(flags);
	locked = logbuf_lock_take();
	if (line_open && line_cpu != raw_smp_processor_id()) {
		/* Another CPU's unfinished line: end it, keep ours apart. */
		emit("\n", 1, line_level);
		line_open = false;
	}
	if (line_open && level >= 0 && !cont) {
		/* A new message with a level ends the unfinished line. */
		emit("\n", 1, line_level);
		line_open = false;
	}
	if (level < 0)
		level = line_open ? line_level : LOGLEVEL_DEFAULT;

	while (len > 0) {
		const char *nl = memchr(p, '\n', (size_t)len);
		size_t chunk = nl ? (size_t)(nl - p) + 1 : (size_t)len;

		if (!line_open)
			start_line(level);
		emit(p, chunk, line_level);
		if (nl)
			line_open = false;
		p += chunk;
		len -= (int)chunk;
	}
	if (!line_open)
		console_set_level(-1);
	logbuf_lock_release(locked);
	local_irq_restore(flags);
	return (int)(p - text);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/* Oldest position still held in the ring. */
static u64 log_tail(void)
{
	return log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;
}

printk_mark_t printk_mark(void)
{
	return log_head;
}

size_t printk_since(printk_mark_t mark, char *buf, size_t size)
{
	u64 pos = max(mark, log_tail());
	size_t n = 0;

	if (!size)
		return 0;
	for (; pos < log_head && n + 1 < size; pos++)
		buf[n++] = log_buf[pos & (LOG_BUF_LEN - 1)];
	buf[n] = '\0';
	return n;
}

bool printk_since_contains(printk_mark_t mark, const char *text)
{
	size_t len = strlen(text);
	u64 pos = max(mark, log_tail());

	for (; pos + len <= log_head; pos++) {
		size_t i = 0;

		while (i < len &&
		       log_buf[(pos + i) & (LOG_BUF_LEN - 1)] == text[i])
			i++;
		if (i == len)
			return true;
	}
	return false;
}

void dmesg_print(bool raw)
{
	u64 pos = log_tail();
	bool at_line_start = (pos == 0);
	char chunk[128];
	size_t n = 0;

	/* After a wrap, skip the partial first line. */
	if (!at_line_start) {
		while (pos < log_head &&
		       log_buf[pos++ & (LOG_BUF_LEN - 1)] != '\n')
			;
		at_line_start = true;
	}
	for (; pos < log_head; pos++) {
		char c = log_buf[pos & (LOG_BUF_LEN - 1)];

		if (at_line_start) {
			at_line_start = false;
			if (raw) {
				n += (size_t)scnprintf(chunk + n,
						       sizeof(chunk) - n,
						       "<%c>", c);
			}
			continue; /* the level byte itself */
		}
		chunk[n++] = c;
		if (c == '\n')
			at_line_start = true;
		if (n >= sizeof(chunk) - 8) {
			console_write(chunk, n);
			n = 0;
		}
	}
	if (n)
		console_write(chunk, n);
}

void print_hex_dump(const char *level, const char *prefix, const void *buf,
		    size_t len)
{
	const u8 *p = buf;

	for (size_t off = 0; off < len; off += 16) {
		char line[100];
		int n = 0;

		for (size_t i = off; i < off + 16 && i < len; i++)
			n += scnprintf(line + n, sizeof(line) - (size_t)n,
				       "%s%02x", i == off ? "" : " ", p[i]);
		n += scnprintf(line + n, sizeof(line) - (size_t)n, "  ");
		for (size_t i = off; i < off + 16 && i < len; i++)
			line[n++] = (p[i] >= 0x20 && p[i] < 0x7f) ? (char)p[i] :
								    '.';
		line[n] = '\0';
		printk("%s%s%08lx: %s\n", level, prefix,
		       (unsigned long)(p + off), line);
	}
}

int vkprintf(const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	int len = vscnprintf(text, sizeof(text), fmt, args);

	console_write(text, (size_t)len);
	return len;
}

int kprintf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vkprintf(fmt, args);
	va_end(args);
	return n;
}

static int __init parse_loglevel(char *arg)
{
	int level;

	if (!arg || kstrtoint(arg, 0, &level) || level < 0 || level > 8) {
		pr_err("loglevel=%s: not a level 0..8; keeping %d\n",
		       arg ? arg : "", console_loglevel);
		return -EINVAL;
	}
	console_loglevel = level;
	return 0;
}
early_param("loglevel", parse_loglevel);

static int __init parse_quiet(char *arg)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", parse_quiet);
