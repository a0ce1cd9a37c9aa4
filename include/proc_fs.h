/* SPDX-License-Identifier: GPL-2.0 */
/*
 * proc_fs.h - /proc: the kernel's views by name (PROC_FILE, seq_file.h),
 * a directory per process (PROC_PID_FILE: /proc/PID/maps, ...), and
 * /proc/self, the directory of whoever asks (fs/proc.c).
 *
 *	static void proc_pid_statm_show(struct seq_file *m,
 *					struct task_struct *task) { ... }
 *	PROC_PID_FILE("statm", proc_pid_statm_show);
 */
#ifndef _PROC_FS_H
#define _PROC_FS_H

#include <seq_file.h>
#include <types.h>

struct task_struct;
struct file;

/* A file of every /proc/PID directory. */
struct proc_pid_file {
	const char *name; /* "maps" */
	void (*show)(struct seq_file *m, struct task_struct *task);
};

#define PROC_PID_FILE(pname, pshow)                                      \
	static const struct proc_pid_file __proc_pid_file_##pshow __used \
		__section(".proc_pid_files." pname) __aligned(4) = {     \
			.name = pname,                                   \
			.show = pshow,                                   \
		}

extern const struct proc_pid_file __start_proc_pid_files[],
	__stop_proc_pid_files[];

/*
 * Write /proc/NAME into m: "meminfo", "/proc/meminfo", "42/maps",
 * "self/status".  0, or -ENOENT (no such view, no such process), or
 * -EISDIR (/proc, /proc/PID).
 */
int proc_show(const char *name, struct seq_file *m);
/* Is path under /proc (so filp_open() asks proc_open())? */
bool proc_path(const char *path);
struct mm_struct;
struct vm_area_struct;
/*
 * The name a region has in /proc/PID/maps: its file's path (into buf),
 * [heap], [stack], /dev/zero (deleted); NULL for other anonymous memory.
 */
const char *proc_vma_name(struct vm_area_struct *vma, char *buf, size_t size);
/* The Vm* lines of /proc/PID/status (fs/proc_task_mmu.c). */
void task_mem(struct seq_file *m, struct mm_struct *mm);

/* Open a /proc file for reading: its text as it is now; ERR_PTR(-errno). */
struct file *proc_open(const char *path, int flags);

#endif /* _PROC_FS_H */
