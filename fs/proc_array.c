// SPDX-License-Identifier: GPL-2.0
/*
 * proc_array.c - /proc/PID/status, as Linux's fs/proc/array.c writes it:
 * "Name:\tmm_test", one "Key:\tvalue" per line, in Linux's order.
 *
 * Only the lines this kernel can fill truthfully: the identity (name,
 * state, pids, ids, descriptors), the memory (the Vm lines of
 * proc_task_mmu.c's task_mem(), for a process with an address space
 * only, as Linux), the signals, the CPUs it may run on and its context
 * switches.  Left out: capabilities, seccomp, no_new_privs, the
 * speculation and memory-policy lines, CoreDumping and THP_enabled
 * (there is no core dump and no transparent huge page here).
 */
#include <cpumask.h>
#include <file.h>
#include <kernel.h>
#include <mm.h>
#include <proc_fs.h>
#include <sched.h>
#include <signal.h>

static const char *task_state(const struct task_struct *p)
{
	unsigned int state = READ_ONCE(p->__state);

	if (p->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->exit_state)
		return "X (dead)";
	if (state == TASK_RUNNING)
		return "R (running)";
	if (state & __TASK_STOPPED)
		return "T (stopped)";
	if (state & TASK_UNINTERRUPTIBLE)
		return is_idle_task(p) ? "I (idle)" : "D (disk sleep)";
	return "S (sleeping)";
}

/* SigIgn and SigCgt: the signals whose action is to ignore, or a handler. */
static void task_sig_actions(struct task_struct *p, u64 *ign, u64 *cgt)
{
	struct sighand_struct *sh = p->sighand;
	unsigned long flags;

	*ign = *cgt = 0;
	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	for (int sig = 1; sig <= _NSIG; sig++) {
		__sighandler_t h = sh->action[sig - 1].sa_handler;

		if (h == SIG_IGN)
			*ign |= sigmask(sig);
		else if (h != SIG_DFL)
			*cgt |= sigmask(sig);
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
}

static void task_sig(struct seq_file *m, struct task_struct *p)
{
	u64 ign, cgt;

	task_sig_actions(p, &ign, &cgt);
	seq_printf(m, "Threads:\t1\n");
	seq_printf(m, "SigQ:\t0/%lu\n",
		   p->signal ? p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur :
			       0UL);
	seq_printf(m, "SigPnd:\t%016llx\n", p->pending.signal.sig);
	seq_printf(m, "ShdPnd:\t%016llx\n", 0ULL); /* no shared queue */
	seq_printf(m, "SigBlk:\t%016llx\n", p->blocked.sig);
	seq_printf(m, "SigIgn:\t%016llx\n", ign);
	seq_printf(m, "SigCgt:\t%016llx\n", cgt);
}

/* Cpus_allowed (a hex mask) and Cpus_allowed_list ("0-3", "0,2"). */
static void task_cpus_allowed(struct seq_file *m, struct task_struct *p)
{
	unsigned long mask = p->cpus_mask.bits & cpu_possible_mask->bits;
	const char *sep = "";

	seq_printf(m, "Cpus_allowed:\t%lx\nCpus_allowed_list:\t", mask);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int last = cpu;

		if (!(mask & (1UL << cpu)))
			continue;
		while (last + 1 < NR_CPUS && (mask & (1UL << (last + 1))))
			last++;
		if (last > cpu)
			seq_printf(m, "%s%u-%u", sep, cpu, last);
		else
			seq_printf(m, "%s%u", sep, cpu);
		sep = ",";
		cpu = last;
	}
	seq_putc(m, '\n');
}

static void proc_pid_status_show(struct seq_file *m, struct task_struct *p)
{
	const struct cred *c = &p->cred;
	struct mm_struct *mm = get_task_mm(p);
	int ppid = p->pid > 1 && p->real_parent ? p->real_parent->pid : 0;

	seq_printf(m, "Name:\t%s\n", p->comm);
	seq_printf(m, "Umask:\t0022\n");
	seq_printf(m, "State:\t%s\n", task_state(p));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n", p->tgid,
		   p->pid, ppid);
	seq_printf(m, "TracerPid:\t0\n");
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", c->uid, c->euid, c->suid,
		   c->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", c->gid, c->egid, c->sgid,
		   c->fsgid);
	seq_printf(m, "FDSize:\t%u\n", p->files ? p->files->max_fds : 0);
	seq_printf(m, "Groups:\t\n");
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t0\n",
		   p->tgid, p->pid, p->pgrp);
	if (mm) {
		task_mem(m, mm);
		mmput(mm);
	}
	task_sig(m, p);
	task_cpus_allowed(m, p);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n", p->nvcsw);
	seq_printf(m, "nonvoluntary_ctxt_switches:\t%lu\n", p->nivcsw);
}
PROC_PID_FILE("status", proc_pid_status_show);
