/* SPDX-License-Identifier: GPL-2.0 */
/* compiler.h - GCC attributes and barriers under the names Linux uses. */
#ifndef _COMPILER_H
#define _COMPILER_H

#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __noreturn __attribute__((__noreturn__))
#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
/*
 * The whole kernel passes the first three arguments in EAX, EDX and ECX
 * (-mregparm=3, as Linux i386 is built).  Functions that assembly code
 * calls with its arguments on the stack (the trap entry, start_kernel) or
 * that are written in assembly and read their arguments from the stack
 * (setjmp, the nofault copies) are marked asmlinkage, Linux's name for the
 * stack convention: regparm(0).
 */
#define asmlinkage __attribute__((__regparm__(0)))
#define __must_check __attribute__((__warn_unused_result__))
#define __weak __attribute__((__weak__))
#define __cold __attribute__((__cold__))
#define fallthrough __attribute__((__fallthrough__))

/* Boot-only code and data: freed to the buddy allocator once boot is done. */
#define __init __section(".init.text") __cold
#define __initdata __section(".init.data")

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Stop the compiler from moving memory accesses across this point. */
#define barrier() __asm__ __volatile__("" : : : "memory")

/* One real load or store, never merged, split or cached in a register. */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

/* The address a function will return to, and the current instruction. */
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_                        \
	({                               \
		__label__ __here;        \
__here:                                  \
		(unsigned long)&&__here; \
	})

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

#endif /* _COMPILER_H */
