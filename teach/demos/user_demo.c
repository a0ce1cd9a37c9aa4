// SPDX-License-Identifier: GPL-2.0
/*
 * user_demo.c - `demo user`: a process's address space, one fault at a
 * time.
 *
 * The demo runs /user/memdemo (user/memdemo.c), which does one thing
 * and stops itself (SIGSTOP) after each: a region appears (mmap), read
 * faults map the zero page, write faults take zeroed highmem pages, a
 * write() copies from one, fork shares the pages read-only and one write
 * copies a page, and a write to a read-only page ends it (SIGSEGV).
 * Between two steps the demo shows what the kernel did: every fault the
 * step took in the region, with its PTE, the page it maps and the page
 * table that holds it (in highmem, reached through kmap_local), which it
 * records with the fault tracer (set_fault_trace(), mm/memory.c); and
 * /proc/PID/maps and `walk ADDR PID` as a student would type them.
 *
 * The process is the demo's state: a section moves it to the step it
 * needs, starting it again if it is already past it (a section run twice,
 * or the lecturer going back), quietly.  `leave` kills what is left and
 * reaps it, so the demo gives back all it took.  Without the initramfs
 * (no /user/memdemo) the demo says what to boot.
 */
#include <asm/pgalloc.h>
#include <demo.h>
#include <errno.h>
#include <fs.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <spinlock.h>
#include <string.h>
#include <umh.h>

#define UD_AREA 0x40000000UL /* where memdemo maps its 4 pages */
#define UD_AREA_END (UD_AREA + 4 * PAGE_SIZE)
#define UD_MAX_FAULTS 8
#define UD_WAIT_TICKS 300 /* 3 s for a step */

enum { UD_FORKED = 5, UD_CHILD_WROTE = 6, UD_REAPED = 7, UD_GONE = 8 };

static struct {
	int pid, child; /* memdemo and its child (0: none) */
	int step; /* the last step it stopped after; -1: not running */
	struct umh_info info;
	spinlock_t lock; /* the faults below: taken in the faulting task */
	struct fault_trace faults[UD_MAX_FAULTS];
	int fault_pid[UD_MAX_FAULTS]; /* which process took each */
	unsigned int nr_faults;
} ud = { .step = -1, .lock = __SPIN_LOCK_UNLOCKED(ud.lock) };

static const char *const ud_argv[] = { "memdemo", NULL };
static const char *const ud_envp[] = { "HOME=/", NULL };

/* The fault tracer: record memdemo's faults in its 4-page region. */
static void ud_trace(const struct fault_trace *t)
{
	unsigned long flags;

	if ((current->pid != ud.pid && current->pid != ud.child) ||
	    t->address < UD_AREA || t->address >= UD_AREA_END)
		return;
	spin_lock_irqsave(&ud.lock, flags);
	if (ud.nr_faults < UD_MAX_FAULTS) {
		ud.fault_pid[ud.nr_faults] = current->pid;
		ud.faults[ud.nr_faults++] = *t;
	}
	spin_unlock_irqrestore(&ud.lock, flags);
}

/* Is pid stopped with more voluntary switches than *switches?  Or gone? */
static int ud_state(int pid, unsigned long *switches)
{
	struct task_struct *t = find_get_task_by_vpid(pid);
	int ret;

	if (!t)
		return -ESRCH;
	ret = t->exit_state				 ? -ESRCH :
	      task_is_stopped(t) && t->nvcsw > *switches ? 1 :
							   0;
	if (ret == 1)
		*switches = t->nvcsw;
	put_task_struct(t);
	return ret;
}

static unsigned long ud_switches(int pid)
{
	struct task_struct *t = find_get_task_by_vpid(pid);
	unsigned long n = t ? t->nvcsw : 0;

	if (t)
		put_task_struct(t);
	return n;
}

/* Wait until pid stops again (switches: its count before): true. */
static bool ud_wait_stop(int pid, unsigned long switches)
{
	for (int i = 0; i < UD_WAIT_TICKS; i++) {
		int state = ud_state(pid, &switches);

		if (state)
			return state > 0;
		schedule_timeout_uninterruptible(1);
	}
	return false;
}

static void ud_signal(int pid, int sig)
{
	struct task_struct *t = pid ? find_get_task_by_vpid(pid) : NULL;

	if (!t)
		return;
	send_sig(sig, t);
	put_task_struct(t);
}

/* Continue pid and wait for its next stop. */
static bool ud_cont(int pid)
{
	unsigned long switches = ud_switches(pid);

	ud_signal(pid, SIGCONT);
	return ud_wait_stop(pid, switches);
}

/* memdemo's child, once it has one. */
static int ud_find_child(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	int child = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->real_parent && p->real_parent->pid == pid &&
		    !p->exit_state)
			child = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return child;
}

static void ud_kill(void)
{
	ud_signal(ud.child, SIGKILL);
	ud_signal(ud.pid, SIGKILL);
	if (ud.pid)
		umh_wait(&ud.info, ud.pid);
	ud.pid = ud.child = 0;
	ud.step = -1;
}

static bool ud_start(void)
{
	set_fault_trace(ud_trace);
	ud.info = (struct umh_info){ .path = "/user/memdemo",
				     .argv = ud_argv,
				     .envp = ud_envp };
	ud.pid = umh_spawn(&ud.info, false);
	if (ud.pid < 0) {
		ud.pid = 0;
		return false;
	}
	if (!ud_wait_stop(ud.pid, 0)) {
		ud_kill();
		return false;
	}
	ud.step = 0;
	return true;
}

/* One step further; false if memdemo did not get there. */
static bool ud_step(void)
{
	unsigned long switches;
	bool ok;

	switch (ud.step + 1) {
	case UD_FORKED:
		ok = ud_cont(ud.pid) && (ud.child = ud_find_child(ud.pid)) &&
		     ud_wait_stop(ud.child, 0);
		break;
	case UD_CHILD_WROTE:
		ok = ud_cont(ud.child);
		break;
	case UD_REAPED:
		ud_signal(ud.child, SIGCONT); /* it exits */
		ud.child = 0;
		ok = ud_cont(ud.pid);
		break;
	case UD_GONE:
		switches = ud_switches(ud.pid);
		ud_signal(ud.pid, SIGCONT); /* it faults and dies */
		ok = !ud_wait_stop(ud.pid, switches);
		umh_wait(&ud.info, ud.pid);
		ud.pid = 0;
		break;
	default:
		ok = ud_cont(ud.pid);
	}
	if (ok)
		ud.step++;
	return ok;
}

/*
 * memdemo stopped after `step`: started again if it is past it, moved on
 * quietly if it is short of it.  The last step's faults are recorded.
 */
static bool ud_goto(int step)
{
	if (ud.step > step || (ud.step < 0 && !ud_start())) {
		ud_kill();
		if (!ud_start())
			goto fail;
	}
	while (ud.step < step) {
		if (ud.step == step - 1)
			ud.nr_faults = 0;
		if (!ud_step())
			goto fail;
	}
	return true;
fail:
	kprintf("  (memdemo did not get there: the demo ends here)\n");
	ud_kill();
	demo_end();
	return false;
}

static const char *const ud_kind[] = {
	[FAULT_NONE] = "it failed",
	[FAULT_ZERO_PAGE] = "the zero page, read-only",
	[FAULT_ANON] = "a new page, zeroed",
	[FAULT_FILE_READ] = "the file's own page",
	[FAULT_SHARED] = "the shared page, writable",
	[FAULT_COW_FILE] = "a private copy of the file's page",
	[FAULT_COW_COPY] = "a copy of the shared page",
	[FAULT_COW_REUSE] = "nobody else has it: kept, now writable",
	[FAULT_ZERO_COW] = "a new zeroed page for the zero page",
	[FAULT_SPURIOUS] = "nothing to do (a stale TLB entry)",
};

static const char *ud_zone(unsigned long pfn)
{
	return page_zone(pfn_to_page(pfn))->name;
}

/* One recorded fault: where, what it mapped, and where its PTE lives. */
static void ud_show_fault(const struct fault_trace *t, int pid)
{
	kprintf("  %s fault at %#lx, pid %d: %s\n",
		(t->flags & FAULT_FLAG_WRITE) ? "write" : "read", t->address,
		pid, ud_kind[t->kind]);
	if (t->kind == FAULT_COW_COPY || t->kind == FAULT_ZERO_COW)
		kprintf("    pfn %#lx -> new pfn %#lx (%s)\n", t->old_pfn,
			t->pfn, ud_zone(t->pfn));
	else
		kprintf("    pfn %#lx (%s)\n", t->pfn, ud_zone(t->pfn));
	kprintf("    PTE %08lx (%s) written at %#lx\n", t->pte,
		pte_write(t->pte) ? "present, writable" : "present, read-only",
		t->pte_vaddr);
	kprintf("    in its page table, pfn %#lx (%s)%s\n", t->pte_table_pfn,
		ud_zone(t->pte_table_pfn),
		PageHighMem(pfn_to_page(t->pte_table_pfn)) ?
			": kmap_local reached it" :
			": in the direct map");
}

static void ud_show_faults(void)
{
	if (!ud.nr_faults)
		kprintf("  (no fault in 40000000-40004000)\n");
	for (unsigned int i = 0; i < ud.nr_faults; i++)
		ud_show_fault(&ud.faults[i], ud.fault_pid[i]);
}

/* --- the sections ---------------------------------------------------------- */

static bool ud_need_program(void)
{
	if (!IS_ERR_OR_NULL(path_lookup("/user/memdemo", NULL, NULL)))
		return true;
	kprintf("  This boot has no initramfs: /user/memdemo is not there.\n"
		"  Boot with the user programs: make run (the ISO), or\n"
		"  make run-kernel (QEMU -initrd build/user/initramfs.cpio).\n");
	demo_end();
	return false;
}

static void ud_regions(void)
{
	if (!ud_need_program() || !ud_goto(0))
		return;
	kprintf("  memdemo (pid %d) has started and stopped itself (SIGSTOP).\n"
		"  Its address space so far: the ELF file's segments (text r-x,\n"
		"  read-only data, the headers), the heap after them, the stack\n"
		"  below 0xc0000000. The kernel's gigabyte is in every process's\n"
		"  page directory too, but no region lists it: user mode cannot\n"
		"  touch it.\n",
		ud.pid);
	demo_type("cat /proc/%d/maps", ud.pid);
}

static void ud_mmap(void)
{
	if (!ud_need_program() || !ud_goto(1))
		return;
	kprintf("  mmap(0x40000000, 16 KB, PROT_READ|PROT_WRITE, MAP_PRIVATE|\n"
		"  MAP_ANONYMOUS): one more line in maps, a vm_area_struct in the\n"
		"  process's list and tree.  Nothing else: no page, no page table.\n");
	demo_type("cat /proc/%d/maps", ud.pid);
	demo_type("walk 0x40000000 %d", ud.pid);
}

static void ud_read_faults(void)
{
	if (!ud_need_program() || !ud_goto(2))
		return;
	kprintf("  memdemo read pages 0 and 1.  Each read faulted; the handler\n"
		"  found the region, saw a read of anonymous memory and mapped\n"
		"  the one zero page, read-only: nothing to allocate, nothing to\n"
		"  zero.  The first fault also made the page table for this 4 MB.\n");
	ud_show_faults();
}

static void ud_rss_line(void)
{
	struct task_struct *t = find_get_task_by_vpid(ud.pid);
	struct mm_struct *mm = t ? get_task_mm(t) : NULL;

	if (mm) {
		kprintf("  its rss now: %lu kB anonymous (these 16 kB, its stack, its\n"
			"  bss), %lu kB of its file's pages; the zero page counts\n"
			"  nowhere: it is nobody's\n",
			get_mm_counter(mm, MM_ANONPAGES) << 2,
			get_mm_counter(mm, MM_FILEPAGES) << 2);
		mmput(mm);
	}
	if (t)
		put_task_struct(t);
}

static void ud_write_faults(void)
{
	if (!ud_need_program() || !ud_goto(3))
		return;
	kprintf("  memdemo wrote all four pages.  Pages 0 and 1 had the zero\n"
		"  page: each write faulted and got a page of its own.  Pages 2\n"
		"  and 3 had nothing: a write fault, a new page.  Every new page\n"
		"  comes from GFP_HIGHUSER_MOVABLE, highmem first, and is zeroed\n"
		"  through a kmap_local (clear_user_highpage):\n");
	ud_show_faults();
	ud_rss_line();
	demo_type("walk 0x40000000 %d", ud.pid);
}

/* Read memdemo's page 0 from here, through two kmap_locals. */
static void ud_read_from_outside(void)
{
	struct task_struct *t = find_get_task_by_vpid(ud.pid);
	struct mm_struct *mm = t ? get_task_mm(t) : NULL;
	unsigned long pte_addr = 0, page_addr = 0, pfn = 0;
	char text[40] = "";
	pte_t *pte;

	if (mm) {
		mutex_lock(&mm->mmap_lock);
		pte = pte_offset_map(pgd_offset(mm, UD_AREA), UD_AREA);
		pte_addr = (unsigned long)pte;
		if (pte_present(*pte)) {
			char *kaddr;

			pfn = pte_pfn(*pte);
			kaddr = kmap_local_page(pfn_to_page(pfn));
			page_addr = (unsigned long)kaddr;
			memcpy(text, kaddr + 9, sizeof(text) - 1);
			kunmap_local(kaddr);
		}
		pte_unmap(pte);
		mutex_unlock(&mm->mmap_lock);
		mmput(mm);
	}
	if (t)
		put_task_struct(t);
	if (strchr(text, '\n'))
		*strchr(text, '\n') = '\0';
	kprintf("  pte_offset_map(): its page table at %#lx, PTE -> pfn %#lx\n"
		"  kmap_local_page(pfn %#lx) -> %#lx, and there:\n"
		"    \"%s\"\n",
		pte_addr, pfn, pfn, page_addr, text);
}

static void ud_write_syscall(void)
{
	if (!ud_need_program() || !ud_goto(4))
		return;
	kprintf("  memdemo called write(1, 0x40000000, 35): the line above.  In\n"
		"  the system call the kernel runs in memdemo's address space, so\n"
		"  copy_from_user() reads the highmem page through memdemo's own\n"
		"  PTE: a user address needs no kmap.  The shell is another\n"
		"  address space: to read that page from here the kernel walks\n"
		"  memdemo's page tables and maps the page with kmap_local, as\n"
		"  access_process_vm() (/proc/PID/mem, ptrace) does:\n");
	ud_read_from_outside();
}

static void ud_fork_cow(void)
{
	if (!ud_need_program() || !ud_goto(UD_FORKED))
		return;
	kprintf("  memdemo forked: child %d.  fork copied the page tables, not\n"
		"  the pages: both map the same frames, read-only, and each page\n"
		"  is mapped twice (page_mapcount 2):\n",
		ud.child);
	demo_type("walk 0x40000000 %d", ud.pid);
	demo_type("walk 0x40000000 %d", ud.child);
	if (!ud_goto(UD_CHILD_WROTE))
		return;
	kprintf("  The child wrote page 0: a write to a read-only PTE of a\n"
		"  writable region, copy-on-write.  The page is still the\n"
		"  parent's, so the child gets a copy (copy_user_highpage: two\n"
		"  kmap_locals, one per page):\n");
	ud_show_faults();
	demo_type("walk 0x40000000 %d", ud.child);
}

static void ud_segfault(void)
{
	int pid;

	if (!ud_need_program() || !ud_goto(UD_REAPED))
		return;
	pid = ud.pid;
	kprintf("  The child has exited; memdemo (pid %d) makes page 3\n"
		"  read-only (mprotect) and writes to it.  The PTE says no, the\n"
		"  region says no: SIGSEGV, with Linux's line (error 7: the page\n"
		"  was present, it was a write, from user mode):\n",
		pid);
	if (!ud_goto(UD_GONE))
		return;
	kprintf("  The process is gone, and its memory with it: its pages,\n"
		"  its page tables, its regions.\n");
	demo_type("cat /proc/%d/maps", pid);
}

static void ud_leave(void)
{
	ud_kill();
	set_fault_trace(NULL);
}

static const struct demo_section user_sections[] = {
	{ "A process and its regions", ud_regions },
	{ "mmap: a region, no pages yet", ud_mmap },
	{ "Read faults: the zero page", ud_read_faults },
	{ "Write faults: a zeroed page each, from highmem", ud_write_faults },
	{ "write(): the kernel reads a user page", ud_write_syscall },
	{ "fork: shared read-only, then copy-on-write", ud_fork_cow },
	{ "A segfault", ud_segfault },
};
DEMO(user, "a process's address space: faults, highmem, COW, a segfault",
     user_sections, ud_leave);
