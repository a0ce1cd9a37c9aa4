// SPDX-License-Identifier: GPL-2.0
/*
 * init_task.c - the first task, built by the compiler, not by fork.
 *
 * The boot CPU runs start_kernel() as init_task: "swapper/0", pid 0, on
 * the boot stack of head.S.  Once boot is done it creates the first real
 * tasks (kernel/main.c: init, pid 1, which runs the boot mode; kthreadd,
 * pid 2) and becomes CPU 0's idle task, as in Linux.  Every task is a copy
 * of another, so what init_task holds here (the limits, the root user,
 * the signal actions) is what every later task inherits unless it
 * changes it.  The other CPUs' idle tasks are made by smpboot.c.
 */
#include <asm/memlayout.h>
#include <asm/thread_info.h>
#include <resource.h>
#include <sched.h>

extern char boot_stack[], boot_stack_top[];

/*
 * Linux's defaults (include/asm-generic/resource.h); RLIMIT_NPROC is
 * raised from the memory size at boot (fork_init), as Linux does.
 */
#define INIT_RLIMITS                                                  \
	{                                                             \
		[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },      \
		[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },    \
		[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },     \
		[RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },         \
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },                 \
		[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },      \
		[RLIMIT_NPROC] = { 0, 0 },                            \
		[RLIMIT_NOFILE] = { INR_OPEN_CUR, INR_OPEN_MAX },     \
		[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 },          \
		[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },       \
		[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },    \
		[RLIMIT_SIGPENDING] = { 0, 0 },                       \
		[RLIMIT_MSGQUEUE] = { 819200, 819200 },               \
		[RLIMIT_NICE] = { 0, 0 }, [RLIMIT_RTPRIO] = { 0, 0 }, \
		[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },   \
	}

struct signal_struct init_signals = {
	.count = 1,
	.rlim = INIT_RLIMITS,
	.wait_chldexit =
		__WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
};

struct sighand_struct init_sighand = {
	.count = 1,
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};

struct user_struct root_user = {
	.uid = 0,
	.processes = 1,
	.count = 1,
	.list = LIST_HEAD_INIT(root_user.list),
};

struct task_struct init_task = {
	.thread = { .sp0 = (unsigned long)boot_stack_top },
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.usage = 2,
	.stack = boot_stack,
	.stack_size = BOOT_STACK_SIZE,
	.cpus_mask = { 1 },
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.time_slice = SCHED_TIMESLICE,
	.real_parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.pid_chain = LIST_HEAD_INIT(init_task.pid_chain),
	.exit_signal = -1,
	.comm = "swapper/0",
	.alloc_lock = __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
	.cred = { .user = &root_user },
	.signal = &init_signals,
	.sighand = &init_sighand,
};
