/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - pages: flags, pfn <-> page <-> address, and the page allocator API.
 *
 *	struct page *page = alloc_pages(GFP_KERNEL, 2);	// 4 pages
 *	void *addr = page_address(page);		// lowmem: direct map
 *	__free_pages(page, 2);
 *
 *	unsigned long va = __get_free_pages(GFP_KERNEL, 0);
 *	free_pages(va, 0);
 *
 * A page in ZONE_HIGHMEM has no kernel address: page_address() returns NULL
 * unless it is kmapped (highmem.h).  __get_free_pages() therefore refuses
 * GFP_HIGHMEM, as in Linux.
 */
#ifndef _MM_H
#define _MM_H

#include <asm/atomic.h>
#include <asm/memlayout.h>
#include <gfp.h>
#include <mm_types.h>
#include <mmzone.h>
#include <types.h>

/* Page flags (struct page.flags, low bits). */
enum pageflags {
	PG_reserved, /* never given to the buddy allocator */
	PG_buddy, /* first page of a free block (private = order) */
	PG_head, /* first page of an allocated block (private = order) */
	PG_slab, /* owned by the slab allocator */
	PG_vmalloc, /* mapped into a vmalloc area */
	PG_table, /* a page table */
	PG_pcp, /* free, on a per-CPU list (private = order) */
	PG_large_kmalloc, /* a kmalloc() block above 8 KB (kfree frees it) */
	PG_kmap, /* may be in a pkmap or kmap_local slot: check at free */
	PG_anon, /* anonymous memory of processes (mm/rmap.c) */
	/* Page cache and LRU pages (mm/filemap.c, mm/swap.c), set atomically: */
	PG_locked, /* someone has it locked (I/O in flight, changing it) */
	PG_referenced, /* accessed since the LRU last looked */
	PG_uptodate, /* its contents are valid (read, or fully written) */
	PG_dirty, /* newer than the disk: must be written before freed */
	PG_lru, /* on an LRU list (page->lru) */
	PG_active, /* ... the active one */
	PG_writeback, /* being written to the disk */
	PG_reclaim, /* reclaim wants it freed when its writeback ends */
	__NR_PAGEFLAGS
};

/* The zone number sits in the top bits of flags. */
#define ZONES_WIDTH 3
#define ZONES_PGSHIFT (32 - ZONES_WIDTH)
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)

#define PAGEFLAG(name, bit)                                    \
	static inline bool Page##name(const struct page *page) \
	{                                                      \
		return page->flags & (1UL << (bit));           \
	}                                                      \
	static inline void SetPage##name(struct page *page)    \
	{                                                      \
		page->flags |= 1UL << (bit);                   \
	}                                                      \
	static inline void ClearPage##name(struct page *page)  \
	{                                                      \
		page->flags &= ~(1UL << (bit));                \
	}

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Vmalloc, PG_vmalloc)
PAGEFLAG(Table, PG_table)
PAGEFLAG(Pcp, PG_pcp)
PAGEFLAG(LargeKmalloc, PG_large_kmalloc)
PAGEFLAG(Anon, PG_anon)

/*
 * The page cache's flags change while other CPUs look at the page (a
 * reader tests PG_uptodate while the disk's interrupt sets it, reclaim
 * tests PG_dirty while a writer sets it), so they are set and cleared
 * with locked instructions, as Linux's.  The allocator's flags above
 * belong to whoever owns the page and need not be.  PG_kmap is set by
 * whoever maps the page, a cached page by any CPU while another locks it:
 * a plain `or` there could write back a PG_locked of the moment before
 * (one instruction either way).
 */
#define PAGEFLAG_ATOMIC(name, bit)                                \
	static inline bool Page##name(const struct page *page)    \
	{                                                         \
		return test_bit(bit, &page->flags);               \
	}                                                         \
	static inline void SetPage##name(struct page *page)       \
	{                                                         \
		set_bit(bit, &page->flags);                       \
	}                                                         \
	static inline void ClearPage##name(struct page *page)     \
	{                                                         \
		clear_bit(bit, &page->flags);                     \
	}                                                         \
	static inline bool TestSetPage##name(struct page *page)   \
	{                                                         \
		return test_and_set_bit(bit, &page->flags);       \
	}                                                         \
	static inline bool TestClearPage##name(struct page *page) \
	{                                                         \
		return test_and_clear_bit(bit, &page->flags);     \
	}

PAGEFLAG_ATOMIC(Locked, PG_locked)
PAGEFLAG_ATOMIC(Referenced, PG_referenced)
PAGEFLAG_ATOMIC(Uptodate, PG_uptodate)
PAGEFLAG_ATOMIC(Dirty, PG_dirty)
PAGEFLAG_ATOMIC(LRU, PG_lru)
PAGEFLAG_ATOMIC(Active, PG_active)
PAGEFLAG_ATOMIC(Writeback, PG_writeback)
PAGEFLAG_ATOMIC(Reclaim, PG_reclaim)
PAGEFLAG_ATOMIC(Kmap, PG_kmap)

/* The flat array of all page frames, [0, max_pfn). */
extern struct page *mem_map;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/* Is there a struct page for this pfn? */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

/* log2(sizeof(struct page)): mm_init.c checks that it is 32 bytes. */
#define STRUCT_PAGE_SHIFT 5

/* Is this a pointer into mem_map, at the start of a struct page? */
static inline bool page_ptr_valid(const struct page *page)
{
	/* Below mem_map, the difference wraps far above the array's end. */
	unsigned long offset = (unsigned long)page - (unsigned long)mem_map;

	return offset < max_pfn * sizeof(struct page) &&
	       offset % sizeof(struct page) == 0;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &zones[page_zonenum(page)];
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

static inline int page_count(const struct page *page)
{
	return READ_ONCE(page->_refcount);
}

/*
 * Drop a reference; true if it was the last one.  Atomic (a locked DECL),
 * so two CPUs dropping the last two references free the page exactly once.
 */
static inline bool page_ref_dec_and_test(struct page *page)
{
	bool zero_or_less;

	__asm__ __volatile__("lock; decl %0"
			     : "+m"(page->_refcount), "=@ccle"(zero_or_less)
			     :
			     : "memory");
	return zero_or_less;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

/* Lowmem only: pure arithmetic on the direct map. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

/* The kernel address of a page: the direct map, a kmap, or NULL. */
void *page_address(const struct page *page);

/* The page of a direct-map address (lowmem only). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/* The smallest order whose block holds `size` bytes (get_order(4096) == 0). */
static inline unsigned int get_order(unsigned long size)
{
	return (unsigned int)order_base_2((size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/* The offset of an address inside its page. */
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/* Is addr in the direct map of existing RAM? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && a < (unsigned long)high_memory &&
	       pfn_valid(__pa(a) >> PAGE_SHIFT);
}

/* --- the page allocator (mm/page_alloc.c) ------------------------------- */

struct page *__alloc_pages(gfp_t gfp, unsigned int order, unsigned long caller);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

/* The block's owner is the caller of alloc_pages(), for the reports. */
static __always_inline struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_pages(gfp, order, _THIS_IP_);
}

#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

/* The highest zone a request may use (GFP_DMA wins over GFP_HIGHMEM). */
enum zone_type gfp_zone(gfp_t gfp);

/* Does the zone have `order` pages free above `mark` for this request? */
bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, enum zone_type highest_zoneidx,
		       gfp_t gfp);

/*
 * Give the pages on every CPU's lists back to the buddy allocator (all
 * zones, or one); returns how many.  Each CPU empties its own, asked by an
 * IPI that is waited for: process context, no spinlock held.  Tests and
 * reports that read the free lists call it first, as Linux's do.
 */
unsigned long drain_all_pages(void);
unsigned long drain_zone_pages(struct zone *zone);
/* This CPU's lists only (no IPI: any context); pages drained. */
unsigned long drain_local_pages(void);
/* Boot: each zone's per-CPU list size (high, batch), from its pages. */
void setup_per_cpu_pageset(void);

/* The buddy allocator's consistency check (boot and tests). */
bool buddy_self_check(void);
/* Its structural half for one zone: false, with a pr_err, if broken. */
bool buddy_check_zone_lists(const struct zone *zone);

/* Sleeps of requests that waited for free pages (__alloc_pages_may_wait). */
extern unsigned long nr_alloc_waits;
/* Processes with an address space of their own (they may free pages). */
extern int nr_user_processes;

/* "BUG: Bad page state" reports since boot (tests check misuse was caught). */
extern unsigned long nr_bad_page_reports;

/* Counts for reports and leak checks. */
unsigned long zone_free_pages(const struct zone *zone);

/* --- debug_pagealloc (mm/debug_page_alloc.c) ---------------------------- */

/* debug_pagealloc=on: free lowmem pages are unmapped from the direct map. */
extern bool _debug_pagealloc_enabled;

static inline bool debug_pagealloc_enabled(void)
{
	return _debug_pagealloc_enabled;
}

/* Pages leaving and entering the allocator (page_alloc.c calls them). */
void debug_pagealloc_free(struct page *page, unsigned int order,
			  unsigned long caller);
void debug_pagealloc_alloc(struct page *page, unsigned int order);
/* Boot: the fault explainer and the boot line (mm_core_init). */
void debug_pagealloc_init(void);

/* --- what a page is used for (mm/page_use.c) ---------------------------- */

enum page_use {
	PAGE_USE_UNKNOWN, /* not allocated, yet not free either: a bad state */
	PAGE_USE_RESERVED, /* never given to the allocator */
	PAGE_USE_FREE, /* in a free block on the buddy free lists */
	PAGE_USE_PCP, /* free, waiting on a per-CPU list */
	PAGE_USE_SLAB, /* a page of a slab */
	PAGE_USE_LARGE_KMALLOC, /* kmalloc() above KMALLOC_MAX_CACHE_SIZE */
	PAGE_USE_VMALLOC, /* backs a vmalloc area */
	PAGE_USE_PGTABLE, /* a page table */
	PAGE_USE_ALLOCATED, /* alloc_pages() memory of its owner */
};

/* What page is used for; *head is the first page of its block. */
enum page_use page_use(const struct page *page, struct page **head);
/* One sentence: the use, by whom, and any kmap slot that maps it. */
int page_use_describe(const struct page *page, char *buf, size_t size);
/*
 * The pkmap slot with users (*local_cpu -1) or the kmap_local slot of CPU
 * *local_cpu that maps page now, and who mapped it; -1 if none.
 */
int page_kmap_slot(const struct page *page, int *local_cpu,
		   unsigned long *caller);

/* --- boot (arch/x86/mm/init.c, mm/page_alloc.c) ------------------------- */

/* Bring up memblock, paging, buddy, slab, vmalloc, kmap (mm/mm_init.c). */
void mm_core_init(void);
/* Memory map -> memblock -> page tables -> mem_map and zones (arch). */
void setup_memory(void);
/* Hand memblock's free pages to the buddy allocator; the boot lines (arch). */
void mem_init(void);
/* Give the boot-only code and data back to the page allocator. */
void free_initmem(void);
/* Zones from the pfn limits; mem_map all reserved, nothing free yet. */
void free_area_init(void);
/* Give every free memblock range to the buddy allocator. */
void memblock_free_all(void);
/* Give [start, end) of reserved pages back (the init sections). */
unsigned long free_reserved_area(void *start, void *end, const char *what);
/* Watermarks and lowmem_reserve from min_free_kbytes. */
void setup_per_zone_wmarks(void);

/* --- process address spaces (mm/mmap.c, mm/memory.c) ------------------- */

/* vm_area_struct.vm_flags, Linux's values */
#define VM_NONE 0x00000000UL
#define VM_READ 0x00000001UL
#define VM_WRITE 0x00000002UL
#define VM_EXEC 0x00000004UL
#define VM_SHARED 0x00000008UL
#define VM_MAYREAD 0x00000010UL /* mprotect() may add VM_READ... */
#define VM_MAYWRITE 0x00000020UL
#define VM_MAYEXEC 0x00000040UL
#define VM_MAYSHARE 0x00000080UL
#define VM_GROWSDOWN 0x00000100UL /* a stack: grows down on faults */
#define VM_PFNMAP 0x00000400UL /* raw page frames, no struct page use */
#define VM_IO 0x00004000UL /* device or driver memory (remap_pfn_range) */
#define VM_DONTCOPY 0x00020000UL /* MADV_DONTFORK */
#define VM_DONTEXPAND 0x00040000UL /* mremap may not grow it */
#define VM_ACCOUNT 0x00100000UL /* counted against the commit limit */
#define VM_NORESERVE 0x00200000UL
#define VM_DONTDUMP 0x04000000UL /* not in a core dump */
#define VM_MIXEDMAP 0x10000000UL /* pages put in by vm_insert_page() */
#define VM_STACK VM_GROWSDOWN
/* The heap and the bss (brk): i386 Linux's without READ_IMPLIES_EXEC. */
#define VM_DATA_DEFAULT_FLAGS \
	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)
/* Flags that keep a region from merging with a neighbour. */
#define VM_SPECIAL (VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)

/* Fault flags (handle_mm_fault) and results. */
#define FAULT_FLAG_WRITE 0x01 /* a write access */
#define FAULT_FLAG_USER 0x40 /* from user mode */
#define FAULT_FLAG_INSTRUCTION 0x100 /* an instruction fetch */

typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM 0x0001 /* no memory for the page */
#define VM_FAULT_SIGBUS 0x0002 /* the backing has no page there */
#define VM_FAULT_MAJOR 0x0004 /* it had to be read (a file page) */
#define VM_FAULT_SIGSEGV 0x0040 /* no access after all */
#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* What handle_mm_fault() did: the tracer's record (`demo user`). */
enum fault_kind {
	FAULT_NONE, /* it failed before deciding */
	FAULT_ZERO_PAGE, /* read of anonymous memory: the zero page */
	FAULT_ANON, /* write of anonymous memory: a new zeroed page */
	FAULT_FILE_READ, /* read of a backed region: the backing's page */
	FAULT_SHARED, /* write of a shared region: its page, writable */
	FAULT_COW_FILE, /* write of a private backed region: a copy */
	FAULT_COW_COPY, /* write of a shared anonymous page: copied */
	FAULT_COW_REUSE, /* write of an anonymous page nobody else has */
	FAULT_ZERO_COW, /* write where the zero page was: a new page */
	FAULT_SPURIOUS, /* the PTE allowed it already: a stale TLB entry */
};

/* One fault as handle_mm_fault() served it. */
struct fault_trace {
	struct mm_struct *mm; /* whose */
	struct vm_area_struct *vma; /* the region (valid during the call) */
	unsigned long address; /* the page */
	unsigned int flags; /* FAULT_FLAG_* */
	enum fault_kind kind; /* what was done */
	unsigned long pfn; /* the page mapped now */
	unsigned long old_pfn; /* COW: the page it replaced */
	pte_t pte; /* the new entry */
	unsigned long pte_table_pfn; /* the page table's page */
	unsigned long pte_vaddr; /* where the kernel reached the PTE */
	vm_fault_t result; /* 0 or VM_FAULT_* */
};

/* What a vm_operations_struct.fault() is asked, and answers. */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address; /* the faulting page */
	unsigned int flags; /* FAULT_FLAG_* */
	unsigned long pgoff; /* the page's offset in the backing */
	struct page *page; /* the answer: a referenced page */
	pgd_t *pgd; /* the directory entry of address (its table exists) */
	pte_t *pte; /* its PTE, mapped (pte_offset_map) for the fault */
	pte_t orig_pte; /* the PTE as the fault found it */
	struct fault_trace trace; /* what was done, for the tracer */
};

/*
 * In a map_pages() call: map page (referenced: the reference goes to the
 * PTE) at its place in vmf's region, read-only, if that PTE is empty;
 * false (the reference stays the caller's) if it is not (mm/memory.c).
 */
bool map_page_around(struct vm_fault *vmf, struct page *page);

/* The PTE bits for a region's vm_flags (arch/x86/mm/pgtable.c). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* Page references: a user page is freed when the last one goes. */
static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_SEQ_CST);
}
/*
 * Drop a reference; the last one frees the page (with the allocator's
 * checks).  A page a driver or vmalloc owns is mapped into processes with
 * references of their own: those puts never reach __free_page().
 */
static inline void put_page(struct page *page)
{
	int old = READ_ONCE(page->_refcount);

	while (old > 1)
		if (__atomic_compare_exchange_n(&page->_refcount, &old, old - 1,
						false, __ATOMIC_SEQ_CST,
						__ATOMIC_SEQ_CST))
			return;
	__free_page(page);
}

/* --- mappings of a page into processes (mm/rmap.c) --------------------- */

/* How many PTEs map the page (0: none). */
static inline int page_mapcount(const struct page *page)
{
	return READ_ONCE(page->_mapcount) + 1;
}

static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(page) > 0;
}

/* A fresh anonymous page, mapped once: PG_anon, counted in AnonPages. */
void page_add_new_anon_rmap(struct page *page);
/* One more PTE maps a page already mapped (fork). */
void page_dup_rmap(struct page *page);
/* A file, shared-memory or driver page gets one more PTE (Mapped). */
void page_add_file_rmap(struct page *page);
/* One PTE less; the last one takes the page out of AnonPages or Mapped. */
void page_remove_rmap(struct page *page);

/* Pages mapped by processes, for /proc/meminfo (AnonPages, Mapped). */
extern unsigned long nr_anon_mapped, nr_file_mapped;
/* Pages of shared anonymous memory (Shmem). */
extern unsigned long nr_shmem_pages;
/* Kernel stacks of every task and CPU, in kB (kernel/fork.c). */
extern unsigned long nr_kernel_stack_kb;
/* Page tables of every zone, the kernel's and the processes'. */
unsigned long nr_page_table_pages(void);

/* The shared zero page: what a read of untouched anonymous memory sees. */
extern struct page *zero_page;
#define ZERO_PAGE(vaddr) (zero_page)

/* Private anonymous memory: no backing to ask for pages. */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/* Shared anonymous memory (mm/shmem.c). */
extern const struct vm_operations_struct shmem_anon_vm_ops;
static inline bool vma_is_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_anon_vm_ops;
}

/* The offset in pages of addr in vma's backing. */
static inline unsigned long linear_page_index(const struct vm_area_struct *vma,
					      unsigned long addr)
{
	return ((addr - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline unsigned long get_mm_counter(const struct mm_struct *mm,
					   int member)
{
	return READ_ONCE(mm->rss_stat[member]);
}

/* Pages present in the address space, of every kind (VmRSS). */
static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) +
	       get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

/*
 * The struct page a user PTE maps, if it is one that is counted: NULL for
 * the zero page and the frames of a VM_PFNMAP region.
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
static inline void mmget(struct mm_struct *mm)
{
	__atomic_add_fetch(&mm->mm_users, 1, __ATOMIC_SEQ_CST);
}
struct task_struct;
/* The task's address space with a user reference, or NULL (mmput it). */
struct mm_struct *get_task_mm(struct task_struct *task);
void mm_release(struct task_struct *tsk);
/* A copy of oldmm for a child: its regions, pages shared copy-on-write. */
struct mm_struct *dup_mm(struct mm_struct *oldmm);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
void exit_mmap(struct mm_struct *mm);
/* A kernel thread works in a process's address space (uaccess to it). */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* The region containing addr, or the first above it; NULL if none. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* The first region overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
struct file;
/* mmap()'s core: the address mapped, or -errno (as unsigned long). */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
/* Cut vma in two at addr (the lower part a new region if new_below). */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, bool new_below);
/*
 * [addr, end) of prev's neighbourhood gets vm_flags (mprotect): merge it
 * with prev and/or the region after it when they are alike.  The region
 * that now holds addr, or NULL if nothing merged.
 */
struct vm_area_struct *
vma_merge(struct mm_struct *mm, struct vm_area_struct *prev, unsigned long addr,
	  unsigned long end, unsigned long vm_flags, struct file *file,
	  unsigned long pgoff, const struct vm_operations_struct *ops);
/* total_vm and its kinds move with a region of npages (+ or -). */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
/* Is there room to commit npages more (the overcommit heuristic)? */
int __vm_enough_memory(struct mm_struct *mm, long npages);
/* Unmap [start, start + len): 0 or -errno. */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
/* mmap() and munmap() of current's address space, with its mmap_lock. */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags,
		      unsigned long pgoff);
int vm_munmap(unsigned long start, size_t len);
/* mprotect() of current's address space: 0 or -errno. */
int do_mprotect(unsigned long start, size_t len, unsigned long prot);
/* Anonymous memory at [addr, addr + len) (brk, the ELF loader's bss). */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
/* Where top-down mmap starts for a stack limit (exec sets mmap_base). */
unsigned long mmap_base_for(unsigned long stack_limit);
/* Grow a VM_GROWSDOWN region down to address: 0 or -ENOMEM. */
int expand_stack(struct vm_area_struct *vma, unsigned long address);
/* Serve a page fault in vma: 0, or VM_FAULT_* bits. */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);
/* Drop the pages of [start, end) in vma (munmap, MADV_DONTNEED, exit). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
/* Fork: src's PTEs into dst, private pages shared read-only (COW). */
int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src);
/* New protection for the pages of [start, end) in vma (mprotect). */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot);
/*
 * Free the page tables of [addr, end) that no region in [floor, ceiling)
 * still needs (munmap), or all of them (exit: 0, TASK_SIZE).
 */
void free_pgd_range(struct mm_struct *mm, unsigned long addr, unsigned long end,
		    unsigned long floor, unsigned long ceiling);
/* Boot: the zero page, the caches of regions. */
void mmap_init(void);
void zero_page_init(void);
/* Shared anonymous memory for a MAP_SHARED region (mm/shmem.c). */
int shmem_zero_setup(struct vm_area_struct *vma);
/* The number its /proc/PID/maps line shows as the inode. */
unsigned long shmem_vma_ino(const struct vm_area_struct *vma);

/* --- kernel memory into a process (mm/remap.c) ------------------------- */

/* Map the frames from pfn at [addr, addr + size) of vma (a driver's mmap). */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
/* Map one page at addr, counted (a driver's mmap, VM_MIXEDMAP). */
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);
/* Map the vmalloc area at addr, from its page pgoff, over all of vma. */
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff);
/*
 * Copy len bytes at addr of another task's address space to or from buf
 * (kmap_local of each page): the bytes done.  /proc, the demo, ptrace's way.
 */
int access_process_vm(struct task_struct *tsk, unsigned long addr, void *buf,
		      int len, bool write);

/* --- the fault tracer (`demo user`) ---------------------------------------- */

/* Call fn for each fault served from now on (NULL: stop). */
void set_fault_trace(void (*fn)(const struct fault_trace *t));

/* kmalloc, or vmalloc when large or fragmented (mm/util.c). */
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void kvfree(const void *addr);

#endif /* _MM_H */
