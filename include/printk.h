/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk.h - the kernel log.
 *
 * A message starts with a level (KERN_ERR ...), as in Linux: the level decides
 * whether the consoles show it (below console_loglevel) but every message goes
 * into the log buffer that `dmesg` prints.  Lines get a "[    s.uuuuuu] "
 * timestamp from the TSC.  A message without a trailing newline is continued
 * by the next printk (or KERN_CONT).
 */
#ifndef _PRINTK_H
#define _PRINTK_H

#include <stdarg.h>
#include <types.h>

#define KERN_SOH "\001" /* start of header: a level follows */
#define KERN_EMERG KERN_SOH "0" /* system is unusable */
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c" /* continues the previous line */

#define LOGLEVEL_DEFAULT 4 /* level of a message without one (warning) */
#define CONSOLE_LOGLEVEL_DEFAULT 7 /* show all but debug */
#define CONSOLE_LOGLEVEL_QUIET 4

extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Log position, for tests that check what a call printed. */
typedef u64 printk_mark_t;
printk_mark_t printk_mark(void);
/* Does the log, since `mark`, contain `text`? */
bool printk_since_contains(printk_mark_t mark, const char *text);
/* Copy the log since `mark` into buf (NUL-terminated); returns its length. */
size_t printk_since(printk_mark_t mark, char *buf, size_t size);

/* Print the whole log buffer to the consoles (`dmesg`). */
void dmesg_print(bool raw);

/* Hex dump with addresses, 16 bytes a row, as print_hex_dump(). */
void print_hex_dump(const char *level, const char *prefix, const void *buf,
		    size_t len);

/*
 * Console output without the log: for the shell and /proc texts, which are
 * answers to a command, not kernel messages.
 */
__printf(1, 2) int kprintf(const char *fmt, ...);
int vkprintf(const char *fmt, va_list args);
void console_write(const char *s, size_t len);

#endif /* _PRINTK_H */
