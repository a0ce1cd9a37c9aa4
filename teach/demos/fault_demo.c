// SPDX-License-Identifier: GPL-2.0
/*
 * fault_demo.c - `demo fault`: a real oops, read line by line, and survived.
 *
 * Page 0 is never mapped, so a NULL pointer is a page fault.  The demo
 * first asks the nofault probes (`peek`, `walk`), which answer instead of
 * faulting; then it types `lkdtm ACCESS_NULL`, a command that really
 * dereferences NULL: the CPU faults, the kernel prints Linux's oops report,
 * and the oops ends that command only, as Linux kills the task that oopsed
 * (here: run_protected(), include/panic.h).  The report is explained line
 * by line, the kernel is shown going on (tainted D, for good: the next
 * report must say that this kernel once oopsed), and last the same happens
 * one byte past a vmalloc buffer, where the report names the area and who
 * allocated it.
 *
 * The sections stand alone; the vmalloc buffer of the last is freed by the
 * section itself after the oops, or by `leave` if the oops took more.
 */
#include <demo.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <vmalloc.h>

static char *fd_buf; /* the last section's vmalloc buffer */

static void fd_page0(void)
{
	kprintf("  User space starts at 0 and the kernel never maps page 0, so a\n"
		"  NULL pointer (or a small offset from one) has no page behind it.\n"
		"  The page tables say so:\n");
	demo_type("walk 0");
	kprintf("  peek reads through the kernel's nofault probe (an exception table\n"
		"  entry catches the fault), so it answers instead of oopsing:\n");
	demo_type("peek 0");
}

static void fd_oops(void)
{
	int oopses = oops_count;

	kprintf("  lkdtm ACCESS_NULL reads *(int *)NULL with no probe around it, as a\n"
		"  buggy driver would:\n");
	demo_type("lkdtm ACCESS_NULL");
	kprintf("  %d oops: the report above is Linux's, line for line:\n",
		oops_count - oopses);
	kprintf("  BUG: ... NULL pointer dereference  what was touched (CR2)\n"
		"  #PF: supervisor read access        read or write, kernel or user\n"
		"  #PF: error_code(0x0000)            not-present page (bit 0 clear)\n"
		"  Oops: 0000 [#n]                    the error code, the oops count\n"
		"  EIP: lkdtm_ACCESS_NULL+0x../0x..   the faulting instruction\n"
		"  Code: ... <..> ...                 its bytes, the faulting one in <>\n"
		"  Call Trace:                        who called it\n");
}

static void fd_survived(void)
{
	struct page *page;

	kprintf("  The oops ended the command `lkdtm`, not the kernel: the shell's\n"
		"  run_protected() unwound to the prompt, as Linux kills only the task\n"
		"  that oopsed.  Oopses so far: %d.  Every later report says:\n"
		"  \"%s\".  Linux never clears that: the kernel may have been\n"
		"  left inconsistent, and whoever reads the next report must know.\n",
		oops_count, print_tainted());
	kprintf("  (Linux can panic instead: panic_on_oops=1; the ktest and bench\n"
		"  modes here do, so a broken test ends the run.)\n");
	page = alloc_page(GFP_KERNEL);
	if (page) {
		kprintf("  The memory manager goes on too: alloc_page(GFP_KERNEL) -> pfn %#lx,\n"
			"  and __free_page() gives it back.\n",
			page_to_pfn(page));
		__free_page(page);
	}
}

static void fd_overflow_write(void *arg)
{
	((volatile char *)arg)[0] = 1;
}

static void fd_guard(void)
{
	vfree(fd_buf);
	fd_buf = vmalloc(2 * PAGE_SIZE);
	if (!fd_buf) {
		kprintf("  vmalloc(8192) failed\n");
		return;
	}
	kprintf("  buf = vmalloc(8192) -> %p; buf[8192] = 1 writes one byte past\n"
		"  its end, into the unmapped guard page after it:\n",
		fd_buf);
	if (run_protected("demo fault", fd_overflow_write,
			  fd_buf + 2 * PAGE_SIZE))
		kprintf("  The report names the area, its size and who allocated it: the\n"
			"  guard page turned a silent overwrite of the next area into an\n"
			"  oops at the first byte too far.\n");
	vfree(fd_buf);
	fd_buf = NULL;
}

static void fd_leave(void)
{
	vfree(fd_buf);
	fd_buf = NULL;
}

static const struct demo_section fault_sections[] = {
	{ "Page 0 is never mapped", fd_page0 },
	{ "A NULL dereference in a command: a real oops", fd_oops },
	{ "Survived: the command ended, the kernel goes on", fd_survived },
	{ "One byte past a vmalloc buffer: the guard page", fd_guard },
};
DEMO(fault, "a real oops from a NULL dereference, read and survived",
     fault_sections, fd_leave);
