// SPDX-License-Identifier: GPL-2.0
/*
 * signal_test.c - verifies rt_sigaction and rt_sigprocmask as Linux
 * has them: default actions (terminate), SIG_IGN, a blocked signal that
 * stays pending until it is unblocked, SIGKILL and SIGSTOP that can be
 * neither caught, ignored nor blocked, the old action and mask handed
 * back, and the errno of every bad argument.  The last two cases run
 * handlers (a signal frame, then sigreturn or rt_sigreturn), which issue
 * 14 does not require of kmem386's first processes: they are the cases
 * that need more than default actions.
 *
 * The signals go to children whenever a case could kill its process.
 */
#include <ktap.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The raw calls, to pass what the wrappers never would. */
static long raw_sigaction(int sig, const void *act, void *old, long size)
{
	return syscall(__NR_rt_sigaction, sig, act, old, size, 0, 0);
}

static long raw_sigprocmask(int how, const void *set, void *old, long size)
{
	return syscall(__NR_rt_sigprocmask, how, set, old, size, 0, 0);
}

static int killed_by(int status)
{
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void send_sigterm_to_self(void *arg)
{
	kill(getpid(), SIGTERM);
	_exit(3);
}

static void signal_sigterm_terminates_by_default(void)
{
	EXPECT_EQ(killed_by(ktap_in_child(send_sigterm_to_self, NULL)),
		  SIGTERM);
}

static void ignore_then_sigterm(void *arg)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	if (sigaction(SIGTERM, &sa, NULL))
		_exit(1);
	kill(getpid(), SIGTERM);
	_exit(0);
}

static void signal_ignored_sigterm_does_nothing(void)
{
	int status = ktap_in_child(ignore_then_sigterm, NULL);

	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(WEXITSTATUS(status), 0);
}

/* Exit codes: 1 sigprocmask failed, 2 the mask did not show it. */
static void block_sigterm_then_unblock(void *arg)
{
	sigset_t set, old;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		_exit(1);
	kill(getpid(), SIGTERM); /* pending: this process goes on */
	if (sigprocmask(SIG_BLOCK, NULL, &old) ||
	    sigismember(&old, SIGTERM) != 1)
		_exit(2);
	sigprocmask(SIG_UNBLOCK, &set, NULL); /* delivered now: it dies */
	_exit(3);
}

static void signal_blocked_signal_waits_until_unblocked(void)
{
	EXPECT_EQ(killed_by(ktap_in_child(block_sigterm_then_unblock, NULL)),
		  SIGTERM);
}

static void signal_sigkill_and_sigstop_cannot_be_caught_or_ignored(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	EXPECT_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	EXPECT_EQ(sigaction(SIGKILL, NULL, &sa), 0); /* reading is fine */
}

static void signal_sigkill_cannot_be_blocked(void)
{
	sigset_t set, cur, saved;

	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGUSR2);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, &set, &saved), 0);
	ASSERT_EQ(sigprocmask(SIG_BLOCK, NULL, &cur), 0);
	EXPECT_EQ(sigismember(&cur, SIGKILL), 0);
	EXPECT_EQ(sigismember(&cur, SIGUSR2), 1);
	EXPECT_EQ(sigprocmask(SIG_SETMASK, &saved, NULL), 0);
}

static void signal_sigaction_hands_back_the_old_action(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, dfl = { 0 }, old;

	ASSERT_EQ(sigaction(SIGUSR1, &ign, NULL), 0);
	memset(&old, 0x55, sizeof(old));
	ASSERT_EQ(sigaction(SIGUSR1, &dfl, &old), 0);
	EXPECT_TRUE(old.sa_handler == SIG_IGN);
	ASSERT_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	EXPECT_TRUE(old.sa_handler == SIG_DFL);
}

static void signal_sigaction_errors(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	EXPECT_ERRNO(sigaction(0, &sa, NULL), EINVAL);
	EXPECT_ERRNO(sigaction(_NSIG + 1, &sa, NULL), EINVAL);
	EXPECT_ERRNO(raw_sigaction(SIGUSR1, &sa, NULL, 4), EINVAL);
	EXPECT_ERRNO(raw_sigaction(SIGUSR1, BAD_PTR, NULL, 8), EFAULT);
	EXPECT_ERRNO(raw_sigaction(SIGUSR1, NULL, KERNEL_PTR, 8), EFAULT);
}

static void signal_sigprocmask_errors(void)
{
	sigset_t set;

	sigemptyset(&set);
	EXPECT_ERRNO(raw_sigprocmask(3, &set, NULL, 8), EINVAL);
	EXPECT_ERRNO(raw_sigprocmask(SIG_BLOCK, &set, NULL, 4), EINVAL);
	EXPECT_ERRNO(raw_sigprocmask(SIG_BLOCK, BAD_PTR, NULL, 8), EFAULT);
	EXPECT_ERRNO(raw_sigprocmask(SIG_BLOCK, NULL, KERNEL_PTR, 8), EFAULT);
}

static volatile int caught;

static void on_usr1(int sig)
{
	caught = sig;
}

static void signal_handler_runs_and_returns(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 }, dfl = { 0 };

	caught = 0;
	ASSERT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	EXPECT_EQ(kill(getpid(), SIGUSR1), 0);
	EXPECT_EQ(caught, SIGUSR1); /* delivered on the way out of kill */
	EXPECT_EQ(sigaction(SIGUSR1, &dfl, NULL), 0);
}

static volatile int info_signo;

/* SA_SIGINFO: the rt frame, a siginfo whose first int is si_signo. */
static void on_usr2_info(int sig, void *info, void *ucontext)
{
	info_signo = *(int *)info;
}

static void signal_siginfo_handler_gets_the_signal_number(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO }, dfl = { 0 };

	sa.sa_handler = (sighandler_t)(void *)on_usr2_info;
	info_signo = 0;
	ASSERT_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	EXPECT_EQ(kill(getpid(), SIGUSR2), 0);
	EXPECT_EQ(info_signo, SIGUSR2);
	EXPECT_EQ(sigaction(SIGUSR2, &dfl, NULL), 0);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(signal_sigterm_terminates_by_default),
	KTAP_CASE(signal_ignored_sigterm_does_nothing),
	KTAP_CASE(signal_blocked_signal_waits_until_unblocked),
	KTAP_CASE(signal_sigkill_and_sigstop_cannot_be_caught_or_ignored),
	KTAP_CASE(signal_sigkill_cannot_be_blocked),
	KTAP_CASE(signal_sigaction_hands_back_the_old_action),
	KTAP_CASE(signal_sigaction_errors),
	KTAP_CASE(signal_sigprocmask_errors),
	KTAP_CASE(signal_handler_runs_and_returns),
	KTAP_CASE(signal_siginfo_handler_gets_the_signal_number),
	{}
};

int main(int argc, char **argv)
{
	return ktap_main("signal", cases, argc, argv);
}
