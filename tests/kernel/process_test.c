// SPDX-License-Identifier: GPL-2.0
/*
 * process_test.c - verifies that user processes start, run and end
 * without the kernel losing anything: each case runs programs of the
 * initramfs (user/) with call_usermodehelper() and checks how they ended,
 * and the per-case leak checks (leak_check.c: free pages per zone, slab
 * objects per cache, vmalloc areas, kmaps) prove that everything a
 * process had, its address space, page tables, pages, kernel stack, task
 * and files, came back when it was reaped.  A fault kills only its
 * process; an exec that cannot work returns Linux's errno.
 *
 * The programs come from the initramfs: a boot without one (-initrd)
 * skips the suite.
 */
#include <console.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <ktest.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <sprintf.h>
#include <string.h>
#include <timer.h>
#include <umh.h>
#include <vmalloc.h>

static const char *const envp[] = { "HOME=/", NULL };

static void need_programs(struct ktest *test)
{
	if (IS_ERR_OR_NULL(path_lookup("/user/true", NULL, NULL)))
		ktest_skip(
			test,
			"needs the initramfs (/user/true): boot with -initrd");
}

/*
 * Run path with up to three arguments, its output swallowed (a program's
 * KTAP would mix with this suite's): its wait status or -errno.
 */
static int run(const char *path, const char *a1, const char *a2, const char *a3)
{
	const char *argv[] = { path, a1, a2, a3, NULL };
	struct umh_info info = {
		.path = path, .argv = argv, .envp = envp, .quiet = true
	};
	int pid = umh_spawn(&info, false);

	return pid < 0 ? pid : umh_wait(&info, pid);
}

#define EXITED(status) (((status)&0x7f) == 0)
#define EXIT_CODE(status) (((status) >> 8) & 0xff)
#define TERMSIG(status) ((status)&0x7f)

static void
process_true_runs_exits_0_and_gives_everything_back(struct ktest *test)
{
	unsigned long forks = total_forks;
	int threads = nr_threads;

	need_programs(test);
	KTEST_EXPECT_EQ(test, run("/user/true", NULL, NULL, NULL), 0);
	KTEST_EXPECT_EQ(test, total_forks, forks + 1);
	KTEST_EXPECT_EQ(test, nr_threads, threads); /* reaped */
}

/* The exit code of exit_group(): proc_test --exec-pid exits with its pid. */
static void process_exit_code_reaches_the_parent(struct ktest *test)
{
	struct umh_info info = { .path = "/user/proc_test",
				 .envp = envp,
				 .quiet = true };
	const char *argv[] = { "proc_test", "--exec-pid", NULL };
	int pid, status;

	need_programs(test);
	info.argv = argv;
	pid = umh_spawn(&info, false);
	KTEST_ASSERT_GT(test, pid, 1);
	status = umh_wait(&info, pid);
	KTEST_EXPECT_TRUE(test, EXITED(status));
	KTEST_EXPECT_EQ(test, EXIT_CODE(status), pid & 0x7f);
}

static void process_segfault_kills_only_the_process(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	int status;

	need_programs(test);
	status = run("/user/segfault", NULL, NULL, NULL);
	KTEST_EXPECT_FALSE(test, EXITED(status));
	KTEST_EXPECT_EQ(test, TERMSIG(status), SIGSEGV);
	KTEST_EXPECT_LOG(test, mark, "]: segfault at 0 ip ");
	KTEST_EXPECT_LOG(test, mark, "error 6 in segfault[8049000+");
	/* And the kernel goes on: the next program runs. */
	KTEST_EXPECT_EQ(test, run("/user/true", NULL, NULL, NULL), 0);
}

static void process_exec_errors_are_linux_errnos(struct ktest *test)
{
	need_programs(test);
	KTEST_EXPECT_EQ(test, run("/user/no-such-program", NULL, NULL, NULL),
			-ENOENT);
	KTEST_EXPECT_EQ(test, run("/etc/motd", NULL, NULL, NULL), -EACCES);
	KTEST_EXPECT_EQ(test, run("/user/not-elf", NULL, NULL, NULL), -ENOEXEC);
	KTEST_EXPECT_EQ(test, run("/etc/motd/x", NULL, NULL, NULL), -ENOTDIR);
	KTEST_EXPECT_EQ(test, run("/user", NULL, NULL, NULL), -EACCES);
}

/*
 * Arguments longer than the page exec copies them into first: the copy
 * grows (up to MAX_ARG_SIZE, 128 KB in all), and past it exec is E2BIG.
 */
static void process_long_arguments_fit_until_e2big(struct ktest *test)
{
	size_t len = 50000;
	char *arg = vmalloc(len + 1);

	need_programs(test);
	KTEST_ASSERT_NOT_NULL(test, arg);
	memset(arg, 'x', len);
	arg[len] = '\0';
	KTEST_EXPECT_EQ(test, run("/user/true", arg, arg, NULL), 0);
	KTEST_EXPECT_EQ(test, run("/user/true", arg, arg, arg), -E2BIG);
	vfree(arg);
}

/* fork, exec, wait, exit codes, a tree: proc_test's own cases pass. */
static void process_fork_exec_wait_cases_pass(struct ktest *test)
{
	need_programs(test);
	KTEST_EXPECT_EQ(test,
			run("/user/proc_test", "proc_exit_codes_reach_wait",
			    "proc_execve_passes_argv_and_envp",
			    "proc_tree_of_processes_counts_its_nodes"),
			0);
	KTEST_EXPECT_EQ(test,
			run("/user/proc_test",
			    "proc_vfork_child_runs_first_in_the_parents_memory",
			    "proc_faults_kill_the_child_with_a_signal",
			    "proc_kill_sigterm_terminates_by_default"),
			0);
}

/* 100 children alive at once, then a fork bomb held by RLIMIT_NPROC. */
static void
process_100_processes_and_a_fork_bomb_give_everything_back(struct ktest *test)
{
	need_programs(test);
	KTEST_EXPECT_EQ(test,
			run("/user/proc_test",
			    "proc_100_processes_alive_at_once",
			    "proc_fork_bomb_is_held_by_rlimit_nproc", NULL),
			0);
}

/* Regions, demand paging, brk, shared memory across fork, a big map. */
static void process_address_space_cases_pass(struct ktest *test)
{
	need_programs(test);
	KTEST_EXPECT_EQ(test,
			run("/user/mm_test",
			    "mm_brk_grows_and_shrinks_the_heap",
			    "mm_partial_munmap_leaves_the_rest",
			    "mm_mprotect_changes_access"),
			0);
	KTEST_EXPECT_EQ(test,
			run("/user/mm_test", "mm_shared_mapping_survives_fork",
			    "mm_fork_copies_private_pages_on_write",
			    "mm_large_mapping_touched_sparsely"),
			0);
}

static void process_signal_handlers_run_and_return(struct ktest *test)
{
	need_programs(test);
	KTEST_EXPECT_EQ(test,
			run("/user/signal_test",
			    "signal_handler_runs_and_returns",
			    "signal_siginfo_handler_gets_the_signal_number",
			    "signal_blocked_signal_waits_until_unblocked"),
			0);
}

/* Has pid become a program (exec done) asleep in nanosleep? */
static bool sleeps_in_user_program(int pid)
{
	struct task_struct *t = find_get_task_by_vpid(pid);
	bool asleep;

	if (!t)
		return false;
	asleep = !(READ_ONCE(t->flags) & PF_KTHREAD) &&
		 READ_ONCE(t->__state) == TASK_INTERRUPTIBLE;
	put_task_struct(t);
	return asleep;
}

/*
 * Ctrl-C with a program in the foreground (the shell's `run`): SIGINT to
 * its process group, whose default action ends it; the ^C is not input.
 */
static void process_ctrl_c_ends_the_foreground_program(struct ktest *test)
{
	const char *argv[] = { "sleep", "1000", NULL };
	struct umh_info info = {
		.path = "/user/sleep", .argv = argv, .envp = envp, .quiet = true
	};
	int pid, status, tries = 0;

	need_programs(test);
	pid = umh_spawn(&info, false);
	KTEST_ASSERT_GT(test, pid, 1);
	while (!sleeps_in_user_program(pid) && tries++ < 200)
		msleep(10);
	KTEST_EXPECT_TRUE(test, sleeps_in_user_program(pid));
	console_set_pgrp(pid); /* it leads its own group */
	console_input_char(0x03); /* as the serial or keyboard driver does */
	status = umh_wait(&info, pid);
	console_set_pgrp(0);
	KTEST_EXPECT_FALSE(test, EXITED(status));
	KTEST_EXPECT_EQ(test, TERMSIG(status), SIGINT);
	KTEST_EXPECT_FALSE(test, signal_pending(current)); /* not the shell's */
	KTEST_EXPECT_EQ(test, console_trygetc(), -1); /* and not a key */
}

static const struct ktest_case process_cases[] = {
	KTEST_CASE(process_true_runs_exits_0_and_gives_everything_back),
	KTEST_CASE(process_exit_code_reaches_the_parent),
	KTEST_CASE(process_segfault_kills_only_the_process),
	KTEST_CASE(process_exec_errors_are_linux_errnos),
	KTEST_CASE(process_long_arguments_fit_until_e2big),
	KTEST_CASE(process_fork_exec_wait_cases_pass),
	KTEST_CASE(process_100_processes_and_a_fork_bomb_give_everything_back),
	KTEST_CASE(process_address_space_cases_pass),
	KTEST_CASE(process_signal_handlers_run_and_return),
	KTEST_CASE(process_ctrl_c_ends_the_foreground_program),
	{}
};

KTEST_SUITE(process, process_cases);
