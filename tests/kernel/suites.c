// SPDX-License-Identifier: GPL-2.0
/*
 * suites.c - every in-kernel test suite, in the order `ktest` runs them:
 * from the bottom of the kernel (lib, traps, boot) up.
 */
#include <ktest.h>

extern const struct ktest_suite lib_ktest_suite;
extern const struct ktest_suite traps_ktest_suite;
extern const struct ktest_suite boot_ktest_suite;
extern const struct ktest_suite memblock_ktest_suite;
extern const struct ktest_suite paging_ktest_suite;
extern const struct ktest_suite zones_ktest_suite;
extern const struct ktest_suite buddy_ktest_suite;
extern const struct ktest_suite buddy_misuse_ktest_suite;
extern const struct ktest_suite highmem_ktest_suite;
extern const struct ktest_suite vmalloc_ktest_suite;

const struct ktest_suite *const ktest_suites[] = {
	&lib_ktest_suite,
	&traps_ktest_suite,
	&boot_ktest_suite,
	/* the physical memory manager, bottom up */
	&memblock_ktest_suite,
	&paging_ktest_suite,
	&zones_ktest_suite,
	&buddy_ktest_suite,
	&buddy_misuse_ktest_suite,
	&highmem_ktest_suite,
	&vmalloc_ktest_suite,
	NULL,
};
