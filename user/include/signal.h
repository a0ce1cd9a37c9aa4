/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signal.h - kill, and the rt_sigaction/rt_sigprocmask pair with the
 * kernel's own layouts: a 64-bit sigset_t (sigsetsize 8) and struct
 * sigaction {handler, flags, restorer, mask}.  The library installs its
 * own restorer (SA_RESTORER), which calls rt_sigreturn.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

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
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define _NSIG 64

#define SA_NOCLDSTOP 0x00000001
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)

typedef struct {
	unsigned long sig[2]; /* bit (n - 1) is signal n */
} sigset_t;

struct sigaction {
	sighandler_t sa_handler; /* SIG_DFL, SIG_IGN or a function */
	unsigned long sa_flags; /* SA_* */
	void (*sa_restorer)(void); /* returns from the handler */
	sigset_t sa_mask; /* blocked while the handler runs */
};

int kill(pid_t pid, int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigemptyset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif /* _SIGNAL_H */
