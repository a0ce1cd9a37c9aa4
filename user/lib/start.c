// SPDX-License-Identifier: GPL-2.0
/*
 * start.c - from the kernel's initial stack to main(), and back out.
 *
 * crt0.S hands __libc_start() the address of argc.  Above it the kernel
 * laid out (fs/binfmt_elf.c, create_elf_tables):
 *
 *	sp[0]			argc
 *	sp[1 .. argc]		argv[0 .. argc-1], then NULL
 *	...			envp[], then NULL
 *	...			auxv: (AT_xxx, value) pairs, then (AT_NULL, 0)
 *
 * and above those, the strings and the 16 random bytes AT_RANDOM points
 * at.  The library keeps envp as `environ` and the auxiliary vector for
 * getauxval(); main's return value becomes the exit_group() status.
 */
#include <auxv.h>
#include <stdlib.h>
#include <unistd.h>

char **environ;
static unsigned long *auxv;

int main(int argc, char **argv, char **envp);
__attribute__((noreturn)) void __libc_start(long *sp);

void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	environ = envp;
	auxv = (unsigned long *)(p + 1);
	exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

char *getenv(const char *name)
{
	size_t len = 0;

	while (name[len])
		len++;
	for (char **e = environ; e && *e; e++) {
		size_t i = 0;

		while (i < len && (*e)[i] == name[i])
			i++;
		if (i == len && (*e)[len] == '=')
			return *e + len + 1;
	}
	return NULL;
}

/* No atexit handlers and no buffered output: the end is the system call. */
void exit(int status)
{
	exit_group(status);
}
