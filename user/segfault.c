// SPDX-License-Identifier: GPL-2.0
/*
 * segfault.c - writes to address 0 and dies of it: the demonstration that
 * a fault in user mode kills only its process.  The kernel logs Linux's
 * line ("segfault[N]: segfault at 0 ip ... error 6 in segfault[...]") and
 * the parent's wait sees SIGSEGV; the kernel and the shell go on.
 */
#include <stdio.h>

int main(void)
{
	printf("segfault: writing to address 0...\n");
	*(volatile int *)0 = 1;
	printf("segfault: still alive?\n"); /* not reached */
	return 1;
}
