// SPDX-License-Identifier: GPL-2.0
/*
 * true.c - does nothing and exits 0: the smallest static binary, which
 * the execve tests and benchmark load (its cost is the kernel's).
 */
int main(void)
{
	return 0;
}
