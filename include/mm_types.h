/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_types.h - struct page: one per physical page frame, in mem_map[].
 *
 * 32 bytes for each 4 KB of RAM (0.8%): at 2 GB that is 16 MB of lowmem,
 * allocated by memblock at boot.  The array is flat, so pfn <-> page is
 * pointer arithmetic and, with sizeof(struct page) a power of two, a shift.
 *
 * What the fields mean depends on who owns the page:
 *  - free, in the buddy allocator: PG_buddy on the first page of the block
 *    only, private = the block's order, buddy_list links it into its zone's
 *    free_area[order]; the other pages of the block are left untouched
 *  - allocated by alloc_pages(): _refcount >= 1 on the first page, PG_head
 *    and private = the order it was allocated with (checked at free time),
 *    owner = who called alloc_pages() (the reports name it).  What the
 *    block is then used for is a flag of its first page: PG_vmalloc (it
 *    backs a vmalloc area: vm_area says which), PG_table (a page table),
 *    PG_large_kmalloc (kmalloc() above 8 KB: owner is kmalloc's caller);
 *    none of them: its owner's, whatever that is.  Every free entry point
 *    checks these flags (page_use.c), so a page is only ever given back by
 *    the interface that took it
 *  - a slab (mm/slab.c): PG_slab on every page of the block; every page
 *    also has slab_cache and slab_head (so kfree() finds the slab from any
 *    object with one lookup), the first page has the rest of the slab state
 *    (frozen: some CPU allocates from it, mm/slab_node.c)
 *  - PG_reserved: never given to the buddy allocator (the kernel image, holes,
 *    mem_map itself, page tables, firmware ranges)
 * The zone number lives in the top bits of flags; PageHighMem() is derived
 * from it, as in Linux.
 *
 * A page mapped into processes (mm/memory.c, mm/rmap.c) is an allocated
 * page that also counts its mappings: _mapcount is the number of
 * page-table entries that map it minus one (-1: none, as Linux), kept
 * where buddy_list is (a page in use is on no free list; the allocator
 * sets -1 as it hands a page out).  _refcount counts those mappings plus
 * any other holder (a file's page array, a shared region, a driver):
 * after fork an anonymous page mapped by parent and child has _mapcount 1
 * and _refcount 2, and a write fault that finds _refcount 1 may keep the
 * page instead of copying it.  PG_anon marks anonymous memory (its only
 * holders are page tables); the last put frees the page.
 *
 * Below struct page: a process's address space, struct mm_struct, and
 * its regions, struct vm_area_struct (mm/mmap.c).
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include <asm/pgtable.h>
#include <list.h>
#include <mutex.h>
#include <rbtree.h>
#include <spinlock.h>
#include <types.h>

struct address_space;
struct kmem_cache;
struct vm_struct;

typedef unsigned long pgoff_t; /* an offset in a file, in pages */

struct page {
	unsigned long flags; /* PG_* bits; zone in the top ZONES_WIDTH bits */
	int _refcount; /* users; 0 when free (or a tail page) */
	union {
		struct { /* page allocator */
			union {
				struct list_head buddy_list; /* free_area link */
				struct { /* in use: mapped into processes */
					int _mapcount; /* PTEs mapping it - 1 */
					unsigned long
						_map_pad; /* buddy_list.prev */
				};
			};
			unsigned long private; /* order (free or allocated) */
			unsigned long owner; /* who allocated it, or freed it */
			union {
				struct vm_struct *vm_area; /* PG_vmalloc */
				unsigned long freed_at; /* free: jiffies */
			};
		};
		/*
		 * A page of a file's page cache or on an LRU list
		 * (mm/filemap.c, mm/swap.c): the allocator's words that
		 * an allocated page does not use.  _mapcount stays where
		 * it is (a cached page may be mapped); mapping takes the
		 * word after it (NULL from the allocator: in no cache);
		 * private keeps the order (0) the free checks; index takes
		 * owner's place (the reports say "page cache" instead of
		 * who allocated it); lru takes vm_area's and the last word.
		 */
		struct {
			int __mapcount; /* _mapcount */
			struct address_space *mapping; /* whose cache, or NULL */
			unsigned long __private; /* private: the order, 0 */
			pgoff_t index; /* its offset in mapping, in pages */
			struct list_head lru; /* on an LRU list (PG_lru) */
		};
		struct { /* slab allocator (first page: all; others: marked) */
			struct list_head slab_list; /* partial/full/empty list */
			struct kmem_cache *slab_cache; /* owner (every page) */
			void *freelist; /* first free object, NULL: full */
			unsigned short inuse : 15; /* objects handed out */
			unsigned short frozen : 1; /* a CPU's cpu slab */
			unsigned short objects : 12; /* objects in the slab */
			unsigned short slab_order : 4; /* its buddy order */
			struct page *slab_head; /* first page (every page) */
		};
	};
};

struct file;
struct vm_area_struct;
struct vm_fault;

/*
 * What a mapping does on a fault: anonymous private memory has none
 * (mm/memory.c zero-fills it); a shared anonymous region and a file
 * mapping find their page here.
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma); /* a copy (fork, split) */
	void (*close)(struct vm_area_struct *vma); /* unmapped (never merged) */
	/* The page for vmf->pgoff, referenced, into vmf->page: 0 or -errno. */
	int (*fault)(struct vm_fault *vmf);
	/*
	 * vmf->page is about to be written through a shared mapping: make
	 * it ready (wait for its writeback, mark it dirty): 0 or -errno.
	 * With it, the backing's pages are mapped read-only until written
	 * (Linux's write notification), so every first write is seen.
	 */
	int (*page_mkwrite)(struct vm_fault *vmf);
	/*
	 * Fault-around (Linux's): map the backing's pages of [start, end]
	 * that are ready, with map_page_around(), before a read fault asks
	 * fault() for its one page.  NULL: fault() only.
	 */
	void (*map_pages)(struct vm_fault *vmf, unsigned long start,
			  unsigned long end);
	const char *name; /* for reports and /proc/PID/maps */
};

/*
 * One region of an address space: [vm_start, vm_end), page aligned, with
 * one protection and one backing.  A process's regions never overlap;
 * they are kept sorted in a list (vm_next/vm_prev) and in a red-black
 * tree by address (vm_rb), which find_vma() walks.
 */
struct vm_area_struct {
	unsigned long vm_start; /* first address */
	unsigned long vm_end; /* first address after */
	struct vm_area_struct *vm_next, *vm_prev; /* neighbours, by address */
	struct rb_node vm_rb; /* in mm->mm_rb */
	struct mm_struct *vm_mm; /* the address space it belongs to */
	pgprot_t vm_page_prot; /* the PTE bits of its pages */
	unsigned long vm_flags; /* VM_READ, VM_WRITE, VM_SHARED... (mm.h) */
	const struct vm_operations_struct *vm_ops; /* NULL: private anonymous */
	unsigned long vm_pgoff; /* offset of vm_start in the backing, pages */
	struct file *vm_file; /* the file mapped, or NULL */
	void *vm_private_data; /* the backing's own (a shared region's pages) */
};

/* The counters of mm->rss_stat, as Linux's: a page counts by its kind. */
enum { MM_FILEPAGES, MM_ANONPAGES, MM_SWAPENTS, MM_SHMEMPAGES, NR_MM_COUNTERS };

/*
 * A process's address space: its page directory, whose upper quarter is
 * the kernel's (copied from swapper_pg_dir and kept in step), and its
 * regions.  mm_users counts the tasks that use it (a vfork child and its
 * parent share one); mm_count the references to the struct itself, all
 * the users together being one.
 */
struct mm_struct {
	struct vm_area_struct *mmap; /* the regions, sorted by address */
	struct rb_root mm_rb; /* ... and in a tree */
	struct vm_area_struct *mmap_cache; /* the last find_vma() result */
	pgd_t *pgd; /* the page directory (a lowmem page) */
	int mm_users; /* tasks using it */
	int mm_count; /* references: 1 for all users, + others */
	int map_count; /* regions */
	struct mutex mmap_lock; /* the regions and page tables (Linux: rwsem) */
	spinlock_t page_table_lock; /* the PTEs, and making a page table */
	struct list_head pgd_list; /* in the list the kernel syncs (pgtable.c) */
	unsigned long mmap_base; /* top-down mmap searches start below it */
	unsigned long task_size; /* the end of user space */
	unsigned long total_vm; /* pages mapped */
	unsigned long data_vm, exec_vm, stack_vm; /* ... of each kind */
	unsigned long hiwater_rss; /* the highest rss seen (VmHWM) */
	unsigned long hiwater_vm; /* the highest total_vm (VmPeak) */
	unsigned long locked_vm; /* mlock()ed pages: none, no mlock here */
	unsigned long rss_stat[NR_MM_COUNTERS]; /* pages present, by kind */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long nr_ptes; /* page-table pages */
	unsigned long flags; /* MMF_*: what happened to it */
	struct file *exe_file; /* the program it runs */
};

/* mm_struct.flags */
#define MMF_OOM_VICTIM 25 /* its task was chosen by the OOM killer */

#endif /* _MM_TYPES_H */
