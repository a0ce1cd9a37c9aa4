/* SPDX-License-Identifier: GPL-2.0 */
/* smp_test_helpers.h - what the suites that need a second CPU share. */
#ifndef _SMP_TEST_HELPERS_H
#define _SMP_TEST_HELPERS_H

#include <ktest.h>
#include <smp.h>

/* The first online CPU other than this one; skips the case if none. */
static inline unsigned int ktest_other_cpu(struct ktest *test)
{
	unsigned int cpu, me = smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != me)
			return cpu;
	ktest_skip(test, "needs a second CPU (boot with -smp 2 or more)");
}

#endif /* _SMP_TEST_HELPERS_H */
