// SPDX-License-Identifier: GPL-2.0
/*
 * fs-writeback.c - the flusher threads: dirty page cache written back
 * later, by a kernel thread per disk (writeback.h).
 *
 * An inode whose pages become dirty goes to the tail of its flusher's
 * b_dirty list with the time (dirtied_when), so the list is oldest
 * first.  The flusher ("flush-254:0", the name Linux 2.6.32 to 3.9 gave
 * its per-disk threads; later Linux runs the same work from a workqueue)
 * sleeps while nothing is dirty.  With something dirty it wakes every
 * dirty_writeback_centisecs and writes the inodes dirty for longer than
 * dirty_expire_centisecs ("kupdate"), and it is woken early:
 *  - when dirty pages pass the background threshold: it writes until
 *    they are below it again (balance_dirty_pages() asks);
 *  - when reclaim or sync want everything written (wakeup_flusher_threads()).
 * After writing an inode it looks again: no dirty page left, the inode
 * leaves the list; pages dirtied meanwhile, the inode goes back to the
 * tail as dirtied now.
 *
 * Locks: wb->list_lock guards b_dirty and each inode's i_state and
 * i_io_list; the flusher writes without it (writing sleeps).
 *
 * Simpler than Linux: no b_io/b_more_io lists (the inodes a run takes
 * are moved to a list of its own), no per-inode time slices, no cgroup
 * writeback; one work item per reason instead of a queue of works.
 */
#include <bug.h>
#include <kernel.h>
#include <kthread.h>
#include <pagemap.h>
#include <printk.h>
#include <sched.h>
#include <sprintf.h>
#include <string.h>
#include <timer.h>
#include <vmstat.h>
#include <writeback.h>

#define MAX_WRITEBACK_PAGES 1024 /* pages per inode per look (Linux's) */

static LIST_HEAD(wb_list);
static DEFINE_SPINLOCK(wb_list_lock);

struct bdi_writeback *wb_next(struct bdi_writeback *prev)
{
	struct bdi_writeback *next = NULL;
	struct list_head *pos;

	spin_lock(&wb_list_lock);
	pos = prev ? prev->list.next : wb_list.next;
	if (pos != &wb_list)
		next = list_entry(pos, struct bdi_writeback, list);
	spin_unlock(&wb_list_lock);
	return next;
}

struct bdi_writeback *inode_to_wb(struct inode *inode)
{
	return inode ? inode->i_wb : NULL;
}

void __mark_inode_dirty(struct inode *inode, int flags)
{
	struct bdi_writeback *wb = inode_to_wb(inode);
	unsigned long irqflags;
	bool first = false;

	if (!wb || (READ_ONCE(inode->i_state) & flags) == (unsigned long)flags)
		return;
	spin_lock_irqsave(&wb->list_lock, irqflags);
	if ((inode->i_state & flags) != (unsigned long)flags) {
		first = list_empty(&wb->b_dirty);
		inode->i_state |= (unsigned long)flags;
		inode->dirtied_when = jiffies_ul;
		list_move_tail(&inode->i_io_list, &wb->b_dirty);
		if (first) /* its first look comes one interval from now */
			wb->last_old_flush = jiffies_ul;
	}
	spin_unlock_irqrestore(&wb->list_lock, irqflags);
	if (first) { /* from an endless sleep to a timed one */
		__atomic_add_fetch(&wb->wake_seq, 1, __ATOMIC_SEQ_CST);
		wake_up(&wb->wait);
	}
}

static bool mapping_tagged(struct address_space *mapping, unsigned int tag)
{
	unsigned long flags;
	bool tagged;

	spin_lock_irqsave(&mapping->i_pages_lock, flags);
	tagged = radix_tree_tagged(&mapping->i_pages, tag);
	spin_unlock_irqrestore(&mapping->i_pages_lock, flags);
	return tagged;
}

/* After writing: clean, off the list; dirtied again, to the tail. */
static void requeue_inode(struct bdi_writeback *wb, struct inode *inode,
			  const struct writeback_control *wbc)
{
	bool dirty = mapping_tagged(inode->i_mapping, PAGECACHE_TAG_DIRTY);
	unsigned long flags;

	spin_lock_irqsave(&wb->list_lock, flags);
	if (!dirty) {
		inode->i_state &= ~(unsigned long)I_DIRTY_PAGES;
		list_del_init(&inode->i_io_list);
	} else {
		/* Cut short by the budget: still old; else dirtied anew. */
		if (wbc->nr_to_write > 0)
			inode->dirtied_when = jiffies_ul;
		list_move_tail(&inode->i_io_list, &wb->b_dirty);
	}
	spin_unlock_irqrestore(&wb->list_lock, flags);
}

/*
 * Write up to nr_pages pages of the inodes on b_dirty (only those dirty
 * since before older_than, for kupdate): pages written.
 */
static long writeback_inodes(struct bdi_writeback *wb, long nr_pages,
			     bool for_kupdate, bool for_background)
{
	unsigned long older_than =
		jiffies_ul - msecs_to_jiffies(dirty_expire_interval * 10);
	LIST_HEAD(io);
	unsigned long flags;
	long written = 0;

	spin_lock_irqsave(&wb->list_lock, flags);
	while (!list_empty(&wb->b_dirty)) {
		struct inode *inode =
			list_first_entry(&wb->b_dirty, struct inode, i_io_list);

		if (for_kupdate && time_after(inode->dirtied_when, older_than))
			break; /* sorted: the rest are younger */
		list_move_tail(&inode->i_io_list, &io);
	}
	while (!list_empty(&io)) {
		struct inode *inode =
			list_first_entry(&io, struct inode, i_io_list);
		struct writeback_control wbc = {
			.nr_to_write = min(nr_pages - written,
					   (long)MAX_WRITEBACK_PAGES),
			.range_end = ULONG_MAX,
			.sync_mode = WB_SYNC_NONE,
			.for_kupdate = for_kupdate,
			.for_background = for_background,
		};
		long before = wbc.nr_to_write;

		if (wbc.nr_to_write <= 0)
			break;
		/* Off the private list while it is written (sync may look). */
		list_del_init(&inode->i_io_list);
		spin_unlock_irqrestore(&wb->list_lock, flags);
		do_writepages(inode->i_mapping, &wbc);
		written += before - wbc.nr_to_write;
		requeue_inode(wb, inode, &wbc);
		spin_lock_irqsave(&wb->list_lock, flags);
	}
	/* What the budget did not reach goes back in front, still oldest. */
	list_splice(&io, &wb->b_dirty);
	spin_unlock_irqrestore(&wb->list_lock, flags);
	wb->nr_written += (unsigned long)written;
	return written;
}

void inode_sync_complete(struct inode *inode)
{
	struct bdi_writeback *wb = inode_to_wb(inode);
	unsigned long flags;

	if (!wb || mapping_tagged(inode->i_mapping, PAGECACHE_TAG_DIRTY))
		return;
	spin_lock_irqsave(&wb->list_lock, flags);
	/* Checked again under the lock a new dirtier takes too. */
	if (!mapping_tagged(inode->i_mapping, PAGECACHE_TAG_DIRTY)) {
		inode->i_state &= ~(unsigned long)I_DIRTY_PAGES;
		list_del_init(&inode->i_io_list);
	}
	spin_unlock_irqrestore(&wb->list_lock, flags);
}

static bool over_bground_thresh(void)
{
	unsigned long bg, thresh;

	global_dirty_limits(&bg, &thresh);
	return node_page_state(NR_FILE_DIRTY) > bg;
}

/* When the flusher must look next: now, in a while, or never. */
static long wb_next_timeout(struct bdi_writeback *wb)
{
	unsigned long due;
	bool dirty;
	unsigned long flags;

	spin_lock_irqsave(&wb->list_lock, flags);
	dirty = !list_empty(&wb->b_dirty);
	spin_unlock_irqrestore(&wb->list_lock, flags);
	if (!dirty || !dirty_writeback_interval)
		return MAX_SCHEDULE_TIMEOUT;
	due = wb->last_old_flush +
	      msecs_to_jiffies(dirty_writeback_interval * 10);
	return time_after(due, jiffies_ul) ? (long)(due - jiffies_ul) : 0;
}

static bool wb_has_work(struct bdi_writeback *wb)
{
	return READ_ONCE(wb->start_all) || READ_ONCE(wb->start_background);
}

static void wb_do_writeback(struct bdi_writeback *wb)
{
	if (xchg32((u32 *)&wb->start_all, 0))
		writeback_inodes(wb, LONG_MAX, false, false);
	if (READ_ONCE(wb->start_background)) {
		while (over_bground_thresh() &&
		       writeback_inodes(wb, MAX_WRITEBACK_PAGES, false, true))
			cond_resched();
		WRITE_ONCE(wb->start_background, false);
	}
	if (dirty_writeback_interval && !wb_next_timeout(wb)) {
		wb->last_old_flush = jiffies_ul;
		writeback_inodes(wb, LONG_MAX, true, false);
	}
}

static int wb_thread(void *data)
{
	struct bdi_writeback *wb = data;

	while (!kthread_should_stop()) {
		unsigned long seq = READ_ONCE(wb->wake_seq);
		long timeout = wb_next_timeout(wb);

		/* Interruptible: an idle flusher is asleep (S), not blocked. */
		if (timeout)
			wait_event_interruptible_timeout(
				wb->wait,
				wb_has_work(wb) || kthread_should_stop() ||
					READ_ONCE(wb->wake_seq) != seq,
				timeout);
		if (kthread_should_stop())
			break;
		wb->nr_runs++;
		wb_do_writeback(wb);
	}
	return 0;
}

int wb_init(struct bdi_writeback *wb, const char *name)
{
	strscpy(wb->name, name, sizeof(wb->name));
	spin_lock_init(&wb->list_lock);
	INIT_LIST_HEAD(&wb->b_dirty);
	init_waitqueue_head(&wb->wait);
	wb->last_old_flush = jiffies_ul;
	wb->task = kthread_run(wb_thread, wb, "flush-%s", name);
	if (IS_ERR(wb->task)) {
		int err = (int)PTR_ERR(wb->task);

		wb->task = NULL;
		return err;
	}
	spin_lock(&wb_list_lock);
	list_add_tail(&wb->list, &wb_list);
	spin_unlock(&wb_list_lock);
	return 0;
}

void wb_start_background_writeback(struct bdi_writeback *wb)
{
	if (READ_ONCE(wb->start_background))
		return;
	WRITE_ONCE(wb->start_background, true);
	wake_up(&wb->wait);
}

void wakeup_flusher_threads(enum wb_reason reason)
{
	for (struct bdi_writeback *wb = wb_next(NULL); wb; wb = wb_next(wb)) {
		__atomic_or_fetch(&wb->start_all, 1UL << reason,
				  __ATOMIC_SEQ_CST);
		wake_up(&wb->wait);
	}
}
