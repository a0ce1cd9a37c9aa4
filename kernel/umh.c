// SPDX-License-Identifier: GPL-2.0
/*
 * umh.c - user-mode helpers: a user program started by the kernel (the
 * shell's `run`, tests), as Linux's call_usermodehelper().
 *
 * The child is a kernel thread, the caller's child, that gives itself
 * what a process started by a shell has (the console on descriptors 0, 1
 * and 2, a process group led by itself) and becomes the program with
 * kernel_execve(): its function returns 0 and ret_from_fork enters the
 * program in user mode, as Linux's kernel_init becomes /sbin/init.  If
 * the exec fails, the child records why (retval) and exits; the caller
 * that waits learns it.  A child nobody waits for (UMH_NO_WAIT) has
 * exit_signal -1: the kernel reaps it when it ends, and it frees its own
 * copy of the arguments.
 */
#include <binfmts.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <umh.h>

static int umh_exec(void *arg)
{
	struct umh_info *info = arg;
	int err;

	current->pgrp = current->pid;
	err = files_init_console(current, info->quiet);
	if (!err)
		err = kernel_execve(info->path, info->argv, info->envp);
	if (info->own)
		kfree(info);
	else
		info->retval = err;
	return err; /* 0: the program runs (ret_from_fork) */
}

int umh_spawn(struct umh_info *info, bool reap)
{
	struct kernel_clone_args args = {
		.exit_signal = reap ? -1 : SIGCHLD,
		.stack = (unsigned long)umh_exec,
		.stack_size = (unsigned long)info,
		.kthread = true,
	};
	const char *name = strrchr(info->path, '/');

	args.name = name ? name + 1 : info->path;
	info->retval = 0;
	return (int)kernel_clone(&args);
}

int umh_wait(struct umh_info *info, int pid)
{
	int status = 0;
	long ret = kernel_wait(pid, &status);

	if (ret < 0)
		return (int)ret;
	return info->retval ? info->retval : status;
}

/* A copy of the strings, in one block the child can free (no wait). */
static struct umh_info *umh_copy(const char *path, const char *const *argv,
				 const char *const *envp)
{
	size_t size = sizeof(struct umh_info) + strlen(path) + 1;
	int argc = 0, envc = 0;
	struct umh_info *info;
	char **vec, *str;

	while (argv[argc])
		size += sizeof(char *) + strlen(argv[argc++]) + 1;
	while (envp && envp[envc])
		size += sizeof(char *) + strlen(envp[envc++]) + 1;
	size += 2 * sizeof(char *);
	info = kmalloc(size, GFP_KERNEL);
	if (!info)
		return NULL;
	vec = (char **)(info + 1);
	str = (char *)(vec + argc + envc + 2);
	info->argv = (const char *const *)vec;
	for (int i = 0; i < argc; i++, str += strlen(str) + 1)
		*vec++ = strcpy(str, argv[i]);
	*vec++ = NULL;
	info->envp = (const char *const *)vec;
	for (int i = 0; i < envc; i++, str += strlen(str) + 1)
		*vec++ = strcpy(str, envp[i]);
	*vec = NULL;
	info->path = strcpy(str, path);
	info->own = true;
	info->quiet = false;
	return info;
}

int call_usermodehelper(const char *path, const char *const *argv,
			const char *const *envp, int wait)
{
	struct umh_info info = { .path = path, .argv = argv, .envp = envp };
	struct umh_info *copy;
	int pid;

	if (wait == UMH_WAIT_PROC) {
		pid = umh_spawn(&info, false);
		return pid < 0 ? pid : umh_wait(&info, pid);
	}
	copy = umh_copy(path, argv, envp);
	if (!copy)
		return -ENOMEM;
	pid = umh_spawn(copy, true);
	if (pid < 0)
		kfree(copy);
	return pid;
}
