/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/percpu.h - this CPU's copy of a per-CPU variable in one instruction.
 *
 * i386 Linux's scheme: every CPU has a copy of the .data..percpu section
 * (its per-CPU area), and its %fs segment starts at
 *
 *	this_cpu_off = (its area) - __per_cpu_start
 *
 * so the address of a per-CPU variable *as linked*, used through %fs,
 * lands in this CPU's copy: `movl %fs:var, %eax` reads this CPU's `var`,
 * `incl %fs:var` counts on this CPU.  One instruction cannot be split by
 * an interrupt, so these need no interrupt disabling, and no CPU number is
 * looked up at all.  Before the areas exist %fs has base 0 and the same
 * instructions reach the section itself (the template), which is what the
 * boot CPU uses until setup_per_cpu_areas().
 *
 * Sizes 1, 2 and 4 are single instructions; anything else (u64, structs)
 * goes through this_cpu_ptr() with interrupts off.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <asm/processor.h>
#include <types.h>

/* The section every DEFINE_PER_CPU variable lives in (the template). */
#define PER_CPU_SECTION ".data..percpu"

/* The bits of a value of any 1, 2 or 4-byte type, for the asm below. */
#define __pcpu_union(var)          \
	union {                    \
		__typeof__(var) v; \
		u8 b;              \
		u16 w;             \
		u32 l;             \
	}

#define this_cpu_read(var)                                        \
	({                                                        \
		__pcpu_union(var) __pcp_r;                        \
		switch (sizeof(var)) {                            \
		case 1:                                           \
			__asm__ __volatile__("movb %%fs:%1, %0"   \
					     : "=q"(__pcp_r.b)    \
					     : "m"(var));         \
			break;                                    \
		case 2:                                           \
			__asm__ __volatile__("movw %%fs:%1, %0"   \
					     : "=r"(__pcp_r.w)    \
					     : "m"(var));         \
			break;                                    \
		case 4:                                           \
			__asm__ __volatile__("movl %%fs:%1, %0"   \
					     : "=r"(__pcp_r.l)    \
					     : "m"(var));         \
			break;                                    \
		default:                                          \
			__pcp_r.v = __this_cpu_generic_read(var); \
		}                                                 \
		__pcp_r.v;                                        \
	})

#define this_cpu_write(var, val)                                  \
	do {                                                      \
		__pcpu_union(var) __pcp_w;                        \
		__pcp_w.v = (val);                                \
		switch (sizeof(var)) {                            \
		case 1:                                           \
			__asm__ __volatile__("movb %1, %%fs:%0"   \
					     : "=m"(var)          \
					     : "qi"(__pcp_w.b));  \
			break;                                    \
		case 2:                                           \
			__asm__ __volatile__("movw %1, %%fs:%0"   \
					     : "=m"(var)          \
					     : "ri"(__pcp_w.w));  \
			break;                                    \
		case 4:                                           \
			__asm__ __volatile__("movl %1, %%fs:%0"   \
					     : "=m"(var)          \
					     : "ri"(__pcp_w.l));  \
			break;                                    \
		default:                                          \
			__this_cpu_generic_write(var, __pcp_w.v); \
		}                                                 \
	} while (0)

/* var += val for integer variables: addb/addw/addl with a %fs prefix. */
#define this_cpu_add(var, val)                                    \
	do {                                                      \
		switch (sizeof(var)) {                            \
		case 1:                                           \
			__asm__ __volatile__("addb %1, %%fs:%0"   \
					     : "+m"(var)          \
					     : "qi"((u8)(val)));  \
			break;                                    \
		case 2:                                           \
			__asm__ __volatile__("addw %1, %%fs:%0"   \
					     : "+m"(var)          \
					     : "ri"((u16)(val))); \
			break;                                    \
		case 4:                                           \
			__asm__ __volatile__("addl %1, %%fs:%0"   \
					     : "+m"(var)          \
					     : "ri"((u32)(val))); \
			break;                                    \
		default:                                          \
			__this_cpu_generic_add(var, val);         \
		}                                                 \
	} while (0)

/* The common case gets the shortest instruction: incl %fs:var. */
#define this_cpu_inc(var)                                                 \
	do {                                                              \
		if (sizeof(var) == 4)                                     \
			__asm__ __volatile__("incl %%fs:%0" : "+m"(var)); \
		else                                                      \
			this_cpu_add(var, 1);                             \
	} while (0)

#define this_cpu_dec(var)                                                 \
	do {                                                              \
		if (sizeof(var) == 4)                                     \
			__asm__ __volatile__("decl %%fs:%0" : "+m"(var)); \
		else                                                      \
			this_cpu_add(var, -1);                            \
	} while (0)

#define this_cpu_sub(var, val) this_cpu_add(var, -(val))

/*
 * Two adjacent 4-byte per-CPU words, 8-byte aligned: if they hold (o1,
 * o2), store (n1, n2) and return true; else false, unchanged.  One
 * cmpxchg8b through %fs and without a lock prefix, as Linux's
 * this_cpu_cmpxchg_double() on i386: no other CPU touches this CPU's
 * copy, and an interrupt comes between instructions, never inside one.
 * SLUB's fast paths replace (freelist, tid) with it.
 */
#define this_cpu_cmpxchg_double(pcp1, pcp2, o1, o2, n1, n2)                \
	({                                                                 \
		bool __pcp_ok;                                             \
		u32 __o1 = (u32)(unsigned long)(o1), __o2 = (u32)(o2);     \
		_Static_assert(sizeof(pcp1) == 4 && sizeof(pcp2) == 4,     \
			       "two 4-byte words");                        \
		__asm__ __volatile__(                                      \
			"cmpxchg8b %%fs:%[var]"                            \
			: [var] "+m"(pcp1), "+m"(pcp2), "=@ccz"(__pcp_ok), \
			  "+a"(__o1), "+d"(__o2)                           \
			: "b"((u32)(unsigned long)(n1)), "c"((u32)(n2))    \
			: "memory");                                       \
		__pcp_ok;                                                  \
	})

/*
 * The offset of this CPU's area: itself a per-CPU variable, read through
 * %fs.  Adding it to a per-CPU address gives this CPU's copy.
 */
extern __attribute__((section(PER_CPU_SECTION))) unsigned long this_cpu_off;

static __always_inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;

	__asm__ __volatile__("movl %%fs:%1, %0"
			     : "=r"(off)
			     : "m"(this_cpu_off));
	return off;
}

#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + __my_cpu_offset()))
#define raw_cpu_ptr(ptr) this_cpu_ptr(ptr)

/* Other sizes: through the pointer, with no interrupt in between. */
#define __this_cpu_generic_read(var)         \
	({                                   \
		unsigned long __f;           \
		__typeof__(var) __r;         \
		local_irq_save(__f);         \
		__r = *this_cpu_ptr(&(var)); \
		local_irq_restore(__f);      \
		__r;                         \
	})

#define __this_cpu_generic_write(var, val)     \
	do {                                   \
		unsigned long __f;             \
		local_irq_save(__f);           \
		*this_cpu_ptr(&(var)) = (val); \
		local_irq_restore(__f);        \
	} while (0)

#define __this_cpu_generic_add(var, val)        \
	do {                                    \
		unsigned long __f;              \
		local_irq_save(__f);            \
		*this_cpu_ptr(&(var)) += (val); \
		local_irq_restore(__f);         \
	} while (0)

#endif /* _ASM_X86_PERCPU_H */
