// SPDX-License-Identifier: GPL-2.0
/*
 * user_regions.c - which process the teaching views draw in user space,
 * and its regions.
 *
 * The shell itself is init, a kernel thread with no user space, so
 * `map` and ex04's layout show a process of their own choosing: the
 * newest one that has an address space (the highest pid: the program the
 * class just started, or the one `demo user` runs).  Its regions are
 * copied out under its mmap_lock with the names /proc/PID/maps gives
 * them (a file's last component), so the views never hold a lock or a
 * reference while they draw.
 */
#include <kernel.h>
#include <mm.h>
#include <proc_fs.h>
#include <sched.h>
#include <sprintf.h>
#include <string.h>
#include <user_regions.h>

static struct task_struct *newest_process(void)
{
	struct task_struct *p, *chosen = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!(p->flags & PF_KTHREAD) && !p->exit_state && p->mm &&
		    (!chosen || p->pid > chosen->pid))
			chosen = p;
	if (chosen)
		get_task_struct(chosen);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return chosen;
}

static void copy_region(struct user_region *r, struct vm_area_struct *vma)
{
	unsigned long f = vma->vm_flags;
	char path[64];
	const char *name = proc_vma_name(vma, path, sizeof(path));
	const char *base = name ? strrchr(name, '/') : NULL;

	r->start = vma->vm_start;
	r->end = vma->vm_end;
	snprintf(r->perms, sizeof(r->perms), "%c%c%c%c",
		 f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
		 f & VM_EXEC ? 'x' : '-', f & VM_MAYSHARE ? 's' : 'p');
	strscpy(r->name,
		base && base[1] ? base + 1 :
		name		? name :
				  "",
		sizeof(r->name));
}

unsigned int user_regions_newest(struct user_region *out, unsigned int max,
				 char *task, size_t task_size)
{
	struct task_struct *p = newest_process();
	struct mm_struct *mm = p ? get_task_mm(p) : NULL;
	unsigned int n = 0;

	task[0] = '\0';
	if (mm) {
		snprintf(task, task_size, "%s[%d]", p->comm, p->pid);
		mutex_lock(&mm->mmap_lock);
		for (struct vm_area_struct *vma = mm->mmap; vma;
		     vma = vma->vm_next, n++)
			if (n < max)
				copy_region(&out[n], vma);
		mutex_unlock(&mm->mmap_lock);
		mmput(mm);
	}
	if (p)
		put_task_struct(p);
	return n;
}
