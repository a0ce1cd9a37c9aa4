// SPDX-License-Identifier: GPL-2.0
/*
 * bench_proc.c - what processes cost (issue 14's benchmark rows): a
 * system call round trip, fork+exit+wait of a small process, the same
 * with an execve of a small static binary, and a context switch between
 * two processes that take turns with sched_yield().
 *
 * Under -icount the TSC counts every guest instruction, so a row counts
 * both processes and the kernel between them: fork_exit_wait is the
 * parent's fork and wait, the child's whole life and the switches.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <ubench.h>
#include <unistd.h>

static void run_getpid(unsigned long n)
{
	while (n--)
		getpid();
}

static void run_fork_exec_wait(unsigned long n)
{
	static char *const argv[] = { "true", NULL };
	int status;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0) {
			execve("/user/true", argv, environ);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
			ubench_fail(
				"fork, execve of /user/true or wait failed");
	}
}

static void run_sched_yield(unsigned long n)
{
	while (n--)
		sched_yield();
}

/* The partner of the ping-pong: yields back, forever. */
static pid_t partner;

static const char *setup_partner(void)
{
	partner = fork();
	if (partner == 0)
		for (;;)
			sched_yield();
	return partner < 0 ? "fork failed" : NULL;
}

static void teardown_partner(void)
{
	int status;

	kill(partner, SIGKILL);
	waitpid(partner, &status, 0);
}

static const struct ubench_op ops[] = {
	{ .id = "getpid", .desc = "getpid() round trip", .run = run_getpid },
	{ .id = "fork_exit_wait",
	  .desc = "fork + child _exit + waitpid",
	  .shift = 5,
	  .run = ubench_fork_exit_wait },
	{ .id = "fork_exec_wait",
	  .desc = "fork + execve(/user/true) + exit + waitpid",
	  .shift = 6,
	  .run = run_fork_exec_wait },
	{ .id = "sched_yield_alone",
	  .desc = "sched_yield() with no other runnable process",
	  .run = run_sched_yield },
	{ .id = "sched_yield_pingpong",
	  .desc = "sched_yield() to a second process that yields back (2 switches)",
	  .setup = setup_partner,
	  .run = run_sched_yield,
	  .teardown = teardown_partner },
	{}
};

int main(int argc, char **argv)
{
	return ubench_main("bench_proc", ops, argc, argv);
}
