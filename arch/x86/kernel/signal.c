// SPDX-License-Identifier: GPL-2.0
/*
 * signal.c - running a signal handler on i386: the signal frame, and
 * sigreturn / rt_sigreturn that undo it, in Linux's layouts (a program
 * built for Linux finds its context where Linux puts it).
 *
 * On the way back to user mode with a signal to handle, the process's
 * registers (its struct pt_regs) are saved into a frame pushed on its own
 * stack, and the registers are changed so that it "returns" into the
 * handler with the frame's return address pointing at a restorer:
 *
 *	old frame (no SA_SIGINFO)	   rt frame (SA_SIGINFO)
 *	  pretcode  -> restorer		     pretcode -> restorer
 *	  sig				     sig
 *	  sigcontext (the registers)	     pinfo -> info, puc -> uc
 *	  (FPU area, unused here)	     siginfo info (128 bytes)
 *	  extramask (mask, high word)	     ucontext uc: flags, link,
 *	  retcode[8]			       stack, sigcontext, sigmask
 *					     retcode[8]
 *
 * The handler's argument is on the stack (and in eax, edx, ecx for
 * regparm handlers, as Linux sets them).  The restorer is the program's
 * own (SA_RESTORER: the C library's __restore / __restore_rt, which call
 * sigreturn / rt_sigreturn), else the frame's retcode: "popl %eax; movl
 * $119,%eax; int $0x80" (the stack is executable without NX).  sigreturn
 * reads the registers and the mask back from the frame.  The values that
 * come back from user memory are not trusted: cs and ss are forced to
 * the user segments, only the flags a program may change are taken, and
 * a bad data selector faults at its pop and becomes 0 (entry.S).
 *
 * A system call interrupted by the signal (-ERESTARTSYS and friends) is
 * restarted or made to fail with EINTR, as Linux's handle_signal() says.
 * The FPU state is not saved in the frame (fpstate is 0: none of the
 * programs here uses the FPU).
 */
#include <asm/processor.h>
#include <asm/segment.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

#define __NR_sigreturn 119
#define __NR_rt_sigreturn 173
#define SS_DISABLE 2

/* The flags a program may change (the rest stay the kernel's). */
#define FIX_EFLAGS                                                       \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
	 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
	 X86_EFLAGS_CF | X86_EFLAGS_RF)

struct sigcontext_32 {
	u16 gs, __gsh;
	u16 fs, __fsh;
	u16 es, __esh;
	u16 ds, __dsh;
	u32 di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip;
	u16 cs, __csh;
	u32 flags, sp_at_signal;
	u16 ss, __ssh;
	u32 fpstate; /* a pointer to the FPU state: 0, none saved */
	u32 oldmask; /* the blocked mask's low word */
	u32 cr2;
};

struct sigframe_ia32 {
	u32 pretcode;
	int sig;
	struct sigcontext_32 sc;
	u8 fpstate_unused[624]; /* Linux's struct _fpstate_32: extramask's
				 * offset stays Linux's */
	u32 extramask[1]; /* the blocked mask's high word */
	char retcode[8];
};

struct ucontext_ia32 {
	u32 uc_flags;
	u32 uc_link;
	struct {
		u32 ss_sp;
		int ss_flags;
		u32 ss_size;
	} uc_stack;
	struct sigcontext_32 uc_mcontext;
	u32 uc_sigmask[2];
};

struct rt_sigframe_ia32 {
	u32 pretcode;
	int sig;
	u32 pinfo;
	u32 puc;
	kernel_siginfo_t info;
	struct ucontext_ia32 uc;
	char retcode[8];
};

static void setup_sigcontext(struct sigcontext_32 *sc, struct pt_regs *regs,
			     u32 mask)
{
	struct task_struct *tsk = current;

	memset(sc, 0, sizeof(*sc));
	sc->gs = (u16)regs->gs;
	sc->fs = (u16)regs->fs;
	sc->es = (u16)regs->es;
	sc->ds = (u16)regs->ds;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->sp = regs->sp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->cx = regs->cx;
	sc->ax = regs->ax;
	sc->trapno = tsk->thread.trap_nr;
	sc->err = tsk->thread.error_code;
	sc->ip = regs->ip;
	sc->cs = (u16)regs->cs;
	sc->flags = regs->flags;
	sc->sp_at_signal = regs->sp;
	sc->ss = (u16)regs->ss;
	sc->oldmask = mask;
	sc->cr2 = tsk->thread.cr2;
}

static void restore_sigcontext(struct pt_regs *regs,
			       const struct sigcontext_32 *sc)
{
	regs->gs = sc->gs;
	regs->fs = sc->fs;
	regs->es = sc->es;
	regs->ds = sc->ds;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->sp = sc->sp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->cx = sc->cx;
	regs->ax = sc->ax;
	regs->ip = sc->ip;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = (regs->flags & ~(unsigned long)FIX_EFLAGS) |
		      (sc->flags & FIX_EFLAGS);
	regs->orig_ax = (unsigned long)-1; /* no system call to restart */
}

/* Room for a frame below the user's stack: (sp + 4) 16-byte aligned. */
static unsigned long get_sigframe(struct pt_regs *regs, size_t size)
{
	unsigned long sp = regs->sp - size;

	return ((sp + 4) & ~15UL) - 4;
}

static void set_handler_regs(struct pt_regs *regs, unsigned long frame,
			     const struct k_sigaction *ka)
{
	regs->sp = frame;
	regs->ip = (unsigned long)ka->sa_handler;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->flags &=
		~(unsigned long)(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
}

static int setup_frame(int sig, const struct k_sigaction *ka, sigset_t *set,
		       struct pt_regs *regs)
{
	unsigned long addr = get_sigframe(regs, sizeof(struct sigframe_ia32));
	struct sigframe_ia32 frame;
	struct sigframe_ia32 __user *uframe = (void __user *)addr;

	memset(&frame, 0, sizeof(frame));
	frame.sig = sig;
	setup_sigcontext(&frame.sc, regs, (u32)set->sig);
	frame.extramask[0] = (u32)(set->sig >> 32);
	frame.pretcode = ka->sa_flags & SA_RESTORER ?
				 (u32)ka->sa_restorer :
				 (u32)(unsigned long)uframe->retcode;
	/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
	frame.retcode[0] = 0x58;
	frame.retcode[1] = (char)0xb8;
	*(u32 *)&frame.retcode[2] = __NR_sigreturn;
	frame.retcode[6] = (char)0xcd;
	frame.retcode[7] = (char)0x80;
	if (copy_to_user(uframe, &frame, sizeof(frame)))
		return -EFAULT;
	set_handler_regs(regs, addr, ka);
	regs->ax = (unsigned long)sig;
	regs->dx = regs->cx = 0;
	return 0;
}

static int setup_rt_frame(int sig, const struct k_sigaction *ka,
			  const kernel_siginfo_t *info, sigset_t *set,
			  struct pt_regs *regs)
{
	unsigned long addr =
		get_sigframe(regs, sizeof(struct rt_sigframe_ia32));
	struct rt_sigframe_ia32 __user *uframe = (void __user *)addr;
	struct rt_sigframe_ia32 frame;

	memset(&frame, 0, sizeof(frame));
	frame.sig = sig;
	frame.pinfo = (u32)(unsigned long)&uframe->info;
	frame.puc = (u32)(unsigned long)&uframe->uc;
	frame.info = *info;
	frame.uc.uc_stack.ss_flags = SS_DISABLE;
	setup_sigcontext(&frame.uc.uc_mcontext, regs, (u32)set->sig);
	frame.uc.uc_sigmask[0] = (u32)set->sig;
	frame.uc.uc_sigmask[1] = (u32)(set->sig >> 32);
	frame.pretcode = ka->sa_flags & SA_RESTORER ?
				 (u32)ka->sa_restorer :
				 (u32)(unsigned long)uframe->retcode;
	/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
	frame.retcode[0] = (char)0xb8;
	*(u32 *)&frame.retcode[1] = __NR_rt_sigreturn;
	frame.retcode[5] = (char)0xcd;
	frame.retcode[6] = (char)0x80;
	if (copy_to_user(uframe, &frame, sizeof(frame)))
		return -EFAULT;
	set_handler_regs(regs, addr, ka);
	regs->ax = (unsigned long)sig;
	regs->dx = frame.pinfo;
	regs->cx = frame.puc;
	return 0;
}

/* Was this a system call that returned, and may be restarted? */
static bool syscall_returned(const struct pt_regs *regs)
{
	return in_syscall(regs) && (long)regs->orig_ax >= 0;
}

static void handle_signal(int sig, const kernel_siginfo_t *info,
			  const struct k_sigaction *ka, struct pt_regs *regs)
{
	sigset_t old = current->blocked;
	int err;

	if (syscall_returned(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
			regs->ax = (unsigned long)-EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ka->sa_flags & SA_RESTART)) {
				regs->ax = (unsigned long)-EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2; /* the int $0x80 again */
			break;
		}
	}
	if (ka->sa_flags & SA_SIGINFO)
		err = setup_rt_frame(sig, ka, info, &old, regs);
	else
		err = setup_frame(sig, ka, &old, regs);
	if (err) {
		force_sig(SIGSEGV); /* no room for the frame */
		return;
	}
	signal_delivered(sig, ka);
}

void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;

	if (get_signal(regs, &sig, &info, &ka)) {
		handle_signal(sig, &info, &ka, regs);
		return;
	}
	/* No handler ran: an interrupted system call just starts again. */
	if (syscall_returned(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			regs->orig_ax = (unsigned long)-1;
			break;
		}
	}
}

static long bad_frame(const char *what)
{
	struct task_struct *tsk = current;

	pr_info("%s[%d] bad frame in %s\n", tsk->comm, tsk->pid, what);
	force_sig(SIGSEGV);
	return 0;
}

SYSCALL_DEFINE_REGS(sigreturn)
{
	struct sigframe_ia32 __user *uframe =
		(void __user *)(regs->sp - 8); /* pretcode and sig popped */
	struct sigcontext_32 sc;
	u32 high;
	sigset_t set;

	if (copy_from_user(&sc, &uframe->sc, sizeof(sc)) ||
	    get_user(high, &uframe->extramask[0]))
		return bad_frame("sigreturn");
	set.sig = sc.oldmask | (u64)high << 32;
	set_current_blocked(&set);
	restore_sigcontext(regs, &sc);
	return (long)regs->ax;
}

SYSCALL_DEFINE_REGS(rt_sigreturn)
{
	struct rt_sigframe_ia32 __user *uframe =
		(void __user *)(regs->sp - 4); /* pretcode popped */
	struct ucontext_ia32 uc;
	sigset_t set;

	if (copy_from_user(&uc, &uframe->uc, sizeof(uc)))
		return bad_frame("rt_sigreturn");
	set.sig = uc.uc_sigmask[0] | (u64)uc.uc_sigmask[1] << 32;
	set_current_blocked(&set);
	restore_sigcontext(regs, &uc.uc_mcontext);
	return (long)regs->ax;
}
