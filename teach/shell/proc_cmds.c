// SPDX-License-Identifier: GPL-2.0
/*
 * proc_cmds.c - `cat` and `ls`: the files of the initramfs, and /proc.
 *
 * Files are the root's tree in memory (fs/ramfs.c): `cat` opens one and
 * reads it as a program would (filp_open, kernel_read), `ls` lists a
 * directory as `ls -l` does.  /proc is not in that tree: it is a name
 * space of views (fs/proc.c), so `cat /proc/X` runs a view's show
 * function with the console as its seq_file, and `ls /proc` lists the
 * names in the registry the linker built from every PROC_FILE(), and a
 * directory per process (PROC_PID_FILE: maps, smaps, status, statm).  `cat`
 * prints /proc exactly as Linux would (console_set_exact()): a lecturer
 * compares the lines with a real machine's, so COM1 gets them whole,
 * however long; only the VGA screen, which cannot show a long line, wraps
 * them.
 */
#include <console.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <printk.h>
#include <proc_fs.h>
#include <sched.h>
#include <seq_file.h>
#include <shell.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>

extern const struct proc_file __start_proc_files[], __stop_proc_files[];

/* A file of the tree, read as a program reads it. */
static int cat_file(const char *path)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	char *buf;
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file)) {
		kprintf("cat: %s: %s\n", path,
			shell_strerror(PTR_ERR(file), "cannot read it"));
		return (int)PTR_ERR(file);
	}
	if (S_ISDIR(file->f_inode->i_mode)) {
		fput(file);
		kprintf("cat: %s: %s\n", path,
			shell_strerror(-EISDIR, "cannot read it"));
		return -EISDIR;
	}
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf) {
		fput(file);
		return -ENOMEM;
	}
	while ((n = kernel_read(file, buf, PAGE_SIZE, &pos)) > 0)
		console_write(buf, (size_t)n);
	kfree(buf);
	fput(file);
	return 0;
}

/* A /proc view on the console, in Linux's format, line for line. */
static int cat_proc(const char *name)
{
	struct seq_file m = { .buf = NULL };
	int err;

	console_set_exact(true);
	err = proc_show(name, &m);
	console_set_exact(false);
	return err;
}

static int cmd_cat(int argc, char **argv)
{
	int ret = 0;

	if (argc < 2)
		return shell_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		const char *name = argv[i];
		int err;

		/* /proc/..., or a view's name alone (meminfo, 42/maps). */
		if (proc_path(name) || name[0] != '/') {
			err = cat_proc(name);
			if (err != -ENOENT || proc_path(name) ||
			    !strchr(name, '/')) {
				if (err)
					kprintf("cat: %s: %s\n", name,
						err == -ENOENT ?
							"No such file (see `ls /proc`)" :
							shell_strerror(
								err,
								"cannot read it"));
				ret = err ? err : ret;
				continue;
			}
		}
		err = cat_file(name);
		if (err)
			ret = err;
	}
	return ret;
}
SHELL_COMMAND(cat, "FILE...", "print a file or a /proc view",
	      SHELL_TOPIC_SYSTEM, cmd_cat,
	      .detail = "Prints a file of the initramfs (cat /etc/motd) as a "
			"program reading it would get it, or a /proc view "
			"(its name alone is enough: cat meminfo).  /proc "
			"files are Linux's, column for column, "
			"so they can be put beside a real machine's: meminfo, "
			"zoneinfo, buddyinfo, pagetypeinfo, slabinfo, "
			"vmallocinfo, vmstat, iomem...  Their lines are not "
			"wrapped on the serial console (slabinfo's are wider "
			"than 80 columns, as on Linux); the VGA screen wraps "
			"them.  /proc/pkmap and /proc/memblock are this "
			"kernel's own.  Each process has its own: "
			"/proc/PID/maps (its regions), smaps (what is "
			"resident in each), status, statm; /proc/self is "
			"the shell's (init, a kernel thread: no regions).",
	      .see = "ls, ps, slabinfo and slabtop (slabinfo in 80 "
		     "columns), demo user");

/*
 * echo WORDS, or echo WORDS > /proc/FILE: what a shell's echo with a
 * redirection does, for the settings of /proc/sys (echo 1 >
 * /proc/sys/vm/drop_caches).  Only /proc files can be written here.
 */
static int cmd_echo(int argc, char **argv)
{
	char text[SHELL_LINE_MAX];
	const char *target = NULL;
	size_t len = 0;
	ssize_t ret;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '>') {
			target = argv[i][1] ? argv[i] + 1 :
					      (i + 1 < argc ? argv[++i] : NULL);
			if (!target || i + 1 < argc)
				return shell_usage(argv[0]);
			break;
		}
		len += (size_t)scnprintf(text + len, sizeof(text) - len, "%s%s",
					 len ? " " : "", argv[i]);
	}
	len += (size_t)scnprintf(text + len, sizeof(text) - len, "\n");
	if (!target) {
		console_write(text, len);
		return 0;
	}
	ret = proc_write(target, text, len);
	if (ret == -ENOENT)
		kprintf("echo: %s: No such file (only /proc files can be written)\n",
			target);
	else if (ret == -EACCES)
		kprintf("echo: %s: Permission denied (read-only)\n", target);
	else if (ret < 0)
		kprintf("echo: write error: Invalid argument\n");
	return ret < 0 ? (int)ret : 0;
}
SHELL_COMMAND(echo, "WORDS [> /proc/FILE]",
	      "print words, or write them to a /proc setting",
	      SHELL_TOPIC_SYSTEM, cmd_echo,
	      .detail = "echo 1 > /proc/sys/vm/drop_caches, echo 500 > "
			"/proc/sys/vm/dirty_expire_centisecs: the settings of "
			"/proc/sys take a value the way Linux's do (a number "
			"out of range is refused: Invalid argument).  Without "
			"> the words are printed.",
	      .see = "cat /proc/sys/vm/dirty_ratio, ls /proc");

static void ls_mode(umode_t mode, char *out)
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = S_ISDIR(mode) ? 'd' :
		 S_ISCHR(mode) ? 'c' :
		 S_ISBLK(mode) ? 'b' :
				 '-';
	for (int i = 0; i < 9; i++)
		out[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
	if (mode & S_ISVTX)
		out[9] = (mode & 01) ? 't' : 'T';
	out[10] = '\0';
}

static void ls_line(const struct dentry *d, const char *name)
{
	const struct inode *inode = d->d_inode;
	char mode[11];

	ls_mode(inode->i_mode, mode);
	kprintf("%s %4u %4u %8lld %s%s\n", mode, inode->i_uid, inode->i_gid,
		inode->i_size, name, S_ISDIR(inode->i_mode) ? "/" : "");
}

static int ls_proc(void)
{
	struct task_struct *p;
	unsigned long flags;

	for (const struct proc_file *f = __start_proc_files;
	     f < __stop_proc_files; f++)
		kprintf("/proc/%s\n", f->name);
	kprintf("/proc/self/\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		kprintf("/proc/%d/   %s\n", p->pid, p->comm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/* ls /proc/PID: the files every process directory has. */
static int ls_proc_pid(const char *path)
{
	char dir[32], tiny[1];
	struct seq_file m = { .buf = tiny, .size = sizeof(tiny) };
	int err = proc_show(path, &m); /* a file's text goes nowhere */

	if (err != -EISDIR) {
		kprintf("ls: %s: %s\n", path,
			err ? shell_strerror(err, "cannot read it") :
			      "not a directory");
		return err ? err : -ENOTDIR;
	}
	strscpy(dir, path, sizeof(dir));
	if (dir[strlen(dir) - 1] == '/')
		dir[strlen(dir) - 1] = '\0';
	for (const struct proc_pid_file *f = __start_proc_pid_files;
	     f < __stop_proc_pid_files; f++)
		kprintf("%s/%s\n", dir, f->name);
	return 0;
}

static int cmd_ls(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/";
	struct dentry *d, *child;

	if (!strcmp(path, "/proc") || !strcmp(path, "/proc/"))
		return ls_proc();
	if (proc_path(path))
		return ls_proc_pid(path);
	d = path_lookup(path, NULL, NULL);
	if (IS_ERR(d)) {
		kprintf("ls: %s: %s\n", path,
			shell_strerror(PTR_ERR(d), "cannot read it"));
		return (int)PTR_ERR(d);
	}
	if (!S_ISDIR(d->d_inode->i_mode)) {
		ls_line(d, path);
		return 0;
	}
	if (d == root_dentry)
		kprintf("dr-xr-xr-x    0    0        0 proc/   (the views: ls /proc)\n");
	list_for_each_entry(child, &d->d_subdirs, d_child)
		ls_line(child, child->d_name);
	return 0;
}
SHELL_COMMAND(ls, "[DIR|/proc]", "list a directory, or the /proc views",
	      SHELL_TOPIC_SYSTEM, cmd_ls,
	      .detail = "Lists a directory of the files the kernel unpacked "
			"from the initramfs at boot (default /: /user holds "
			"the programs `run` starts, /etc/motd a text file, "
			"/tmp a place for new files), as ls -l: type and "
			"permissions, owner, group, size, name.  `ls /proc` "
			"lists the /proc views: there each file is a function "
			"that prints a view of the kernel, registered with "
			"PROC_FILE() next to the code it shows.",
	      .see = "cat FILE, run PROG");
