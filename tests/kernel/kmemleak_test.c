// SPDX-License-Identifier: GPL-2.0
/*
 * kmemleak_test.c - verifies that kmemleak (kmemleak=on, mm/kmemleak.c)
 * finds a kmalloc object and a vmalloc area that nothing points to, and
 * reports each in Linux's format (its address and size, the command, a
 * hex dump, who allocated it); that it follows pointers through live
 * objects and into them (a pointer to the middle keeps an object alive);
 * and that after every suite before it, nothing else is a suspect.  The
 * planted pointers are kept XORed with a mask, where no scan sees them,
 * and freed at the end of each case.  The roots are every CPU's: a
 * pointer kept only in another CPU's per-CPU data, or only in a live frame
 * on another CPU's stack, keeps an object alive, and the same pointer in
 * that stack's dead frames does not.  A leak is planted only where no
 * root holds its address already (a stale word would hide it: the scan
 * is conservative), and a failure says where a root still holds it.
 * Without kmemleak=on every case skips; the cases on another CPU's stack
 * need a second CPU.
 */
#include <errno.h>
#include <kernel.h>
#include <kmemleak.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <timer.h>
#include <vmalloc.h>

#include "smp_test_helpers.h"

#define HIDE 0xa5a5a5a5UL /* a hidden pointer is p ^ HIDE: no pointer */

static char report[4096]; /* /proc/kmemleak, read back */
static void *volatile kept; /* a pointer the scan does see (in .bss) */

static void need_kmemleak(struct ktest *test)
{
	if (!kmemleak_requested)
		ktest_skip(test, "boot with kmemleak=on to check");
}

static void read_report(void)
{
	proc_read("kmemleak", report, sizeof(report));
}

/*
 * The planted pointers live in the tests' frames only XORed with HIDE, and
 * are revealed only inside these helpers, out of line: a copy in the
 * test's own frame (the scan reads the live stack) would keep them alive.
 * A helper's callees leave the pointer in their frames too (a register
 * they saved, a spilled local), dead once they return; but the frames of
 * the next calls at that depth, kmemleak_scan()'s own among them, are
 * live during a scan and need not write every slot they span, so the
 * helper zeroes the stack below itself before it returns.  (The likely
 * case: kmemleak_is_suspect() keeps the pointer in %esi, which the
 * functions of its contended-lock path save in their frames, at the depth
 * of kmemleak_scan()'s frame; about once in ten boots at -smp 2 a cleared
 * root's object stayed referenced while no root the test could search
 * held its address.)
 */
static noinline void scrub_stack_below(void)
{
	unsigned long junk[256];

	memset(junk, 0, sizeof(junk));
	__asm__ __volatile__("" : : "r"(junk) : "memory");
}

static noinline unsigned long plant_kmalloc_leak(size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (p)
		memset(p, 0x6c, size);
	scrub_stack_below(); /* also a call: the backtrace names this function */
	return (unsigned long)p ^ HIDE;
}

static noinline bool suspect(unsigned long hidden)
{
	bool ret = kmemleak_is_suspect((void *)(hidden ^ HIDE));

	scrub_stack_below();
	return ret;
}

/* "unreferenced object 0x... (size N):" of a hidden pointer. */
static noinline void object_line(char *line, size_t size, unsigned long hidden,
				 size_t bytes)
{
	snprintf(line, size,
		 "unreferenced object 0x%08lx (size %zu):", hidden ^ HIDE,
		 bytes);
}

static noinline void kfree_hidden(unsigned long hidden)
{
	kfree((void *)(hidden ^ HIDE));
}

/*
 * vmalloc gives the lowest free addresses, which the vmalloc tests before
 * used and may still hold in their statics (a conservative scan counts
 * those stale words): plant above a 16 MB placeholder (one page, vmapped
 * 4096 times: no memory), which goes again at once.
 */
static noinline unsigned long plant_vmalloc_leak(size_t size)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct page **pages = kmalloc_array(4096, sizeof(*pages), GFP_KERNEL);
	void *placeholder = NULL, *p;

	if (page && pages) {
		for (int i = 0; i < 4096; i++)
			pages[i] = page;
		placeholder = vmap(pages, 4096, 0, PAGE_KERNEL);
	}
	p = vmalloc(size);
	if (placeholder)
		vunmap(placeholder);
	kfree(pages);
	if (page)
		__free_page(page);
	scrub_stack_below();
	return (unsigned long)p ^ HIDE;
}

static noinline void vfree_hidden(unsigned long hidden)
{
	vfree((void *)(hidden ^ HIDE));
}

extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
extern char boot_stack_guard[], boot_stack_top[];

/*
 * Where the roots hold a hidden pointer, as words, as a scan would see it:
 * the kernel's data and bss, every CPU's per-CPU area, the live part of
 * every task's stack (the current task's from `sp`, or from the search's
 * own frame; a sleeping one's from where it was switched out; all of one
 * running elsewhere); each place said on the console if `say`.
 */
struct root_search {
	unsigned long hidden;
	const void *sp; /* where the current task's live stack starts */
	bool say;
	int found;
};

static noinline void search_block(struct root_search *rs, const char *what,
				  const void *start, const void *end)
{
	const unsigned long *p = start;

	for (; (const void *)(p + 1) <= end; p++) {
		if ((*p ^ HIDE) != rs->hidden)
			continue;
		rs->found++;
		if (rs->say)
			pr_info("kmemleak_test: the object's address is at %p, %s\n",
				p, what);
	}
}

static noinline void search_stack(struct root_search *rs,
				  const struct task_struct *p)
{
	const char *top = (const char *)p->stack + p->stack_size;
	const char *live = p->stack;
	const char *part = "the stack";
	char what[64];

	if (p == current ||
	    (!p->on_cpu && p->thread.sp >= (unsigned long)p->stack)) {
		live = p == current ? rs->sp : (const char *)p->thread.sp;
		part = "the live stack";
	}
	if (live < (const char *)p->stack || live >= top)
		live = p->stack;
	snprintf(what, sizeof(what), "in %s of %d (%s)", part, p->pid, p->comm);
	search_block(rs, what, live, top);
}

static noinline int search_roots(struct root_search *rs)
{
	size_t unit =
		(size_t)(__per_cpu_end - __per_cpu_start) + pcpu_dynamic_size();
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;

	rs->found = 0;
	if (!rs->sp) /* the caller's frames are live: from this one up */
		rs->sp = __builtin_frame_address(0);
	search_block(rs, "in .data", _sdata, _edata);
	search_block(rs, "in .bss", __bss_start, boot_stack_guard);
	search_block(rs, "in .bss", boot_stack_top, __bss_stop);
	for_each_possible_cpu(cpu) {
		char *area = __per_cpu_start + per_cpu_offset(cpu);

		search_block(rs, "in a per-CPU area", area, area + unit);
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_online_cpu(cpu)
		search_stack(rs, idle_task((int)cpu));
	for_each_process(p)
		search_stack(rs, p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return rs->found;
}

/*
 * The objects passed over for a planted leak because a root held their
 * address already: a stale word, in a sleeping task's frame or a static,
 * left by whoever had an object there before, which would keep the leak
 * alive (kmemleak is conservative: it may miss a leak, never invent one).
 * They are not leaks (kmemleak_not_leak()), so the next one is elsewhere,
 * and are freed at the end of the case.
 */
static struct {
	unsigned long hidden[8];
	void (*free)(unsigned long hidden);
	int nr;
} passed_over;

static noinline void not_leak_hidden(unsigned long hidden)
{
	kmemleak_not_leak((void *)(hidden ^ HIDE));
	scrub_stack_below();
}

/*
 * A leak planted by plant() at an address no root holds: the current
 * task's stack is live from `sp` (NULL: from the search's caller up).
 */
static noinline unsigned long plant_unseen(unsigned long (*plant)(size_t),
					   void (*free)(unsigned long),
					   size_t size, const void *sp)
{
	struct root_search rs = { .sp = sp };

	passed_over.free = free;
	for (;;) {
		rs.hidden = plant(size);
		if (rs.hidden == HIDE ||
		    passed_over.nr == ARRAY_SIZE(passed_over.hidden) ||
		    !search_roots(&rs))
			return rs.hidden;
		not_leak_hidden(rs.hidden);
		passed_over.hidden[passed_over.nr++] = rs.hidden;
	}
}

static void free_passed_over(void)
{
	if (passed_over.nr)
		pr_info("kmemleak_test: %d addresses passed over: a root held each already\n",
			passed_over.nr);
	while (passed_over.nr)
		passed_over.free(passed_over.hidden[--passed_over.nr]);
}

/* kmemleak's own account of what still references the object. */
static noinline int why_hidden(unsigned long hidden, unsigned long *words,
			       int max)
{
	int n = kmemleak_why((void *)(hidden ^ HIDE), words, max);

	scrub_stack_below();
	return n;
}

/*
 * Scan until the object is a suspect, five times at most, and say where
 * a root still holds it if it never is; the new leaks all those scans
 * reported.  Once its last reference is gone, a copy of the address can
 * linger a moment where a scan rightly looks (a CPU's registers saved by
 * an interrupt, a task switched out meanwhile), so the scan is asked
 * again, as Linux's kmemleak waits for a few scans before it reports; a
 * scan that read a dead frame or a cleared root would keep the object
 * referenced every time, and fail.
 */
static noinline int scan_until_suspect(unsigned long hidden)
{
	struct root_search rs = { .hidden = hidden, .say = true };
	int found = 0;

	for (int tries = 0; tries < 5 && !suspect(hidden); tries++) {
		int ret;

		if (tries)
			msleep(20);
		ret = kmemleak_scan();
		if (ret > 0)
			found += ret;
	}
	if (!suspect(hidden))
		search_roots(&rs);
	return found;
}

/*
 * Its only root cleared, is the object a suspect within a few scans
 * (*found: the new leaks they reported)?  If a word elsewhere still points
 * to it (a stale copy: a conservative scan may miss a leak, never invent
 * one), kmemleak says where: the cleared root must not be among those
 * places, and the object is passed over (false) for the case to try
 * again with another.
 */
static noinline bool suspect_once_root_gone(struct ktest *test,
					    unsigned long hidden,
					    const void *root, int *found)
{
	unsigned long words[4];
	int n;

	*found = scan_until_suspect(hidden);
	if (suspect(hidden))
		return true;
	n = why_hidden(hidden, words, ARRAY_SIZE(words));
	if (n == 0 && suspect(hidden)) {
		(*found)++; /* that scan (a scan as any) found it at last */
		return true;
	}
	KTEST_EXPECT_GT(test, n, 0);
	for (int i = 0; i < min(n, (int)ARRAY_SIZE(words)); i++)
		KTEST_EXPECT_NE(test, words[i], (unsigned long)root);
	not_leak_hidden(hidden);
	if (passed_over.nr < (int)ARRAY_SIZE(passed_over.hidden))
		passed_over.hidden[passed_over.nr++] = hidden;
	return false;
}

static void kmemleak_no_suspect_after_the_suites_before(struct ktest *test)
{
	need_kmemleak(test);
	kmemleak_clear(); /* what the lecturer planted is not the tests' */
	KTEST_EXPECT_EQ(test, kmemleak_scan(), 0);
	read_report();
	KTEST_EXPECT_NULL(test, strstr(report, "unreferenced object"));
}

static void kmemleak_finds_a_planted_kmalloc_leak(struct ktest *test)
{
	unsigned long hidden;
	char line[64];

	need_kmemleak(test);
	hidden = plant_unseen(plant_kmalloc_leak, kfree_hidden, 100, NULL);
	KTEST_ASSERT_NE(test, hidden, HIDE);
	KTEST_EXPECT_GE(test, scan_until_suspect(hidden), 1);
	KTEST_EXPECT_TRUE(test, suspect(hidden));
	read_report();
	object_line(line, sizeof(line), hidden, 128);
	KTEST_EXPECT_NOT_NULL(test, strstr(report, line));
	snprintf(line, sizeof(line), "comm \"%.15s\", pid %d, jiffies ",
		 "kmemleak_finds_a_planted_kmalloc_leak", current->pid);
	KTEST_EXPECT_NOT_NULL(test, strstr(report, line));
	KTEST_EXPECT_NOT_NULL(test,
			      strstr(report, "hex dump (first 32 bytes):"));
	KTEST_EXPECT_NOT_NULL(test, strstr(report, "6c 6c 6c 6c"));
	KTEST_EXPECT_NOT_NULL(test, strstr(report, "backtrace:"));
	KTEST_EXPECT_NOT_NULL(test, strstr(report, "] plant_kmalloc_leak"));
	/* Reported once: the next scan has nothing new. */
	KTEST_EXPECT_EQ(test, kmemleak_scan(), 0);
	kfree_hidden(hidden);
	free_passed_over();
	read_report();
	KTEST_EXPECT_NULL(test, strstr(report, line));
}

static void kmemleak_finds_a_planted_vmalloc_leak(struct ktest *test)
{
	unsigned long hidden;
	char line[64];

	need_kmemleak(test);
	hidden = plant_unseen(plant_vmalloc_leak, vfree_hidden, 3 * PAGE_SIZE,
			      NULL);
	KTEST_ASSERT_NE(test, hidden, HIDE);
	KTEST_EXPECT_GE(test, scan_until_suspect(hidden), 1);
	KTEST_EXPECT_TRUE(test, suspect(hidden));
	read_report();
	object_line(line, sizeof(line), hidden, 3 * PAGE_SIZE);
	KTEST_EXPECT_NOT_NULL(test, strstr(report, line));
	KTEST_EXPECT_NOT_NULL(test, strstr(report, "] plant_vmalloc_leak"));
	vfree_hidden(hidden);
	free_passed_over();
}

/*
 * b is reached through a, a through a pointer into its middle, kept in
 * .bss.  Out of line, so that no copy of either stays in the test's frame.
 */
static noinline void link_a_to_b(unsigned long a_hidden, unsigned long b_hidden)
{
	void **a = (void **)(a_hidden ^ HIDE);

	a[3] = (void *)(b_hidden ^ HIDE);
	kept = (char *)a + 10;
	barrier();
}

static void kmemleak_follows_pointers_through_objects(struct ktest *test)
{
	unsigned long a_hidden, b_hidden;

	need_kmemleak(test);
	a_hidden = plant_unseen(plant_kmalloc_leak, kfree_hidden, 64, NULL);
	b_hidden = plant_unseen(plant_kmalloc_leak, kfree_hidden, 64, NULL);
	KTEST_ASSERT_NE(test, a_hidden, HIDE);
	KTEST_ASSERT_NE(test, b_hidden, HIDE);
	link_a_to_b(a_hidden, b_hidden);
	KTEST_EXPECT_EQ(test, kmemleak_scan(), 0);
	KTEST_EXPECT_FALSE(test, suspect(a_hidden));
	KTEST_EXPECT_FALSE(test, suspect(b_hidden));
	/* Nothing points to a any more: both are lost. */
	kept = NULL;
	KTEST_EXPECT_EQ(test, scan_until_suspect(a_hidden), 2);
	KTEST_EXPECT_TRUE(test, suspect(a_hidden));
	KTEST_EXPECT_TRUE(test, suspect(b_hidden));
	kfree_hidden(b_hidden);
	kfree_hidden(a_hidden);
	free_passed_over();
}

static DEFINE_PER_CPU(void *, percpu_kept); /* a root on each CPU */

static noinline void keep_in_percpu(unsigned int cpu, unsigned long hidden)
{
	per_cpu(percpu_kept, cpu) = (void *)(hidden ^ HIDE);
	barrier();
}

static void kmemleak_scans_every_cpus_percpu_area(struct ktest *test)
{
	unsigned int cpu = nr_cpu_ids - 1; /* the last CPU's area */
	unsigned long hidden = HIDE;
	bool gone = false;
	int found = 0;

	need_kmemleak(test);
	for (int tries = 0; tries < 3 && !gone; tries++) {
		hidden = plant_unseen(plant_kmalloc_leak, kfree_hidden, 96,
				      NULL);
		KTEST_ASSERT_NE(test, hidden, HIDE);
		keep_in_percpu(cpu, hidden);
		KTEST_EXPECT_EQ(test, kmemleak_scan(), 0);
		KTEST_EXPECT_FALSE(test, suspect(hidden));
		per_cpu(percpu_kept, cpu) = NULL;
		gone = suspect_once_root_gone(
			test, hidden, &per_cpu(percpu_kept, cpu), &found);
	}
	KTEST_EXPECT_TRUE(test, gone);
	if (gone) {
		KTEST_EXPECT_EQ(test, found, 1);
		kfree_hidden(hidden);
	}
	free_passed_over();
}

/* What a scan found while another CPU held a pointer in a live frame. */
struct stack_scan {
	unsigned int scanner; /* the CPU that scans */
	unsigned long hidden; /* the object, planted by the other CPU */
	const void *root; /* the word of that CPU's stack that held it */
	int scan; /* kmemleak_scan()'s answer then */
	bool suspect; /* ... and whether the object was a suspect */
};

static int scan_now(void *arg)
{
	struct stack_scan *ss = arg;

	ss->scan = kmemleak_scan();
	ss->suspect = suspect(ss->hidden);
	return 0;
}

/*
 * On the other CPU: the only copy of the pointer in this frame's bottom
 * word, a frame deep enough that once it returns no interrupt frame of the
 * idle loop reaches it; the scanner runs meanwhile, from its wait loop.
 */
static noinline int hold_on_stack(void *arg)
{
	struct stack_scan *ss = arg;
	unsigned long frame[512] = { 0 };
	struct page *hot;

	/*
	 * Not in the block the cases before planted in (freed, it comes back
	 * first): the scanner's stack may still hold their addresses in
	 * stale words of its live frames, which would keep this one alive.
	 * This stack is live from the frame up (below: the allocation's).
	 */
	hot = alloc_pages(GFP_KERNEL, 3);
	ss->hidden =
		plant_unseen(plant_kmalloc_leak, kfree_hidden, 192, &frame[0]);
	if (hot)
		__free_pages(hot, 3);
	frame[0] = ss->hidden ^ HIDE;
	ss->root = &frame[0];
	/* In memory, as the scan must find it: not only in a register. */
	__asm__ __volatile__("" : : "r"(frame) : "memory");
	smp_call_on_cpu(ss->scanner, scan_now, ss, false);
	return 0; /* the word stays in the frame, which is dead from here */
}

static void kmemleak_scans_the_live_stack_of_every_cpu(struct ktest *test)
{
	struct stack_scan ss = { .scanner = smp_processor_id() };
	bool gone = false;
	unsigned int cpu;
	int found = 0;

	need_kmemleak(test);
	cpu = ktest_other_cpu(test);
	for (int tries = 0; tries < 3 && !gone; tries++) {
		KTEST_ASSERT_EQ(test,
				smp_call_on_cpu(cpu, hold_on_stack, &ss, false),
				0);
		KTEST_ASSERT_NE(test, ss.hidden, HIDE);
		KTEST_EXPECT_EQ(test, ss.scan, 0);
		KTEST_EXPECT_FALSE(test, ss.suspect);
		/* Now the frame is dead: below where that CPU's stack is live. */
		gone = suspect_once_root_gone(test, ss.hidden, ss.root, &found);
	}
	KTEST_EXPECT_TRUE(test, gone);
	if (gone) {
		KTEST_EXPECT_EQ(test, found, 1);
		kfree_hidden(ss.hidden);
	}
	free_passed_over();
}

static void kmemleak_is_off_without_its_option(struct ktest *test)
{
	if (kmemleak_requested)
		ktest_skip(test,
			   "kmemleak=on: this checks the kernel without it");
	KTEST_EXPECT_EQ(test, kmemleak_scan(), -ENODEV);
	read_report();
	KTEST_EXPECT_NOT_NULL(test, strstr(report, "boot with kmemleak=on"));
}

static const struct ktest_case kmemleak_cases[] = {
	KTEST_CASE(kmemleak_no_suspect_after_the_suites_before),
	KTEST_CASE(kmemleak_finds_a_planted_kmalloc_leak),
	KTEST_CASE(kmemleak_finds_a_planted_vmalloc_leak),
	KTEST_CASE(kmemleak_follows_pointers_through_objects),
	KTEST_CASE(kmemleak_scans_every_cpus_percpu_area),
	KTEST_CASE(kmemleak_scans_the_live_stack_of_every_cpu),
	KTEST_CASE(kmemleak_is_off_without_its_option),
	{}
};
KTEST_SUITE(kmemleak, kmemleak_cases);
