// SPDX-License-Identifier: GPL-2.0
/*
 * pgtable.c - page directories and page tables of processes.
 *
 * Every process has its own page directory.  Its lower 768 entries
 * (user space, below PAGE_OFFSET) are its own; the upper 256 (the
 * kernel's gigabyte) are copied from swapper_pg_dir when it is made, so
 * the kernel is mapped the same in every address space and a system call
 * or an interrupt needs no switch of CR3.  The kernel's page tables are
 * shared, not copied: only the 256 directory entries are.  When the
 * kernel later adds a page table to swapper_pg_dir (a vmalloc area in a
 * new 4 MB range: pte_alloc_kernel()), the new entry is copied into
 * every page directory on pgd_list at once (sync_global_pgds), as i386
 * Linux does with its own pgd_list; otherwise a task's kernel stack, which
 * comes from vmalloc, could be missing from another process's directory.
 *
 * A user page table is one page, from highmem when there is highmem
 * (Debian's CONFIG_HIGHPTE: at 2 GB, 1 GB of user page tables could
 * otherwise fill lowmem, and lowmem is what the kernel itself lives on);
 * `nohighpte` keeps them in lowmem, as Linux's `userpte=nohigh`.  Only
 * the page directory must be lowmem: CR3 and the kernel's quarter of it
 * are reached through the direct map.  The PTEs are reached through
 * pte_offset_map() (asm/pgalloc.h), a kmap_local of the table's page.
 * Making a table may sleep, so it is allocated first and installed under
 * the address space's page_table_lock, unless someone else installed one
 * meanwhile (then it is freed again), as Linux's __pte_alloc().
 *
 * vm_get_page_prot() is the protection map: what a region's vm_flags
 * become in its PTEs.  A private writable region's pages are mapped
 * read-only until written (the write fault makes them writable, or copies
 * a page that is shared): copy-on-write's protection, as Linux's
 * protection_map[].  PROT_NONE keeps the page but not the present bit.
 */
#include <asm/mmu_context.h>
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <kernel.h>
#include <list.h>
#include <mm.h>
#include <percpu.h>
#include <spinlock.h>
#include <string.h>
#include <errno.h>
#include <params.h>

#define KERNEL_PGD_BOUNDARY (PAGE_OFFSET >> PGDIR_SHIFT) /* 768 */
#define KERNEL_PGD_PTRS (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY)

/* The page directory in each CPU's CR3 (asm/mmu_context.h); 0: unknown. */
DEFINE_PER_CPU(unsigned long, cpu_loaded_cr3);

bool highpte_enabled = true;
/*
 * Processes' page tables (/proc/meminfo's PageTables adds them to the
 * kernel's, which the zones count: those are never freed, these are).
 */
unsigned long nr_user_pgtables;

static int __init parse_nohighpte(char *arg)
{
	highpte_enabled = false;
	return 0;
}
early_param("nohighpte", parse_nohighpte);

static LIST_HEAD(pgd_list);
static DEFINE_SPINLOCK(pgd_lock);

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)__get_free_page(GFP_KERNEL);
	unsigned long flags;

	if (!pgd)
		return NULL;
	memset(pgd, 0, KERNEL_PGD_BOUNDARY * sizeof(pgd_t));
	spin_lock_irqsave(&pgd_lock, flags);
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       KERNEL_PGD_PTRS * sizeof(pgd_t));
	list_add(&mm->pgd_list, &pgd_list);
	spin_unlock_irqrestore(&pgd_lock, flags);
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	unsigned long flags;

	spin_lock_irqsave(&pgd_lock, flags);
	list_del_init(&mm->pgd_list);
	spin_unlock_irqrestore(&pgd_lock, flags);
	free_page((unsigned long)pgd);
}

void sync_global_pgds(unsigned long addr)
{
	unsigned long idx = pgd_index(addr), flags;
	struct mm_struct *mm;

	spin_lock_irqsave(&pgd_lock, flags);
	list_for_each_entry(mm, &pgd_list, pgd_list)
		set_pgd(&mm->pgd[idx], swapper_pg_dir[idx]);
	spin_unlock_irqrestore(&pgd_lock, flags);
}

int __pte_alloc(struct mm_struct *mm, pgd_t *pgd)
{
	gfp_t gfp = GFP_KERNEL | GFP_ZERO | (highpte_enabled ? GFP_HIGHMEM : 0);
	struct page *page = alloc_page(gfp);

	if (!page)
		return -ENOMEM;
	SetPageTable(page);
	spin_lock(&mm->page_table_lock);
	if (pgd_none(*pgd)) {
		__atomic_add_fetch(&nr_user_pgtables, 1, __ATOMIC_RELAXED);
		mm->nr_ptes++;
		set_pgd(pgd, page_to_phys(page) | _PAGE_TABLE);
		page = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (page) { /* another made it first */
		ClearPageTable(page);
		__free_page(page);
	}
	return 0;
}

void pte_free(struct mm_struct *mm, pgd_t *pgd)
{
	struct page *page = pgd_page(*pgd);

	set_pgd(pgd, 0);
	ClearPageTable(page);
	__atomic_sub_fetch(&nr_user_pgtables, 1, __ATOMIC_RELAXED);
	mm->nr_ptes--;
	__free_page(page);
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return __PAGE_NONE;
	if ((vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))
		return __PAGE_USER_RW;
	return __PAGE_USER_RO; /* private writable: copy-on-write */
}
