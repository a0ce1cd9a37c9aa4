/* SPDX-License-Identifier: GPL-2.0 */
/*
 * unistd.h - the system calls of processes and files, each a thin
 * wrapper over `int $0x80` with Linux's i386 number (asm/unistd_32.h).
 * On failure a wrapper returns -1 and sets errno, as a C library does;
 * syscall() is the raw form for tests that must pass what no wrapper
 * would (a bad pointer, an unknown flag, an unknown number).
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <asm/unistd_32.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

extern char **environ;

/* The raw call: up to six arguments, the result as the kernel gave it. */
long __syscall(long nr, long a, long b, long c, long d, long e, long f);
/* -1 and errno for a result in -4095..-1, the result otherwise. */
long __syscall_ret(long ret);
/* syscall(nr, ...) as a C library has it: errno on failure. */
long syscall(long nr, ...);

__attribute__((noreturn)) void _exit(int status);
__attribute__((noreturn)) void exit_group(int status);
pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
int setuid(uid_t uid);
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int _llseek(int fd, unsigned long hi, unsigned long lo, loff_t *result,
	    int whence);
int brk(void *addr);
void *sbrk(long increment);
ssize_t pread(int fd, void *buf, size_t count, loff_t pos);
ssize_t pwrite(int fd, const void *buf, size_t count, loff_t pos);
int fsync(int fd);
int fdatasync(int fd);
void sync(void);
int sched_yield(void);

/* Reads the time stamp counter (an instruction count under -icount). */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif /* _UNISTD_H */
