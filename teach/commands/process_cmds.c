// SPDX-License-Identifier: GPL-2.0
/*
 * process_cmds.c - processes at the prompt: `run`, `ps`, `kill`, and the
 * boot mode that runs the user programs for the runner.
 *
 * `run PROG ARGS` is what a shell's fork and exec do, from the kernel
 * (kernel/umh.c): a kernel thread, child of the shell (init, pid 1), gets
 * the console as its descriptors 0, 1 and 2, leads a process group of its
 * own, and becomes the program with kernel_execve() (fs/exec.c), as
 * Linux's kernel_init becomes /sbin/init.  The shell then waits for it like a
 * parent in wait4(), with Ctrl-C sending SIGINT to its group; `run ... &`
 * does not wait (the program is reaped by the kernel when it ends).  A
 * PROG without a slash is looked up in /user, then /bin.
 *
 * Boot mode `progs` (chosen by `kmem386.progs=a,b` on the command line,
 * the same words as tools/linux/init reads on Linux) runs each program
 * between the markers tests/linux_check.py reads, with the arguments of
 * `kmem386.args=x,y`, then powers off (or gives the shell with
 * `kmem386.shell=1`): the same programs, the same output, on both
 * kernels.
 */
#include <binfmts.h>
#include <cmdline.h>
#include <console.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <init.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <reboot.h>
#include <sched.h>
#include <shell.h>
#include <signal.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <time.h>
#include <umh.h>

#define RUN_MAX_ARGS SHELL_MAX_ARGS

static const char *const run_envp[] = { "HOME=/", "PATH=/user:/bin",
					"TERM=linux", NULL };

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",   [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL",   [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS",   [SIGFPE] = "SIGFPE",   [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP",
	[SIGTSTP] = "SIGTSTP",
};

static const char *signal_name(int sig)
{
	if (sig > 0 && sig < (int)ARRAY_SIZE(signal_names) && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

/* PROG to a path: as given if it has a slash, else /user or /bin. */
static int find_program(const char *name, char *path, size_t size)
{
	static const char *const dirs[] = { "/user/", "/bin/" };

	if (strchr(name, '/')) {
		strscpy(path, name, size);
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		snprintf(path, size, "%s%s", dirs[i], name);
		if (!IS_ERR_OR_NULL(path_lookup(path, NULL, NULL)))
			return 0;
	}
	return -ENOENT;
}

/* A wait() status as a shell's $? (128 + the signal when killed). */
static int status_code(int status)
{
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

/*
 * Run argv[0] and wait for it, Ctrl-C sending SIGINT to it meanwhile: its
 * wait status, or -errno (reported) if it could not run.
 */
static int run_and_wait(int argc, char **argv)
{
	char path[64];
	struct umh_info info = { .path = path, .envp = run_envp };
	int pid, status;

	argv[argc] = NULL;
	info.argv = (const char *const *)argv;
	if (find_program(argv[0], path, sizeof(path))) {
		kprintf("run: %s: not found in /user or /bin\n", argv[0]);
		return -ENOENT;
	}
	pid = umh_spawn(&info, false);
	if (pid < 0) {
		kprintf("run: %s: %s\n", path,
			shell_strerror(pid, "cannot execute"));
		return pid;
	}
	console_set_pgrp(pid);
	status = umh_wait(&info, pid);
	console_set_pgrp(0);
	if (status < 0)
		kprintf("run: %s: %s\n", path,
			shell_strerror(status, "cannot execute"));
	return status;
}

static int cmd_run(int argc, char **argv)
{
	bool background = argc > 2 && !strcmp(argv[argc - 1], "&");
	int status;

	if (argc < 2)
		return shell_usage(argv[0]);
	if (background) {
		char path[64];
		int pid;

		argv[argc - 1] = NULL; /* the & */
		if (find_program(argv[1], path, sizeof(path))) {
			kprintf("run: %s: not found in /user or /bin\n",
				argv[1]);
			return -ENOENT;
		}
		pid = call_usermodehelper(path, (const char *const *)argv + 1,
					  run_envp, UMH_NO_WAIT);
		if (pid < 0)
			kprintf("run: %s: %s\n", path,
				shell_strerror(pid, "cannot execute"));
		else
			kprintf("[%d] %s\n", pid, argv[1]);
		return pid < 0 ? pid : 0;
	}
	status = run_and_wait(argc - 1, argv + 1);
	if (status < 0)
		return status;
	if (status & 0x7f)
		kprintf("%s: killed by %s (signal %d)\n", argv[1],
			signal_name(status & 0x7f), status & 0x7f);
	else if (status >> 8)
		kprintf("%s: exit status %d\n", argv[1], (status >> 8) & 0xff);
	return 0;
}
SHELL_COMMAND(run, "PROG [ARGS...] [&]", "run a user program (from /user)",
	      SHELL_TOPIC_PROCESS, cmd_run,
	      .detail = "Starts a process that runs PROG (/user/PROG, or a "
			"path), its output on this console, and waits for it "
			"to end (Ctrl-C sends it SIGINT); with & at the end "
			"it runs in the background (see ps, kill).  The "
			"process is the shell's child: a kernel thread that "
			"becomes the program with execve, then a user process "
			"with its own address space, system calls through int "
			"$0x80.  A fault kills only the process, with Linux's "
			"segfault line in dmesg.",
	      .see = "ps, kill, ls /user, dmesg");

static char task_state_char(const struct task_struct *p)
{
	unsigned int state = READ_ONCE(p->__state);

	if (p->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (p->exit_state)
		return 'X';
	if (state == TASK_RUNNING)
		return 'R';
	if (state & __TASK_STOPPED)
		return 'T';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'S';
}

static int cmd_ps(int argc, char **argv)
{
	struct task_struct *p;
	unsigned long flags;
	int lines = 0;

	kprintf("  PID  PPID  UID S CPU    TIME COMMAND\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		u64 secs = task_cputime(p) / HZ;
		bool kthread = p->flags & PF_KTHREAD;

		kprintf("%5d %5d %4u %c %3u %4llu:%02llu %s%s%s\n", p->pid,
			p->real_parent->pid, p->cred.uid, task_state_char(p),
			task_cpu(p), secs / 60, secs % 60, kthread ? "[" : "",
			p->comm, kthread ? "]" : "");
		lines++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	kprintf("%d tasks, %u runnable; %llu context switches since boot\n",
		lines, nr_running(), nr_context_switches());
	return 0;
}
SHELL_COMMAND(ps, "", "list the processes and kernel threads",
	      SHELL_TOPIC_PROCESS, cmd_ps,
	      .detail = "One line per task, as ps -e: its pid, its parent's, "
			"its user, its state (R runnable, S sleeping, D "
			"sleeping uninterruptibly, T stopped, Z zombie: exited "
			"and not yet waited for), the CPU it last ran on, the "
			"CPU time it used and its name ([brackets]: a kernel "
			"thread).  pid 1 is init, which runs this shell; pid 2 "
			"is kthreadd, the parent of kernel threads.  The idle "
			"tasks (pid 0, one per CPU) are not listed.",
	      .see = "run, kill");

static int parse_signal(const char *arg, int *sig)
{
	unsigned long n;

	if (*arg >= '0' && *arg <= '9' && !shell_parse_ulong(arg, &n) &&
	    n <= _NSIG) {
		*sig = (int)n;
		return 0;
	}
	if (!strncmp(arg, "SIG", 3))
		arg += 3;
	for (size_t i = 1; i < ARRAY_SIZE(signal_names); i++) {
		if (signal_names[i] && !strcmp(signal_names[i] + 3, arg)) {
			*sig = (int)i;
			return 0;
		}
	}
	return -EINVAL;
}

static int cmd_kill(int argc, char **argv)
{
	int sig = SIGTERM, ret = 0;
	int first = 1;

	if (argc > 1 && argv[1][0] == '-') {
		if (parse_signal(argv[1] + 1, &sig)) {
			kprintf("kill: %s: not a signal\n", argv[1]);
			return -EINVAL;
		}
		first = 2;
	}
	if (argc <= first)
		return shell_usage(argv[0]);
	for (int i = first; i < argc; i++) {
		unsigned long pid;
		struct task_struct *p;
		int err;

		if (shell_parse_ulong(argv[i], &pid) || !pid) {
			kprintf("kill: %s: not a pid\n", argv[i]);
			ret = -EINVAL;
			continue;
		}
		p = find_get_task_by_vpid((int)pid);
		if (!p) {
			kprintf("kill: %lu: No such process\n", pid);
			ret = -ESRCH;
			continue;
		}
		if (p->flags & PF_KTHREAD) {
			kprintf("kill: %lu: %s is a kernel thread: it ignores signals\n",
				pid, p->comm);
			put_task_struct(p);
			continue;
		}
		err = send_sig(sig, p);
		put_task_struct(p);
		if (err)
			ret = err;
	}
	return ret;
}
SHELL_COMMAND(kill, "[-SIGNAL] PID...", "send a signal (default SIGTERM)",
	      SHELL_TOPIC_PROCESS, cmd_kill,
	      .detail = "Sends the signal to each process, as kill(2): -9 or "
			"-KILL kills it whatever it does, -TERM (the default) "
			"kills it unless it handles or ignores SIGTERM, -STOP "
			"and -CONT stop and continue it.  Kernel threads "
			"ignore signals from kill (init takes only the "
			"console's Ctrl-C, for the command it runs).",
	      .see = "ps, run");

/* --- boot mode `progs`: the runner's user programs --------------------- */

static char progs_list[256], progs_args[256];
static bool progs_shell;

static int __init set_progs(char *arg)
{
	strscpy(progs_list, arg ? arg : "", sizeof(progs_list));
	return boot_mode_select("progs");
}
early_param("kmem386.progs", set_progs);

static int __init set_progs_args(char *arg)
{
	strscpy(progs_args, arg ? arg : "", sizeof(progs_args));
	return 0;
}
early_param("kmem386.args", set_progs_args);

static int __init set_progs_shell(char *arg)
{
	progs_shell = arg && !strcmp(arg, "1");
	return 0;
}
early_param("kmem386.shell", set_progs_shell);

/* Split a comma-separated list in place into words: how many. */
static int split_commas(char *s, char **words, int max)
{
	int n = 0;

	while (*s && n < max) {
		words[n++] = s;
		s += strcspn(s, ",");
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static void progs_run(void)
{
	char *progs[32], *argv[RUN_MAX_ARGS];
	int nprogs = split_commas(progs_list, progs, ARRAY_SIZE(progs));
	int nargs = split_commas(progs_args, argv + 1, RUN_MAX_ARGS - 2) + 1;

	console_set_columns(0); /* read by a program: lines as they are */
	kprintf("===== KERNEL %s i686 =====\n", KMEM386_VERSION);
	for (int i = 0; i < nprogs; i++) {
		int status;

		argv[0] = progs[i];
		kprintf("===== BEGIN %s =====\n", progs[i]);
		status = run_and_wait(nargs, argv);
		kprintf("===== END %s exit=%d =====\n", progs[i],
			status < 0 ? 127 : status_code(status));
	}
	kprintf("===== ALL DONE =====\n");
	if (progs_shell)
		shell_run();
	machine_power_off();
}
BOOT_MODE(progs, progs_run);
