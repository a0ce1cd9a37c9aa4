// SPDX-License-Identifier: GPL-2.0
/*
 * memdemo.c - the process `demo user` watches (teach/demos/user_demo.c).
 * It does one thing at a time and stops itself (SIGSTOP) after each, so
 * the demo can show what the kernel did before it sends SIGCONT:
 *
 *	1 mmap 4 pages at 0x40000000 (a region, no page yet)
 *	2 read pages 0 and 1 (two read faults: the zero page)
 *	3 write all four pages (four write faults: new pages)
 *	4 write(1, ...) the first page's text to the console
 *	5 fork: the child stops at once, the parent too
 *	  (the child, continued: writes page 0, a COW fault, stops;
 *	   continued again: exits)
 *	6 the parent reaps the child and stops
 *	7 mprotect page 3 read-only, write to it: SIGSEGV
 *
 * Run by hand it stops at once too: `kill -CONT PID` moves it on.
 */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL
#define AREA ((char *)0x40000000)

static void stop(void)
{
	kill(getpid(), SIGSTOP);
}

int main(void)
{
	static const char text[] = "memdemo: hello from a highmem page\n";
	volatile char *p;
	char sink = 0;
	pid_t child;
	int status;

	stop();
	p = mmap(AREA, 4 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	stop();
	sink += p[0] + p[PAGE];
	stop();
	memcpy((char *)p, text, sizeof(text));
	for (unsigned long i = 1; i < 4; i++)
		p[i * PAGE] = 1; /* in order: pages 1, 2, 3 */
	stop();
	write(1, (const char *)p, sizeof(text) - 1);
	stop();
	child = fork();
	if (child == 0) {
		stop();
		p[0] = 'M'; /* "Memdemo": a copy-on-write fault */
		stop();
		_exit(0);
	}
	stop();
	waitpid(child, &status, 0);
	stop();
	mprotect((char *)p + 3 * PAGE, PAGE, PROT_READ);
	p[3 * PAGE] = sink; /* SIGSEGV: the page is read-only now */
	return 0;
}
