// SPDX-License-Identifier: GPL-2.0
/*
 * vm_test.c - verifies a process's address space from the inside: what
 * each kind of page fault maps (the zero page, a zeroed highmem page,
 * a file's own page, a private copy), that fork shares pages read-only
 * and the first write copies (or keeps the page when nobody else holds
 * it), that shared memory survives fork, that mprotect and munmap split
 * and merge regions, that device memory is mapped with and without page
 * references, and that page tables live in highmem with HIGHPTE
 * (vm_programs_test.c checks the rest with real programs: the OOM
 * killer, a hundred exits, /proc).
 *
 * Most cases build an address space of their own (mm_alloc()) and work
 * in it from the test's kernel thread (kthread_use_mm(), as Linux's
 * drivers do): their accesses are copy_to_user()/get_user() on its user
 * addresses, so each fault goes through the real fault handler, and the
 * case reads the PTEs and struct pages that result.  Inside that window
 * a case uses EXPECTs only (an ASSERT would leave the address space in
 * use).  The per-case leak checks prove the address space, its page
 * tables and its pages all went back at mmput().  The private file
 * mapping needs the initramfs's /etc/motd (skipped without one).
 */
#include <asm/pgalloc.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <highmem.h>
#include <kbuf.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mman.h>
#include <sched.h>
#include <uaccess.h>
#include <vmalloc.h>
#include <vmstat.h>

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* An address space of the case's own, loaded in this kernel thread. */
static struct mm_struct *vm_enter(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm) {
		ktest_fail(test, "mm_alloc() failed");
		return NULL;
	}
	mm->mmap_base = mmap_base_for(8UL << 20);
	kthread_use_mm(mm);
	return mm;
}

static void vm_leave(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

/* The PTE of addr in mm (0: none, or no page table). */
static pte_t vm_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pte_t *pte, entry;

	if (pgd_none(*pgd))
		return 0;
	pte = pte_offset_map(pgd, addr);
	entry = *pte;
	pte_unmap(pte);
	return entry;
}

static struct page *vm_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t pte = vm_pte(mm, addr);

	return pte_present(pte) ? pfn_to_page(pte_pfn(pte)) : NULL;
}

static int vm_read(unsigned long addr)
{
	char c;

	return get_user(c, (char __user *)addr) ? -EFAULT : c;
}

static int vm_write(unsigned long addr, char c)
{
	return put_user(c, (char __user *)addr) ? -EFAULT : 0;
}

static unsigned long vm_map(unsigned long len, unsigned long prot,
			    unsigned long flags)
{
	return vm_mmap(NULL, 0, len, prot, flags, 0);
}

static void vm_read_fault_maps_the_zero_page_read_only(struct ktest *test)
{
	unsigned long anon = nr_anon_mapped, faults = sum_vm_event(PGFAULT);
	struct mm_struct *mm = vm_enter(test);
	unsigned long addr;
	pte_t pte;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(addr));
	KTEST_EXPECT_EQ(test, vm_pte(mm, addr), 0); /* nothing until touched */
	KTEST_EXPECT_EQ(test, vm_read(addr), 0);
	pte = vm_pte(mm, addr);
	KTEST_EXPECT_EQ(test, pte_pfn(pte), page_to_pfn(ZERO_PAGE(addr)));
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_TRUE(test, pte & _PAGE_USER);
	KTEST_EXPECT_EQ(test, get_mm_rss(mm),
			0); /* the zero page is nobody's */
	KTEST_EXPECT_EQ(test, nr_anon_mapped, anon);
	KTEST_EXPECT_GE(test, sum_vm_event(PGFAULT), faults + 1);
	vm_leave(mm);
}

static void vm_write_fault_maps_a_zeroed_highmem_page(struct ktest *test)
{
	unsigned long anon = nr_anon_mapped;
	struct mm_struct *mm = vm_enter(test);
	unsigned long addr;
	struct page *page;
	char *kaddr;

	if (!mm)
		return;
	addr = vm_map(2 * PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_EQ(test, vm_write(addr + 5, 'x'), 0);
	page = vm_page(mm, addr);
	KTEST_EXPECT_NOT_NULL(test, page);
	if (page) {
		KTEST_EXPECT_TRUE(test, pte_write(vm_pte(mm, addr)));
		KTEST_EXPECT_TRUE(test, PageAnon(page));
		KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
		KTEST_EXPECT_EQ(test, page_count(page), 1);
		/* GFP_HIGHUSER_MOVABLE: highmem first, when there is any. */
		KTEST_EXPECT_EQ(test, PageHighMem(page), totalhigh_pages() > 0);
		kaddr = kmap_local_page(page);
		KTEST_EXPECT_EQ(test, kaddr[5], 'x');
		KTEST_EXPECT_EQ(test, kaddr[4] | kaddr[PAGE_SIZE - 1], 0);
		kunmap_local(kaddr);
	}
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1);
	KTEST_EXPECT_EQ(test, nr_anon_mapped, anon + 1);
	KTEST_EXPECT_EQ(test, vm_pte(mm, addr + PAGE_SIZE), 0); /* untouched */
	vm_leave(mm);
	KTEST_EXPECT_EQ(test, nr_anon_mapped, anon);
}

static void vm_page_tables_are_in_highmem_with_highpte(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	unsigned long addr;
	pgd_t *pgd;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_EQ(test, vm_write(addr, 1), 0);
	pgd = pgd_offset(mm, addr);
	KTEST_EXPECT_FALSE(test, pgd_none(*pgd));
	if (!pgd_none(*pgd)) {
		struct page *table = pgd_page(*pgd);

		KTEST_EXPECT_TRUE(test, PageTable(table));
		KTEST_EXPECT_EQ(test, PageHighMem(table),
				highpte_enabled && totalhigh_pages() > 0);
	}
	KTEST_EXPECT_EQ(test, mm->nr_ptes, 1);
	/* munmap gives back the page table nothing else needs. */
	KTEST_EXPECT_EQ(test, vm_munmap(addr, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->nr_ptes, 0);
	vm_leave(mm);
}

static void vm_write_after_read_replaces_the_zero_page(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	int zero_count = page_count(ZERO_PAGE(0));
	unsigned long addr;
	struct page *page;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_EQ(test, vm_read(addr), 0);
	KTEST_EXPECT_EQ(test, vm_write(addr, 7), 0);
	page = vm_page(mm, addr);
	KTEST_EXPECT_PTR_NE(test, page, ZERO_PAGE(0));
	KTEST_EXPECT_TRUE(test, page && PageAnon(page));
	KTEST_EXPECT_EQ(test, vm_read(addr), 7);
	KTEST_EXPECT_EQ(test, page_count(ZERO_PAGE(0)), zero_count);
	vm_leave(mm);
}

/* Read byte addr of another address space than the loaded one. */
static int vm_read_in(struct mm_struct *now, struct mm_struct *other,
		      unsigned long addr)
{
	int c;

	kthread_unuse_mm(now);
	kthread_use_mm(other);
	c = vm_read(addr);
	kthread_unuse_mm(other);
	kthread_use_mm(now);
	return c;
}

static void vm_fork_shares_pages_then_copies_on_write(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test), *child;
	struct page *page, *copy;
	unsigned long addr;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_EQ(test, vm_write(addr, 'p'), 0);
	page = vm_page(mm, addr);
	child = dup_mm(mm);
	KTEST_EXPECT_NOT_NULL(test, child);
	if (child && page) {
		/* Shared, read-only on both sides, counted twice. */
		KTEST_EXPECT_PTR_EQ(test, vm_page(child, addr), page);
		KTEST_EXPECT_FALSE(test, pte_write(vm_pte(mm, addr)));
		KTEST_EXPECT_FALSE(test, pte_write(vm_pte(child, addr)));
		KTEST_EXPECT_EQ(test, page_mapcount(page), 2);
		KTEST_EXPECT_EQ(test, page_count(page), 2);
		KTEST_EXPECT_EQ(test, get_mm_counter(child, MM_ANONPAGES), 1);
		/* The parent writes: a copy for it, the child keeps the page. */
		KTEST_EXPECT_EQ(test, vm_write(addr, 'P'), 0);
		copy = vm_page(mm, addr);
		KTEST_EXPECT_PTR_NE(test, copy, page);
		KTEST_EXPECT_PTR_EQ(test, vm_page(child, addr), page);
		KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
		KTEST_EXPECT_EQ(test, page_count(page), 1);
		KTEST_EXPECT_EQ(test, vm_read(addr), 'P');
		KTEST_EXPECT_EQ(test, vm_read_in(mm, child, addr), 'p');
		/* The child's write finds the page its alone: no copy. */
		kthread_unuse_mm(mm);
		kthread_use_mm(child);
		KTEST_EXPECT_EQ(test, vm_write(addr, 'c'), 0);
		KTEST_EXPECT_PTR_EQ(test, vm_page(child, addr), page);
		KTEST_EXPECT_TRUE(test, pte_write(vm_pte(child, addr)));
		kthread_unuse_mm(child);
		kthread_use_mm(mm);
		KTEST_EXPECT_EQ(test, vm_read(addr), 'P');
	}
	if (child)
		mmput(child);
	vm_leave(mm);
}

static void vm_cow_keeps_the_page_once_the_child_is_gone(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test), *child;
	unsigned long addr;
	struct page *page;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_EQ(test, vm_write(addr, 1), 0);
	page = vm_page(mm, addr);
	child = dup_mm(mm);
	KTEST_EXPECT_NOT_NULL(test, child);
	if (child)
		mmput(child); /* the child exits before anyone writes */
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	KTEST_EXPECT_FALSE(test, pte_write(vm_pte(mm, addr)));
	KTEST_EXPECT_EQ(test, vm_write(addr, 2), 0);
	KTEST_EXPECT_PTR_EQ(test, vm_page(mm, addr), page); /* reused */
	KTEST_EXPECT_TRUE(test, pte_write(vm_pte(mm, addr)));
	vm_leave(mm);
}

static void vm_shared_memory_survives_fork(struct ktest *test)
{
	unsigned long shmem = nr_shmem_pages;
	struct mm_struct *mm = vm_enter(test), *child;
	unsigned long addr;

	if (!mm)
		return;
	addr = vm_map(PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS);
	KTEST_EXPECT_EQ(test, vm_write(addr, 's'), 0);
	KTEST_EXPECT_TRUE(test, pte_write(vm_pte(mm, addr)));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 1);
	KTEST_EXPECT_EQ(test, nr_shmem_pages, shmem + 1);
	child = dup_mm(mm);
	KTEST_EXPECT_NOT_NULL(test, child);
	if (child) {
		struct page *page = vm_page(mm, addr);

		/* Not copied: the child finds the page when it faults. */
		KTEST_EXPECT_EQ(test, vm_pte(child, addr), 0);
		kthread_unuse_mm(mm);
		kthread_use_mm(child);
		KTEST_EXPECT_EQ(test, vm_read(addr), 's');
		KTEST_EXPECT_EQ(test, vm_write(addr, 'c'), 0);
		KTEST_EXPECT_PTR_EQ(test, vm_page(child, addr), page);
		kthread_unuse_mm(child);
		kthread_use_mm(mm);
		KTEST_EXPECT_EQ(test, vm_read(addr), 'c');
		mmput(child);
	}
	vm_leave(mm);
	KTEST_EXPECT_EQ(test, nr_shmem_pages, shmem);
}

static void
vm_private_file_mapping_maps_the_file_then_copies(struct ktest *test)
{
	unsigned long mapped = nr_file_mapped;
	struct file *file = filp_open("/etc/motd", O_RDONLY, 0);
	struct mm_struct *mm;
	struct page *fpage, *page;
	unsigned long addr;

	if (IS_ERR(file))
		ktest_skip(test, "needs the initramfs (/etc/motd)");
	fpage = file->f_inode->i_pages[0];
	mm = vm_enter(test);
	if (!mm) {
		fput(file);
		return;
	}
	addr = vm_mmap(file, 0, PAGE_SIZE, RW, MAP_PRIVATE, 0);
	KTEST_EXPECT_EQ(test, vm_read(addr), 'k'); /* "kmem386: ..." */
	KTEST_EXPECT_PTR_EQ(test, vm_page(mm, addr), fpage); /* its own page */
	KTEST_EXPECT_FALSE(test, pte_write(vm_pte(mm, addr)));
	KTEST_EXPECT_FALSE(test, PageAnon(fpage));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 1);
	KTEST_EXPECT_EQ(test, nr_file_mapped, mapped + 1);
	KTEST_EXPECT_EQ(test, vm_write(addr, 'K'), 0);
	page = vm_page(mm, addr);
	KTEST_EXPECT_PTR_NE(test, page, fpage); /* a private copy */
	KTEST_EXPECT_TRUE(test, page && PageAnon(page));
	KTEST_EXPECT_EQ(test, vm_read(addr + 1), 'm'); /* copied from it */
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 0);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1);
	KTEST_EXPECT_EQ(test, nr_file_mapped, mapped);
	vm_leave(mm);
	fput(file);
}

static void vm_bad_accesses_are_efault(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	unsigned long addr;

	if (!mm)
		return;
	addr = vm_map(2 * PAGE_SIZE, PROT_READ, ANON);
	KTEST_EXPECT_EQ(test, vm_read(addr), 0);
	KTEST_EXPECT_EQ(test, vm_write(addr, 1), -EFAULT); /* read-only */
	KTEST_EXPECT_EQ(test, vm_read(addr + 2 * PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(test, do_mprotect(addr, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(test, vm_read(addr), -EFAULT); /* PROT_NONE */
	KTEST_EXPECT_EQ(test, vm_read(addr + PAGE_SIZE), 0);
	vm_leave(mm);
}

static void vm_stack_region_grows_down(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	unsigned long top = 0x40000000, addr;
	struct vm_area_struct *vma;

	if (!mm)
		return;
	addr = vm_mmap(NULL, top - PAGE_SIZE, PAGE_SIZE, RW,
		       ANON | MAP_FIXED | MAP_GROWSDOWN, 0);
	KTEST_EXPECT_EQ(test, addr, top - PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vm_write(top - 3 * PAGE_SIZE, 1), 0);
	vma = find_vma(mm, top - PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vma ? vma->vm_start : 0, top - 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->stack_vm, 3);
	vm_leave(mm);
}

static void vm_regions_split_and_merge(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	unsigned long a, b;

	if (!mm)
		return;
	a = vm_map(2 * PAGE_SIZE, RW, ANON);
	b = vm_mmap(NULL, a + 2 * PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED,
		    0);
	KTEST_EXPECT_EQ(test, b, a + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->map_count, 1); /* b joined a */
	KTEST_EXPECT_EQ(test, do_mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_READ),
			0);
	KTEST_EXPECT_EQ(test, mm->map_count, 3);
	KTEST_EXPECT_EQ(test, do_mprotect(a + PAGE_SIZE, PAGE_SIZE, RW), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, vm_munmap(a + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 2);
	KTEST_EXPECT_EQ(test, mm->total_vm, 2);
	vm_mmap(NULL, a + PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED, 0);
	KTEST_EXPECT_EQ(test, mm->map_count, 1); /* the hole filled: one */
	KTEST_EXPECT_EQ(test, mm->total_vm, 3);
	vm_leave(mm);
}

/* Map /dev/NAME over 4 pages, shared: its address, or an error value. */
static unsigned long vm_map_dev(const char *path, struct file **filep)
{
	struct file *file = filp_open(path, O_RDWR, 0);

	*filep = file;
	if (IS_ERR(file))
		return (unsigned long)PTR_ERR(file);
	return vm_mmap(file, 0, KBUF_SIZE, RW, MAP_SHARED, 0);
}

static void vm_remap_pfn_range_maps_frames_uncounted(struct ktest *test)
{
	struct mm_struct *mm = vm_enter(test);
	struct kbuf_info *kb;
	struct file *file;
	unsigned long addr;

	if (!mm)
		return;
	addr = vm_map_dev("/dev/kbuf", &file);
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(addr));
	kb = kbuf_get(KBUF_KMALLOC);
	if (!IS_ERR_VALUE(addr) && kb->buf) {
		unsigned long pfn = __pa(kb->buf) >> PAGE_SHIFT;
		int count = page_count(pfn_to_page(pfn));

		/* Every PTE there at once, the buffer's frames in order. */
		for (int i = 0; i < 4; i++)
			KTEST_EXPECT_EQ(
				test, pte_pfn(vm_pte(mm, addr + i * PAGE_SIZE)),
				pfn + i);
		KTEST_EXPECT_TRUE(test,
				  find_vma(mm, addr)->vm_flags & VM_PFNMAP);
		KTEST_EXPECT_EQ(test, get_mm_rss(mm), 0);
		KTEST_EXPECT_EQ(test, vm_write(addr + PAGE_SIZE + 3, 'k'), 0);
		KTEST_EXPECT_EQ(test, kb->buf[PAGE_SIZE + 3], 'k');
		kb->buf[9] = 'K';
		KTEST_EXPECT_EQ(test, vm_read(addr + 9), 'K');
		vm_munmap(addr, KBUF_SIZE);
		KTEST_EXPECT_EQ(test, page_count(pfn_to_page(pfn)), count);
	}
	if (!IS_ERR(file))
		fput(file);
	vm_leave(mm);
}

static void vm_remap_vmalloc_range_counts_each_page(struct ktest *test)
{
	unsigned long mapped = nr_file_mapped;
	struct mm_struct *mm = vm_enter(test);
	struct kbuf_info *kb;
	struct page *page;
	struct file *file;
	unsigned long addr;

	if (!mm)
		return;
	addr = vm_map_dev("/dev/vbuf", &file);
	KTEST_EXPECT_FALSE(test, IS_ERR_VALUE(addr));
	kb = kbuf_get(KBUF_VMALLOC);
	if (!IS_ERR_VALUE(addr) && kb->buf) {
		page = vmalloc_to_page(kb->buf + 2 * PAGE_SIZE);
		KTEST_EXPECT_PTR_EQ(test, vm_page(mm, addr + 2 * PAGE_SIZE),
				    page);
		KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
		KTEST_EXPECT_EQ(test, page_count(page),
				2); /* vmalloc's, ours */
		KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 4);
		KTEST_EXPECT_EQ(test, nr_file_mapped, mapped + 4);
		KTEST_EXPECT_EQ(test, vm_write(addr + 2 * PAGE_SIZE, 'v'), 0);
		KTEST_EXPECT_EQ(test, kb->buf[2 * PAGE_SIZE], 'v');
		vm_munmap(addr, KBUF_SIZE);
		KTEST_EXPECT_EQ(test, page_count(page), 1);
		KTEST_EXPECT_FALSE(test, page_mapped(page));
		KTEST_EXPECT_EQ(test, nr_file_mapped, mapped);
	}
	if (!IS_ERR(file))
		fput(file);
	vm_leave(mm);
}

static const struct ktest_case vm_cases[] = {
	KTEST_CASE(vm_read_fault_maps_the_zero_page_read_only),
	KTEST_CASE(vm_write_fault_maps_a_zeroed_highmem_page),
	KTEST_CASE(vm_page_tables_are_in_highmem_with_highpte),
	KTEST_CASE(vm_write_after_read_replaces_the_zero_page),
	KTEST_CASE(vm_fork_shares_pages_then_copies_on_write),
	KTEST_CASE(vm_cow_keeps_the_page_once_the_child_is_gone),
	KTEST_CASE(vm_shared_memory_survives_fork),
	KTEST_CASE(vm_private_file_mapping_maps_the_file_then_copies),
	KTEST_CASE(vm_bad_accesses_are_efault),
	KTEST_CASE(vm_stack_region_grows_down),
	KTEST_CASE(vm_regions_split_and_merge),
	KTEST_CASE(vm_remap_pfn_range_maps_frames_uncounted),
	KTEST_CASE(vm_remap_vmalloc_range_counts_each_page),
	{}
};

KTEST_SUITE(vm, vm_cases);
