// SPDX-License-Identifier: GPL-2.0
/*
 * devmap_test.c - verifies that kernel memory mapped into a process is
 * one memory reached two ways (issue 15): /dev/kbuf (kmalloc'd, mapped
 * with remap_pfn_range) and /dev/vbuf (vmalloc'd, mapped with
 * remap_vmalloc_range).  What the process writes through its mapping,
 * the kernel returns from read(); what write() makes the kernel copy
 * into its buffer appears in the mapping.  A private mapping, a mapping
 * longer than the buffer and one past its end are refused (EINVAL), so
 * is dropping the raw frames (MADV_DONTNEED); a child forked with the
 * mapping shares it.
 *
 * Linux has no such devices: every case skips there ("needs /dev/kbuf"),
 * which the runner accepts as Linux's declared lack.
 */
#include <fcntl.h>
#include <ktap.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL
#define BUF_SIZE (4 * PAGE)

/* The device open read-write, or -1 (the case skips: no such device). */
static int open_dev(const char *path)
{
	if (!ktap_need_file(path))
		return -1;
	return open(path, O_RDWR);
}

static char *map_dev(int fd, size_t len, off_t off)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off);
}

/* Bytes [off, off + len) of the device as the kernel reads them. */
static bool kernel_sees(int fd, off_t off, const char *want, size_t len)
{
	static char got[BUF_SIZE];

	if (lseek(fd, off, SEEK_SET) != off ||
	    read(fd, got, len) != (ssize_t)len)
		return false;
	return !memcmp(got, want, len);
}

static void process_writes_kernel_reads(const char *path)
{
	int fd = open_dev(path);
	char *p;

	if (fd < 0)
		return;
	p = map_dev(fd, BUF_SIZE, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	memcpy(p, "from the process", 17);
	memcpy(p + 3 * PAGE + 100, "last page", 10);
	EXPECT_TRUE(kernel_sees(fd, 0, "from the process", 17));
	EXPECT_TRUE(kernel_sees(fd, 3 * PAGE + 100, "last page", 10));
	munmap(p, BUF_SIZE);
	close(fd);
}

static void kernel_writes_process_reads(const char *path)
{
	int fd = open_dev(path);
	char *p;

	if (fd < 0)
		return;
	p = map_dev(fd, BUF_SIZE, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(lseek(fd, PAGE + 5, SEEK_SET), (off_t)(PAGE + 5));
	EXPECT_EQ(write(fd, "from the kernel", 16), 16);
	EXPECT_TRUE(!memcmp(p + PAGE + 5, "from the kernel", 16));
	munmap(p, BUF_SIZE);
	close(fd);
}

static void devmap_kbuf_process_writes_kernel_reads(void)
{
	process_writes_kernel_reads("/dev/kbuf");
}

static void devmap_kbuf_kernel_writes_process_reads(void)
{
	kernel_writes_process_reads("/dev/kbuf");
}

static void devmap_vbuf_process_writes_kernel_reads(void)
{
	process_writes_kernel_reads("/dev/vbuf");
}

static void devmap_vbuf_kernel_writes_process_reads(void)
{
	kernel_writes_process_reads("/dev/vbuf");
}

static void devmap_offset_maps_the_buffer_from_there(void)
{
	int fd = open_dev("/dev/kbuf");
	char *whole, *tail;

	if (fd < 0)
		return;
	whole = map_dev(fd, BUF_SIZE, 0);
	tail = map_dev(fd, PAGE, 2 * PAGE);
	ASSERT_TRUE(whole != MAP_FAILED && tail != MAP_FAILED);
	tail[7] = 'x'; /* the same byte as whole[2 * PAGE + 7] */
	EXPECT_EQ(whole[2 * PAGE + 7], 'x');
	munmap(whole, BUF_SIZE);
	munmap(tail, PAGE);
	close(fd);
}

static void devmap_bad_mappings_are_refused(void)
{
	int fd = open_dev("/dev/vbuf"), kfd = open("/dev/kbuf", O_RDWR);

	if (fd < 0)
		return;
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL);
	EXPECT_ERRNO(map_dev(fd, BUF_SIZE + PAGE, 0), EINVAL);
	EXPECT_ERRNO(map_dev(fd, PAGE, BUF_SIZE), EINVAL);
	EXPECT_ERRNO(map_dev(kfd, 2 * PAGE, 3 * PAGE), EINVAL);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, kfd, 0), EINVAL);
	close(kfd);
	close(fd);
}

static void devmap_write_past_the_end_is_enospc(void)
{
	int fd = open_dev("/dev/kbuf");
	char c = 0;

	if (fd < 0)
		return;
	EXPECT_EQ(lseek(fd, BUF_SIZE, SEEK_SET), (off_t)BUF_SIZE);
	EXPECT_ERRNO(write(fd, &c, 1), ENOSPC);
	EXPECT_EQ(read(fd, &c, 1), 0); /* the end of the buffer */
	close(fd);
}

static void devmap_kbuf_pages_cannot_be_dropped(void)
{
	int fd = open_dev("/dev/kbuf");
	char *p;

	if (fd < 0)
		return;
	p = map_dev(fd, BUF_SIZE, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'k';
	/* Raw frames (VM_PFNMAP): no fault could bring them back. */
	EXPECT_ERRNO(madvise(p, PAGE, MADV_DONTNEED), EINVAL);
	EXPECT_EQ(p[0], 'k');
	munmap(p, BUF_SIZE);
	close(fd);
}

static void child_writes(void *arg)
{
	memcpy(arg, "child", 6);
}

static void devmap_mapping_is_shared_with_a_child(void)
{
	int fd = open_dev("/dev/vbuf"), status;
	char *p;

	if (fd < 0)
		return;
	p = map_dev(fd, BUF_SIZE, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	status = ktap_in_child(child_writes, p + 2 * PAGE);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_TRUE(!memcmp(p + 2 * PAGE, "child", 6));
	EXPECT_TRUE(kernel_sees(fd, 2 * PAGE, "child", 6));
	munmap(p, BUF_SIZE);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(devmap_kbuf_process_writes_kernel_reads),
	KTAP_CASE(devmap_kbuf_kernel_writes_process_reads),
	KTAP_CASE(devmap_vbuf_process_writes_kernel_reads),
	KTAP_CASE(devmap_vbuf_kernel_writes_process_reads),
	KTAP_CASE(devmap_offset_maps_the_buffer_from_there),
	KTAP_CASE(devmap_bad_mappings_are_refused),
	KTAP_CASE(devmap_write_past_the_end_is_enospc),
	KTAP_CASE(devmap_kbuf_pages_cannot_be_dropped),
	KTAP_CASE(devmap_mapping_is_shared_with_a_child),
	{}
};

int main(int argc, char **argv)
{
	return ktap_main("devmap", cases, argc, argv);
}
