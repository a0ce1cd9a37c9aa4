// SPDX-License-Identifier: GPL-2.0
/*
 * oom_kill.c - when memory is gone, kill the process that holds most of
 * it, as Linux's OOM killer does.
 *
 * The page allocator calls out_of_memory() for a request that may sleep
 * (not GFP_ATOMIC, at most PAGE_ALLOC_COSTLY_ORDER) once it has tried
 * everything else: the free lists, the per-CPU lists, and waiting for
 * other processes to give pages back.  There is no swap and no page cache
 * to reclaim here, so a process's pages come back only when it ends.
 *
 * The victim is the process with the highest badness, Linux's
 * oom_badness() without oom_score_adj (all 0 here): its resident pages
 * (anonymous, file, shared memory) plus its page tables.  init and the
 * kernel threads have no address space and are never chosen.  It gets a
 * SIGKILL, which it cannot block or catch, and Linux's lines say why:
 *
 *   mm_test invoked oom-killer: gfp_mask=0x149(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
 *   Tasks state (memory values in pages):
 *   [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
 *   [     42]     0    42    16423    16390    69632        0             0 hog
 *   oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=hog,pid=42,uid=0
 *   Out of memory: Killed process 42 (hog) total-vm:65692kB, anon-rss:65536kB, file-rss:24kB, shmem-rss:0kB, UID:0 pgtables:68kB oom_score_adj:0
 *
 * (the gfp_mask number is this kernel's GFP bits, not Linux's).  While a
 * victim still has its address space, no second process is killed: the
 * allocator waits for the first to exit (Linux's oom_reaper would also
 * free its anonymous memory at once; here its exit does).  A process that
 * is itself dying, or is the victim, gets no memory: its allocation fails
 * and the fault it was serving ends with the signal.  With no process to
 * kill, nothing happens and the allocation fails as it would without an
 * OOM killer (Linux panics there: "System is deadlocked on memory").
 */
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <oom.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <vmstat.h>

/* Pages the OOM killer would get back from p's address space. */
static unsigned long oom_badness(struct mm_struct *mm)
{
	return get_mm_rss(mm) + mm->nr_ptes;
}

/*
 * The task to kill (referenced), or NULL.  *wait: an earlier victim still
 * holds its memory, so none is chosen.
 */
static struct task_struct *select_bad_process(bool *wait)
{
	struct task_struct *p, *chosen = NULL;
	unsigned long points, chosen_points = 0, flags;

	*wait = false;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if ((p->flags & PF_KTHREAD) || p->exit_state)
			continue;
		task_lock(p);
		if (!p->mm) {
			task_unlock(p);
			continue;
		}
		if (READ_ONCE(p->oom_victim)) {
			task_unlock(p);
			*wait = true;
			break;
		}
		points = oom_badness(p->mm) + 1; /* every process counts */
		task_unlock(p);
		if (points > chosen_points) {
			chosen = p;
			chosen_points = points;
		}
	}
	if (*wait)
		chosen = NULL;
	if (chosen)
		get_task_struct(chosen);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return chosen;
}

/* "Tasks state": every process's memory, in pages, as Linux's dump_tasks(). */
static void dump_tasks(void)
{
	struct task_struct *p;
	unsigned long flags;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (p->flags & PF_KTHREAD)
			continue;
		task_lock(p);
		if (p->mm)
			pr_info("[%7d] %5u %5d %8lu %8lu %8lu %8lu         %5d %s\n",
				p->pid, p->cred.uid, p->tgid, p->mm->total_vm,
				get_mm_rss(p->mm), p->mm->nr_ptes << PAGE_SHIFT,
				0UL, 0, p->comm);
		task_unlock(p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static void dump_header(gfp_t gfp, unsigned int order)
{
	char names[96];

	gfp_snprint(names, sizeof(names), gfp);
	pr_warn("%s invoked oom-killer: gfp_mask=%#x(%s), order=%u, oom_score_adj=0\n",
		current->comm, gfp, names, order);
	pr_info("Mem-Info:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (!populated_zone(zone))
			continue;
		pr_info("Node 0 %s free:%lukB min:%lukB low:%lukB high:%lukB managed:%lukB\n",
			zone->name, zone_free_pages(zone) << 2,
			min_wmark_pages(zone) << 2, low_wmark_pages(zone) << 2,
			high_wmark_pages(zone) << 2, zone->managed_pages << 2);
	}
	dump_tasks();
}

static void oom_kill_process(struct task_struct *victim)
{
	struct mm_struct *mm = get_task_mm(victim);

	if (!mm)
		return; /* it exited meanwhile: its memory is back already */
	WRITE_ONCE(victim->oom_victim, true);
	__atomic_or_fetch(&mm->flags, 1UL << MMF_OOM_VICTIM, __ATOMIC_RELAXED);
	pr_info("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=%s,pid=%d,uid=%u\n",
		victim->comm, victim->pid, victim->cred.uid);
	send_sig(SIGKILL, victim);
	count_vm_event(OOM_KILL);
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:0\n",
	       victim->pid, victim->comm, mm->total_vm << 2,
	       get_mm_counter(mm, MM_ANONPAGES) << 2,
	       get_mm_counter(mm, MM_FILEPAGES) << 2,
	       get_mm_counter(mm, MM_SHMEMPAGES) << 2, victim->cred.uid,
	       mm->nr_ptes << 2);
	mmput(mm);
}

bool out_of_memory(gfp_t gfp, unsigned int order)
{
	struct task_struct *victim;
	bool wait;

	/* Dying already: it frees its memory as soon as it gets out. */
	if (current->mm && fatal_signal_pending(current)) {
		WRITE_ONCE(current->oom_victim, true);
		return true;
	}
	victim = select_bad_process(&wait);
	if (wait)
		return true;
	if (!victim)
		return false;
	dump_header(gfp, order);
	oom_kill_process(victim);
	put_task_struct(victim);
	return true;
}
