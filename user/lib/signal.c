// SPDX-License-Identifier: GPL-2.0
/*
 * signal.c - sigaction and sigprocmask over rt_sigaction and
 * rt_sigprocmask, which take the size of the kernel's sigset_t (8 bytes:
 * 64 signals) as their last argument; another size is EINVAL.
 *
 * A handler returns into __restore or, with SA_SIGINFO, __restore_rt
 * (crt0.S): the library sets it as sa_restorer with SA_RESTORER, as every
 * i386 C library does, and the kernel pushes it as the handler's return
 * address.  The two kinds of frame need the two kinds of sigreturn.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

void __restore(void);
void __restore_rt(void);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		if (k.sa_handler != SIG_DFL && k.sa_handler != SIG_IGN) {
			k.sa_flags |= SA_RESTORER;
			k.sa_restorer = (k.sa_flags & SA_SIGINFO) ?
						__restore_rt :
						__restore;
		}
		act = &k;
	}
	return __syscall_ret(__syscall(__NR_rt_sigaction, sig, (long)act,
				       (long)old, sizeof(sigset_t), 0, 0));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall(__NR_rt_sigprocmask, how, (long)set,
				       (long)old, sizeof(sigset_t), 0, 0));
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

static bool sig_valid(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return false;
	}
	return true;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	set->sig[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (!sig_valid(sig))
		return -1;
	return !!(set->sig[(sig - 1) / 32] & (1UL << ((sig - 1) % 32)));
}
