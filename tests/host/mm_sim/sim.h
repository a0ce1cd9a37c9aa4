/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sim.h - the simulated machine that mm/ runs on in the host tests and the
 * fuzz targets (tests/host/mm_sim).
 *
 *	struct sim_machine m = { .ram_mb = 64, .highmem_mb = 16 };
 *	if (sim_boot(&m))
 *		...				// the log says why
 *	struct page *page = alloc_pages(GFP_HIGHMEM, 0);   // the real mm/
 *	void *p = kmap_local_page(page);	// a host mapping of the frame
 *
 * Every boot starts from a power-on state: mm/'s variables as the program
 * loaded them, a fresh page directory, no TLB entries; then the kernel's own
 * mm_core_init() brings the allocators up.  Physical RAM keeps its bytes
 * across boots (as a warm reboot does); nothing in mm/ may depend on them.
 */
#ifndef _MM_SIM_SIM_H
#define _MM_SIM_SIM_H

#include <slab.h>
#include <types.h>

struct sim_machine {
	unsigned long ram_mb; /* RAM from physical 0; 0: 64 MB */
	/*
	 * highmem= as on the kernel's command line: this much of the top of
	 * a machine with less than 896 MB is ZONE_HIGHMEM.  Above 896 MB,
	 * highmem is what the direct map cannot hold, as always.
	 */
	unsigned long highmem_mb;
	/* slub_debug= letters as flags (SLAB_RED_ZONE...), 0 for none. */
	slab_flags_t slub_debug;
	int min_free_kbytes; /* min_free_kbytes=, 0: computed */
	bool debug_pagealloc; /* debug_pagealloc=on: free lowmem unmapped */
};

/*
 * Power on, boot the memory manager (mm_core_init()), keep the machine.
 * Return: 0, or -EINVAL for a machine that cannot be (ram_mb too small,
 * highmem_mb too large), -ENOMEM if the host refused the RAM or the layout,
 * -EIO if the boot panicked (the log has the panic).
 */
int sim_boot(const struct sim_machine *machine);
/* The machine booted last. */
extern struct sim_machine sim_machine;

/*
 * Touch kernel memory, catching a page fault instead of crashing: 0, or
 * -EFAULT (sim_fault_addr says where).  For the tests of what must fault
 * (a guard page, a flushed pkmap slot) and of what must not.
 */
int sim_read(const void *addr, void *buf, size_t len);
int sim_write(void *addr, const void *buf, size_t len);
extern unsigned long sim_fault_addr;

/* TLB fills and flushes since boot: tests see a flush happen. */
struct sim_tlb_stats {
	unsigned long fills; /* faults that a PTE resolved */
	unsigned long flush_one; /* __flush_tlb_one() calls */
	unsigned long flush_all; /* __flush_tlb_all() calls */
};
extern struct sim_tlb_stats sim_tlb_stats;

/*
 * A panic() or BUG() returns to the innermost sim_catch_panic() with -EIO
 * instead of aborting (0 if fn(arg) returned).  Anywhere else it is a crash:
 * the log is printed and the program aborts, which is a finding.
 */
int sim_catch_panic(void (*fn)(void *arg), void *arg);

/*
 * A booted machine, kept to start from again without booting: the kernel's
 * variables and the RAM pages in use (mem_map, page tables, the boot's
 * slabs).  Take it right after sim_boot() and whatever settling the caller
 * wants; restoring it is that boot again, without mm_core_init().  NULL if
 * the machine cannot be kept (a highmem page in use).
 */
struct sim_snapshot;
struct sim_snapshot *sim_snapshot_take(void);
int sim_snapshot_restore(const struct sim_snapshot *snap);
void sim_snapshot_free(struct sim_snapshot *snap);

/*
 * A device's streaming mapping of [phys, phys + size), as dma-debug would
 * record it (one at a time): mm must report a free of any of it through
 * debug_dma_check_freed(), which sim_dma_freed_reports counts.
 */
void sim_dma_map(unsigned long phys, unsigned long size);
void sim_dma_unmap(void);
extern unsigned long sim_dma_freed_reports;

/* The kernel log since `mark` on stderr (what a finding shows). */
void sim_dump_log(u64 mark);

#endif /* _MM_SIM_SIM_H */
