// SPDX-License-Identifier: GPL-2.0
/*
 * bench_mm.c - what a process's memory costs (issue 15's benchmark
 * rows): an anonymous write fault on a fresh page (zeroing included), a
 * read fault of the zero page, a copy-on-write fault, mmap+munmap of one
 * page, mmap+touch+munmap of 1 MB, and fork of a process with 1 MB
 * touched.
 *
 * The fault rows map their pages before each batch and unmap them after
 * (untimed): the batch is one touch per page.  The COW row forks a child
 * that sleeps while the parent writes the pages they share, so every
 * write copies a page the child still maps.
 */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <ubench.h>
#include <unistd.h>

#define PAGE 4096UL
#define MB (1UL << 20)
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static volatile char *area;
static pid_t sharer;

static void map_area(unsigned long n)
{
	area = NULL;
	if (!n)
		return;
	area = mmap(NULL, n * PAGE, RW, ANON, -1, 0);
	if (area == MAP_FAILED) {
		ubench_fail("mmap of %lu pages failed", n);
		area = NULL;
	}
}

static void unmap_area(unsigned long n)
{
	if (area)
		munmap((void *)area, n * PAGE);
}

static void run_write_faults(unsigned long n)
{
	for (unsigned long i = 0; area && i < n; i++)
		area[i * PAGE] = 1;
}

static void run_read_faults(unsigned long n)
{
	for (unsigned long i = 0; area && i < n; i++)
		(void)area[i * PAGE];
}

static void sleep_forever(void)
{
	struct timespec ts = { 1000, 0 };

	for (;;)
		nanosleep(&ts, NULL);
}

/* Pages written, then shared with a sleeping child: each is COW. */
static void prepare_cow(unsigned long n)
{
	map_area(n);
	if (!area)
		return;
	for (unsigned long i = 0; i < n; i++)
		area[i * PAGE] = 2;
	sharer = fork();
	if (sharer == 0)
		sleep_forever();
	if (sharer < 0)
		ubench_fail("fork failed");
}

static void finish_cow(unsigned long n)
{
	int status;

	if (area && sharer > 0) {
		kill(sharer, SIGKILL);
		waitpid(sharer, &status, 0);
	}
	unmap_area(n);
}

static void run_mmap_munmap_page(unsigned long n)
{
	while (n--) {
		void *p = mmap(NULL, PAGE, RW, ANON, -1, 0);

		if (p == MAP_FAILED || munmap(p, PAGE))
			ubench_fail("mmap or munmap failed");
	}
}

static void run_mmap_touch_munmap_1m(unsigned long n)
{
	while (n--) {
		char *p = mmap(NULL, MB, RW, ANON, -1, 0);

		if (p == MAP_FAILED) {
			ubench_fail("mmap of 1 MB failed");
			return;
		}
		for (unsigned long off = 0; off < MB; off += PAGE)
			p[off] = 1;
		munmap(p, MB);
	}
}

static char *touched;

static const char *setup_touched_1m(void)
{
	touched = mmap(NULL, MB, RW, ANON, -1, 0);
	if (touched == MAP_FAILED)
		return "mmap of 1 MB failed";
	memset(touched, 3, MB);
	return NULL;
}

static void teardown_touched_1m(void)
{
	munmap(touched, MB);
}

static const struct ubench_op ops[] = {
	{ .id = "anon_write_fault",
	  .desc = "write fault on a fresh anonymous page (zeroing included)",
	  .shift = 2,
	  .prepare = map_area,
	  .run = run_write_faults,
	  .finish = unmap_area },
	{ .id = "zero_page_read_fault",
	  .desc = "read fault mapping the zero page",
	  .shift = 2,
	  .prepare = map_area,
	  .run = run_read_faults,
	  .finish = unmap_area },
	{ .id = "cow_fault",
	  .desc = "write fault copying a page shared with a child (COW)",
	  .shift = 2,
	  .prepare = prepare_cow,
	  .run = run_write_faults,
	  .finish = finish_cow },
	{ .id = "mmap_munmap_page",
	  .desc = "mmap + munmap of one anonymous page, untouched",
	  .shift = 1,
	  .run = run_mmap_munmap_page },
	{ .id = "mmap_touch_munmap_1m",
	  .desc = "mmap + write every page + munmap of 1 MB",
	  .shift = 6,
	  .run = run_mmap_touch_munmap_1m },
	{ .id = "fork_1m_touched",
	  .desc = "fork + _exit + waitpid of a process with 1 MB touched",
	  .shift = 5,
	  .setup = setup_touched_1m,
	  .run = ubench_fork_exit_wait,
	  .teardown = teardown_touched_1m },
	{}
};

int main(int argc, char **argv)
{
	return ubench_main("bench_mm", ops, argc, argv);
}
