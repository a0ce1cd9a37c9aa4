// SPDX-License-Identifier: GPL-2.0
/*
 * host_os.c - the host operating system under the simulated machine.
 *
 * The simulation runs as a 32-bit (i386) process, so the kernel's own
 * addresses are real addresses here: 0xc0000000 is where the direct map
 * starts, as in the kernel.  Three things make that work:
 *  - the address-space layout.  By default Linux puts a 32-bit process's
 *    libraries and mmap()s just below its stack, at 0xf7xxxxxx: inside the
 *    direct map.  A constructor re-executes the program once with
 *    personality(ADDR_COMPAT_LAYOUT | ADDR_NO_RANDOMIZE): mappings then grow
 *    upwards from 0x55555000, the stack stays at the top, at the same
 *    address in every run, and [HOST_KERNEL_START, HOST_KERNEL_END) is
 *    reserved (PROT_NONE) before any allocator could take part of it;
 *  - physical RAM is a memfd.  A kernel mapping of a frame is a MAP_SHARED
 *    mapping of the memfd at the frame's offset, so two mappings of one
 *    frame see the same bytes, as two PTEs do;
 *  - page faults.  A SIGSEGV inside the reserved range goes to the MMU of
 *    the simulation (mmu.c), which walks the simulated page tables and maps
 *    the frame if a PTE says so; otherwise the fault is real: host_try()
 *    catches it for a test that expects it, or it is explained and handed
 *    to the previous handler (AddressSanitizer's, libFuzzer's): a crash.
 * The kernel side is compiled with the kernel's headers; this file only with
 * the C library's: host_os.h is the bridge.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include "host_os.h"

#define REEXEC_ENV "KMEM386_SIM_REEXEC"
#define HOST_PAGE 4096UL

static int ram_fd = -1;
static unsigned long long ram_bytes;
static const char *range_error = "the program's start-up did not run";

/* --- the address-space layout --------------------------------------------- */

static void reserve_kernel_range(void)
{
	void *want = (void *)HOST_KERNEL_START;
	void *got = mmap(want, HOST_KERNEL_END - HOST_KERNEL_START, PROT_NONE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
				 MAP_FIXED_NOREPLACE,
			 -1, 0);

	if (got == want) {
		range_error = NULL;
		return;
	}
	if (got != MAP_FAILED)
		munmap(got, HOST_KERNEL_END - HOST_KERNEL_START);
	range_error =
		"cannot reserve 0xc0000000-0xffc00000: the host already maps part of it (see /proc/self/maps)";
}

/*
 * Runs before main() (glibc hands constructors argc and argv): re-execute
 * once with the legacy layout, then take the kernel's range.
 */
__attribute__((constructor)) static void host_layout_init(int argc, char **argv)
{
	const unsigned long want = ADDR_COMPAT_LAYOUT | ADDR_NO_RANDOMIZE;
	int persona = personality(0xffffffff);

	(void)argc;
	if (sizeof(void *) != 4) {
		range_error = "the simulation must be built with -m32";
		return;
	}
	if (persona != -1 && ((unsigned long)persona & want) != want &&
	    !getenv(REEXEC_ENV)) {
		setenv(REEXEC_ENV, "1", 1);
		if (personality((unsigned long)persona | want) != -1)
			execv("/proc/self/exe", argv);
		/* Not allowed here: go on, and say so if the range is taken. */
	}
	unsetenv(REEXEC_ENV);
	reserve_kernel_range();
}

const char *host_kernel_range_error(void)
{
	return range_error;
}

/* --- RAM ------------------------------------------------------------------ */

int host_ram_resize(unsigned long long bytes)
{
	if (ram_fd < 0) {
		ram_fd = memfd_create("kmem386-ram", MFD_CLOEXEC);
		if (ram_fd < 0)
			return -1;
	}
	if (bytes == ram_bytes)
		return 0;
	if (ftruncate64(ram_fd, (off64_t)bytes))
		return -1;
	ram_bytes = bytes;
	return 0;
}

void *host_ram_window(unsigned long bytes)
{
	static void *window;
	static unsigned long window_bytes;

	if (window && window_bytes == bytes)
		return window;
	if (window)
		munmap(window, window_bytes);
	window = mmap(NULL, bytes, PROT_READ, MAP_SHARED, ram_fd, 0);
	if (window == MAP_FAILED)
		window = NULL;
	window_bytes = window ? bytes : 0;
	return window;
}

/* --- mappings ------------------------------------------------------------- */

/*
 * mmap2 takes the offset in pages, so frames above 2 GB need no 64-bit
 * off_t; and the raw system call is not intercepted by the sanitizers.
 */
static long raw_mmap(unsigned long addr, unsigned long len, int prot, int flags,
		     int fd, unsigned long pgoff)
{
	return syscall(SYS_mmap2, addr, len, prot, flags, fd, pgoff);
}

static int in_kernel_range(unsigned long vaddr, unsigned long bytes)
{
	return vaddr >= HOST_KERNEL_START && bytes <= HOST_KERNEL_END - vaddr;
}

int host_map(unsigned long vaddr, unsigned long pfn, unsigned long pages,
	     int writable)
{
	unsigned long len = pages * HOST_PAGE;
	long ret;

	if (!in_kernel_range(vaddr, len) || ram_fd < 0 ||
	    (unsigned long long)(pfn + pages) * HOST_PAGE > ram_bytes)
		return -1;
	ret = raw_mmap(vaddr, len, PROT_READ | (writable ? PROT_WRITE : 0),
		       MAP_SHARED | MAP_FIXED, ram_fd, pfn);
	return ret == (long)vaddr ? 0 : -1;
}

int host_unmap(unsigned long vaddr, unsigned long bytes)
{
	long ret;

	if (!in_kernel_range(vaddr, bytes))
		return -1;
	ret = raw_mmap(vaddr, bytes, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
		       -1, 0);
	return ret == (long)vaddr ? 0 : -1;
}

/* --- page faults ---------------------------------------------------------- */

#define MAX_TRY_DEPTH 8

static int (*fault_fill)(unsigned long addr, int write);
static void (*fault_report)(unsigned long addr, int write);
static struct sigaction previous_segv;
static int handler_installed;
static volatile int handler_depth;

/* The host_try() frames, innermost last. */
static struct try_frame {
	sigjmp_buf jmp;
	int catch_faults;
} try_stack[MAX_TRY_DEPTH];
static volatile int try_depth;
unsigned long host_fault_addr;

static void segv_handler(int sig, siginfo_t *info, void *context)
{
	unsigned long addr = (unsigned long)info->si_addr;
	ucontext_t *uc = context;
	int is_write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;

	(void)sig;
	if (handler_depth > 1) {
		/* A fault while resolving one: the tables themselves are gone. */
		static const char msg[] =
			"mm_sim: a page fault inside the page-fault handler\n";

		write(2, msg, sizeof(msg) - 1);
		abort();
	}
	if (addr >= HOST_KERNEL_START && addr < HOST_KERNEL_END) {
		int filled;

		handler_depth++;
		filled = fault_fill && fault_fill(addr, is_write);
		handler_depth--;
		if (filled)
			return; /* mapped: the access is retried */
		if (try_depth && try_stack[try_depth - 1].catch_faults) {
			host_fault_addr = addr;
			siglongjmp(try_stack[try_depth - 1].jmp,
				   HOST_TRY_FAULT);
		}
		if (fault_report)
			fault_report(addr, is_write);
	}
	/* Not ours to handle: the previous handler gets the retried fault. */
	sigaction(SIGSEGV, &previous_segv, NULL);
}

void host_fault_handler_install(int (*fill)(unsigned long addr, int write),
				void (*report)(unsigned long addr, int write))
{
	struct sigaction sa;

	fault_fill = fill;
	fault_report = report;
	if (handler_installed)
		return;
	handler_installed = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &previous_segv);
}

int host_try(void (*fn)(void *arg), void *arg, int catch_faults)
{
	int depth = try_depth, ret;

	if (depth == MAX_TRY_DEPTH)
		host_abort();
	try_stack[depth].catch_faults = catch_faults;
	/*
	 * The signal mask need not be saved (a system call each time): the
	 * SIGSEGV handler runs with SA_NODEFER, so it blocks nothing.
	 */
	ret = sigsetjmp(try_stack[depth].jmp, 0);
	if (!ret) {
		try_depth = depth + 1;
		fn(arg);
	}
	try_depth = depth;
	return ret;
}

void host_bail(int value)
{
	if (!try_depth)
		host_abort();
	siglongjmp(try_stack[try_depth - 1].jmp, value ? value : -1);
}

/* --- the kernel's variables ----------------------------------------------- */

extern char __start_mm_data[] __attribute__((weak));
extern char __stop_mm_data[] __attribute__((weak));
extern char __start_mm_bss[] __attribute__((weak));
extern char __stop_mm_bss[] __attribute__((weak));
extern char __start_mm_percpu[] __attribute__((weak));
extern char __stop_mm_percpu[] __attribute__((weak));

/*
 * Unchecked: the sections hold AddressSanitizer's red zones between the
 * variables, which a checked copy would report; -fno-builtin keeps the
 * compiler from turning the loops into calls to the (checked) memcpy.
 * The sections start word-aligned; a few tens of KB.
 */
__attribute__((no_sanitize_address)) static void
copy_bytes(char *dst, const char *src, unsigned long n)
{
	unsigned long words = n / sizeof(long);
	unsigned long *dw = (unsigned long *)dst;
	const unsigned long *sw = (const unsigned long *)src;

	for (unsigned long i = 0; i < words; i++)
		dw[i] = sw[i];
	for (unsigned long i = words * sizeof(long); i < n; i++)
		dst[i] = src[i];
}

static unsigned long state_data_size(void)
{
	return (unsigned long)(__stop_mm_data - __start_mm_data);
}

static unsigned long state_bss_size(void)
{
	return (unsigned long)(__stop_mm_bss - __start_mm_bss);
}

/* The per-CPU template (.data..percpu), which the boot CPU uses early. */
static unsigned long state_percpu_size(void)
{
	return (unsigned long)(__stop_mm_percpu - __start_mm_percpu);
}

unsigned long host_state_size(void)
{
	return state_data_size() + state_bss_size() + state_percpu_size();
}

void host_state_save(void *buf)
{
	char *p = buf;

	copy_bytes(p, __start_mm_data, state_data_size());
	p += state_data_size();
	copy_bytes(p, __start_mm_bss, state_bss_size());
	p += state_bss_size();
	copy_bytes(p, __start_mm_percpu, state_percpu_size());
}

void host_state_load(const void *buf)
{
	const char *p = buf;

	copy_bytes(__start_mm_data, p, state_data_size());
	p += state_data_size();
	copy_bytes(__start_mm_bss, p, state_bss_size());
	p += state_bss_size();
	copy_bytes(__start_mm_percpu, p, state_percpu_size());
}

/* --- output --------------------------------------------------------------- */

void host_write(int fd, const char *s, unsigned long len)
{
	while (len) {
		ssize_t n = write(fd, s, len);

		if (n <= 0)
			return;
		s += n;
		len -= (unsigned long)n;
	}
}

const char *host_getenv(const char *name)
{
	return getenv(name);
}

void host_abort(void)
{
	abort();
}
