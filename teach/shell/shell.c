// SPDX-License-Identifier: GPL-2.0
/*
 * shell.c - the kmem386> prompt: line editing, history and dispatch.
 *
 * Input arrives as bytes from the serial line and the PS/2 keyboard alike
 * (the keyboard driver produces the bytes a terminal would).  The editor
 * understands: printable characters, Backspace/DEL, Ctrl-U (erase the line),
 * Ctrl-C (abandon it), and the up/down arrows (ESC [ A / ESC [ B) to walk
 * the history of the last SHELL_HISTORY lines.  Other escape sequences
 * (ESC [ params final, ESC O x) are skipped whole; a control character in
 * the middle of one (Enter, say) ends the sequence and counts as itself,
 * so no key is ever swallowed.  CR, LF or CR LF end a line.
 * A line longer than SHELL_LINE_MAX is refused as a whole, never cut short
 * and run.
 *
 * Each command runs under run_protected(): an oops inside it ends just that
 * command, the way Linux kills only the task that oopsed.  Ctrl-C while a
 * command runs is an interrupt for it (console.h: signal_pending()): long
 * commands check it in their loops, stop and say so.  A command that runs
 * others (a demo types them) is the one the ^C is for: the commands it runs
 * leave the interrupt pending for it to see.
 *
 * Output is fitted to the 80-column screen by the consoles (projector mode,
 * kernel/console_wrap.c); the echo of what is typed is not wrapped.  A
 * command typed on the machine's own keyboard has its output paged on the
 * VGA screen ("--More--"); one typed on COM1 (a terminal with its own
 * scrollback, or the test runner) never waits.
 *
 * The shell is boot mode `shell`, the one the kernel runs when the command
 * line names no other.
 */
#include <asm/processor.h>
#include <cmdline.h>
#include <console.h>
#include <ctype.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <memstate.h>
#include <panic.h>
#include <params.h>
#include <percpu.h>
#include <printk.h>
#include <shell.h>
#include <string.h>
#include <textwrap.h>

#define SHELL_PROMPT "kmem386> "
#define SHELL_HISTORY 16

#define KEY_CTRL_C 0x03
#define KEY_BACKSPACE 0x08
#define KEY_CTRL_U 0x15
#define KEY_ESC 0x1b
#define KEY_DEL 0x7f

extern const struct shell_command __start_shell_cmds[], __stop_shell_cmds[];

static char history[SHELL_HISTORY][SHELL_LINE_MAX];
static unsigned int history_count; /* lines ever added */
/* shell_exec() calls under way on this CPU (a demo's commands: 2). */
static DEFINE_PER_CPU(unsigned int, shell_depth);

/* Where an escape sequence is: ESC, then ESC [ or ESC O, then its end. */
enum esc_state { ESC_NONE, ESC_START, ESC_CSI, ESC_SS3 };

struct line_state {
	char buf[SHELL_LINE_MAX];
	size_t len;
	bool overflow; /* more was typed than fits: refuse the line */
	unsigned int history_pos; /* lines back from the newest, 0 = editing */
	enum esc_state esc; /* inside an escape sequence */
};

static void erase_chars(size_t n)
{
	while (n--)
		console_echo("\b \b", 3);
}

static void replace_line(struct line_state *ls, const char *text)
{
	erase_chars(ls->len);
	ls->len = strnlen(text, SHELL_LINE_MAX - 1);
	memcpy(ls->buf, text, ls->len);
	console_echo(ls->buf, ls->len);
}

static void history_add(const char *line)
{
	if (!*line)
		return;
	if (history_count &&
	    !strcmp(history[(history_count - 1) % SHELL_HISTORY], line))
		return;
	strscpy(history[history_count % SHELL_HISTORY], line, SHELL_LINE_MAX);
	history_count++;
}

static void history_move(struct line_state *ls, int delta)
{
	unsigned int avail = min_t(unsigned int, history_count, SHELL_HISTORY);
	int pos = (int)ls->history_pos + delta;

	if (pos < 0 || pos > (int)avail)
		return;
	ls->history_pos = (unsigned int)pos;
	if (pos == 0)
		replace_line(ls, "");
	else
		replace_line(ls, history[(history_count - (unsigned)pos) %
					 SHELL_HISTORY]);
}

/*
 * One byte of an escape sequence; false if it is none (the sequence ended
 * without it: a control character is itself, not part of the sequence).
 * ESC [ A and ESC [ B walk the history; every other sequence is skipped:
 * ESC [ parameters (0x20-0x3f) and a final byte (0x40-0x7e), ESC O and one
 * byte, ESC and one byte.
 */
static bool handle_escape(struct line_state *ls, int c)
{
	if (c < 0x20 || c == KEY_DEL) {
		ls->esc = ESC_NONE;
		return false;
	}
	switch (ls->esc) {
	case ESC_START:
		ls->esc = c == '[' ? ESC_CSI : c == 'O' ? ESC_SS3 : ESC_NONE;
		return true;
	case ESC_CSI:
		if (c >= 0x20 && c <= 0x3f)
			return true; /* parameters: "1;5" of ESC [ 1 ; 5 C */
		if (c == 'A')
			history_move(ls, 1);
		else if (c == 'B')
			history_move(ls, -1);
		break;
	default:
		break;
	}
	ls->esc = ESC_NONE;
	return true;
}

static void add_char(struct line_state *ls, char c)
{
	if (ls->len + 1 >= SHELL_LINE_MAX) {
		ls->overflow = true;
		return;
	}
	ls->buf[ls->len++] = c;
	console_echo(&c, 1);
}

/* Read one line; returns false if it was refused (too long) or abandoned. */
static bool shell_readline(struct line_state *ls)
{
	static bool last_was_cr;

	ls->len = 0;
	ls->overflow = false;
	ls->history_pos = 0;
	ls->esc = ESC_NONE;
	for (;;) {
		int c = console_getc();

		if (ls->esc != ESC_NONE && handle_escape(ls, c))
			continue;

		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue; /* the LF of a CR LF pair */
		}
		last_was_cr = (c == '\r');
		switch (c) {
		case '\r':
		case '\n':
			console_echo("\n", 1);
			ls->buf[ls->len] = '\0';
			return !ls->overflow;
		case KEY_BACKSPACE:
		case KEY_DEL:
			if (ls->len) {
				ls->len--;
				erase_chars(1);
			}
			break;
		case KEY_CTRL_U:
			erase_chars(ls->len);
			ls->len = 0;
			ls->overflow = false;
			break;
		case KEY_CTRL_C:
			console_echo("^C\n", 3);
			flush_signals(); /* it was for this line */
			ls->len = 0;
			return false;
		case KEY_ESC:
			ls->esc = ESC_START;
			break;
		default:
			if (isprint(c))
				add_char(ls, (char)c);
		}
	}
}

const struct shell_command *shell_find(const char *name)
{
	for (const struct shell_command *cmd = __start_shell_cmds;
	     cmd < __stop_shell_cmds; cmd++)
		if (!strcmp(cmd->name, name))
			return cmd;
	return NULL;
}

int shell_usage(const char *name)
{
	const struct shell_command *cmd = shell_find(name);

	if (cmd)
		kprintf("usage: %s %s\n", cmd->name, cmd->args);
	return -EINVAL;
}

int shell_parse_ulong(const char *arg, unsigned long *val)
{
	if (kstrtoul(arg, 0, val)) {
		kprintf("not a number: %s\n", arg);
		return -EINVAL;
	}
	return 0;
}

int shell_parse_size(const char *arg, unsigned long *val)
{
	unsigned long long size;
	int err = kstrtosize(arg, &size);

	if (!err && size > ULONG_MAX)
		err = -ERANGE;
	if (err == -ERANGE) {
		kprintf("too big: %s is 4 GB or more; a size here stops just below 4 GB\n",
			arg);
		return err;
	}
	if (err) {
		kprintf("not a size: %s (examples: 100, 0x1000, 64K, 2M)\n",
			arg);
		return -EINVAL;
	}
	*val = (unsigned long)size;
	return 0;
}

struct shell_call {
	const struct shell_command *cmd;
	int argc;
	char **argv;
	int ret;
};

static void shell_call_fn(void *arg)
{
	struct shell_call *call = arg;

	call->ret = call->cmd->fn(call->argc, call->argv);
}

int shell_exec(const char *line)
{
	char buf[SHELL_LINE_MAX];
	char *argv[SHELL_MAX_ARGS + 1];
	char *rest = buf, *word;
	struct shell_call call;
	unsigned int depth;
	int argc = 0;

	strscpy(buf, line, sizeof(buf));
	while ((word = strsep(&rest, " \t")) != NULL) {
		if (!*word)
			continue;
		if (argc == SHELL_MAX_ARGS) {
			kprintf("too many arguments (at most %d)\n",
				SHELL_MAX_ARGS - 1);
			return -E2BIG;
		}
		argv[argc++] = word;
	}
	argv[argc] = NULL;
	if (!argc)
		return 0;

	call = (struct shell_call){ shell_find(argv[0]), argc, argv, 0 };
	if (!call.cmd) {
		kprintf("unknown command: %s (try help)\n", argv[0]);
		return -ENOENT;
	}
	depth = this_cpu_read(shell_depth);
	if (!depth)
		flush_signals(); /* a ^C from now on is for this command */
	this_cpu_write(shell_depth, depth + 1);
	if (run_protected(call.cmd->name, shell_call_fn, &call))
		call.ret = -EFAULT;
	this_cpu_write(shell_depth, depth); /* also after an oops above us */
	if (!depth && signal_pending()) {
		console_drop_intr(); /* it stopped the command: not input */
		flush_signals();
	}
	return call.ret;
}

bool shell_reported_since(printk_mark_t mark)
{
	/* Every report starts so: WARN's "cut here", "BUG: ...", "BUG cache". */
	return printk_since_contains(mark, "------------[ cut here ]") ||
	       printk_since_contains(mark, "BUG");
}

void shell_paragraph(const char *text)
{
	struct textwrap w;

	/* Each line of text starts 2 in and wraps back to 2: prose. */
	textwrap_init(&w, CON_COLUMNS);
	w.hang_extra = 0;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);

		textwrap_feed(&w, "  ", 2, console_write);
		textwrap_feed(&w, text, len, console_write);
		textwrap_feed(&w, "\n", 1, console_write);
		text += len + (nl ? 1 : 0);
	}
}

void shell_run(void)
{
	current_comm = "shell";
	struct line_state ls;

	memstate_boot(); /* what `reset` goes back to */
	kprintf("\nType `help` for the commands.\n");
	for (;;) {
		local_irq_enable();
		kprintf(SHELL_PROMPT);
		if (!shell_readline(&ls)) {
			if (ls.overflow)
				kprintf("line too long (at most %d characters): refused\n",
					SHELL_LINE_MAX - 1);
			continue;
		}
		history_add(ls.buf);
		console_pager(console_input_was_local());
		shell_exec(ls.buf);
		console_flush();
		console_pager(false);
		console_set_exact(false); /* if `cat` oopsed in a view */
	}
}

static int __init set_mode_shell(char *arg)
{
	return boot_mode_select("shell");
}
early_param("shell", set_mode_shell);
BOOT_MODE(shell, shell_run);
