/* SPDX-License-Identifier: GPL-2.0 */
/*
 * file.h - a process's open files: the descriptor table (fs/file.c).
 *
 * A descriptor is an index into the table; each slot points to a struct
 * file, which several descriptors (dup, fork) may share.  open() takes
 * the lowest free descriptor below RLIMIT_NOFILE (EMFILE if there is
 * none); fork copies the table, so parent and child share each open file
 * and its position, as POSIX says.
 */
#ifndef _FILE_H
#define _FILE_H

#include <fs.h>
#include <sched.h>
#include <spinlock.h>

#define NR_OPEN_DEFAULT 32 /* the table's first size; it grows */

struct files_struct {
	int count; /* tasks using this table (one: no CLONE_FILES) */
	spinlock_t file_lock;
	unsigned int max_fds; /* slots in fd[] */
	struct file **fd; /* fd[n]: descriptor n, or NULL */
	unsigned long *close_on_exec; /* a bit per descriptor */
	struct file *fd_array[NR_OPEN_DEFAULT]; /* the first table */
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / 32];
};

/* The file of descriptor fd of current, referenced; NULL if none. */
struct file *fget(unsigned int fd);

/*
 * Linux's fdget()/fdput() for the length of a system call: a task alone
 * on its table (count 1, always here: no CLONE_FILES) is the only one that
 * can change or close its descriptors, so it reads the slot without the
 * lock and takes no reference; a shared table goes through fget().
 */
struct fd {
	struct file *file;
	bool put; /* fdput() must fput() */
};
static inline struct fd fdget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (likely(files && READ_ONCE(files->count) == 1))
		return (struct fd){ .file = fd < files->max_fds ?
						    files->fd[fd] :
						    NULL };
	return (struct fd){ .file = fget(fd), .put = true };
}
static inline void fdput(struct fd f)
{
	if (f.put)
		fput(f.file);
}
/* The lowest free descriptor for file (which it keeps): fd or -EMFILE. */
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
void put_unused_fd(unsigned int fd);
/* Close fd: 0 or -EBADF. */
int close_fd(unsigned int fd);

struct files_struct *files_alloc(void);
/* A copy of old for a child (fork): NULL and *err on failure. */
struct files_struct *dup_fd(struct files_struct *old, int *err);
void put_files_struct(struct files_struct *files);
/* exec: close what was opened with O_CLOEXEC. */
void do_close_on_exec(struct files_struct *files);
/* Give a kernel thread about to exec a program fds 0-2: the console, or
 * (null) a file that swallows everything. */
int files_init_console(struct task_struct *tsk, bool null);

#endif /* _FILE_H */
