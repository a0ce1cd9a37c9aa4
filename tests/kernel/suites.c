// SPDX-License-Identifier: GPL-2.0
/*
 * suites.c - every in-kernel test suite, in the order `ktest` runs them:
 * from the bottom of the kernel (lib, traps, boot) up.
 */
#include <ktest.h>

extern const struct ktest_suite lib_ktest_suite;
extern const struct ktest_suite pagecache_ktest_suite;
extern const struct ktest_suite reclaim_ktest_suite;
extern const struct ktest_suite traps_ktest_suite;
extern const struct ktest_suite boot_ktest_suite;
extern const struct ktest_suite percpu_ktest_suite;
extern const struct ktest_suite spinlock_ktest_suite;
extern const struct ktest_suite mutex_ktest_suite;
extern const struct ktest_suite smpmm_ktest_suite;
extern const struct ktest_suite smp_ktest_suite;
extern const struct ktest_suite sched_ktest_suite;
extern const struct ktest_suite memblock_ktest_suite;
extern const struct ktest_suite paging_ktest_suite;
extern const struct ktest_suite zones_ktest_suite;
extern const struct ktest_suite buddy_ktest_suite;
extern const struct ktest_suite buddy_misuse_ktest_suite;
extern const struct ktest_suite pcp_ktest_suite;
extern const struct ktest_suite highmem_ktest_suite;
extern const struct ktest_suite slab_ktest_suite;
extern const struct ktest_suite kmalloc_ktest_suite;
extern const struct ktest_suite slab_debug_ktest_suite;
extern const struct ktest_suite mempool_ktest_suite;
extern const struct ktest_suite vmalloc_ktest_suite;
extern const struct ktest_suite leak_check_ktest_suite;
extern const struct ktest_suite shell_ktest_suite;
extern const struct ktest_suite stress_ktest_suite;
extern const struct ktest_suite resource_ktest_suite;
extern const struct ktest_suite irq_ktest_suite;
extern const struct ktest_suite pci_ktest_suite;
extern const struct ktest_suite devres_ktest_suite;
extern const struct ktest_suite dma_ktest_suite;
extern const struct ktest_suite dma_debug_ktest_suite;
extern const struct ktest_suite edu_ktest_suite;
extern const struct ktest_suite edu_bind_ktest_suite;
extern const struct ktest_suite ex04_ktest_suite;
extern const struct ktest_suite process_ktest_suite;
extern const struct ktest_suite vm_ktest_suite;
extern const struct ktest_suite vm_programs_ktest_suite;
extern const struct ktest_suite reset_ktest_suite;
extern const struct ktest_suite demo_ktest_suite;
extern const struct ktest_suite kmemleak_ktest_suite;

const struct ktest_suite *const ktest_suites[] = {
	&lib_ktest_suite, /* lib/: strings, formatting, sorting */
	&traps_ktest_suite, /* faults, WARN, BUG, oops recovery */
	&boot_ktest_suite, /* what the boot loader handed over */
	&percpu_ktest_suite, /* per-CPU variables, static and dynamic */
	&spinlock_ktest_suite, /* spinlocks and their debug reports */
	&smp_ktest_suite, /* the other CPUs: IPIs, shootdowns */
	&sched_ktest_suite, /* tasks, wait queues, sleeping, might_sleep */
	&memblock_ktest_suite, /* the boot-time allocator */
	&paging_ktest_suite, /* the direct map and the page tables */
	&zones_ktest_suite, /* zone boundaries, counts, watermarks */
	&buddy_ktest_suite, /* the page allocator */
	&buddy_misuse_ktest_suite, /* its misuse: reported, survived */
	&pcp_ktest_suite, /* the per-CPU lists in front of it */
	&highmem_ktest_suite, /* kmap, kmap_local */
	&slab_ktest_suite, /* kmem_cache: layout, slabs, lists */
	&kmalloc_ktest_suite, /* kmalloc and its family */
	&slab_debug_ktest_suite, /* misuse: detected, reported, survived */
	&mempool_ktest_suite, /* reserves that outlast exhaustion; kref */
	&vmalloc_ktest_suite, /* vmalloc, vmap, ioremap */
	&mutex_ktest_suite, /* mutexes; allocating in atomic context */
	&smpmm_ktest_suite, /* per-CPU slabs, kmap vs kmap_local on SMP */
	&leak_check_ktest_suite, /* the tests' own leak checks */
	&shell_ktest_suite, /* the shell's write path: by frame, not address */
	&stress_ktest_suite, /* random work on everything: all comes back */
	&resource_ktest_suite, /* /proc/iomem's trees: claims and conflicts */
	&irq_ktest_suite, /* request_irq, shared lines */
	&pci_ktest_suite, /* configuration space, BARs, regions */
	&devres_ktest_suite, /* binding, managed resources */
	&dma_ktest_suite, /* the DMA API: direct, bounced, coherent, pools */
	&dma_debug_ktest_suite, /* its misuse: reported in Linux's words */
	&edu_ktest_suite, /* QEMU's edu device: its driver, DMA, IRQs */
	&edu_bind_ktest_suite, /* its unbind, failed probes, a dead line */
	&pagecache_ktest_suite, /* the disk's page cache, writeback */
	&reclaim_ktest_suite, /* LRU, kswapd, direct reclaim, GFP flags */
	&ex04_ktest_suite, /* the exercise's API and its eight tests */
	&process_ktest_suite, /* user processes: run, end, give it all back */
	&vm_ktest_suite, /* their address spaces: faults, COW, mmap */
	&vm_programs_ktest_suite, /* programs: the OOM killer, exits, /proc */
	&reset_ktest_suite, /* the shell's reset, what it gives back */
	&demo_ktest_suite, /* demos: Ctrl-C ends one, all is given back */
	&kmemleak_ktest_suite, /* last: no leak after all the others */
	NULL,
};
