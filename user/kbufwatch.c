// SPDX-License-Identifier: GPL-2.0
/*
 * kbufwatch.c - a program holding kernel memory: `kbufwatch [kbuf|vbuf]
 * [-q]` maps /dev/vbuf (or /dev/kbuf) shared, writes a line into the
 * mapping (the shell's `kbuf` shows the kernel reading it), then watches
 * the first bytes ten times a second and prints them whenever the kernel
 * changes them (`kbuf write vbuf TEXT` at the prompt); -q: it says
 * nothing (its lines would land in the middle of the shell's).  It runs
 * until killed: `run kbufwatch &`, then `kill PID` or Ctrl-C.  kmem386
 * only (Linux has no such device).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define SIZE (16UL << 10)

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "vbuf";
	bool quiet = argc > 2 && !strcmp(argv[2], "-q");
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	char path[32], seen[64];
	int fd;
	char *p;

	snprintf(path, sizeof(path), "/dev/%s", name);
	fd = open(path, O_RDWR);
	if (fd < 0) {
		printf("kbufwatch: %s: cannot open it\n", path);
		return 1;
	}
	p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		printf("kbufwatch: mmap of %s failed\n", path);
		return 1;
	}
	snprintf(p, sizeof(seen), "hello from kbufwatch %d", getpid());
	if (!quiet)
		printf("kbufwatch: wrote \"%s\" into %s at %p\n", p, path, p);
	memcpy(seen, p, sizeof(seen));
	for (;;) {
		nanosleep(&tick, NULL);
		if (memcmp(seen, p, sizeof(seen))) {
			memcpy(seen, p, sizeof(seen));
			seen[sizeof(seen) - 1] = '\0';
			if (!quiet)
				printf("kbufwatch: %s now holds \"%s\"\n", path,
				       seen);
		}
	}
}
