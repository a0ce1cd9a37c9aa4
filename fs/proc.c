// SPDX-License-Identifier: GPL-2.0
/*
 * proc.c - /proc for programs and for the shell: the kernel's views
 * (PROC_FILE, each a function that writes its text), a directory per
 * process (PROC_PID_FILE: /proc/PID/maps, status, smaps, statm), and
 * /proc/self, the directory of whichever process looks.
 *
 * There is no file system behind it, as there is none behind Linux's:
 * a name is looked up in the two registries the linker built, and the
 * view's show() writes the text.  The shell's `cat` gives the console as
 * the seq_file; a program's open() gets the text written into a buffer
 * at that moment (a snapshot: Linux's seq_file writes it at the first
 * read, which a program that opens and reads at once cannot tell apart),
 * and read() and lseek() walk that buffer.  The views are read-only
 * (opening one to write is EACCES); the settings of /proc/sys
 * (dirty_ratio, drop_caches...) take a value written by root.  All have
 * size 0 as on Linux, and cannot be mapped (ENODEV).  /proc and /proc/PID open as directories (read()
 * is EISDIR); there is no getdents to list them, `ls /proc` in the shell
 * does.
 *
 * A process's files take a reference on its task_struct for the time of
 * show(), so a process that exits meanwhile leaves them an empty address
 * space to show, never a freed one (task_mmu.c takes the mm with
 * get_task_mm()).
 */
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <uaccess.h>
#include <vmalloc.h>

#define PROC_BUF_MAX (1UL << 20) /* a view longer than this is cut */

extern const struct proc_file __start_proc_files[], __stop_proc_files[];

/* "/proc/sys/vm/x" and "proc/sys/vm/x" -> "sys/vm/x" (proc_find's name). */
static const char *proc_name(const char *path)
{
	while (*path == '/')
		path++;
	path += 4; /* "proc": proc_path() said so */
	while (*path == '/')
		path++;
	return path;
}

bool proc_path(const char *path)
{
	while (*path == '/')
		path++;
	return str_has_prefix(path, "proc") &&
	       (path[4] == '\0' || path[4] == '/');
}

/* "42/maps" -> task 42 (referenced) and "maps"; "self/..." -> current. */
static struct task_struct *proc_pid_lookup(const char *name, const char **rest)
{
	struct task_struct *task;
	unsigned long pid = 0;
	const char *p = name;

	if (str_has_prefix(p, "self") && (p[4] == '/' || !p[4])) {
		p += 4;
		task = current;
		get_task_struct(task);
	} else {
		if (*p < '0' || *p > '9')
			return NULL;
		for (; *p >= '0' && *p <= '9'; p++) {
			pid = pid * 10 + (unsigned long)(*p - '0');
			if (pid >= PID_MAX_DEFAULT)
				return NULL;
		}
		if (*p && *p != '/')
			return NULL;
		task = find_get_task_by_vpid((int)pid);
		if (!task)
			return NULL;
	}
	while (*p == '/')
		p++;
	*rest = p;
	return task;
}

static const struct proc_pid_file *proc_pid_file_find(const char *name)
{
	for (const struct proc_pid_file *f = __start_proc_pid_files;
	     f < __stop_proc_pid_files; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

int proc_show(const char *name, struct seq_file *m)
{
	const struct proc_pid_file *pf;
	const struct proc_file *p;
	struct task_struct *task;
	const char *rest;
	int ret = 0;

	while (*name == '/')
		name++;
	if (str_has_prefix(name, "proc") && (name[4] == '/' || !name[4]))
		name += 4;
	while (*name == '/')
		name++;
	if (!*name)
		return -EISDIR;
	p = proc_find(name);
	if (p) {
		p->show(m);
		return 0;
	}
	task = proc_pid_lookup(name, &rest);
	if (!task)
		return -ENOENT;
	pf = *rest ? proc_pid_file_find(rest) : NULL;
	if (pf)
		pf->show(m, task);
	else
		ret = *rest ? -ENOENT : -EISDIR;
	put_task_struct(task);
	return ret;
}

/* --- /proc files opened by programs ------------------------------------- */

struct proc_buf {
	const struct proc_file *pf; /* a setting opened to write, or NULL */
	size_t len; /* bytes of text */
	char text[]; /* the view as it was at open() */
};

static ssize_t proc_file_read(struct file *file, char __user *buf, size_t count,
			      loff_t *pos)
{
	const struct proc_buf *pb = file->private_data;

	return simple_read_from_buffer(buf, count, pos, pb->text, pb->len);
}

static loff_t proc_file_llseek(struct file *file, loff_t offset, int whence)
{
	const struct proc_buf *pb = file->private_data;

	return fixed_size_llseek(file, offset, whence, (loff_t)pb->len);
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	kvfree(file->private_data);
	return 0;
}

/*
 * A setting of /proc/sys takes what is written at once, as Linux's
 * proc_dointvec() does: one write holds the whole value (at most a page;
 * a write past the start is ignored, Linux's "sysctl_writes_strict").
 */
static ssize_t proc_file_write(struct file *file, const char __user *buf,
			       size_t count, loff_t *pos)
{
	const struct proc_buf *pb = file->private_data;
	char *kbuf;
	ssize_t ret;

	if (!pb->pf || !pb->pf->write)
		return -EIO;
	if (*pos)
		return (ssize_t)count;
	if (count >= PAGE_SIZE)
		return -EINVAL;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, buf, count)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[count] = '\0';
	ret = pb->pf->write(kbuf, count);
	kfree(kbuf);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static const struct file_operations proc_file_operations = {
	.llseek = proc_file_llseek,
	.read = proc_file_read,
	.write = proc_file_write,
	.release = proc_file_release,
};

static ssize_t proc_dir_read(struct file *file, char __user *buf, size_t count,
			     loff_t *pos)
{
	return -EISDIR;
}

static const struct file_operations proc_dir_operations = {
	.read = proc_dir_read,
};

static struct inode proc_file_inode = {
	.i_mode = S_IFREG | 0444,
	.i_fop = &proc_file_operations,
};

/* The settings of /proc/sys: root may write them, as on Linux. */
static struct inode proc_setting_inode = {
	.i_mode = S_IFREG | 0644,
	.i_fop = &proc_file_operations,
};

static struct inode proc_dir_inode = {
	.i_mode = S_IFDIR | 0555,
	.i_fop = &proc_dir_operations,
};

/* The view's text in a buffer big enough for it (up to PROC_BUF_MAX). */
static struct proc_buf *proc_render(const char *path, int *err)
{
	for (size_t size = PAGE_SIZE;; size *= 2) {
		struct proc_buf *pb = kvmalloc(sizeof(*pb) + size, GFP_KERNEL);
		struct seq_file m = { .size = size };

		if (!pb) {
			*err = -ENOMEM;
			return NULL;
		}
		m.buf = pb->text;
		*err = proc_show(path, &m);
		if (*err || !seq_overflowed(&m) || size >= PROC_BUF_MAX) {
			pb->len = min(m.count, size - 1);
			if (!*err)
				return pb;
			kvfree(pb);
			return NULL;
		}
		kvfree(pb);
	}
}

struct file *proc_open(const char *path, int flags)
{
	const struct proc_file *pf = proc_find(proc_name(path));
	bool writing = (flags & O_ACCMODE) != O_RDONLY;
	struct proc_buf *pb;
	struct file *file;
	int err;

	if ((flags & O_CREAT) ||
	    (writing && (!pf || !pf->write || current->cred.euid)))
		return ERR_PTR(-EACCES);
	pb = proc_render(path, &err);
	if (!pb && err != -EISDIR)
		return ERR_PTR(err);
	file = alloc_file(NULL, flags);
	if (IS_ERR(file)) {
		kvfree(pb);
		return file;
	}
	file->f_inode = !pb		? &proc_dir_inode :
			pf && pf->write ? &proc_setting_inode :
					  &proc_file_inode;
	file->f_op = file->f_inode->i_fop;
	file->private_data = pb;
	if (pb)
		pb->pf = writing ? pf : NULL;
	return file;
}
