// SPDX-License-Identifier: GPL-2.0
/*
 * proc_task_mmu.c - a process's address space in /proc, as Linux's
 * fs/proc/task_mmu.c prints it: /proc/PID/maps (one line per region),
 * /proc/PID/smaps (each region with what is resident in it), statm, and
 * the Vm* lines of /proc/PID/status.
 *
 * A maps line is Linux's, column for column:
 *
 *	08048000-08049000 r--p 00000000 00:01 12         /user/mm_test
 *	start-end, rwx and p(rivate)/s(hared), the file offset, the file's
 *	device and inode, then padded to column 49 the file's path, or
 *	[heap] (the region brk moves), [stack] (the one that holds the
 *	initial stack), /dev/zero (deleted) (shared anonymous memory).
 *
 * Linux's maps of the same program also has [vvar] and [vdso] (there is
 * no vDSO here), and puts the regions where address space randomization
 * drew them (there is none here: the same program gets the same
 * addresses every time).  The device numbers are the ones Debian's
 * kernel shows for the same files: the initramfs's on 00:02 (rootfs),
 * shared memory on 00:01 (the internal shmem mount).
 *
 * smaps counts what the page tables map, page by page, as Linux's
 * smaps_pte_entry(): the zero page and a driver's raw frames count
 * nowhere (they are nobody's memory); a page mapped once is private, by
 * several shared, and its proportional share (Pss) is its size divided
 * by its mapcount.  The address space is read under its mmap_lock, each
 * page table under its page_table_lock.
 */
#include <asm/pgalloc.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <proc_fs.h>
#include <sched.h>
#include <sprintf.h>
#include <string.h>

#define PSS_SHIFT 12 /* Pss is added up in 1/4096ths of a byte */

const char *proc_vma_name(struct vm_area_struct *vma, char *buf, size_t size)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_file)
		return d_path(vma->vm_file->f_dentry, buf, size);
	if (vma->vm_ops && vma->vm_ops->name)
		return vma->vm_ops->name;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/* The file's device (00:02, the ramfs; 00:01, shared memory) and inode. */
static void vma_dev_ino(const struct vm_area_struct *vma, unsigned int *minor,
			unsigned long *ino)
{
	*minor = 0;
	*ino = 0;
	if (vma->vm_file) {
		*minor = 2;
		*ino = vma->vm_file->f_inode->i_ino;
	} else if (vma_is_shmem(vma)) {
		*minor = 1;
		*ino = shmem_vma_ino(vma);
	}
}

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags, ino;
	unsigned long long pgoff = 0;
	unsigned int minor;
	char line[64], path[128];
	const char *name = proc_vma_name(vma, path, sizeof(path));
	int len;

	vma_dev_ino(vma, &minor, &ino);
	if (vma->vm_file)
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	len = snprintf(line, sizeof(line),
		       "%08lx-%08lx %c%c%c%c %08llx 00:%02x %lu ",
		       vma->vm_start, vma->vm_end, flags & VM_READ ? 'r' : '-',
		       flags & VM_WRITE ? 'w' : '-',
		       flags & VM_EXEC ? 'x' : '-',
		       flags & VM_MAYSHARE ? 's' : 'p', pgoff, minor, ino);
	seq_puts(m, line);
	if (name) /* padded to Linux's 48 columns (25 + 6 * 4 - 1), a space */
		seq_printf(m, "%*s%s", len < 48 ? 48 - len + 1 : 1, "", name);
	seq_putc(m, '\n');
}

/*
 * Walk the regions of task's address space under its mmap_lock; each is
 * shown by fn.  Nothing for a kernel thread or a process that has exited.
 */
static void walk_task_vmas(struct seq_file *m, struct task_struct *task,
			   void (*fn)(struct seq_file *m,
				      struct vm_area_struct *vma))
{
	struct mm_struct *mm = get_task_mm(task);

	if (!mm)
		return;
	mutex_lock(&mm->mmap_lock);
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next)
		fn(m, vma);
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
}

static void proc_pid_maps_show(struct seq_file *m, struct task_struct *task)
{
	walk_task_vmas(m, task, show_map_vma);
}
PROC_PID_FILE("maps", proc_pid_maps_show);

/* --- smaps ----------------------------------------------------------------- */

struct mem_size_stats {
	unsigned long resident, shared_clean, shared_dirty;
	unsigned long private_clean, private_dirty, referenced, anonymous;
	u64 pss; /* bytes << PSS_SHIFT */
};

static void smaps_pte_entry(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte, struct mem_size_stats *mss)
{
	struct page *page = vm_normal_page(vma, addr, pte);
	bool dirty = pte_dirty(pte);
	int mapcount;

	if (!page)
		return;
	mss->resident += PAGE_SIZE;
	if (pte_young(pte))
		mss->referenced += PAGE_SIZE;
	if (PageAnon(page))
		mss->anonymous += PAGE_SIZE;
	mapcount = page_mapcount(page);
	if (mapcount >= 2) {
		if (dirty)
			mss->shared_dirty += PAGE_SIZE;
		else
			mss->shared_clean += PAGE_SIZE;
		mss->pss += ((u64)PAGE_SIZE << PSS_SHIFT) / (u64)mapcount;
	} else {
		if (dirty)
			mss->private_dirty += PAGE_SIZE;
		else
			mss->private_clean += PAGE_SIZE;
		mss->pss += (u64)PAGE_SIZE << PSS_SHIFT;
	}
}

static void smaps_walk(struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = vma->vm_start;

	while (addr < vma->vm_end) {
		pgd_t *pgd = pgd_offset(mm, addr);
		unsigned long next =
			min((addr + PGDIR_SIZE) & PGDIR_MASK, vma->vm_end);
		spinlock_t *ptl;
		pte_t *pte;

		if (!next)
			next = vma->vm_end;
		if (pgd_none(*pgd)) {
			addr = next;
			continue;
		}
		pte = pte_offset_map_lock(mm, pgd, addr, &ptl);
		for (pte_t *p = pte; addr < next; addr += PAGE_SIZE, p++)
			if (pte_mapped(*p))
				smaps_pte_entry(vma, addr, *p, mss);
		pte_unmap_unlock(pte, ptl);
	}
}

/* "Rss:                   8 kB": the label, the value right at column 24. */
static void smaps_kb(struct seq_file *m, const char *label, unsigned long bytes)
{
	seq_printf(m, "%s%*lu kB\n", label, 24 - (int)strlen(label),
		   bytes >> 10);
}

static void show_smap_vmflags(struct seq_file *m, unsigned long flags)
{
	static const struct {
		unsigned long flag;
		char name[3];
	} mnemonics[] = {
		{ VM_READ, "rd" },	 { VM_WRITE, "wr" },
		{ VM_EXEC, "ex" },	 { VM_SHARED, "sh" },
		{ VM_MAYREAD, "mr" },	 { VM_MAYWRITE, "mw" },
		{ VM_MAYEXEC, "me" },	 { VM_MAYSHARE, "ms" },
		{ VM_GROWSDOWN, "gd" },	 { VM_PFNMAP, "pf" },
		{ VM_IO, "io" },	 { VM_DONTCOPY, "dc" },
		{ VM_DONTEXPAND, "de" }, { VM_ACCOUNT, "ac" },
		{ VM_NORESERVE, "nr" },	 { VM_DONTDUMP, "dd" },
		{ VM_MIXEDMAP, "mm" },
	};

	seq_puts(m, "VmFlags: ");
	for (size_t i = 0; i < ARRAY_SIZE(mnemonics); i++)
		if (flags & mnemonics[i].flag)
			seq_printf(m, "%s ", mnemonics[i].name);
	seq_putc(m, '\n');
}

static void show_smap(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mem_size_stats mss = { 0 };

	smaps_walk(vma, &mss);
	show_map_vma(m, vma);
	smaps_kb(m, "Size:", vma->vm_end - vma->vm_start);
	smaps_kb(m, "KernelPageSize:", PAGE_SIZE);
	smaps_kb(m, "MMUPageSize:", PAGE_SIZE);
	smaps_kb(m, "Rss:", mss.resident);
	smaps_kb(m, "Pss:", (unsigned long)(mss.pss >> PSS_SHIFT));
	smaps_kb(m, "Shared_Clean:", mss.shared_clean);
	smaps_kb(m, "Shared_Dirty:", mss.shared_dirty);
	smaps_kb(m, "Private_Clean:", mss.private_clean);
	smaps_kb(m, "Private_Dirty:", mss.private_dirty);
	smaps_kb(m, "Referenced:", mss.referenced);
	smaps_kb(m, "Anonymous:", mss.anonymous);
	smaps_kb(m, "LazyFree:", 0); /* MADV_FREE frees at once here */
	smaps_kb(m, "Swap:", 0);
	smaps_kb(m, "SwapPss:", 0);
	smaps_kb(m, "Locked:", 0);
	show_smap_vmflags(m, vma->vm_flags);
}

static void proc_pid_smaps_show(struct seq_file *m, struct task_struct *task)
{
	walk_task_vmas(m, task, show_smap);
}
PROC_PID_FILE("smaps", proc_pid_smaps_show);

/* --- statm and status ------------------------------------------------------ */

/* The text pages of the program itself (VmExe), as Linux computes it. */
static unsigned long mm_text_bytes(const struct mm_struct *mm)
{
	unsigned long text =
		PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);

	return min(text, mm->exec_vm << PAGE_SHIFT);
}

/* size resident shared text lib data dt, in pages (Linux's task_statm). */
static void proc_pid_statm_show(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long shared, text;

	if (!mm) {
		seq_puts(m, "0 0 0 0 0 0 0\n");
		return;
	}
	shared = get_mm_counter(mm, MM_FILEPAGES) +
		 get_mm_counter(mm, MM_SHMEMPAGES);
	text = mm_text_bytes(mm) >> PAGE_SHIFT;
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, get_mm_rss(mm),
		   shared, text, mm->data_vm + mm->stack_vm);
	mmput(mm);
}
PROC_PID_FILE("statm", proc_pid_statm_show);

static void status_kb(struct seq_file *m, const char *label, unsigned long kb)
{
	seq_printf(m, "%s\t%8lu kB\n", label, kb);
}

/* The Vm lines of /proc/PID/status (Linux's task_mem()). */
void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long rss = anon + file + shmem;
	unsigned long hiwater_rss = max(mm->hiwater_rss, rss);
	unsigned long hiwater_vm = max(mm->hiwater_vm, mm->total_vm);
	unsigned long text = mm_text_bytes(mm) >> 10;
	unsigned long lib = (mm->exec_vm << (PAGE_SHIFT - 10)) - text;

	status_kb(m, "VmPeak:", hiwater_vm << (PAGE_SHIFT - 10));
	status_kb(m, "VmSize:", mm->total_vm << (PAGE_SHIFT - 10));
	status_kb(m, "VmLck:", mm->locked_vm << (PAGE_SHIFT - 10));
	status_kb(m, "VmPin:", 0);
	status_kb(m, "VmHWM:", hiwater_rss << (PAGE_SHIFT - 10));
	status_kb(m, "VmRSS:", rss << (PAGE_SHIFT - 10));
	status_kb(m, "RssAnon:", anon << (PAGE_SHIFT - 10));
	status_kb(m, "RssFile:", file << (PAGE_SHIFT - 10));
	status_kb(m, "RssShmem:", shmem << (PAGE_SHIFT - 10));
	status_kb(m, "VmData:", mm->data_vm << (PAGE_SHIFT - 10));
	status_kb(m, "VmStk:", mm->stack_vm << (PAGE_SHIFT - 10));
	status_kb(m, "VmExe:", text);
	status_kb(m, "VmLib:", lib);
	status_kb(m, "VmPTE:", mm->nr_ptes << (PAGE_SHIFT - 10));
	status_kb(m, "VmSwap:", 0);
}
