/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uaccess.h - reaching memory the kernel may not trust.
 *
 * Kernel addresses that may be unmapped: get_kernel_nofault(val, ptr)
 * reads *ptr into val and returns 0, or returns -EFAULT if the read
 * faulted (val is then undefined).
 *
 * User addresses (a pointer a system call was given): every access goes
 * through these, never a plain dereference, as in Linux:
 *
 *	copy_from_user(to, from, n), copy_to_user(to, from, n)
 *		the bytes NOT copied (0: all of them); from_user zeroes
 *		what it could not read
 *	get_user(x, ptr), put_user(x, ptr)	0 or -EFAULT, 1/2/4 bytes
 *	strncpy_from_user(dst, src, n)		the length, or -EFAULT; n if
 *						no NUL came within n bytes
 *	clear_user(to, n)			the bytes NOT zeroed
 *
 * access_ok() first refuses any range that reaches above TASK_SIZE (a
 * user program must not make the kernel write its own memory); then the
 * access itself may fault: a page not yet there is faulted in by the
 * page-fault handler (demand paging, mm/memory.c) as for the program, and
 * an address with no mapping, or one that forbids the access, sends the
 * fault to the instruction's exception-table fixup: -EFAULT, never an
 * oops.  All of them may sleep (the fault may allocate a page).
 */
#ifndef _UACCESS_H
#define _UACCESS_H

#include <asm/extable.h>
#include <asm/memlayout.h>
#include <errno.h>
#include <types.h>

#ifndef __user
#define __user
#endif

asmlinkage long copy_from_kernel_nofault(void *dst, const void *src,
					 size_t size);
asmlinkage long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

#define get_kernel_nofault(val, ptr) \
	copy_from_kernel_nofault(&(val), (ptr), sizeof(val))
#define put_kernel_nofault(ptr, val)                                          \
	({                                                                    \
		__typeof__(*(ptr)) __pkn_val = (val);                         \
		copy_to_kernel_nofault((ptr), &__pkn_val, sizeof(__pkn_val)); \
	})

/* Is [addr, addr + size) entirely user space? */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

void __might_fault(const char *file, int line);
#define might_fault() __might_fault(__FILE__, __LINE__)

/* The copy itself: bytes not copied (arch/x86/lib/usercopy_32.c). */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	might_fault();
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
}

/*
 * Linux's __copy_to_user(): for a caller that already checked the whole
 * buffer with access_ok() (a file's read(), after the system call did).
 */
static inline unsigned long __copy_to_user(void __user *to, const void *from,
					   unsigned long n)
{
	might_fault();
	return raw_copy_user((void *)to, from, n);
}

unsigned long _copy_from_user(void *to, const void __user *from,
			      unsigned long n);
static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	return _copy_from_user(to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * One load or store of 1, 2 or 4 bytes with an exception-table entry: a
 * fault resumes after it with err = -EFAULT (and, for a load, x = 0).
 */
#define __get_user_asm(x, addr, err, itype, rtype)                       \
	__asm__ __volatile__("1:	mov" itype " %2, %" rtype "1\n"  \
			     "2:\n"                                      \
			     ".pushsection .fixup, \"ax\"\n"             \
			     "3:	movl %3, %0\n"                          \
			     "	xor" itype " %" rtype "1, %" rtype "1\n" \
			     "	jmp 2b\n"                                 \
			     ".popsection\n" _ASM_EXTABLE(1b, 3b)        \
			     : "=r"(err), "=q"(x)                        \
			     : "m"(*(addr)), "i"(-EFAULT), "0"(err))

#define __put_user_asm(x, addr, err, itype, rtype)                          \
	__asm__ __volatile__("1:	mov" itype " %" rtype "1, %2\n"     \
			     "2:\n"                                         \
			     ".pushsection .fixup, \"ax\"\n"                \
			     "3:	movl %3, %0\n"                             \
			     "	jmp 2b\n"                                    \
			     ".popsection\n" _ASM_EXTABLE(1b, 3b)           \
			     : "=r"(err)                                    \
			     : "q"(x), "m"(*(addr)), "i"(-EFAULT), "0"(err) \
			     : "memory")

/* get_user(x, ptr): 0 or -EFAULT; x is 0 after a fault. */
#define get_user(x, ptr)                                                       \
	({                                                                     \
		int __gu_err = 0;                                              \
		__typeof__(*(ptr)) __user *__gu_ptr = (ptr);                   \
		_Static_assert(sizeof(*(ptr)) <= 4, "get_user: 1-4 bytes");    \
		might_fault();                                                 \
		if (!access_ok(__gu_ptr, sizeof(*__gu_ptr))) {                 \
			__gu_err = -EFAULT;                                    \
			(x) = 0;                                               \
		} else if (sizeof(*__gu_ptr) == 1) {                           \
			u8 __gu_v;                                             \
			__get_user_asm(__gu_v, (u8 *)__gu_ptr, __gu_err, "b",  \
				       "b");                                   \
			(x) = (__typeof__(*(ptr)))(unsigned long)__gu_v;       \
		} else if (sizeof(*__gu_ptr) == 2) {                           \
			u16 __gu_v;                                            \
			__get_user_asm(__gu_v, (u16 *)__gu_ptr, __gu_err, "w", \
				       "w");                                   \
			(x) = (__typeof__(*(ptr)))(unsigned long)__gu_v;       \
		} else {                                                       \
			u32 __gu_v;                                            \
			__get_user_asm(__gu_v, (u32 *)__gu_ptr, __gu_err, "l", \
				       "k");                                   \
			(x) = (__typeof__(*(ptr)))(unsigned long)__gu_v;       \
		}                                                              \
		__gu_err;                                                      \
	})

/* put_user(x, ptr): 0 or -EFAULT; 8 bytes as two stores. */
#define put_user(x, ptr)                                                   \
	({                                                                 \
		int __pu_err = 0;                                          \
		__typeof__(*(ptr)) __user *__pu_ptr = (ptr);               \
		__typeof__(*(ptr)) __pu_val = (x);                         \
		might_fault();                                             \
		if (!access_ok(__pu_ptr, sizeof(*__pu_ptr)))               \
			__pu_err = -EFAULT;                                \
		else if (sizeof(*__pu_ptr) == 1)                           \
			__put_user_asm(*(u8 *)&__pu_val, (u8 *)__pu_ptr,   \
				       __pu_err, "b", "b");                \
		else if (sizeof(*__pu_ptr) == 2)                           \
			__put_user_asm(*(u16 *)&__pu_val, (u16 *)__pu_ptr, \
				       __pu_err, "w", "w");                \
		else if (sizeof(*__pu_ptr) == 4)                           \
			__put_user_asm(*(u32 *)&__pu_val, (u32 *)__pu_ptr, \
				       __pu_err, "l", "k");                \
		else                                                       \
			__pu_err = copy_to_user(__pu_ptr, &__pu_val,       \
						sizeof(__pu_val)) ?        \
					   -EFAULT :                       \
					   0;                              \
		__pu_err;                                                  \
	})

#endif /* _UACCESS_H */
