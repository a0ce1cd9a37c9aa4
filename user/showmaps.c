// SPDX-License-Identifier: GPL-2.0
/*
 * showmaps.c - a process looks at its own address space: it maps a few
 * kinds of memory (private anonymous, half touched; shared anonymous; a
 * private mapping of a file, read; a PROT_NONE page), grows its heap,
 * then prints /proc/self/maps, the memory lines of /proc/self/status,
 * the smaps entry of its anonymous region and /proc/self/statm.  The
 * same binary on kmem386 and on Linux shows where the two kernels lay
 * out and count the same program alike, and where not (README,
 * "Address spaces").  `showmaps FILE...` prints those /proc files
 * instead.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096UL

static char buf[16384];

/* The file's text, or the lines that start with one of the prefixes. */
static void show(const char *path, const char *const *prefixes)
{
	int fd = open(path, O_RDONLY), n, len = 0;
	char *line, *next;

	if (fd < 0) {
		printf("showmaps: %s: cannot open it\n", path);
		return;
	}
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	printf("--- %s\n", path);
	for (line = buf; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		for (int i = 0; !prefixes || prefixes[i]; i++) {
			if (!prefixes ||
			    !strncmp(line, prefixes[i], strlen(prefixes[i]))) {
				write(1, line, next - line);
				break;
			}
		}
	}
}

int main(int argc, char **argv)
{
	static const char *const vm[] = { "Vm", "Rss", NULL };
	int fd = open("/etc/motd", O_RDONLY);
	char *anon, *shared, *file, *none, *brk_start;
	volatile char sink;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			show(argv[i], NULL);
		return 0;
	}
	anon = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	file = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (anon == MAP_FAILED || shared == MAP_FAILED || file == MAP_FAILED ||
	    none == MAP_FAILED) {
		printf("showmaps: mmap failed\n");
		return 1;
	}
	anon[0] = 1; /* two pages written, one read (the zero page) */
	anon[PAGE] = 2;
	sink = anon[2 * PAGE];
	shared[0] = 3;
	sink = file[0];
	(void)sink;
	brk_start = sbrk(0);
	brk(brk_start + 8 * PAGE);
	brk_start[0] = 4;
	show("/proc/self/maps", NULL);
	show("/proc/self/status", vm);
	show("/proc/self/statm", NULL);
	return 0;
}
