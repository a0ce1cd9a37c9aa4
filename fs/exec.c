// SPDX-License-Identifier: GPL-2.0
/*
 * exec.c - execve(): replacing a process's program.
 *
 * In Linux's order, so that every failure that can still return does:
 *  1. the path (EFAULT, ENAMETOOLONG, ENOENT, ENOTDIR), and the file
 *     itself: a regular file with an execute bit (EACCES);
 *  2. the arguments and environment, copied into the kernel before the
 *     old address space goes (EFAULT for a bad pointer, E2BIG beyond
 *     128 KB);
 *  3. the file's first bytes, which name its format: only ELF here, so
 *     anything else is ENOEXEC (no "#!" scripts);
 *  4. the ELF loader checks its headers (fs/binfmt_elf.c), then crosses
 *     the point of no return, begin_new_exec(): the process gets the new,
 *     empty address space (a vfork parent waiting for this wakes), loses
 *     its signal handlers and close-on-exec files, and takes the
 *     program's name; from here a failure kills the process;
 *  5. the loader maps the program's segments, and setup_arg_pages()
 *     builds the stack: the strings at its top, then argc, argv, envp and
 *     the auxiliary vector (binfmt_elf.c), as Linux lays them out.
 * The pid, the open files, the signal mask and pending signals stay.
 */
#include <asm/processor.h>
#include <asm/tls.h>
#include <binfmts.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <mman.h>
#include <sched.h>
#include <smp.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <asm/mmu_context.h>

#define STACK_EXPAND (128UL << 10) /* the stack below the strings, at first */

/* argv/envp: a user array (execve) or a kernel one (kernel_execve). */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *native;
		const char *const *kernel;
	} ptr;
};

/* Not cryptographic: xorshift from the TSC, for AT_RANDOM. */
void get_random_bytes(void *buf, size_t len)
{
	static u64 state;
	u8 *p = buf;

	if (!state)
		state = rdtsc() | 1;
	while (len--) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		*p++ = (u8)(state >> 24);
	}
}

/* The nr-th pointer of argv: 0, or -EFAULT. */
static int get_arg_ptr(struct user_arg_ptr argv, int nr, const char **out)
{
	const char __user *p;

	if (argv.is_kernel) {
		*out = argv.ptr.kernel ? argv.ptr.kernel[nr] : NULL;
		return 0;
	}
	if (!argv.ptr.native) {
		*out = NULL;
		return 0;
	}
	if (get_user(p, argv.ptr.native + nr))
		return -EFAULT;
	*out = p;
	return 0;
}

/*
 * Double bprm->strings: it starts as a page, which most argument lists
 * fit, from kmalloc; a long list doubles it up to MAX_ARG_SIZE (kvmalloc).
 */
static int grow_strings(struct linux_binprm *bprm)
{
	unsigned long size = bprm->strings_size * 2;
	char *bigger;

	if (bprm->strings_size >= MAX_ARG_SIZE)
		return -E2BIG;
	bigger = kvmalloc(size, GFP_KERNEL);
	if (!bigger)
		return -ENOMEM;
	memcpy(bigger, bprm->strings, bprm->strings_size);
	kvfree(bprm->strings);
	bprm->strings = bigger;
	bprm->strings_size = size;
	return 0;
}

/*
 * argv's strings into bprm->strings from offset start; their total length
 * in *len: the count, or -errno (E2BIG past MAX_ARG_SIZE in all).
 */
static int copy_strings(struct linux_binprm *bprm, struct user_arg_ptr argv,
			unsigned long start, unsigned long *len)
{
	int n = 0;

	for (;;) {
		unsigned long used = start + *len;
		unsigned long room = bprm->strings_size - used;
		const char *str;
		long got;
		int err;

		if (get_arg_ptr(argv, n, &str))
			return -EFAULT;
		if (!str)
			return n;
		if (argv.is_kernel) {
			got = (long)strnlen(str, room);
			memcpy(bprm->strings + used, str, (size_t)got);
		} else {
			got = used < bprm->strings_size ?
				      strncpy_from_user(bprm->strings + used,
							str, (long)room) :
				      0;
			if (got < 0)
				return (int)got;
		}
		if (used >= bprm->strings_size ||
		    (unsigned long)got >=
			    room) { /* no room for it and its NUL */
			err = grow_strings(bprm);
			if (err)
				return err;
			continue; /* the same string again */
		}
		bprm->strings[used + (unsigned long)got] = '\0';
		*len += (unsigned long)got + 1;
		n++;
	}
}

/* The program: a regular file someone may execute (EACCES otherwise). */
static struct file *open_exec(const char *name)
{
	struct dentry *d = path_lookup(name, NULL, NULL);
	int err;

	if (IS_ERR(d))
		return ERR_PTR(PTR_ERR(d));
	if (!S_ISREG(d->d_inode->i_mode))
		return ERR_PTR(-EACCES);
	err = inode_permission(d->d_inode, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	return alloc_file(d, O_RDONLY);
}

static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old = tsk->mm;
	unsigned long flags;

	fpu__flush_owner(tsk);
	task_lock(tsk);
	local_irq_save(flags);
	tsk->mm = mm;
	switch_mm_irqs_off(old, mm);
	local_irq_restore(flags);
	task_unlock(tsk);
	mm_release(tsk); /* a vfork parent may go on now */
	if (old)
		mmput(old);
	else
		__atomic_add_fetch(&nr_user_processes, 1, __ATOMIC_SEQ_CST);
}

int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	const char *base = strrchr(bprm->filename, '/');

	exec_mmap(bprm->mm);
	bprm->mm = NULL; /* the task's now */
	me->mm->exe_file = get_file(bprm->file);
	me->flags &= ~(PF_FORKNOEXEC | PF_KTHREAD);
	flush_signal_handlers(me);
	if (me->files)
		do_close_on_exec(me->files);
	set_task_comm(me, base ? base + 1 : bprm->filename);
	memset(me->thread.tls_array, 0, sizeof(me->thread.tls_array));
	load_TLS(&me->thread, smp_processor_id());
	return 0;
}

/* Copy len bytes to the new stack below bprm->p: its user address. */
static int push_bytes(struct linux_binprm *bprm, const void *src,
		      unsigned long len)
{
	bprm->p -= len;
	return copy_to_user((void __user *)bprm->p, src, len) ? -EFAULT : 0;
}

int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr, zero = 0;
	int err;

	/* The pages the strings take, and 128 KB below them, as Linux. */
	unsigned long size =
		PAGE_ALIGN(sizeof(void *) + strlen(bprm->filename) + 1 +
			   bprm->argv_len + bprm->env_len) +
		STACK_EXPAND;

	addr = do_mmap(NULL, stack_top - size, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       0);
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	mm->start_stack = stack_top;
	bprm->p = stack_top;
	/* From the top: a NULL word, the path, the environment, argv. */
	err = push_bytes(bprm, &zero, sizeof(void *));
	if (!err)
		err = push_bytes(bprm, bprm->filename,
				 strlen(bprm->filename) + 1);
	bprm->exec = bprm->p;
	if (!err)
		err = push_bytes(bprm, bprm->strings,
				 bprm->argv_len + bprm->env_len);
	mm->arg_start = bprm->p;
	mm->arg_end = mm->env_start = bprm->p + bprm->argv_len;
	mm->env_end = mm->env_start + bprm->env_len;
	return err;
}

/*
 * execve's body, for a path already in the kernel: 0 with current
 * running the new program (its registers set), or -errno with the old
 * program intact (or the process killed, past the point of no return).
 */
static int do_execve_common(const char *filename, struct user_arg_ptr argv,
			    struct user_arg_ptr envp)
{
	struct linux_binprm bprm = { .filename = filename };
	loff_t pos = 0;
	int ret;

	bprm.file = open_exec(filename);
	if (IS_ERR(bprm.file))
		return (int)PTR_ERR(bprm.file);
	ret = -ENOMEM;
	bprm.strings_size = PAGE_SIZE;
	bprm.strings = kmalloc(bprm.strings_size, GFP_KERNEL);
	bprm.mm = mm_alloc();
	if (!bprm.strings || !bprm.mm)
		goto out;
	/* argv's strings, then the environment's, as they go on the stack. */
	ret = copy_strings(&bprm, argv, 0, &bprm.argv_len);
	if (ret < 0)
		goto out;
	bprm.argc = ret;
	ret = copy_strings(&bprm, envp, bprm.argv_len, &bprm.env_len);
	if (ret < 0)
		goto out;
	bprm.envc = ret;
	memset(bprm.buf, 0, sizeof(bprm.buf));
	ret = (int)kernel_read(bprm.file, bprm.buf, sizeof(bprm.buf), &pos);
	if (ret >= 0)
		ret = load_elf_binary(&bprm);
out:
	if (bprm.mm)
		mmput(bprm.mm);
	kvfree(bprm.strings);
	fput(bprm.file);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr a = { .ptr.native = argv };
	struct user_arg_ptr e = { .ptr.native = envp };
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	int ret;

	if (!path)
		return -ENOMEM;
	ret = getname(filename, path);
	if (!ret)
		ret = do_execve_common(path, a, e);
	kfree(path);
	return ret;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr.kernel = envp };

	return do_execve_common(filename, a, e);
}
