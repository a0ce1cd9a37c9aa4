// SPDX-License-Identifier: GPL-2.0
/*
 * sys.c - the small system calls about a process itself: its ids, its
 * limits and usage, the machine's name (as Linux's kernel/sys.c).
 *
 * One thread per process: a task's pid is its tgid, gettid() equals
 * getpid().  Users and groups: uid and gid 0 (root) until setuid()
 * changes the uids; root may set any, others only their real or saved
 * one, as POSIX says.  setuid() moves the process's count to the new
 * user, so RLIMIT_NPROC then counts it there (a fork bomb run as
 * `nobody` is held by its limit; root is exempt, kernel/fork.c).
 */
#include <errno.h>
#include <kernel.h>
#include <resource.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <time.h>
#include <uaccess.h>
#include <mm.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return READ_ONCE(current->real_parent)->tgid;
}

SYSCALL_DEFINE0(getuid32)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(geteuid32)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getgid32)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(getegid32)
{
	return current->cred.egid;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

/* The process's count moves to the user it becomes. */
static int set_user(struct cred *cred, unsigned int uid)
{
	struct user_struct *new = alloc_uid(uid), *old = cred->user;

	if (!new)
		return -EAGAIN;
	__atomic_add_fetch(&new->processes, 1, __ATOMIC_SEQ_CST);
	__atomic_sub_fetch(&old->processes, 1, __ATOMIC_SEQ_CST);
	cred->user = new;
	free_uid(old);
	if ((unsigned long)new->processes > rlimit(RLIMIT_NPROC) &&
	    new != &root_user)
		current->flags |= PF_NPROC_EXCEEDED;
	else
		current->flags &= ~PF_NPROC_EXCEEDED;
	return 0;
}

SYSCALL_DEFINE1(setuid32, unsigned int, uid)
{
	struct cred *cred = &current->cred;
	int ret;

	if (uid == (unsigned int)-1)
		return -EINVAL;
	if (cred->euid == 0) {
		if (uid != cred->uid) {
			ret = set_user(cred, uid);
			if (ret)
				return ret;
		}
		cred->uid = cred->suid = uid;
	} else if (uid != cred->uid && uid != cred->suid) {
		return -EPERM;
	}
	cred->euid = cred->fsuid = uid;
	return 0;
}

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

static const struct new_utsname init_uts_ns = {
	.sysname = "kmem386",
	.nodename = "(none)",
	.release = KMEM386_VERSION,
	.version = "#1 SMP",
	.machine = "i686",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts_ns, sizeof(init_uts_ns)) ? -EFAULT :
								       0;
}

SYSCALL_DEFINE2(ugetrlimit, unsigned int, resource, struct rlimit __user *,
		rlim)
{
	struct rlimit value;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	value = current->signal->rlim[resource];
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}

/* The old getrlimit: RLIM_INFINITY shows as 0x7fffffff, as Linux's. */
SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	value = current->signal->rlim[resource];
	if (value.rlim_cur > 0x7fffffff)
		value.rlim_cur = 0x7fffffff;
	if (value.rlim_max > 0x7fffffff)
		value.rlim_max = 0x7fffffff;
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}

/* Raising a hard limit is root's; RLIMIT_NOFILE at most nr_open. */
SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit __user *,
		rlim)
{
	struct rlimit new, *old;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	if (new.rlim_cur > new.rlim_max)
		return -EINVAL;
	if (resource == RLIMIT_NOFILE && new.rlim_max > 1048576)
		return -EPERM;
	old = &current->signal->rlim[resource];
	if (new.rlim_max > old->rlim_max && current->cred.euid != 0)
		return -EPERM;
	*old = new;
	return 0;
}

static void fill_rusage(int who, struct rusage *ru)
{
	struct task_struct *t = current;
	struct signal_struct *sig = t->signal;
	u64 ut, st;

	memset(ru, 0, sizeof(*ru));
	if (who == RUSAGE_CHILDREN) {
		ut = sig->cutime;
		st = sig->cstime;
		ru->ru_nvcsw = (long)sig->cnvcsw;
		ru->ru_nivcsw = (long)sig->cnivcsw;
		ru->ru_minflt = (long)sig->cmin_flt;
		ru->ru_majflt = (long)sig->cmaj_flt;
	} else {
		ut = t->utime;
		st = t->stime;
		ru->ru_nvcsw = (long)t->nvcsw;
		ru->ru_nivcsw = (long)t->nivcsw;
		ru->ru_minflt = (long)t->min_flt;
		ru->ru_majflt = (long)t->maj_flt;
		if (t->mm)
			ru->ru_maxrss =
				(long)(t->mm->hiwater_rss * (PAGE_SIZE / 1024));
	}
	ru->ru_utime.tv_sec = (long)(ut / HZ);
	ru->ru_utime.tv_usec = (long)(ut % HZ) * (1000000 / HZ);
	ru->ru_stime.tv_sec = (long)(st / HZ);
	ru->ru_stime.tv_usec = (long)(st % HZ) * (1000000 / HZ);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN &&
	    who != RUSAGE_THREAD)
		return -EINVAL;
	fill_rusage(who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
