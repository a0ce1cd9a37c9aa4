/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/percpu.h of the simulated machine (tests/host/mm_sim): this CPU's
 * copy of a per-CPU variable, on a machine of one CPU.
 *
 * The kernel's header reaches this CPU's copy with one %fs-relative
 * instruction (movl %fs:var, incl %fs:var, cmpxchg8b %fs:var).  A host
 * process could have a %fs segment of its own (modify_ldt), but then
 * every per-CPU access would be an instruction AddressSanitizer cannot
 * see.  The simulation keeps the meaning and drops the segment: this
 * CPU's copy is the variable's address plus __per_cpu_offset[0], an
 * ordinary C access that the sanitizers check.  The offset is 0 until
 * setup_per_cpu_areas() (percpu.c of the simulation), so that, as in the
 * kernel, the boot CPU uses the template until it has its own area.
 *
 * One CPU and no interrupts: an access is never split, so a plain
 * read-modify-write is what the kernel's single instructions are, and
 * this_cpu_cmpxchg_double() a compare of two words and two stores.  The
 * kernel's cmpxchg8b needs the two words adjacent and 8-byte aligned;
 * the simulation checks that (sim_percpu_bad_pair() aborts: a finding).
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <asm/processor.h>
#include <types.h>

/*
 * The section every DEFINE_PER_CPU variable lives in (the template);
 * sim.mk renames it mm_percpu, which the simulation resets at power-on.
 */
#define PER_CPU_SECTION ".data..percpu"

extern unsigned long __per_cpu_offset[];

/* The one CPU's offset: what %fs:this_cpu_off reads in the kernel. */
static __always_inline unsigned long __my_cpu_offset(void)
{
	return __per_cpu_offset[0];
}

#define this_cpu_ptr(ptr) \
	((__typeof__(ptr))((unsigned long)(ptr) + __my_cpu_offset()))
#define raw_cpu_ptr(ptr) this_cpu_ptr(ptr)

#define this_cpu_read(var) (*this_cpu_ptr(&(var)))
#define this_cpu_write(var, val)               \
	do {                                   \
		*this_cpu_ptr(&(var)) = (val); \
	} while (0)
#define this_cpu_add(var, val)                  \
	do {                                    \
		*this_cpu_ptr(&(var)) += (val); \
	} while (0)
#define this_cpu_sub(var, val) this_cpu_add(var, -(val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

/* Two per-CPU words that cmpxchg8b could not take as one (percpu.c). */
__noreturn void sim_percpu_bad_pair(const void *pcp1, const void *pcp2);

/*
 * If this CPU's (pcp1, pcp2) is (o1, o2), store (n1, n2) and return true;
 * else false, unchanged: the kernel's cmpxchg8b, on one CPU.
 */
#define this_cpu_cmpxchg_double(pcp1, pcp2, o1, o2, n1, n2)            \
	({                                                             \
		__typeof__(pcp1) *__p1 = this_cpu_ptr(&(pcp1));        \
		__typeof__(pcp2) *__p2 = this_cpu_ptr(&(pcp2));        \
		bool __pcp_ok;                                         \
		_Static_assert(sizeof(pcp1) == 4 && sizeof(pcp2) == 4, \
			       "two 4-byte words");                    \
		if ((unsigned long)__p1 % 8 ||                         \
		    (char *)__p2 != (char *)__p1 + 4)                  \
			sim_percpu_bad_pair(__p1, __p2);               \
		__pcp_ok = (u32)(unsigned long)*__p1 ==                \
				   (u32)(unsigned long)(o1) &&         \
			   (u32)*__p2 == (u32)(o2);                    \
		if (__pcp_ok) {                                        \
			*__p1 = (n1);                                  \
			*__p2 = (n2);                                  \
		}                                                      \
		__pcp_ok;                                              \
	})

#endif /* _ASM_X86_PERCPU_H */
