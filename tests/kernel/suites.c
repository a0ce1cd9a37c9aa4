// SPDX-License-Identifier: GPL-2.0
/*
 * suites.c - every in-kernel test suite, in the order `ktest` runs them:
 * from the bottom of the kernel (lib, traps, boot) up to the allocators
 * (slab, kmalloc, slab_debug, mempool).
 */
#include <ktest.h>

extern const struct ktest_suite lib_ktest_suite;
extern const struct ktest_suite traps_ktest_suite;
extern const struct ktest_suite boot_ktest_suite;
extern const struct ktest_suite slab_ktest_suite;
extern const struct ktest_suite kmalloc_ktest_suite;
extern const struct ktest_suite slab_debug_ktest_suite;
extern const struct ktest_suite mempool_ktest_suite;

const struct ktest_suite *const ktest_suites[] = {
	&lib_ktest_suite, /* lib/: strings, formatting, sorting */
	&traps_ktest_suite, /* faults, WARN, BUG, oops recovery */
	&boot_ktest_suite, /* what the boot loader handed over */
	&slab_ktest_suite, /* kmem_cache: layout, slabs, lists */
	&kmalloc_ktest_suite, /* kmalloc and its family */
	&slab_debug_ktest_suite, /* misuse: detected, reported, survived */
	&mempool_ktest_suite, /* reserves that outlast exhaustion; kref */
	NULL,
};
