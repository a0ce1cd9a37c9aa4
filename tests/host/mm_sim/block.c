// SPDX-License-Identifier: GPL-2.0
/*
 * block.c - what mm/ needs from block/ and fs/ for the page cache.
 *
 * The simulated machine has no disk: no block device is ever added
 * (bdev_next() finds none, nr_blockdev_pages() is 0), so drop_caches and
 * /proc/meminfo see an empty page cache, reclaim finds nothing on the file
 * LRU lists, and kswapd and the flusher are never started (block/genhd.c
 * starts them with the first disk).  What only a page of a block device's
 * cache, a process or kswapd reaches ends the run if it is ever reached, as
 * sched.c does for a process's mm and files.
 */
#include <blkdev.h>
#include <kthread.h>
#include <panic.h>
#include <printk.h>
#include <stack.h>
#include <uaccess.h>
#include <writeback.h>

#include "sim_internal.h"

static __noreturn void sim_no_disk(const char *what)
{
	pr_emerg("sim: %s called, but the simulated machine has no disk\n",
		 what);
	dump_stack();
	sim_bail();
}

struct block_device *bdev_next(struct block_device *prev)
{
	return NULL;
}

unsigned long nr_blockdev_pages(void)
{
	return 0;
}

void __mark_inode_dirty(struct inode *inode, int flags)
{
	sim_no_disk("__mark_inode_dirty()");
}

struct bdi_writeback *inode_to_wb(struct inode *inode)
{
	sim_no_disk("inode_to_wb()");
}

void wb_start_background_writeback(struct bdi_writeback *wb)
{
	sim_no_disk("wb_start_background_writeback()");
}

/* A /proc/sys/vm write wakes the flushers: there are none. */
void wakeup_flusher_threads(enum wb_reason reason)
{
}

/* kswapd, started with the first disk. */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	sim_no_disk("kthread_create()");
}

bool kthread_should_stop(void)
{
	sim_no_disk("kthread_should_stop()");
}

/* read() and write() of a block device: a process's buffer. */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	sim_no_disk("copy_to_user()");
}

unsigned long _copy_from_user(void *to, const void __user *from,
			      unsigned long n)
{
	sim_no_disk("copy_from_user()");
}
