// SPDX-License-Identifier: GPL-2.0
/*
 * usercopy_32.c - copying to and from user space (include/uaccess.h).
 *
 * raw_copy_user() is `rep movsl` for the words and `rep movsb` for the
 * tail, each with an exception-table entry: when the page-fault handler
 * cannot make an access work (no mapping, or one that forbids it), it
 * resumes at the fixup, which works out from %ecx how many bytes were not
 * copied.  The caller then knows exactly how far it got: read() of a file
 * into a buffer whose end is unmapped returns -EFAULT, as on Linux.
 */
#include <asm/extable.h>
#include <sched.h>
#include <string.h>
#include <uaccess.h>

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long words = n >> 2, tail = n & 3;
	unsigned long d0, d1;

	__asm__ __volatile__("1:	rep movsl\n"
			     "	movl %[tail], %[cnt]\n"
			     "2:	rep movsb\n"
			     "3:\n"
			     ".pushsection .fixup, \"ax\"\n"
			     /* A word faulted: those left, and the tail. */
			     "4:	leal (%[tail],%[cnt],4), %[cnt]\n"
			     "	jmp 3b\n"
			     ".popsection\n" _ASM_EXTABLE(1b, 4b)
				     _ASM_EXTABLE(2b, 3b)
			     : [cnt] "+&c"(words), "=&D"(d0), "=&S"(d1)
			     : [tail] "r"(tail), "1"(to), "2"(from)
			     : "memory");
	return words; /* the bytes not copied: 0 when all went */
}

unsigned long _copy_from_user(void *to, const void __user *from,
			      unsigned long n)
{
	unsigned long left = n;

	might_fault();
	if (access_ok(from, n))
		left = raw_copy_user(to, (const void *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeros[256];
	unsigned long done = 0;

	might_fault();
	if (!access_ok(to, n))
		return n;
	while (done < n) {
		unsigned long chunk =
			min(n - done, (unsigned long)sizeof(zeros));
		unsigned long left =
			raw_copy_user((char *)to + done, zeros, chunk);

		if (left)
			return n - done - (chunk - left);
		done += chunk;
	}
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	for (i = 0; i < count; i++) {
		char c;

		if (get_user(c, src + i))
			return -EFAULT;
		dst[i] = c;
		if (!c)
			return i;
	}
	return count;
}
