// SPDX-License-Identifier: GPL-2.0
/*
 * file.c - descriptor tables (include/file.h).
 *
 * A table starts with room for 32 descriptors inside files_struct and
 * grows by doubling (kvmalloc'd) when a descriptor above it is asked for,
 * up to RLIMIT_NOFILE.  The lowest free slot is found by a scan: a
 * process here has a handful of files open.  The table's lock is taken
 * with interrupts off, as it guards slots that fget() reads.
 */
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <mm.h>
#include <resource.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	spin_lock_init(&files->file_lock);
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = files->fd_array;
	files->close_on_exec = files->close_on_exec_init;
	return files;
}

static void free_fdtable(struct files_struct *files)
{
	if (files->fd != files->fd_array) {
		kvfree(files->fd);
		kvfree(files->close_on_exec);
	}
}

/* Room for descriptor nr: 0 or -ENOMEM (sleeps: no lock held). */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int n = files->max_fds;
	struct file **fd;
	unsigned long *cloexec, flags;

	while (n <= nr)
		n *= 2;
	fd = kvzalloc(n * sizeof(*fd), GFP_KERNEL);
	cloexec = kvzalloc(n / 8, GFP_KERNEL);
	if (!fd || !cloexec) {
		kvfree(fd);
		kvfree(cloexec);
		return -ENOMEM;
	}
	spin_lock_irqsave(&files->file_lock, flags);
	if (n > files->max_fds) {
		swap(fd, files->fd);
		swap(cloexec, files->close_on_exec);
		memcpy(files->fd, fd, files->max_fds * sizeof(*fd));
		memcpy(files->close_on_exec, cloexec, files->max_fds / 8);
		files->max_fds = n;
	}
	spin_unlock_irqrestore(&files->file_lock, flags);
	if (fd != files->fd_array) {
		kvfree(fd);
		kvfree(cloexec);
	}
	return 0;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;
	unsigned long flags;

	if (!files)
		return NULL;
	spin_lock_irqsave(&files->file_lock, flags);
	if (fd < files->max_fds && files->fd[fd])
		file = get_file(files->fd[fd]);
	spin_unlock_irqrestore(&files->file_lock, flags);
	return file;
}

/* A reserved slot holds this until fd_install() (never handed out). */
static struct file reserved_slot;

int get_unused_fd_flags(unsigned int oflags)
{
	struct files_struct *files = current->files;
	unsigned long limit = rlimit(RLIMIT_NOFILE), flags;
	unsigned int fd;

	if (!files)
		return -EMFILE;
	for (;;) {
		spin_lock_irqsave(&files->file_lock, flags);
		for (fd = 0; fd < files->max_fds && files->fd[fd]; fd++)
			;
		if (fd >= limit) {
			spin_unlock_irqrestore(&files->file_lock, flags);
			return -EMFILE;
		}
		if (fd < files->max_fds)
			break;
		spin_unlock_irqrestore(&files->file_lock, flags);
		if (expand_files(files, fd))
			return -ENOMEM;
	}
	files->fd[fd] = &reserved_slot;
	if (oflags & O_CLOEXEC)
		files->close_on_exec[fd / 32] |= 1UL << (fd % 32);
	else
		files->close_on_exec[fd / 32] &= ~(1UL << (fd % 32));
	spin_unlock_irqrestore(&files->file_lock, flags);
	return (int)fd;
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;
	unsigned long flags;

	spin_lock_irqsave(&files->file_lock, flags);
	files->fd[fd] = file;
	spin_unlock_irqrestore(&files->file_lock, flags);
}

void put_unused_fd(unsigned int fd)
{
	fd_install(fd, NULL);
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;
	unsigned long flags;

	if (!files)
		return -EBADF;
	spin_lock_irqsave(&files->file_lock, flags);
	if (fd < files->max_fds && files->fd[fd] != &reserved_slot) {
		file = files->fd[fd];
		files->fd[fd] = NULL;
	}
	spin_unlock_irqrestore(&files->file_lock, flags);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

struct files_struct *dup_fd(struct files_struct *old, int *err)
{
	struct files_struct *files;
	unsigned long flags;

	*err = -ENOMEM;
	if (!old)
		return NULL;
	files = files_alloc();
	if (!files)
		return NULL;
	if (old->max_fds > files->max_fds &&
	    expand_files(files, old->max_fds - 1)) {
		kfree(files);
		return NULL;
	}
	spin_lock_irqsave(&old->file_lock, flags);
	for (unsigned int fd = 0; fd < old->max_fds; fd++) {
		struct file *f = old->fd[fd];

		if (f && f != &reserved_slot)
			files->fd[fd] = get_file(f);
	}
	memcpy(files->close_on_exec, old->close_on_exec, old->max_fds / 8);
	spin_unlock_irqrestore(&old->file_lock, flags);
	*err = 0;
	return files;
}

void put_files_struct(struct files_struct *files)
{
	if (__atomic_sub_fetch(&files->count, 1, __ATOMIC_SEQ_CST))
		return;
	for (unsigned int fd = 0; fd < files->max_fds; fd++)
		if (files->fd[fd] && files->fd[fd] != &reserved_slot)
			fput(files->fd[fd]);
	free_fdtable(files);
	kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	tsk->files = NULL;
	put_files_struct(files);
}

void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->max_fds; fd++)
		if (files->close_on_exec[fd / 32] & (1UL << (fd % 32)))
			close_fd(fd);
}

int files_init_console(struct task_struct *tsk, bool null)
{
	struct file *console;

	if (!tsk->files) {
		tsk->files = files_alloc();
		if (!tsk->files)
			return -ENOMEM;
	}
	console = null ? null_file_open() : console_file_open();
	if (IS_ERR(console))
		return (int)PTR_ERR(console);
	for (unsigned int fd = 0; fd < 3; fd++) {
		if (tsk->files->fd[fd])
			continue;
		tsk->files->fd[fd] = get_file(console);
	}
	fput(console);
	return 0;
}

/* --- system calls ---------------------------------------------------------- */

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(file);
		return fd;
	}
	fd_install((unsigned int)fd, file);
	return fd;
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct files_struct *files = current->files;
	struct file *file = fget(oldfd), *old;
	unsigned long flags;

	if (!file)
		return -EBADF;
	if (oldfd == newfd) {
		fput(file);
		return newfd;
	}
	if (newfd >= rlimit(RLIMIT_NOFILE)) {
		fput(file);
		return -EBADF;
	}
	if (newfd >= files->max_fds && expand_files(files, newfd)) {
		fput(file);
		return -ENOMEM;
	}
	spin_lock_irqsave(&files->file_lock, flags);
	old = files->fd[newfd];
	if (old == &reserved_slot) {
		spin_unlock_irqrestore(&files->file_lock, flags);
		fput(file);
		return -EBUSY;
	}
	files->fd[newfd] = file;
	files->close_on_exec[newfd / 32] &= ~(1UL << (newfd % 32));
	spin_unlock_irqrestore(&files->file_lock, flags);
	if (old)
		fput(old);
	return newfd;
}
