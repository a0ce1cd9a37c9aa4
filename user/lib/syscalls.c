// SPDX-License-Identifier: GPL-2.0
/*
 * syscalls.c - one wrapper per system call, each a __syscall() with the
 * number from asm/unistd_32.h and its result through __syscall_ret():
 * a value in -4095..-1 is -errno (the kernel never returns an address or
 * a count in that range), which becomes -1 with errno set.
 *
 * Where Linux has two calls for one job, the wrapper takes the one an
 * i386 C library takes: mmap() is mmap2 (offset in pages), getrlimit()
 * is ugetrlimit, getuid()/setuid() are the 32-bit-uid calls.  brk()
 * returns the new break, and the kernel refuses by returning the old one
 * (not -errno): that is how sbrk() learns of ENOMEM.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int errno;

#define SYS0(nr) __syscall(nr, 0, 0, 0, 0, 0, 0)
#define SYS1(nr, a) __syscall(nr, (long)(a), 0, 0, 0, 0, 0)
#define SYS2(nr, a, b) __syscall(nr, (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(nr, a, b, c) \
	__syscall(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(nr, a, b, c, d) \
	__syscall(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

long __syscall_ret(long ret)
{
	if ((unsigned long)ret > -(unsigned long)(MAX_ERRNO + 1)) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

long syscall(long nr, ...)
{
	long a[6];
	va_list args;

	va_start(args, nr);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(args, long);
	va_end(args);
	return __syscall_ret(__syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

void _exit(int status)
{
	SYS1(__NR_exit, status);
	__builtin_unreachable();
}

void exit_group(int status)
{
	SYS1(__NR_exit_group, status);
	__builtin_unreachable();
}

pid_t fork(void)
{
	return __syscall_ret(SYS0(__NR_fork));
}

long clone_raw(unsigned long flags, void *newsp, int *parent_tid, void *tls,
	       int *child_tid)
{
	return __syscall_ret(__syscall(__NR_clone, (long)flags, (long)newsp,
				       (long)parent_tid, (long)tls,
				       (long)child_tid, 0));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(SYS3(__NR_execve, path, argv, envp));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return __syscall_ret(SYS4(__NR_wait4, pid, status, options, ru));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return __syscall_ret(SYS3(__NR_waitpid, pid, status, options));
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

pid_t getpid(void)
{
	return SYS0(__NR_getpid);
}

pid_t getppid(void)
{
	return SYS0(__NR_getppid);
}

uid_t getuid(void)
{
	return SYS0(__NR_getuid32);
}

int setuid(uid_t uid)
{
	return __syscall_ret(SYS1(__NR_setuid32, uid));
}

int kill(pid_t pid, int sig)
{
	return __syscall_ret(SYS2(__NR_kill, pid, sig));
}

ssize_t read(int fd, void *buf, size_t count)
{
	return __syscall_ret(SYS3(__NR_read, fd, buf, count));
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(SYS3(__NR_write, fd, buf, count));
}

int open(const char *path, int flags, ...)
{
	va_list args;
	mode_t mode;

	va_start(args, flags);
	mode = (flags & O_CREAT) ? va_arg(args, mode_t) : 0;
	va_end(args);
	return __syscall_ret(SYS3(__NR_open, path, flags, mode));
}

int close(int fd)
{
	return __syscall_ret(SYS1(__NR_close, fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(SYS3(__NR_lseek, fd, offset, whence));
}

int _llseek(int fd, unsigned long hi, unsigned long lo, loff_t *result,
	    int whence)
{
	return __syscall_ret(__syscall(__NR__llseek, fd, (long)hi, (long)lo,
				       (long)result, whence, 0));
}

/* The 64-bit position in two registers, low half first (i386). */
ssize_t pread(int fd, void *buf, size_t count, loff_t pos)
{
	return __syscall_ret(__syscall(__NR_pread64, fd, (long)buf, (long)count,
				       (long)(pos & 0xffffffff),
				       (long)(pos >> 32), 0));
}

ssize_t pwrite(int fd, const void *buf, size_t count, loff_t pos)
{
	return __syscall_ret(__syscall(__NR_pwrite64, fd, (long)buf,
				       (long)count, (long)(pos & 0xffffffff),
				       (long)(pos >> 32), 0));
}

/* posix_fadvise() returns the error number itself, not -1 and errno. */
int posix_fadvise(int fd, loff_t offset, loff_t len, int advice)
{
	long r = __syscall(__NR_fadvise64_64, fd, (long)(offset & 0xffffffff),
			   (long)(offset >> 32), (long)(len & 0xffffffff),
			   (long)(len >> 32), advice);

	return r < 0 ? (int)-r : 0;
}

int fsync(int fd)
{
	return __syscall_ret(SYS1(__NR_fsync, fd));
}

int fdatasync(int fd)
{
	return __syscall_ret(SYS1(__NR_fdatasync, fd));
}

void sync(void)
{
	SYS0(__NR_sync);
}

/* The kernel's brk answers the break it ended with; 0 asks for it. */
static unsigned long cur_brk;

int brk(void *addr)
{
	unsigned long ret = SYS1(__NR_brk, addr);

	cur_brk = ret;
	if (ret < (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	unsigned long old;

	if (!cur_brk)
		cur_brk = SYS1(__NR_brk, 0);
	old = cur_brk;
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	if (offset & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__syscall(__NR_mmap2, (long)addr,
					       (long)length, prot, flags, fd,
					       offset >> 12));
}

int munmap(void *addr, size_t length)
{
	return __syscall_ret(SYS2(__NR_munmap, addr, length));
}

int mprotect(void *addr, size_t length, int prot)
{
	return __syscall_ret(SYS3(__NR_mprotect, addr, length, prot));
}

int madvise(void *addr, size_t length, int advice)
{
	return __syscall_ret(SYS3(__NR_madvise, addr, length, advice));
}

int msync(void *addr, size_t length, int flags)
{
	return __syscall_ret(SYS3(__NR_msync, addr, length, flags));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(SYS2(__NR_nanosleep, req, rem));
}

int sched_yield(void)
{
	return __syscall_ret(SYS0(__NR_sched_yield));
}

int uname(struct utsname *buf)
{
	return __syscall_ret(SYS1(__NR_uname, buf));
}

int getrlimit(int resource, struct rlimit *rlim)
{
	return __syscall_ret(SYS2(__NR_ugetrlimit, resource, rlim));
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return __syscall_ret(SYS2(__NR_setrlimit, resource, rlim));
}

int getrusage(int who, struct rusage *usage)
{
	return __syscall_ret(SYS2(__NR_getrusage, who, usage));
}

int set_thread_area(struct user_desc *u_info)
{
	return __syscall_ret(SYS1(__NR_set_thread_area, u_info));
}

int get_thread_area(struct user_desc *u_info)
{
	return __syscall_ret(SYS1(__NR_get_thread_area, u_info));
}
