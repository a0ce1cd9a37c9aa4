// SPDX-License-Identifier: GPL-2.0
/*
 * signal.c - sending and taking signals, and the system calls around
 * them: kill, rt_sigaction, rt_sigprocmask (include/signal.h).
 *
 * Sending (send_signal_locked) marks the signal pending in the target
 * and, if the target does not block it, sets TIF_SIGPENDING and wakes it
 * from an interruptible sleep (SIGKILL: from any sleep that allows it,
 * and from a stop), so that it notices on its way back to user mode.  A
 * signal the target ignores is dropped at once; one already pending is
 * merged (the classic signals are a set, not a queue).  SIGCONT cancels
 * pending stop signals and wakes a stopped task; a stop signal cancels a
 * pending SIGCONT.
 *
 * Taking (get_signal, on the way to user mode) dequeues the lowest
 * unblocked signal, the synchronous ones (faults) first, and does what
 * its action says: nothing (ignored), a handler (the architecture builds
 * its frame), or the default: ignore, stop until SIGCONT, or terminate
 * the process with the signal as its status (no core file is written;
 * Linux's default RLIMIT_CORE of 0 writes none either).
 *
 * Locking: each task's sighand->siglock guards its actions, its pending
 * set and its blocked mask; it is taken with interrupts off, since the
 * console sends SIGINT from its interrupt handler.  Kernel threads ignore
 * every signal but those they allow, as Linux's do.
 */
#include <bug.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

static struct kmem_cache *sighand_cachep;

/* Synchronous signals: a fault's, delivered before any other. */
#define SYNCHRONOUS_MASK                                        \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
	 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

bool signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember(&p->pending.signal, SIGKILL);
}

void recalc_sigpending_tsk(struct task_struct *p)
{
	if (p->pending.signal.sig & ~p->blocked.sig)
		set_tsk_thread_flag(p, TIF_SIGPENDING);
	else
		clear_tsk_thread_flag(p, TIF_SIGPENDING);
}

void allow_signal(int sig)
{
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->sighand->action[sig - 1].sa_handler = SIG_KTHREAD_KERNEL;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	sigemptyset(&t->pending.signal);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa_handler;

	if (t->flags & PF_KTHREAD) /* only those it allows */
		return handler != SIG_KTHREAD_KERNEL;
	/* A blocked signal stays: its action may change before unblocking. */
	if (sigismember(&t->blocked, sig))
		return false;
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/* Let t notice: TIF_SIGPENDING, and a wake-up from a sleep that allows. */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	unsigned int state = TASK_INTERRUPTIBLE;

	set_tsk_thread_flag(t, TIF_SIGPENDING);
	if (fatal)
		state |= TASK_WAKEKILL | __TASK_STOPPED;
	if (!wake_up_state(t, state))
		kick_process(t);
}

/* Under t's siglock. */
static int send_signal_locked(int sig, const kernel_siginfo_t *info,
			      struct task_struct *t)
{
	if (t->exit_state)
		return 0; /* a zombie takes nothing, but exists: not ESRCH */
	if (sig == SIGCONT) {
		t->pending.signal.sig &= ~(sigmask(SIGSTOP) | sigmask(SIGTSTP) |
					   sigmask(SIGTTIN) | sigmask(SIGTTOU));
		wake_up_state(t, __TASK_STOPPED);
	} else if (sig_kernel_stop(sig)) {
		sigdelset(&t->pending.signal, SIGCONT);
	}
	if (sig_ignored(t, sig) || sigismember(&t->pending.signal, sig))
		return 0;
	sigaddset(&t->pending.signal, sig);
	if (sig <= 32) {
		struct sigpending_info *pi = &t->pending.info[sig - 1];

		pi->code = info ? info->si_code : SI_KERNEL;
		pi->pid = info ? info->_sifields._kill._pid : 0;
		pi->uid = info ? info->_sifields._kill._uid : 0;
		pi->addr = info ? info->_sifields._sigfault._addr : 0;
	}
	if (!sigismember(&t->blocked, sig))
		signal_wake_up(t, sig == SIGKILL);
	return 0;
}

int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	unsigned long flags;
	int ret;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!p)
		return -ESRCH;
	if (!sig)
		return 0;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	ret = send_signal_locked(sig, info, p);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return ret;
}

int send_sig(int sig, struct task_struct *p)
{
	return send_sig_info(sig, NULL, p);
}

/*
 * A fault's signal to current: it cannot be blocked or ignored, or the
 * task would fault again forever: if it is, the action goes back to the
 * default and the signal is unblocked, as Linux's force_sig_info() does.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *t = current;
	struct k_sigaction *action = &t->sighand->action[sig - 1];
	kernel_siginfo_t info = { .si_signo = sig, .si_code = code };
	unsigned long flags;

	info._sifields._sigfault._addr = addr;
	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (action->sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		action->sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
		recalc_sigpending_tsk(t);
	}
	/* A second fault while the first is pending: a fresh one, again. */
	sigdelset(&t->pending.signal, sig);
	send_signal_locked(sig, &info, t);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

static int next_signal(const struct sigpending *pending, const sigset_t *mask)
{
	u64 ready = pending->signal.sig & ~mask->sig;

	if (!ready)
		return 0;
	if (ready & SYNCHRONOUS_MASK)
		ready &= SYNCHRONOUS_MASK;
	/* Two 32-bit halves: a 64-bit ctz would need libgcc. */
	if ((u32)ready)
		return __builtin_ctz((u32)ready) + 1;
	return __builtin_ctz((u32)(ready >> 32)) + 33;
}

/* Under current's siglock. */
int dequeue_signal(kernel_siginfo_t *info)
{
	struct task_struct *t = current;
	int sig = next_signal(&t->pending, &t->blocked);

	if (!sig)
		return 0;
	sigdelset(&t->pending.signal, sig);
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	if (sig <= 32) {
		const struct sigpending_info *pi = &t->pending.info[sig - 1];

		info->si_code = pi->code;
		if (pi->code == SI_USER) {
			info->_sifields._kill._pid = pi->pid;
			info->_sifields._kill._uid = pi->uid;
		} else if (pi->code != SI_KERNEL) {
			info->_sifields._sigfault._addr = pi->addr;
		}
	} else {
		info->si_code = SI_USER;
	}
	recalc_sigpending_tsk(t);
	return sig;
}

/* Stop until SIGCONT (or SIGKILL): the default action of SIGSTOP & co. */
static void do_signal_stop(int sig)
{
	struct task_struct *t = current;
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	set_current_state(__TASK_STOPPED);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	schedule();
}

bool get_signal(struct pt_regs *regs, int *signr, kernel_siginfo_t *info,
		struct k_sigaction *ka)
{
	struct task_struct *t = current;

	for (;;) {
		struct k_sigaction *action;
		unsigned long flags;
		int sig;

		spin_lock_irqsave(&t->sighand->siglock, flags);
		sig = dequeue_signal(info);
		if (!sig) {
			spin_unlock_irqrestore(&t->sighand->siglock, flags);
			return false;
		}
		action = &t->sighand->action[sig - 1];
		*ka = *action;
		if (ka->sa_handler != SIG_IGN && ka->sa_handler != SIG_DFL &&
		    (ka->sa_flags & SA_RESETHAND))
			action->sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&t->sighand->siglock, flags);

		if (ka->sa_handler == SIG_IGN)
			continue;
		if (ka->sa_handler != SIG_DFL) {
			*signr = sig;
			return true;
		}
		if (sig_kernel_ignore(sig))
			continue;
		if (sig_kernel_stop(sig)) {
			do_signal_stop(sig);
			continue;
		}
		/* Terminate: the status is the signal (no core is written). */
		do_group_exit(sig);
	}
}

void signal_delivered(int sig, const struct k_sigaction *ka)
{
	sigset_t blocked = current->blocked;

	blocked.sig |= ka->sa_mask.sig;
	if (!(ka->sa_flags & SA_NODEFER))
		sigaddset(&blocked, sig);
	set_current_blocked(&blocked);
}

void set_current_blocked(sigset_t *newset)
{
	struct task_struct *t = current;
	unsigned long flags;

	sigdelset(newset, SIGKILL);
	sigdelset(newset, SIGSTOP);
	spin_lock_irqsave(&t->sighand->siglock, flags);
	t->blocked = *newset;
	recalc_sigpending_tsk(t);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->real_parent;
	struct sighand_struct *psig = parent->sighand;
	kernel_siginfo_t info = { .si_signo = sig, .si_code = SI_KERNEL };
	bool autoreap = false;

	if (psig->action[SIGCHLD - 1].sa_handler == SIG_IGN ||
	    (psig->action[SIGCHLD - 1].sa_flags & SA_NOCLDWAIT))
		autoreap = true; /* the parent said it will not wait */
	else if (sig > 0)
		send_sig_info(sig, &info, parent);
	/* Both: wait4()'s sleep and kernel_wait()'s (Linux: interruptible). */
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

struct sighand_struct *sighand_alloc(void)
{
	struct sighand_struct *sh =
		kmem_cache_alloc(sighand_cachep, GFP_KERNEL);

	if (sh) {
		sh->count = 1;
		spin_lock_init(&sh->siglock);
	}
	return sh;
}

void sighand_free(struct sighand_struct *sh)
{
	if (sh && --sh->count == 0)
		kmem_cache_free(sighand_cachep, sh);
}

/* exec: handlers are gone with the old program; SIG_IGN stays. */
void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = 0;
		sigemptyset(&ka->sa_mask);
	}
}

void __init signals_init(void)
{
	sighand_cachep = kmem_cache_create("sighand_cache",
					   sizeof(struct sighand_struct), 0,
					   SLAB_HWCACHE_ALIGN, NULL);
}

/* --- system calls ---------------------------------------------------------- */

/* May current send a signal to t?  Root, or a matching real/effective uid. */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = &current->cred, *tcred = &t->cred;

	return cred->euid == 0 || cred->euid == tcred->suid ||
	       cred->euid == tcred->uid || cred->uid == tcred->suid ||
	       cred->uid == tcred->uid;
}

static int kill_one(int sig, struct task_struct *p)
{
	kernel_siginfo_t info = { .si_signo = sig, .si_code = SI_USER };

	if (!kill_ok_by_cred(p))
		return -EPERM;
	info._sifields._kill._pid = current->pid;
	info._sifields._kill._uid = current->cred.uid;
	return send_sig_info(sig, &info, p);
}

/*
 * kill(pid, sig): pid > 0 one process; 0 the caller's process group; -1
 * every process the caller may signal but init and itself; < -1 the group
 * -pid.  sig 0 only checks that the target exists and may be signalled.
 */
SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH, count = 0, pgrp;

	if (!valid_signal(sig))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid > 0) {
		p = find_task_by_vpid(pid);
		if (p)
			ret = kill_one(sig, p);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return ret;
	}
	pgrp = pid == 0 ? current->pgrp : -pid;
	for_each_process(p) {
		int err;

		if (pid == -1 ? (p->pid <= 1 || p == current ||
				 (p->flags & PF_KTHREAD)) :
				p->pgrp != pgrp)
			continue;
		err = kill_one(sig, p);
		count++;
		if (err != -EPERM || ret == -ESRCH)
			ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

static void sigaction_to_user(const struct k_sigaction *ka,
			      struct user_sigaction *ua)
{
	ua->handler = (u32)(unsigned long)ka->sa_handler;
	ua->flags = (u32)ka->sa_flags;
	ua->restorer = (u32)ka->sa_restorer;
	ua->mask[0] = (u32)ka->sa_mask.sig;
	ua->mask[1] = (u32)(ka->sa_mask.sig >> 32);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct user_sigaction __user *,
		act, struct user_sigaction __user *, oact, size_t, sigsetsize)
{
	struct task_struct *t = current;
	struct user_sigaction ua;
	struct k_sigaction new_ka, old_ka;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG || (act && sig_kernel_only(sig)))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&ua, act, sizeof(ua)))
			return -EFAULT;
		new_ka.sa_handler = (__sighandler_t)(unsigned long)ua.handler;
		new_ka.sa_flags = ua.flags;
		new_ka.sa_restorer = ua.restorer;
		new_ka.sa_mask.sig = ua.mask[0] | (u64)ua.mask[1] << 32;
		sigdelset(&new_ka.sa_mask, SIGKILL);
		sigdelset(&new_ka.sa_mask, SIGSTOP);
	}
	spin_lock_irqsave(&t->sighand->siglock, flags);
	old_ka = t->sighand->action[sig - 1];
	if (act) {
		t->sighand->action[sig - 1] = new_ka;
		/* Now ignored: a pending one is dropped (POSIX). */
		if (sig_ignored(t, sig) || (new_ka.sa_handler == SIG_IGN)) {
			sigdelset(&t->pending.signal, sig);
			recalc_sigpending_tsk(t);
		}
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	if (oact) {
		sigaction_to_user(&old_ka, &ua);
		if (copy_to_user(oact, &ua, sizeof(ua)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const u32 __user *, nset,
		u32 __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;
	u32 words[2];

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(words, nset, sizeof(words)))
			return -EFAULT;
		new.sig = words[0] | (u64)words[1] << 32;
		switch (how) {
		case SIG_BLOCK:
			new.sig |= old.sig;
			break;
		case SIG_UNBLOCK:
			new.sig = old.sig & ~new.sig;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&new);
	}
	if (oset) {
		words[0] = (u32)old.sig;
		words[1] = (u32)(old.sig >> 32);
		if (copy_to_user(oset, words, sizeof(words)))
			return -EFAULT;
	}
	return 0;
}
