// SPDX-License-Identifier: GPL-2.0
/*
 * proc_test.c - verifies that processes behave as Linux's do: fork,
 * vfork, clone, execve, exit and wait, trees of processes, 100 alive at
 * once, a fork bomb held by RLIMIT_NPROC, sleeping and waking, faults
 * that kill only the faulting child, uname, and the errno of every bad
 * argument.
 *
 * Children report through their exit code (the parent checks it): their
 * own EXPECT_* output would not reach the parent's counts.  No pid is
 * ever printed; where a pid is checked, it is compared with another.
 *
 * The binary is also its own exec target: `proc_test --exec-check A1`
 * checks what execve passed and exits 42; `--exec-pid` exits with the low
 * bits of its pid, which the parent compares with the child's.
 */
#include <fcntl.h>
#include <ktap.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SELF "/user/proc_test"

static void sleep_forever(void)
{
	struct timespec ts = { 1000, 0 };

	for (;;)
		nanosleep(&ts, NULL);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* The exit code of a child that ended normally; -1 (and a failure) if not. */
static int exit_code_of(pid_t pid)
{
	int status;

	if (!EXPECT_EQ(waitpid(pid, &status, 0), pid))
		return -1;
	if (!WIFEXITED(status)) {
		ktap_fail(__FILE__, __LINE__, "child killed by signal %d",
			  WTERMSIG(status));
		return -1;
	}
	return WEXITSTATUS(status);
}

static void proc_getpid_is_stable_and_getppid_is_the_parent(void)
{
	pid_t me = getpid(), pid;

	EXPECT_TRUE(me > 0);
	EXPECT_EQ(getpid(), me);
	pid = fork();
	if (pid == 0)
		_exit(getppid() == me ? 0 : 1);
	ASSERT_TRUE(pid > 0);
	EXPECT_NE(pid, me);
	EXPECT_EQ(exit_code_of(pid), 0);
}

static int copy_me = 1;

static void proc_fork_child_gets_its_own_memory(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		copy_me = 2;
		_exit(copy_me == 2 ? 0 : 1);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), 0);
	EXPECT_EQ(copy_me, 1);
}

static void proc_exit_codes_reach_wait(void)
{
	pid_t a = fork(), b;

	if (a == 0)
		_exit(3);
	b = fork();
	if (b == 0)
		exit_group(256 + 7); /* only the low 8 bits survive */
	EXPECT_EQ(exit_code_of(a), 3);
	EXPECT_EQ(exit_code_of(b), 7);
}

static volatile int vfork_flag;

static void proc_vfork_child_runs_first_in_the_parents_memory(void)
{
	pid_t pid;

	vfork_flag = 0;
	pid = vfork();
	if (pid == 0) {
		vfork_flag = 5; /* the parent's variable: memory is shared */
		_exit(0);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(vfork_flag, 5); /* the parent waited for the _exit */
	EXPECT_EQ(exit_code_of(pid), 0);
}

static void proc_clone_with_sigchld_is_a_fork(void)
{
	long pid = clone_raw(SIGCHLD, NULL, NULL, NULL, NULL);

	if (pid == 0)
		_exit(copy_me == 1 ? 5 : 6);
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), 5);
}

static void proc_execve_passes_argv_and_envp(void)
{
	char *argv[] = { "proc_test", "--exec-check", "a1", NULL };
	char *envp[] = { "KMEM386=yes", NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execve(SELF, argv, envp);
		_exit(100 + errno);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), 42);
}

static void proc_execve_keeps_the_pid(void)
{
	char *argv[] = { "proc_test", "--exec-pid", NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execve(SELF, argv, environ);
		_exit(255);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), pid & 0x7f);
}

static void proc_execve_errors(void)
{
	char *argv[] = { "x", NULL };

	EXPECT_ERRNO(execve("/user/no-such-program", argv, environ), ENOENT);
	EXPECT_ERRNO(execve("/etc/motd", argv, environ), EACCES);
	EXPECT_ERRNO(execve("/user/not-elf", argv, environ), ENOEXEC);
	EXPECT_ERRNO(execve("/etc/motd/x", argv, environ), ENOTDIR);
	EXPECT_ERRNO(execve(BAD_PTR, argv, environ), EFAULT);
	EXPECT_ERRNO(execve(SELF, BAD_PTR, environ), EFAULT);
}

static void proc_wait_without_children_is_echild(void)
{
	int status;

	EXPECT_ERRNO(wait4(-1, &status, 0, NULL), ECHILD);
	EXPECT_ERRNO(waitpid(-1, &status, WNOHANG), ECHILD);
	EXPECT_ERRNO(waitpid(getpid(), &status, 0), ECHILD);
}

static void proc_wnohang_returns_0_while_the_child_runs(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		sleep_forever();
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(wait4(pid, &status, WNOHANG, NULL), 0);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(wait4(pid, &status, 0, NULL), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void proc_wait4_errors(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(4);
	ASSERT_TRUE(pid > 0);
	EXPECT_ERRNO(wait4(pid, &status, 0x100, NULL), EINVAL);
	/* The bad pointer is seen after the child is reaped: it is gone. */
	EXPECT_ERRNO(wait4(pid, BAD_PTR, 0, NULL), EFAULT);
	EXPECT_ERRNO(wait4(pid, &status, WNOHANG, NULL), ECHILD);
}

static void proc_waitpid_picks_the_child_asked_for(void)
{
	pid_t pids[3];

	for (int i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(10 + i);
		ASSERT_TRUE(pids[i] > 0);
	}
	for (int i = 2; i >= 0; i--)
		EXPECT_EQ(exit_code_of(pids[i]), 10 + i);
}

/* A node forks two children below `depth` and exits 1 + their codes. */
static int tree_node(int depth)
{
	int sum = 1;

	if (depth == 0)
		return 1;
	for (int i = 0; i < 2; i++) {
		pid_t pid = fork();
		int status;

		if (pid == 0)
			_exit(tree_node(depth - 1));
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status))
			return 0;
		sum += WEXITSTATUS(status);
	}
	return sum;
}

static void proc_tree_of_processes_counts_its_nodes(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(tree_node(4));
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), 31); /* 2^5 - 1 nodes */
}

#define MANY 100

static void proc_100_processes_alive_at_once(void)
{
	pid_t pids[MANY];
	int n = 0, alive = 0, killed = 0, status;

	for (; n < MANY; n++) {
		pids[n] = fork();
		if (pids[n] == 0)
			sleep_forever();
		if (pids[n] < 0)
			break;
	}
	EXPECT_EQ(n, MANY);
	for (int i = 0; i < n; i++)
		alive += kill(pids[i], 0) == 0;
	EXPECT_EQ(alive, n);
	for (int i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		if (waitpid(pids[i], &status, 0) == pids[i] &&
		    WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
			killed++;
	EXPECT_EQ(killed, n);
	EXPECT_ERRNO(wait(&status), ECHILD);
}

#define NPROC_LIMIT 16
#define NOBODY 65534

/*
 * In a child that became `nobody` (RLIMIT_NPROC does not bind root):
 * fork sleeping children until fork fails.  Exit codes: 0 good, 1 the
 * failure was not EAGAIN, 2 no failure, 3 a wrong count, 4 fork failed
 * after the others were reaped, 5 setup failed.
 */
static void fork_bomb(void *arg)
{
	struct rlimit rl = { NPROC_LIMIT, NPROC_LIMIT };
	pid_t pids[NPROC_LIMIT * 2];
	int n = 0, err = 0, status;

	if (setuid(NOBODY) || setrlimit(RLIMIT_NPROC, &rl))
		_exit(5);
	while (n < NPROC_LIMIT * 2) {
		pid_t pid = fork();

		if (pid == 0)
			sleep_forever();
		if (pid < 0) {
			err = errno;
			break;
		}
		pids[n++] = pid;
	}
	for (int i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		waitpid(pids[i], &status, 0);
	if (n == NPROC_LIMIT * 2)
		_exit(2);
	if (err != EAGAIN)
		_exit(1);
	/* This process counts too: the limit leaves room for 15 more. */
	if (n != NPROC_LIMIT - 1)
		_exit(3);
	n = fork();
	if (n == 0)
		_exit(0);
	_exit(n > 0 && waitpid(n, &status, 0) == n ? 0 : 4);
}

static void proc_fork_bomb_is_held_by_rlimit_nproc(void)
{
	int status = ktap_in_child(fork_bomb, NULL);
	pid_t pid;

	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
	pid = fork(); /* and the system goes on */
	if (pid == 0)
		_exit(0);
	EXPECT_EQ(exit_code_of(pid), 0);
}

static void proc_nanosleep_sleeps_and_checks_its_arguments(void)
{
	struct timespec ts = { 0, 20 * 1000000 }, rem;

	EXPECT_EQ(nanosleep(&ts, &rem), 0);
	ts.tv_nsec = 1000000000;
	EXPECT_ERRNO(nanosleep(&ts, NULL), EINVAL);
	ts.tv_nsec = -1;
	EXPECT_ERRNO(nanosleep(&ts, NULL), EINVAL);
	ts = (struct timespec){ -1, 0 };
	EXPECT_ERRNO(nanosleep(&ts, NULL), EINVAL);
	EXPECT_ERRNO(nanosleep(BAD_PTR, NULL), EFAULT);
}

static void proc_waiting_parent_wakes_when_the_child_exits(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		sleep_ms(100);
		_exit(9);
	}
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(exit_code_of(pid), 9);
}

static void proc_sleeping_child_dies_of_sigkill(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		sleep_forever();
	ASSERT_TRUE(pid > 0);
	sleep_ms(20);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(WTERMSIG(status), SIGKILL);
}

static void proc_sched_yield_returns_0(void)
{
	for (int i = 0; i < 10; i++)
		EXPECT_EQ(sched_yield(), 0);
}

static void write_null(void *arg)
{
	*(volatile int *)0 = 1;
}

static void read_kernel(void *arg)
{
	(void)*(volatile int *)KERNEL_PTR;
}

static void write_text(void *arg)
{
	*(volatile unsigned char *)(void *)&write_text = 0xc3;
}

static void divide_by_zero(void *arg)
{
	volatile int zero = 0;

	_exit(10 / zero);
}

/* The child's fault kills the child only; the parent sees the signal. */
static void expect_killed_by(void (*fn)(void *), int sig, const char *what)
{
	int status = ktap_in_child(fn, NULL);

	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		ktap_fail(__FILE__, __LINE__,
			  "%s: status %#x, expected killed by signal %d", what,
			  status, sig);
}

static void proc_faults_kill_the_child_with_a_signal(void)
{
	expect_killed_by(write_null, SIGSEGV, "write to NULL");
	expect_killed_by(read_kernel, SIGSEGV, "read of 0xc0000000");
	expect_killed_by(write_text, SIGSEGV, "write to the text");
	expect_killed_by(divide_by_zero, SIGFPE, "divide by zero");
}

static void proc_kill_probes_and_checks_its_arguments(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(kill(getpid(), 0), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_ERRNO(kill(pid, 0), ESRCH); /* reaped: gone */
	EXPECT_ERRNO(kill(getpid(), _NSIG + 1), EINVAL);
	EXPECT_ERRNO(kill(getpid(), -1), EINVAL);
}

static void proc_kill_sigterm_terminates_by_default(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		sleep_forever();
	ASSERT_TRUE(pid > 0);
	EXPECT_EQ(kill(pid, SIGTERM), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
}

static bool terminated_within(const char *s, int size)
{
	for (int i = 0; i < size; i++)
		if (!s[i])
			return i > 0;
	return false;
}

static void proc_uname_fills_every_field(void)
{
	struct utsname u;

	memset(&u, 0x55, sizeof(u));
	ASSERT_EQ(uname(&u), 0);
	EXPECT_TRUE(terminated_within(u.sysname, sizeof(u.sysname)));
	EXPECT_TRUE(terminated_within(u.release, sizeof(u.release)));
	EXPECT_TRUE(terminated_within(u.version, sizeof(u.version)));
	EXPECT_TRUE(terminated_within(u.machine, sizeof(u.machine)));
	EXPECT_TRUE(u.machine[0] == 'i' && !strcmp(u.machine + 2, "86"));
	EXPECT_TRUE(terminated_within(u.nodename, sizeof(u.nodename)) ||
		    !u.nodename[0]);
	EXPECT_ERRNO(uname(BAD_PTR), EFAULT);
	EXPECT_ERRNO(uname(KERNEL_PTR), EFAULT);
}

static void proc_unknown_system_call_is_enosys(void)
{
	EXPECT_ERRNO(syscall(999, 0, 0, 0, 0, 0, 0), ENOSYS);
	EXPECT_ERRNO(syscall(-1, 0, 0, 0, 0, 0, 0), ENOSYS);
}

static void proc_getrusage_and_rlimits(void)
{
	struct rusage ru;
	struct rlimit rl;

	EXPECT_EQ(getrusage(RUSAGE_SELF, &ru), 0);
	EXPECT_EQ(getrusage(RUSAGE_CHILDREN, &ru), 0);
	EXPECT_ERRNO(getrusage(5, &ru), EINVAL);
	EXPECT_ERRNO(getrusage(RUSAGE_SELF, BAD_PTR), EFAULT);
	EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	EXPECT_TRUE(rl.rlim_cur <= rl.rlim_max);
	EXPECT_ERRNO(getrlimit(99, &rl), EINVAL);
	EXPECT_ERRNO(getrlimit(RLIMIT_NOFILE, BAD_PTR), EFAULT);
	rl.rlim_cur = rl.rlim_max + 1;
	if (rl.rlim_max != RLIM_INFINITY)
		EXPECT_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
}

static unsigned int tls_block[4] = { 0x12345678, 0x9abcdef0 };

static unsigned int read_gs0(unsigned int sel)
{
	unsigned int v;

	__asm__ volatile("movw %w1, %%gs\n\tmovl %%gs:0, %0\n\tmovw %w2, %%gs"
			 : "=r"(v)
			 : "r"(sel), "r"(0));
	return v;
}

static void proc_set_thread_area_gives_a_tls_segment(void)
{
	struct user_desc ud = {
		.entry_number = -1u,
		.base_addr = (unsigned int)tls_block,
		.limit = 0xfffff,
		.seg_32bit = 1,
		.limit_in_pages = 1,
		.useable = 1,
	};
	struct user_desc bad = ud;

	ASSERT_EQ(set_thread_area(&ud), 0);
	EXPECT_TRUE(ud.entry_number >= 6 && ud.entry_number <= 8);
	EXPECT_EQ(read_gs0(ud.entry_number * 8 + 3), 0x12345678);
	bad.entry_number = 100;
	EXPECT_ERRNO(set_thread_area(&bad), EINVAL);
	EXPECT_ERRNO(set_thread_area(BAD_PTR), EFAULT);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(proc_getpid_is_stable_and_getppid_is_the_parent),
	KTAP_CASE(proc_fork_child_gets_its_own_memory),
	KTAP_CASE(proc_exit_codes_reach_wait),
	KTAP_CASE(proc_vfork_child_runs_first_in_the_parents_memory),
	KTAP_CASE(proc_clone_with_sigchld_is_a_fork),
	KTAP_CASE(proc_execve_passes_argv_and_envp),
	KTAP_CASE(proc_execve_keeps_the_pid),
	KTAP_CASE(proc_execve_errors),
	KTAP_CASE(proc_wait_without_children_is_echild),
	KTAP_CASE(proc_wnohang_returns_0_while_the_child_runs),
	KTAP_CASE(proc_wait4_errors),
	KTAP_CASE(proc_waitpid_picks_the_child_asked_for),
	KTAP_CASE(proc_tree_of_processes_counts_its_nodes),
	KTAP_CASE(proc_100_processes_alive_at_once),
	KTAP_CASE(proc_fork_bomb_is_held_by_rlimit_nproc),
	KTAP_CASE(proc_nanosleep_sleeps_and_checks_its_arguments),
	KTAP_CASE(proc_waiting_parent_wakes_when_the_child_exits),
	KTAP_CASE(proc_sleeping_child_dies_of_sigkill),
	KTAP_CASE(proc_sched_yield_returns_0),
	KTAP_CASE(proc_faults_kill_the_child_with_a_signal),
	KTAP_CASE(proc_kill_probes_and_checks_its_arguments),
	KTAP_CASE(proc_kill_sigterm_terminates_by_default),
	KTAP_CASE(proc_uname_fills_every_field),
	KTAP_CASE(proc_unknown_system_call_is_enosys),
	KTAP_CASE(proc_getrusage_and_rlimits),
	KTAP_CASE(proc_set_thread_area_gives_a_tls_segment),
	{}
};

/* The exec targets: what execve passed, checked in the new image. */
static int exec_check(int argc, char **argv)
{
	const char *v = getenv("KMEM386");

	return argc == 3 && !strcmp(argv[2], "a1") && v && !strcmp(v, "yes") ?
		       42 :
		       1;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--exec-check"))
		return exec_check(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "--exec-pid"))
		return getpid() & 0x7f;
	return ktap_main("proc", cases, argc, argv);
}
