// SPDX-License-Identifier: GPL-2.0
/*
 * vm_programs_test.c - verifies address spaces of real programs from the
 * initramfs: when memory runs out the OOM killer ends the process with
 * the most, says so in Linux's words, and its memory comes back; a
 * hundred children that write the pages they share with their parent
 * and exit give every page back; /proc/PID/maps and status show a
 * running program as Linux prints them.  The per-case leak checks count
 * what came back.  Without the initramfs (a boot without -initrd) the
 * suite skips.  Suite vm (vm_test.c) checks the same mechanisms from
 * inside an address space of its own.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <ktest.h>
#include <proc_fs.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <umh.h>
#include <vmstat.h>
#include "mm_test_helpers.h"

static const char *const vm_envp[] = { "HOME=/", NULL };

/* Free about `pages` of the hoard's pages, of highmem or of lowmem. */
static void hoard_give_back(struct hoard *h, unsigned long pages, bool high)
{
	for (int o = MAX_ORDER - 1; o >= 0 && pages; o--) {
		struct page *page, *next;

		list_for_each_entry_safe(page, next, &h->blocks[o],
					 buddy_list) {
			if (PageHighMem(page) != high || (1UL << o) > pages * 2)
				continue;
			list_del(&page->buddy_list);
			h->pages[page_zonenum(page)] -= 1UL << o;
			__free_pages(page, (unsigned int)o);
			pages -= min(pages, 1UL << o);
			if (!pages)
				break;
		}
	}
}

static bool have_programs(void)
{
	return !IS_ERR_OR_NULL(path_lookup("/user/hog", NULL, NULL));
}

/*
 * Memory runs out with a program in the way: the OOM killer kills it,
 * says so in Linux's words, and its memory comes back (the leak checks).
 */
static void vm_oom_killer_ends_the_biggest_process(struct ktest *test)
{
	const char *argv[] = { "hog", NULL };
	struct umh_info info = { .path = "/user/hog",
				 .argv = argv,
				 .envp = vm_envp,
				 .quiet = true };
	unsigned long kills = sum_vm_event(OOM_KILL);
	printk_mark_t mark = printk_mark();
	struct hoard hoard;
	int pid, status;

	if (!have_programs())
		ktest_skip(
			test,
			"needs the initramfs (/user/hog): boot with -initrd");
	/* All but a few MB are held here: the program finds the end soon. */
	hoard_init(&hoard);
	hoard_fill(&hoard, GFP_HIGHUSER);
	hoard_give_back(&hoard, 512, false); /* for the new task's stack... */
	hoard_give_back(&hoard, 512, true); /* ...and some for the program */
	pid = umh_spawn(&info, false);
	status = pid < 0 ? pid : umh_wait(&info, pid);
	hoard_release(&hoard);
	KTEST_EXPECT_EQ(test, status, SIGKILL); /* killed by the signal */
	KTEST_EXPECT_EQ(test, sum_vm_event(OOM_KILL), kills + 1);
	KTEST_EXPECT_LOG(test, mark, "hog invoked oom-killer: gfp_mask=");
	KTEST_EXPECT_LOG(test, mark, "Out of memory: Killed process");
	KTEST_EXPECT_LOG(test, mark, " (hog) total-vm:");
}

/*
 * A hundred children of one process write the pages they share with it
 * and exit: every copy, every page table, every process comes back (the
 * leak checks), and the parent's pages keep its data (the program says).
 */
static void vm_hundred_children_give_every_page_back(struct ktest *test)
{
	const char *argv[] = { "mm_test", "mm_hundred_children_write_and_exit",
			       NULL };
	struct umh_info info = { .path = "/user/mm_test",
				 .argv = argv,
				 .envp = vm_envp,
				 .quiet = true };
	unsigned long forks = total_forks;
	int pid;

	if (!have_programs())
		ktest_skip(
			test,
			"needs the initramfs (/user/mm_test): boot with -initrd");
	pid = umh_spawn(&info, false);
	KTEST_EXPECT_GT(test, pid, 0);
	KTEST_EXPECT_EQ(test, pid > 0 ? umh_wait(&info, pid) : -1, 0);
	KTEST_EXPECT_GE(test, total_forks, forks + 101);
}

/* /proc/PID/maps and status of a running program, as Linux prints them. */
static void vm_proc_views_show_a_running_process(struct ktest *test)
{
	const char *argv[] = { "hog", "4", NULL };
	struct umh_info info = { .path = "/user/hog",
				 .argv = argv,
				 .envp = vm_envp,
				 .quiet = true };
	char *buf, name[32], line[64];
	struct seq_file m = { .size = 8192 };
	struct task_struct *task;
	int pid, tries = 0;

	if (!have_programs())
		ktest_skip(
			test,
			"needs the initramfs (/user/hog): boot with -initrd");
	buf = kmalloc(m.size, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, buf);
	m.buf = buf;
	pid = umh_spawn(&info, false);
	KTEST_EXPECT_GT(test, pid, 0);
	/* hog 4 maps and touches 4 MB, then sleeps: wait until it does. */
	while (pid > 0 && tries++ < 500) {
		task = find_get_task_by_vpid(pid);
		if (!task)
			break;
		if (task->mm &&
		    get_mm_counter(task->mm, MM_ANONPAGES) >= 1024 &&
		    READ_ONCE(task->__state) != TASK_RUNNING) {
			put_task_struct(task);
			break;
		}
		put_task_struct(task);
		schedule_timeout_uninterruptible(1);
	}
	snprintf(name, sizeof(name), "%d/maps", pid);
	m.count = 0;
	KTEST_EXPECT_EQ(test, proc_show(name, &m), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, "r-xp 00001000 00:02 ") != NULL);
	KTEST_EXPECT_TRUE(test, strstr(buf, "/user/hog\n") != NULL);
	KTEST_EXPECT_TRUE(test, strstr(buf, "[stack]\n") != NULL);
	KTEST_EXPECT_TRUE(test,
			  strstr(buf, "rw-p 00000000 00:00 0 \n") != NULL);
	snprintf(name, sizeof(name), "%d/status", pid);
	m.count = 0;
	KTEST_EXPECT_EQ(test, proc_show(name, &m), 0);
	KTEST_EXPECT_TRUE(test, strstr(buf, "Name:\thog\n") != NULL);
	KTEST_EXPECT_TRUE(test, strstr(buf, "RssAnon:\t    4") != NULL);
	snprintf(line, sizeof(line), "Pid:\t%d\n", pid);
	KTEST_EXPECT_TRUE(test, strstr(buf, line) != NULL);
	KTEST_EXPECT_EQ(test, proc_show("99999/maps", &m), -ENOENT);
	if (pid > 0) {
		task = find_get_task_by_vpid(pid);
		if (task) {
			send_sig(SIGKILL, task);
			put_task_struct(task);
		}
		umh_wait(&info, pid);
	}
	kfree(buf);
}

static const struct ktest_case vm_programs_cases[] = {
	KTEST_CASE(vm_oom_killer_ends_the_biggest_process),
	KTEST_CASE(vm_hundred_children_give_every_page_back),
	KTEST_CASE(vm_proc_views_show_a_running_process),
	{}
};

KTEST_SUITE(vm_programs, vm_programs_cases);
