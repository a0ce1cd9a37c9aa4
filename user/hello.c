// SPDX-License-Identifier: GPL-2.0
/*
 * hello.c - the first user program: it prints from user mode, with its
 * arguments and what the kernel told it at exec (the auxiliary vector's
 * page size and entry point), then exits 0.  The same binary runs on
 * kmem386 and on Debian's Linux 686; only the kernel's name differs.
 */
#include <auxv.h>
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

extern char _start[]; /* crt0.S */

int main(int argc, char **argv)
{
	struct utsname u;
	const char *sys = uname(&u) == 0 ? u.sysname : "an unknown kernel";

	printf("hello from user mode on %s\n", sys);
	for (int i = 1; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	printf("AT_PAGESZ %lu, AT_ENTRY %s\n", getauxval(AT_PAGESZ),
	       getauxval(AT_ENTRY) == (unsigned long)_start ? "is _start" :
							      "is not _start");
	return 0;
}
