// SPDX-License-Identifier: GPL-2.0
/*
 * binfmt_elf.c - loading an ELF32 i386 executable, as Linux's
 * load_elf_binary() does for a static program.
 *
 * Checked before the point of no return (ENOEXEC if any fails): the ELF
 * magic, 32-bit little-endian, version 1, an executable for EM_386, sane
 * program headers, PT_LOAD segments whose file part lies in the file and
 * whose memory part lies in user space.  A program that asks for an
 * interpreter (PT_INTERP: dynamically linked) is refused with ENOEXEC:
 * there is no dynamic loader here.  Position-independent executables
 * (ET_DYN) are refused too.
 *
 * Then each PT_LOAD becomes a private file mapping at its address with
 * its protection (the pages come from the file at the first fault: text
 * read-only, data copied on its first write); the part of its last page
 * beyond the file data is zeroed and the rest of its memory size (the
 * bss) is anonymous memory.  The heap (brk) starts at the first page
 * after the highest segment.  The stack gets the strings (fs/exec.c),
 * then, 16-byte aligned as the i386 ABI wants:
 *
 *	argc, argv[0..argc-1], NULL, envp[...], NULL,
 *	auxv: (AT_HWCAP, ...), (AT_PAGESZ, 4096), (AT_CLKTCK, 100),
 *	      (AT_PHDR, ...), (AT_PHENT, 32), (AT_PHNUM, ...), (AT_BASE, 0),
 *	      (AT_FLAGS, 0), (AT_ENTRY, ...), (AT_UID..AT_EGID), (AT_SECURE,
 *	      0), (AT_RANDOM, 16 bytes), (AT_EXECFN, the path),
 *	      (AT_PLATFORM, "i686"), (AT_NULL, 0)
 *
 * in Linux's order (create_elf_tables).  No vDSO (no AT_SYSINFO) and no
 * randomization: the same program gets the same layout every time.
 */
#include <asm/processor.h>
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <time.h>

#define STACK_TOP TASK_SIZE
#define ELF_PLATFORM "i686"
#define AUXV_ENTRIES 20 /* pairs, AT_NULL included */

static bool elf_check_header(const Elf32_Ehdr *ex)
{
	return !memcmp(ex->e_ident, ELFMAG, SELFMAG) &&
	       ex->e_ident[EI_CLASS] == ELFCLASS32 &&
	       ex->e_ident[EI_DATA] == ELFDATA2LSB &&
	       ex->e_ident[EI_VERSION] == EV_CURRENT &&
	       ex->e_machine == EM_386 &&
	       ex->e_phentsize == sizeof(Elf32_Phdr) && ex->e_phnum &&
	       ex->e_phnum <= 65536U / sizeof(Elf32_Phdr);
}

static bool elf_check_segment(const Elf32_Phdr *ph, loff_t file_size)
{
	return ph->p_filesz <= ph->p_memsz && ph->p_offset <= file_size &&
	       ph->p_filesz <= file_size - ph->p_offset &&
	       ph->p_memsz <= TASK_SIZE &&
	       ph->p_vaddr <= TASK_SIZE - ph->p_memsz &&
	       ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK) == 0;
}

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/* One PT_LOAD: file pages, the zeroed tail of the last, the bss. */
static int elf_map_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long file_end = ph->p_vaddr + ph->p_filesz;
	unsigned long mem_end = ph->p_vaddr + ph->p_memsz;
	unsigned long prot = elf_prot(ph->p_flags), addr;

	if (ph->p_filesz) {
		addr = do_mmap(bprm->file, start, file_end - start, prot,
			       MAP_PRIVATE | MAP_FIXED,
			       (ph->p_offset & PAGE_MASK) >> PAGE_SHIFT);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
		/* The rest of the last file page is bss: zero it. */
		if (mem_end > file_end && (file_end & ~PAGE_MASK) &&
		    (prot & PROT_WRITE) &&
		    clear_user((void __user *)file_end,
			       PAGE_SIZE - (file_end & ~PAGE_MASK)))
			return -EFAULT;
	}
	/* The bss's own pages (all of the segment's, if it has no file part). */
	if (ph->p_filesz)
		start = PAGE_ALIGN(file_end);
	if (PAGE_ALIGN(mem_end) > start) {
		addr = do_mmap(NULL, start, PAGE_ALIGN(mem_end) - start, prot,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
	}
	return 0;
}

/* argc, argv, envp and the auxiliary vector, below the strings. */
static int create_elf_tables(struct linux_binprm *bprm, const Elf32_Ehdr *ex,
			     unsigned long phdr_addr)
{
	struct mm_struct *mm = current->mm;
	const struct cred *cred = &current->cred;
	unsigned long items, sp, u_platform, u_rand, *table, *p, str;
	u8 rand[16];
	int err = -EFAULT;

	bprm->p -= sizeof(ELF_PLATFORM);
	u_platform = bprm->p;
	if (copy_to_user((void __user *)u_platform, ELF_PLATFORM,
			 sizeof(ELF_PLATFORM)))
		return -EFAULT;
	get_random_bytes(rand, sizeof(rand));
	bprm->p -= sizeof(rand);
	u_rand = bprm->p;
	if (copy_to_user((void __user *)u_rand, rand, sizeof(rand)))
		return -EFAULT;

	items = 1 + (unsigned long)bprm->argc + 1 + (unsigned long)bprm->envc +
		1 + 2 * AUXV_ENTRIES;
	sp = ((bprm->p & ~15UL) - items * sizeof(unsigned long)) & ~15UL;
	table = kmalloc(items * sizeof(unsigned long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	p = table;
	*p++ = (unsigned long)bprm->argc;
	for (int i = 0, n = bprm->argc; i < 2; i++, n = bprm->envc) {
		str = i ? mm->env_start : mm->arg_start;
		for (int k = 0; k < n; k++) {
			*p++ = str;
			str += strlen(bprm->strings + (str - mm->arg_start)) +
			       1;
		}
		*p++ = 0;
	}
#define NEW_AUX_ENT(id, val)                 \
	do {                                 \
		*p++ = (id);                 \
		*p++ = (unsigned long)(val); \
	} while (0)
	NEW_AUX_ENT(AT_HWCAP, boot_cpu_data.x86_capability[0]);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, HZ);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf32_Phdr));
	NEW_AUX_ENT(AT_PHNUM, ex->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, ex->e_entry);
	NEW_AUX_ENT(AT_UID, cred->uid);
	NEW_AUX_ENT(AT_EUID, cred->euid);
	NEW_AUX_ENT(AT_GID, cred->gid);
	NEW_AUX_ENT(AT_EGID, cred->egid);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand);
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	items = (unsigned long)(p - table);
	if (!copy_to_user((void __user *)sp, table,
			  items * sizeof(unsigned long)))
		err = 0;
	kfree(table);
	bprm->p = sp;
	return err;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *ex = (const Elf32_Ehdr *)bprm->buf;
	loff_t size = bprm->file->f_inode->i_size, pos = ex->e_phoff;
	unsigned long phdr_addr = 0, elf_brk = 0, start_code = ~0UL;
	unsigned long end_code = 0, start_data = 0, end_data = 0;
	Elf32_Phdr *phdrs;
	struct mm_struct *mm;
	unsigned int i;
	int err = -ENOEXEC;

	if (!elf_check_header(ex))
		return -ENOEXEC;
	if (ex->e_type != ET_EXEC)
		return -ENOEXEC; /* no position-independent programs */
	phdrs = kmalloc(ex->e_phnum * sizeof(Elf32_Phdr), GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	if (kernel_read(bprm->file, phdrs, ex->e_phnum * sizeof(Elf32_Phdr),
			&pos) != (ssize_t)(ex->e_phnum * sizeof(Elf32_Phdr)))
		goto out;
	for (i = 0; i < ex->e_phnum; i++) {
		if (phdrs[i].p_type == PT_INTERP) {
			static bool reported;

			if (!reported)
				pr_info("%s: a dynamically linked program: no interpreter here (ENOEXEC)\n",
					bprm->filename);
			reported = true;
			goto out;
		}
		if (phdrs[i].p_type == PT_LOAD &&
		    !elf_check_segment(&phdrs[i], size))
			goto out;
	}

	/* The point of no return: a failure from here kills the process. */
	err = begin_new_exec(bprm);
	if (err)
		goto out;
	mm = current->mm;
	mm->mmap_base = mmap_base_for(rlimit(RLIMIT_STACK));
	/* No mmap_lock: nobody else can see this address space yet. */
	for (i = 0; i < ex->e_phnum && !err; i++) {
		const Elf32_Phdr *ph = &phdrs[i];
		unsigned long end = ph->p_vaddr + ph->p_memsz;

		if (ph->p_type != PT_LOAD)
			continue;
		err = elf_map_segment(bprm, ph);
		if (ph->p_offset <= ex->e_phoff &&
		    ex->e_phoff < ph->p_offset + ph->p_filesz)
			phdr_addr = ex->e_phoff - ph->p_offset + ph->p_vaddr;
		if (ph->p_flags & PF_X) {
			start_code =
				min(start_code, (unsigned long)ph->p_vaddr);
			end_code = max(end_code, ph->p_vaddr + ph->p_filesz);
		} else if (ph->p_flags & PF_W) {
			start_data = start_data ?: ph->p_vaddr;
			end_data = max(end_data, ph->p_vaddr + ph->p_filesz);
		}
		elf_brk = max(elf_brk, end);
	}
	mm->start_code = start_code == ~0UL ? 0 : start_code;
	mm->end_code = end_code;
	mm->start_data = start_data;
	mm->end_data = end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(elf_brk);
	if (!err)
		err = setup_arg_pages(bprm, STACK_TOP);
	if (!err)
		err = create_elf_tables(bprm, ex, phdr_addr);
	if (err) {
		send_sig(SIGKILL, current); /* too late to return to the old */
		goto out;
	}
	mm->start_stack = bprm->p;
	start_thread(task_pt_regs(current), ex->e_entry, bprm->p);
out:
	kfree(phdrs);
	return err;
}
