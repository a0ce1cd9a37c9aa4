// SPDX-License-Identifier: GPL-2.0
/*
 * hog.c - takes memory until the kernel stops it: `hog [MB]` maps
 * anonymous memory 4 MB at a time and writes one byte in every page (a
 * write fault each: a real page each), up to MB megabytes, or forever
 * without an argument, then sleeps.  With more than the machine has, the
 * OOM killer ends it (SIGKILL) with its "Out of memory: Killed process"
 * line; its memory comes back when it dies.  Every 64 MB it says how far
 * it got.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#define CHUNK (4UL << 20)

int main(int argc, char **argv)
{
	long limit = argc > 1 ? strtol(argv[1], NULL, 0) : -1;
	struct timespec nap = { 1000, 0 };
	unsigned long mb = 0;

	while (limit < 0 || (long)mb < limit) {
		char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			printf("hog: mmap failed after %lu MB\n", mb);
			return 1;
		}
		for (unsigned long off = 0; off < CHUNK; off += 4096)
			p[off] = 1;
		mb += CHUNK >> 20;
		if (mb % 64 == 0)
			printf("hog: %lu MB\n", mb);
	}
	printf("hog: holding %lu MB\n", mb);
	for (;;)
		nanosleep(&nap, NULL);
}
