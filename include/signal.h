/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signal.h - signals, as Linux's <linux/signal.h>: numbers, sets, actions
 * and the calls that send and deliver them (kernel/signal.c; the frames a
 * handler runs on are the architecture's, arch/x86/kernel/signal.c).
 *
 * A signal sent to a task is a bit in its pending set (one of each kind
 * at a time, as for Linux's non-real-time signals).  It is delivered on
 * the task's way back to user mode, unless the task blocks it: ignored,
 * the default action (terminate, stop, or nothing), or a handler run on a
 * signal frame.  SIGKILL and SIGSTOP can be neither caught, ignored nor
 * blocked.  A signal whose action is to be ignored is dropped when sent,
 * as Linux drops it (so it does not interrupt a sleep).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <spinlock.h>
#include <types.h>

#define _NSIG 64

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

/* rt_sigprocmask's `how` */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
/* A kernel thread's action for a signal it takes (allow_signal()). */
#define SIG_KTHREAD_KERNEL ((__sighandler_t)2)

/* si_code values the kernel sets */
#define SI_USER 0 /* kill() */
#define SI_KERNEL 0x80
#define SEGV_MAPERR 1 /* address not mapped */
#define SEGV_ACCERR 2 /* no permission */
#define FPE_INTDIV 1
#define ILL_ILLOPN 2
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define TRAP_BRKPT 1

typedef void (*__sighandler_t)(int);

/* A set of the 64 signals: bit (sig - 1). */
typedef struct {
	u64 sig;
} sigset_t;

#define sigmask(sig) (1ULL << ((sig)-1))

static inline void sigemptyset(sigset_t *set)
{
	set->sig = 0;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig |= sigmask(sig);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig &= ~sigmask(sig);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig & sigmask(sig);
}

/* What a task does with a signal (rt_sigaction's struct, kernel side). */
struct k_sigaction {
	__sighandler_t sa_handler; /* SIG_DFL, SIG_IGN or a user address */
	unsigned long sa_flags; /* SA_* */
	unsigned long sa_restorer; /* where the handler returns (SA_RESTORER) */
	sigset_t sa_mask; /* blocked while the handler runs */
};

/* rt_sigaction's struct as i386 user space passes it. */
struct user_sigaction {
	u32 handler;
	u32 flags;
	u32 restorer;
	u32 mask[2];
};

/* The siginfo a SA_SIGINFO handler gets (128 bytes, Linux's layout). */
typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[29];
		struct {
			int _pid; /* kill(): the sender */
			unsigned int _uid;
		} _kill;
		struct {
			unsigned long _addr; /* faults: the address */
		} _sigfault;
		struct {
			int _pid; /* SIGCHLD: the child */
			unsigned int _uid;
			int _status;
		} _sigchld;
	} _sifields;
} kernel_siginfo_t;

/*
 * A task's pending signals, and what the sender said about each of the
 * classic ones (1-31): Linux queues a struct sigqueue per signal; one
 * record per number is what a set of bits can hold.
 */
struct sigpending {
	sigset_t signal;
	struct sigpending_info {
		int code; /* si_code: SI_USER, SEGV_MAPERR... */
		int pid; /* the sender (SI_USER) */
		unsigned int uid;
		unsigned long addr; /* the fault address */
	} info[32];
};

/* The actions of every signal: shared by a process's threads in Linux. */
struct sighand_struct {
	int count; /* references (one per task here) */
	spinlock_t siglock; /* the actions, and the task's pending and blocked */
	struct k_sigaction action[_NSIG];
};

/* Signals that cannot be caught, ignored or blocked. */
#define sig_kernel_only(sig) ((sig) == SIGKILL || (sig) == SIGSTOP)
/* Default action: stop the task. */
#define sig_kernel_stop(sig)                                         \
	((sig) == SIGSTOP || (sig) == SIGTSTP || (sig) == SIGTTIN || \
	 (sig) == SIGTTOU)
/* Default action: nothing. */
#define sig_kernel_ignore(sig)                                        \
	((sig) == SIGCONT || (sig) == SIGCHLD || (sig) == SIGWINCH || \
	 (sig) == SIGURG)
/* Default action: terminate with a core dump (none is written here). */
#define sig_kernel_coredump(sig)                                     \
	((sig) == SIGQUIT || (sig) == SIGILL || (sig) == SIGTRAP ||  \
	 (sig) == SIGABRT || (sig) == SIGBUS || (sig) == SIGFPE ||   \
	 (sig) == SIGSEGV || (sig) == SIGXCPU || (sig) == SIGXFSZ || \
	 (sig) == SIGSYS)
#define valid_signal(sig) ((sig) >= 0 && (sig) <= _NSIG)

struct task_struct;
struct pt_regs;

/*
 * Send sig to p (kill(), the shell's kill, faults): 0, or -EINVAL, -ESRCH.
 * Safe from interrupt context.  info may be NULL (SI_KERNEL).
 */
int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p);
/* A fault's signal to current, which cannot block or ignore it. */
void force_sig_fault(int sig, int code, unsigned long addr);
void force_sig(int sig);
/* Is a signal pending that current must act on? (TIF_SIGPENDING) */
bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
/*
 * Kernel threads ignore every signal but those they allow (Linux's
 * allow_signal()): init allows SIGINT, the idle tasks too, so that a ^C
 * reaches the command they run.  They never act on it: they check
 * signal_pending(current) and flush_signals(current) once they have.
 */
void allow_signal(int sig);
/* Forget t's pending signals (a kernel thread that has seen them). */
void flush_signals(struct task_struct *t);
/* Recompute p's TIF_SIGPENDING from its pending and blocked sets. */
void recalc_sigpending_tsk(struct task_struct *p);
/* The next signal current takes; 0 if none.  *info is filled. */
int dequeue_signal(kernel_siginfo_t *info);
/* The generic half of signal delivery (kernel/signal.c): act on one. */
bool get_signal(struct pt_regs *regs, int *sig, kernel_siginfo_t *info,
		struct k_sigaction *ka);
/* The way back to user mode: take the pending signals (arch signal.c). */
void arch_do_signal_or_restart(struct pt_regs *regs);
/* After a handler's frame is built: block its mask (signal_setup_done). */
void signal_delivered(int sig, const struct k_sigaction *ka);
/* Set current's blocked mask (SIGKILL and SIGSTOP removed). */
void set_current_blocked(sigset_t *newset);
/* tsk exited: SIGCHLD to its parent and a wake-up; true: reap it now. */
bool do_notify_parent(struct task_struct *tsk, int sig);
/* Boot: the cache of signal actions. */
void signals_init(void);
/* A new process's actions: copied (fork) or reset (exec). */
struct sighand_struct *sighand_alloc(void);
void sighand_free(struct sighand_struct *sh);
void flush_signal_handlers(struct task_struct *t);

#endif /* _SIGNAL_H */
