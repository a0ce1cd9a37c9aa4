// SPDX-License-Identifier: GPL-2.0
/*
 * fadvise.c - posix_fadvise(): a program tells the page cache what it will
 * do with a file (Linux's mm/fadvise.c).
 *
 *	POSIX_FADV_WILLNEED   read the range into the cache now (no wait)
 *	POSIX_FADV_DONTNEED   start writing its dirty pages, then drop the
 *	                      clean ones (whole pages only): a later read
 *	                      comes from the disk
 *	POSIX_FADV_NORMAL, RANDOM, SEQUENTIAL, NOREUSE   accepted: they tune
 *	                      readahead in Linux, and there is none here
 *
 * Only files with a page cache take advice; others (the console) accept
 * it and nothing happens, as in Linux (which refuses pipes alone: ESPIPE;
 * there are none here).
 */
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <pagemap.h>
#include <syscalls.h>
#include <writeback.h>

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5

static int generic_fadvise(struct file *file, loff_t offset, loff_t len,
			   int advice)
{
	struct address_space *mapping = file->f_mapping;
	loff_t end;

	if (advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE ||
	    len < 0)
		return -EINVAL;
	if (!mapping || !mapping->a_ops || !mapping->host->i_size)
		return 0;
	end = (!len || offset + len > mapping->host->i_size) ?
		      mapping->host->i_size :
		      offset + len;
	if (offset < 0 || offset >= end)
		return 0;
	if (advice == POSIX_FADV_WILLNEED)
		return page_cache_read_range(
			       file, mapping, (pgoff_t)(offset >> PAGE_SHIFT),
			       (unsigned long)((end - 1) >> PAGE_SHIFT) -
				       (unsigned long)(offset >> PAGE_SHIFT) +
				       1) < 0 ?
			       -ENOMEM :
			       0;
	if (advice == POSIX_FADV_DONTNEED) {
		/* Only whole pages: a partial one may hold data in use. */
		pgoff_t first =
			(pgoff_t)((offset + PAGE_SIZE - 1) >> PAGE_SHIFT);
		pgoff_t last = (pgoff_t)(end >> PAGE_SHIFT);

		filemap_fdatawrite_nowait(mapping);
		if (last > first)
			invalidate_mapping_pages(mapping, first, last - 1);
	}
	return 0;
}

static long do_fadvise(unsigned int fd, loff_t offset, loff_t len, int advice)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = generic_fadvise(file, offset, len, advice);
	fput(file);
	return ret;
}

/* i386: the offset in two halves, the length 32 bits. */
SYSCALL_DEFINE5(fadvise64, int, fd, unsigned long, off_low, unsigned long,
		off_high, size_t, len, int, advice)
{
	return do_fadvise((unsigned int)fd,
			  (loff_t)((u64)off_high << 32 | off_low), (loff_t)len,
			  advice);
}

/* ... and both in halves (what the C libraries call). */
SYSCALL_DEFINE6(fadvise64_64, int, fd, unsigned long, off_low, unsigned long,
		off_high, unsigned long, len_low, unsigned long, len_high, int,
		advice)
{
	return do_fadvise((unsigned int)fd,
			  (loff_t)((u64)off_high << 32 | off_low),
			  (loff_t)((u64)len_high << 32 | len_low), advice);
}
