// SPDX-License-Identifier: GPL-2.0
/*
 * read_write.c - read, write, lseek and _llseek on a descriptor.
 *
 * The checks in Linux's order (vfs_read/vfs_write): a descriptor that is
 * not open, or not open for this direction, is EBADF; a buffer that
 * reaches into the kernel's gigabyte is EFAULT before anything happens; a
 * count of 0 reads or writes nothing.  The file's own operation then
 * copies, and a buffer that turns out to be unmapped, or read-only for a
 * read, stops the copy with EFAULT (or the count done so far).
 */
#include <blkdev.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>

#define MAX_RW_COUNT (INT_MAX & PAGE_MASK) /* Linux's cap on one call */

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct fd f = fdget(fd);
	struct file *file = f.file;
	ssize_t ret;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_READ) || !file->f_op->read)
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else
		ret = file->f_op->read(file, buf,
				       min(count, (size_t)MAX_RW_COUNT),
				       &file->f_pos);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t,
		count)
{
	struct fd f = fdget(fd);
	struct file *file = f.file;
	ssize_t ret;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE) || !file->f_op->write)
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else if (!count)
		ret = 0;
	else
		ret = file->f_op->write(file, buf,
					min(count, (size_t)MAX_RW_COUNT),
					&file->f_pos);
	fdput(f);
	return ret;
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	size_t n;

	if (*ppos < 0)
		return -EINVAL;
	if ((size_t)*ppos >= available)
		return 0;
	n = min(count, available - (size_t)*ppos);
	if (copy_to_user(to, (const char *)from + *ppos, n))
		return -EFAULT;
	*ppos += (loff_t)n;
	return (ssize_t)n;
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	size_t n;

	if (*ppos < 0)
		return -EINVAL;
	if ((size_t)*ppos >= available)
		return count ? -ENOSPC : 0;
	n = min(count, available - (size_t)*ppos);
	if (copy_from_user((char *)to + *ppos, from, n))
		return -EFAULT;
	*ppos += (loff_t)n;
	return (ssize_t)n;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = eof + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > maxsize)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size)
{
	return generic_file_llseek_size(file, offset, whence, size, size);
}

static loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence > SEEK_HOLE)
		return -EINVAL;
	if (!file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* lseek(): a 32-bit offset; a position above 2 GB does not fit it. */
SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_llseek(file, offset, (int)whence);
	if (ret > LONG_MAX)
		ret = -EOVERFLOW;
	fput(file);
	return (long)ret;
}

/* _llseek(): the 64-bit offset in two halves, the result through a pointer. */
SYSCALL_DEFINE5(_llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t __user *, result,
		unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t offset;
	long ret;

	if (!file)
		return -EBADF;
	offset = vfs_llseek(file, (loff_t)((u64)offset_high << 32 | offset_low),
			    (int)whence);
	ret = (long)offset;
	if (offset >= 0)
		ret = copy_to_user(result, &offset, sizeof(offset)) ? -EFAULT :
								      0;
	fput(file);
	return ret;
}

/*
 * pread64()/pwrite64(): at a position given in two halves (i386 passes a
 * 64-bit argument in two registers), without moving the file's own.
 * Files that cannot seek (the console) are ESPIPE, as in Linux.
 */
static __always_inline ssize_t do_pread_pwrite(unsigned int fd,
					       char __user *buf, size_t count,
					       loff_t pos, bool write)
{
	struct fd f = fdget(fd);
	struct file *file = f.file;
	ssize_t ret;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)) ||
	    !(write ? (void *)file->f_op->write : (void *)file->f_op->read))
		ret = -EBADF;
	else if (pos < 0)
		ret = -EINVAL;
	else if (!file->f_op->llseek)
		ret = -ESPIPE;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else if (write && !count)
		ret = 0;
	else if (write)
		ret = file->f_op->write(file, buf,
					min(count, (size_t)MAX_RW_COUNT), &pos);
	else
		ret = file->f_op->read(file, buf,
				       min(count, (size_t)MAX_RW_COUNT), &pos);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE5(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		unsigned long, pos_low, unsigned long, pos_high)
{
	return do_pread_pwrite(fd, buf, count,
			       (loff_t)((u64)pos_high << 32 | pos_low), false);
}

SYSCALL_DEFINE5(pwrite64, unsigned int, fd, const char __user *, buf, size_t,
		count, unsigned long, pos_low, unsigned long, pos_high)
{
	return do_pread_pwrite(fd, (char __user *)buf, count,
			       (loff_t)((u64)pos_high << 32 | pos_low), true);
}

/* --- fs/sync.c's ----------------------------------------------------------- */

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = file->f_op->fsync ? file->f_op->fsync(file, datasync) : -EINVAL;
	fput(file);
	return ret;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

/* Every block device's dirty pages written, waited for, and flushed. */
SYSCALL_DEFINE0(sync)
{
	sync_bdevs();
	return 0;
}

/* No terminal control here: every ioctl is "not a typewriter" or bad fd. */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return -ENOTTY;
}
