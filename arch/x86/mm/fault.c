// SPDX-License-Identifier: GPL-2.0
/*
 * fault.c - page faults: a process's are served or become SIGSEGV; the
 * kernel's expected ones are fixed up, the rest are explained.
 *
 * A fault at a user address with a process running (in user mode, or in
 * the kernel copying to or from that process: copy_to_user and friends)
 * is do_user_addr_fault()'s, as Linux's: the region that holds the
 * address (find_vma; a fault just below a stack region grows it), a check
 * that the region allows the access, then handle_mm_fault() (mm/memory.c)
 * maps the page.  A fault outside every region, or against its
 * permissions, is SIGSEGV for a user-mode access, with Linux's line
 *
 *	hello[42]: segfault at 0 ip 080491b6 sp bffffe2c error 6 in hello[8049000+2000]
 *
 * and -EFAULT for a kernel access (the uaccess instruction's fixup), so a
 * bad pointer given to a system call never oopses.  A fault that finds no
 * memory even after the OOM killer (mm/oom_kill.c) has run is retried,
 * unless its process was the one killed.
 *
 * The kernel itself never maps memory on demand, so any other page fault
 * is either a probe that expected it (get_kernel_nofault(): the exception
 * table sends it to a fixup) or a bug.  For a bug the report is Linux's ("BUG: unable to handle
 * page fault for address", the "#PF:" access and error-code lines, the page
 * table entries, the oops) plus one line that says what the address *is* in
 * this layout: a NULL pointer, the guard gap after lowmem, a vmalloc guard
 * page, an unmapped pkmap slot...  That line is the lesson: most kernel
 * memory bugs are an address in the wrong region.  Subsystems that know more
 * about their region (vmalloc, highmem) register an explainer that is asked
 * first.
 */
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <percpu.h>
#include <asm/memlayout.h>
#include <asm/pgtable.h>
#include <asm/regions.h>
#include <asm/traps.h>
#include <fault.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <sprintf.h>
#include <string.h>
#include <uaccess.h>

#define MAX_FAULT_EXPLAINERS 8

extern char boot_stack_guard[];

static fault_explainer_t explainers[MAX_FAULT_EXPLAINERS];
unsigned long nr_fixed_up_faults;
DEFINE_PER_CPU(unsigned long, fixed_up_fault_address);

int register_fault_explainer(fault_explainer_t fn)
{
	for (int i = 0; i < MAX_FAULT_EXPLAINERS; i++) {
		if (!explainers[i]) {
			explainers[i] = fn;
			return 0;
		}
	}
	return -1;
}

static const char *fixmap_slot_name(unsigned int idx, char *buf, size_t size)
{
	if (idx >= FIX_KMAP_BEGIN && idx <= FIX_KMAP_END)
		snprintf(buf, size, "kmap_local slot %u of CPU %u",
			 (idx - FIX_KMAP_BEGIN) % KM_MAX_IDX,
			 (idx - FIX_KMAP_BEGIN) / KM_MAX_IDX);
	else if (idx >= FIX_BTMAP_BEGIN && idx <= FIX_BTMAP_END)
		snprintf(buf, size, "early boot slot %u",
			 idx - FIX_BTMAP_BEGIN);
	else if (idx == FIX_APIC_BASE)
		snprintf(buf, size, "the local APIC's registers");
	else
		snprintf(buf, size, "unused slot");
	return buf;
}

static void explain_lowmem(unsigned long addr, unsigned long err, char *buf,
			   size_t size)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	if (addr >= guard && addr < guard + PAGE_SIZE)
		snprintf(
			buf, size,
			"the unmapped guard page below the boot stack: a kernel stack overflow");
	else if (addr < PAGE_OFFSET + PAGE_SIZE)
		snprintf(
			buf, size,
			"physical page 0 is never mapped, even in the direct map");
	else if ((err & X86_PF_PROT) && (err & X86_PF_WRITE))
		snprintf(
			buf, size,
			"a write to a read-only page: kernel text and rodata are write-protected (CR0.WP)");
	else
		snprintf(
			buf, size,
			"the direct map of physical 0x%08lx, which should be mapped",
			__pa(addr));
}

/* The default explanation of a fault at addr in region r. */
static void explain_region(const struct region_info *r, unsigned long addr,
			   unsigned long err, char *buf, size_t size)
{
	char slot[32];

	switch (r->region) {
	case REGION_USER:
		if (addr < PAGE_SIZE)
			snprintf(
				buf, size,
				"page 0 is never mapped: a NULL pointer, or a small offset from one");
		else
			snprintf(
				buf, size,
				"user space: no region of the running process covers it (or no process runs)");
		break;
	case REGION_LOWMEM:
		explain_lowmem(addr, err, buf, size);
		break;
	case REGION_LOWMEM_GAP:
		snprintf(
			buf, size,
			"nothing is mapped in these 8 MB, so running off the end of the direct map faults; a highmem page has no address here: use kmap()");
		break;
	case REGION_VMALLOC:
		snprintf(buf, size, "not inside any vmalloc area");
		break;
	case REGION_PKMAP_GAP:
		snprintf(buf, size,
			 "the two unmapped pages between vmalloc and pkmap");
		break;
	case REGION_PKMAP:
		snprintf(buf, size,
			 "pkmap slot %lu is not mapped: kmap() the page first",
			 PKMAP_NR(addr));
		break;
	case REGION_FIXMAP:
		snprintf(buf, size, "fixmap %s is not mapped",
			 fixmap_slot_name(__virt_to_fix(addr), slot,
					  sizeof(slot)));
		break;
	case REGION_TOP_HOLE:
		snprintf(
			buf, size,
			"the last page of the address space (FIX_HOLE) is never mapped");
		break;
	default:
		snprintf(buf, size, "nothing is mapped here");
	}
}

void explain_address(unsigned long addr, unsigned long err, char *buf,
		     size_t size)
{
	struct region_info r = memlayout_region(addr);
	char why[200];
	bool done = false;

	for (int i = 0; i < MAX_FAULT_EXPLAINERS && !done; i++)
		if (explainers[i])
			done = explainers[i](addr, err, why, sizeof(why));
	if (!done)
		explain_region(&r, addr, err, why, sizeof(why));
	snprintf(buf, size, "%08lx is in %s [%08lx-%08lx]: %s", addr, r.name,
		 r.start, r.end - 1, why);
}

static void dump_pagetable(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);

	if (!pgd_present(*pgd) || pgd_large(*pgd)) {
		pr_alert("*pde = %08lx\n", *pgd);
		return;
	}
	pr_alert("*pde = %08lx *pte = %08lx\n", *pgd,
		 *pte_offset_kernel(pgd, addr));
}

static const char *access_kind(unsigned long err)
{
	if (err & X86_PF_INSTR)
		return "instruction fetch";
	return (err & X86_PF_WRITE) ? "write access" : "read access";
}

static const char *error_kind(unsigned long err)
{
	if (!(err & X86_PF_PROT))
		return "not-present page";
	if (err & X86_PF_RSVD)
		return "reserved bit violation";
	return "permissions violation";
}

/* " in hello[8049000+2000]": the file region that holds ip, if any. */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = mm ? find_vma(mm, ip) : NULL;
	char buf[64], *path;

	if (!vma || !vma->vm_file || vma->vm_start > ip)
		return;
	path = d_path(vma->vm_file->f_dentry, buf, sizeof(buf));
	if (strrchr(path, '/'))
		path = strrchr(path, '/') + 1;
	pr_cont("%s%s[%lx+%lx]", prefix, path, vma->vm_start,
		vma->vm_end - vma->vm_start);
}

/* Does the signal kill (no handler)?  Then the kernel says why. */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler = tsk->sighand->action[sig - 1].sa_handler;

	return handler == SIG_IGN || handler == SIG_DFL;
}

/* "Code: ... <8b> ...": the program's bytes around ip, as Linux prints. */
static void show_user_code(const char *loglvl, unsigned long ip)
{
	enum { BEFORE = 42, AFTER = 22 }; /* Linux's prologue, and the rest */
	u8 bytes[BEFORE + AFTER];
	char line[4 * (BEFORE + AFTER)];
	int n = 0;

	if (ip < BEFORE ||
	    copy_from_user(bytes, (const void __user *)(ip - BEFORE),
			   sizeof(bytes))) {
		printk("%sCode: Unable to access opcode bytes at 0x%lx.\n",
		       loglvl, ip - BEFORE);
		return;
	}
	for (int i = 0; i < BEFORE + AFTER; i++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n,
			       i == BEFORE ? "%s<%02x>" : "%s%02x",
			       i ? " " : "", bytes[i]);
	printk("%sCode: %s\n", loglvl, line);
}

static void show_signal_msg(struct pt_regs *regs, unsigned long err,
			    unsigned long address)
{
	const char *loglvl = current->pid > 1 ? KERN_INFO : KERN_EMERG;
	struct task_struct *tsk = current;
	unsigned int cpu = raw_smp_processor_id();
	const struct cpuinfo_x86 *c = &per_cpu(cpu_info, cpu);

	if (!unhandled_signal(tsk, SIGSEGV))
		return;
	printk("%s%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx", loglvl,
	       tsk->comm, tsk->pid, address, regs->ip, regs->sp, err);
	print_vma_addr(" in ", regs->ip);
	pr_cont(" likely on CPU %u (core %u, socket %u)\n", cpu,
		c->initial_apicid % max(1U, c->x86_max_cores), c->phys_proc_id);
	show_user_code(loglvl, regs->ip);
}

/* The exception table's fixup, counted, with the byte that faulted. */
static bool fixup_fault(struct pt_regs *regs, unsigned long address)
{
	if (!fixup_exception(regs))
		return false;
	nr_fixed_up_faults++;
	/* Which byte, for reports: this CPU's probe, not another's. */
	this_cpu_write(fixed_up_fault_address, address);
	return true;
}

/*
 * No region allows this access: SIGSEGV from user mode, the fixup (or an
 * oops) from the kernel.  False: the caller reports a kernel oops.
 */
static bool bad_area(struct pt_regs *regs, unsigned long err,
		     unsigned long address, int si_code)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs))
		return fixup_fault(regs, address);
	/*
	 * A program's fault: the report reads its code with copy_from_user(),
	 * which may sleep, so interrupts go back on first, as Linux's
	 * __bad_area_nosemaphore() does (a fault at a kernel address comes
	 * here before do_user_addr_fault() turned them on).
	 */
	local_irq_enable();
	if (address >= TASK_SIZE)
		err |= X86_PF_PROT; /* a kernel page is there, not for us */
	show_signal_msg(regs, err, address);
	tsk->thread.cr2 = address;
	tsk->thread.trap_nr = X86_TRAP_PF;
	tsk->thread.error_code = err;
	force_sig_fault(SIGSEGV, si_code, address);
	return true;
}

static bool access_error(unsigned long err, const struct vm_area_struct *vma)
{
	if (err & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (err & X86_PF_PROT)
		return true; /* a read of a present page cannot fault otherwise */
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

/* A fault at a user address: true if served (or a signal/fixup given). */
static bool do_user_addr_fault(struct pt_regs *regs, unsigned long err,
			       unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned int flags = 0;
	vm_fault_t fault;

	if (!mm || in_atomic() || address >= TASK_SIZE)
		return bad_area(regs, err, address, SEGV_MAPERR);
	if (user_mode(regs) || (regs->flags & X86_EFLAGS_IF))
		local_irq_enable();
	if (err & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	mutex_lock(&mm->mmap_lock);
	vma = find_vma(mm, address);
	if (vma && vma->vm_start > address && expand_stack(vma, address))
		vma = NULL;
	if (!vma) {
		mutex_unlock(&mm->mmap_lock);
		return bad_area(regs, err, address, SEGV_MAPERR);
	}
	if (access_error(err, vma)) {
		mutex_unlock(&mm->mmap_lock);
		return bad_area(regs, err, address, SEGV_ACCERR);
	}
	fault = handle_mm_fault(vma, address, flags);
	mutex_unlock(&mm->mmap_lock);
	if (!(fault & VM_FAULT_ERROR))
		return true;
	if (!user_mode(regs))
		return fixup_fault(regs, address);
	if (fault & VM_FAULT_OOM) {
		/*
		 * The allocator ran the OOM killer already (mm/oom_kill.c):
		 * if it chose us, SIGKILL ends us on the way out; otherwise
		 * memory is coming back, and the access faults again.
		 */
		return true;
	} else if (fault & VM_FAULT_SIGBUS) {
		force_sig_fault(SIGBUS, BUS_ADRERR, address);
	} else {
		return bad_area(regs, err, address, SEGV_ACCERR);
	}
	return true;
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;
	char why[320];

	if ((address < TASK_SIZE && current->mm) || user_mode(regs)) {
		if (do_user_addr_fault(regs, err, address))
			return;
	} else if (fixup_fault(regs, address)) {
		return;
	}
	if (address < PAGE_SIZE)
		pr_alert(
			"BUG: kernel NULL pointer dereference, address: %08lx\n",
			address);
	else
		pr_alert(
			"BUG: unable to handle page fault for address: %08lx\n",
			address);
	pr_alert("#PF: %s %s in %s mode\n",
		 (err & X86_PF_USER) ? "user" : "supervisor", access_kind(err),
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err, error_kind(err));
	explain_address(address, err, why, sizeof(why));
	pr_alert("#PF: %s\n", why);
	dump_pagetable(address);
	die("Oops", regs, err);
}
