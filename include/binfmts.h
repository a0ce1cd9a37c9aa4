/* SPDX-License-Identifier: GPL-2.0 */
/*
 * binfmts.h - what exec knows about the program it is loading, as Linux's
 * <linux/binfmts.h> (fs/exec.c, fs/binfmt_elf.c).
 */
#ifndef _BINFMTS_H
#define _BINFMTS_H

#include <fs.h>
#include <types.h>

#define BINPRM_BUF_SIZE 256 /* the file's first bytes, for its format */
#define MAX_ARG_STRLEN (32 * 4096) /* one argument or variable, at most */
#define MAX_ARG_SIZE (32 * 4096) /* all of them together (Linux 2.6's) */
#define MAX_ARG_STRINGS 0x7fffffff

struct mm_struct;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE]; /* the start of the file */
	struct file *file; /* the program */
	const char *filename; /* its path, as given */
	int argc, envc;
	char *strings; /* argv's strings then envp's, each NUL-ended */
	unsigned long strings_size; /* its size: a page, doubled as needed */
	unsigned long argv_len, env_len; /* bytes of each in `strings` */
	struct mm_struct *mm; /* the new address space */
	unsigned long p; /* the new stack's pointer, while it is built */
	unsigned long exec; /* the user address of the filename (AT_EXECFN) */
};

/* fs/exec.c, for the loader: */
/* The point of no return: the old program is gone, the new mm current. */
int begin_new_exec(struct linux_binprm *bprm);
/* The stack region, and the strings at its top: 0 or -errno. */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top);
/* 16 bytes for AT_RANDOM. */
void get_random_bytes(void *buf, size_t len);

/* fs/binfmt_elf.c: load an ELF32 i386 executable; -ENOEXEC if not one. */
int load_elf_binary(struct linux_binprm *bprm);

/*
 * Run a program from a kernel thread (the shell's `run`): on success the
 * thread has become that program, and its function must return 0 so that
 * the program starts (ret_from_fork); else -errno.
 */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* _BINFMTS_H */
