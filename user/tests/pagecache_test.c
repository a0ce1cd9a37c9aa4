// SPDX-License-Identifier: GPL-2.0
/*
 * pagecache_test.c - verifies the page cache of a block device through
 * /dev/vda, the 64 MB disk of tools/mkdisk.py (user/include/
 * diskpattern.h): reads see the disk's contents, a second read comes from
 * the cache (no new read in /proc/diskstats) and a read after
 * drop_caches from the disk; writes by write() and through a shared
 * mapping stay in the cache (Dirty in /proc/meminfo) until fsync, sync,
 * msync or the flusher write them; the dirty limit holds a writer back;
 * the device's size bounds lseek, read and write with Linux's errors; a
 * read fault maps the 16 cached pages around it (fault-around).
 *
 * Blocks written here are announced as "# disk-expect: BLOCK TEXT" lines,
 * and one written but never synced as "# disk-pristine: BLOCK": the
 * runner reads the disk image after the boot and checks them, on kmem386
 * and on Linux alike.  Uses blocks 2000-5099 and changes /proc/sys/vm
 * settings only for the time of a case (back to Linux's defaults after).
 * Without /dev/vda (no virtio disk) every case skips: "needs /dev/vda".
 */
#include <diskpattern.h>
#include <fcntl.h>
#include <ktap.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define VDA "/dev/vda"
#define B0 2000 /* this program's first block */

static char buf[16 * DISK_BLOCK];

static int open_vda(int flags)
{
	int fd = open(VDA, flags);

	if (fd < 0)
		ktap_skip("needs " VDA);
	return fd;
}

/* A /proc/sys/vm setting: 0, or -1 (errno). */
static int vm_set(const char *name, const char *value)
{
	char path[64];
	int fd, n;

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	n = write(fd, value, strlen(value));
	close(fd);
	return n == (int)strlen(value) ? 0 : -1;
}

/* Read a whole small /proc file into buf: its length, or -1. */
static int read_proc(const char *path, char *out, int size)
{
	int fd = open(path, O_RDONLY), n, got = 0;

	if (fd < 0)
		return -1;
	while (got < size - 1 && (n = read(fd, out + got, size - 1 - got)) > 0)
		got += n;
	close(fd);
	out[got] = '\0';
	return got;
}

/* A /proc/meminfo field in kB, or -1. */
static long meminfo_kb(const char *field)
{
	static char text[4096];
	size_t len = strlen(field);

	if (read_proc("/proc/meminfo", text, sizeof(text)) < 0)
		return -1;
	for (char *p = text; *p; p = strchr(p, '\n') + 1) {
		if (!strncmp(p, field, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
		if (!strchr(p, '\n'))
			break;
	}
	return -1;
}

/* Reads vda completed (/proc/diskstats, the 4th field), or -1. */
static long vda_reads(void)
{
	static char text[2048];
	char *p;

	if (read_proc("/proc/diskstats", text, sizeof(text)) < 0)
		return -1;
	p = strstr(text, " vda ");
	return p ? strtol(p + 5, NULL, 10) : -1;
}

static void drop_caches(void)
{
	EXPECT_EQ(vm_set("drop_caches", "1"), 0);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * Dirty: once it reads 0, or after 2 s.  Linux counts dirty pages per CPU
 * and folds them into /proc/meminfo's figure once a second
 * (vm.stat_interval), so right after a sync it may still show a few.
 */
static long dirty_kb_after_sync(void)
{
	long kb = meminfo_kb("Dirty");

	for (int i = 0; i < 20 && kb > 0; i++) {
		sleep_ms(100);
		kb = meminfo_kb("Dirty");
	}
	return kb;
}

/* Block b as the disk has it now: the cache dropped, read again. */
static bool disk_says(int fd, unsigned long b, const char *text)
{
	char block[DISK_BLOCK];

	drop_caches();
	return pread(fd, block, DISK_BLOCK, (loff_t)b * DISK_BLOCK) ==
		       DISK_BLOCK &&
	       disk_block_says(block, b, text);
}

/* The block's first line through write(), as a program would. */
static bool write_header(int fd, unsigned long b, const char *text)
{
	char line[DISK_HEADER];

	disk_text_line(text, line);
	return pwrite(fd, line, DISK_HEADER, (loff_t)b * DISK_BLOCK) ==
	       DISK_HEADER;
}

/*
 * Write text into n blocks from b: enough pages that /proc/meminfo shows
 * them (Linux folds each CPU's counts into it only past a threshold).
 */
static bool write_headers(int fd, unsigned long b, int n, const char *text)
{
	for (int i = 0; i < n; i++)
		if (!write_header(fd, b + i, text))
			return false;
	return true;
}

static void expect_on_disk(unsigned long b, const char *text)
{
	ktap_note("disk-expect: %lu %s", b, text);
}

#define NR_DIRTY 64 /* pages a case dirties: 256 kB */

/* --- the cases ------------------------------------------------------------- */

static void pagecache_device_holds_the_disk_image(void)
{
	int fd = open_vda(O_RDONLY);

	if (fd < 0)
		return;
	EXPECT_EQ(lseek(fd, 0, SEEK_END), DISK_BYTES);
	EXPECT_EQ(pread(fd, buf, DISK_BLOCK, (loff_t)B0 * DISK_BLOCK),
		  DISK_BLOCK);
	EXPECT_TRUE(disk_block_fresh(buf, B0));
	/* One read of 16 blocks across pages. */
	EXPECT_EQ(lseek(fd, (off_t)(B0 + 1) * DISK_BLOCK, SEEK_SET),
		  (B0 + 1) * DISK_BLOCK);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), (int)sizeof(buf));
	for (int i = 0; i < 16; i++)
		EXPECT_TRUE(disk_block_fresh(buf + i * DISK_BLOCK, B0 + 1 + i));
	close(fd);
}

static void pagecache_second_read_comes_from_the_cache(void)
{
	int fd = open_vda(O_RDONLY);
	long reads, buffers;

	if (fd < 0)
		return;
	drop_caches();
	reads = vda_reads();
	buffers = meminfo_kb("Buffers");
	ASSERT_TRUE(reads >= 0 && buffers >= 0);
	EXPECT_EQ(pread(fd, buf, DISK_BLOCK, (loff_t)(B0 + 40) * DISK_BLOCK),
		  DISK_BLOCK);
	EXPECT_TRUE(vda_reads() > reads);
	/* A block device's cache: Linux's Buffers. */
	EXPECT_TRUE(meminfo_kb("Buffers") >= buffers + 4);
	reads = vda_reads();
	EXPECT_EQ(pread(fd, buf, DISK_BLOCK, (loff_t)(B0 + 40) * DISK_BLOCK),
		  DISK_BLOCK);
	EXPECT_EQ(vda_reads(), reads);
	EXPECT_TRUE(disk_block_fresh(buf, B0 + 40));
	/* After drop_caches: from the disk again. */
	drop_caches();
	EXPECT_EQ(pread(fd, buf, DISK_BLOCK, (loff_t)(B0 + 40) * DISK_BLOCK),
		  DISK_BLOCK);
	EXPECT_TRUE(vda_reads() > reads);
	close(fd);
}

static void pagecache_size_bounds_seek_read_and_write(void)
{
	int fd = open_vda(O_RDWR), rd;

	if (fd < 0)
		return;
	EXPECT_ERRNO(lseek(fd, DISK_BYTES + 1, SEEK_SET), EINVAL);
	EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_EQ(lseek(fd, 0, SEEK_END), DISK_BYTES);
	EXPECT_EQ(read(fd, buf, 16), 0);
	EXPECT_ERRNO(write(fd, buf, 16), ENOSPC);
	EXPECT_EQ(lseek(fd, -8, SEEK_END), DISK_BYTES - 8);
	EXPECT_EQ(read(fd, buf, 16), 8); /* only what is left */
	EXPECT_ERRNO(pread(fd, buf, 16, -1), EINVAL);
	rd = open_vda(O_RDONLY);
	EXPECT_ERRNO(write(rd, buf, 16), EBADF);
	EXPECT_EQ(fsync(rd), 0);
	EXPECT_EQ(posix_fadvise(rd, 0, 0, 99), EINVAL);
	EXPECT_EQ(posix_fadvise(rd, 0, 0, POSIX_FADV_WILLNEED), 0);
	EXPECT_EQ(posix_fadvise(1, 0, 0, POSIX_FADV_DONTNEED),
		  0); /* a tty: accepted */
	close(rd);
	close(fd);
}

static void pagecache_write_is_dirty_until_fsync(void)
{
	int fd = open_vda(O_RDWR);
	long dirty;

	if (fd < 0)
		return;
	EXPECT_TRUE(
		write_headers(fd, B0 + 200, NR_DIRTY, "user: write, fsync"));
	dirty = meminfo_kb("Dirty");
	EXPECT_TRUE(dirty >= NR_DIRTY * 4 / 2);
	EXPECT_EQ(fsync(fd), 0);
	EXPECT_TRUE(meminfo_kb("Dirty") < dirty / 2);
	EXPECT_TRUE(disk_says(fd, B0 + 200, "user: write, fsync"));
	EXPECT_TRUE(disk_says(fd, B0 + 263, "user: write, fsync"));
	expect_on_disk(B0 + 200, "user: write, fsync");
	expect_on_disk(B0 + 263, "user: write, fsync");
	close(fd);
}

static void pagecache_write_reaches_the_disk_at_sync(void)
{
	int fd = open_vda(O_RDWR);

	if (fd < 0)
		return;
	EXPECT_TRUE(write_headers(fd, B0 + 300, NR_DIRTY, "user: write, sync"));
	sync();
	EXPECT_EQ(dirty_kb_after_sync(), 0);
	EXPECT_TRUE(disk_says(fd, B0 + 300, "user: write, sync"));
	expect_on_disk(B0 + 363, "user: write, sync");
	EXPECT_TRUE(disk_says(fd, B0 + 363, "user: write, sync"));
	close(fd);
}

static void pagecache_shared_mapping_write_reaches_the_disk(void)
{
	int fd = open_vda(O_RDWR);
	char line[DISK_HEADER];
	char *map;

	if (fd < 0)
		return;
	map = mmap(NULL, 4 * DISK_BLOCK, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   (off_t)(B0 + 12) * DISK_BLOCK);
	ASSERT_TRUE(map != MAP_FAILED);
	/* What the mapping shows is the cache's page: the disk's block. */
	EXPECT_TRUE(disk_block_fresh(map + DISK_BLOCK, B0 + 13));
	disk_text_line("user: mmap, msync", line);
	memcpy(map, line, DISK_HEADER);
	disk_text_line("user: mmap, munmap, sync", line);
	memcpy(map + DISK_BLOCK, line, DISK_HEADER);
	/* read() sees the mapping's write at once: the same page. */
	EXPECT_EQ(pread(fd, buf, DISK_BLOCK, (loff_t)(B0 + 12) * DISK_BLOCK),
		  DISK_BLOCK);
	EXPECT_TRUE(disk_block_says(buf, B0 + 12, "user: mmap, msync"));
	EXPECT_EQ(msync(map, DISK_BLOCK, MS_SYNC), 0);
	EXPECT_EQ(munmap(map, 4 * DISK_BLOCK), 0);
	sync();
	EXPECT_TRUE(disk_says(fd, B0 + 12, "user: mmap, msync"));
	EXPECT_TRUE(disk_says(fd, B0 + 13, "user: mmap, munmap, sync"));
	expect_on_disk(B0 + 12, "user: mmap, msync");
	expect_on_disk(B0 + 13, "user: mmap, munmap, sync");
	close(fd);
}

/*
 * Fault-around (Linux's, fault_around_bytes 64 kB): a read fault of a
 * mapping maps the cached pages of its 64 kB aligned window at once, so
 * reading 16 cached pages takes one page fault.  The fd reads at random
 * (POSIX_FADV_RANDOM): Linux reads ahead nothing, as kmem386.
 */
static void pagecache_read_fault_maps_the_cached_pages_around_it(void)
{
	int fd = open_vda(O_RDONLY);
	struct rusage before, after;
	unsigned long base;
	char *area, *map;
	bool fresh = true;

	if (fd < 0)
		return;
	EXPECT_EQ(posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM), 0);
	EXPECT_EQ(pread(fd, buf, 16 * DISK_BLOCK,
			(loff_t)(B0 + 600) * DISK_BLOCK),
		  16 * DISK_BLOCK);
	/* A 64 kB aligned address: room reserved, then a fixed mapping. */
	area = mmap(NULL, 48 * DISK_BLOCK, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(area != MAP_FAILED);
	base = ((unsigned long)area + 0xffff) & ~0xffffUL;
	map = mmap((void *)base, 16 * DISK_BLOCK, PROT_READ,
		   MAP_SHARED | MAP_FIXED, fd, (off_t)(B0 + 600) * DISK_BLOCK);
	ASSERT_TRUE(map == (char *)base);
	EXPECT_EQ(getrusage(RUSAGE_SELF, &before), 0);
	for (int i = 15; i >= 0; i--) /* the last first: any page works */
		fresh &= disk_block_fresh(map + i * DISK_BLOCK, B0 + 600 + i);
	EXPECT_EQ(getrusage(RUSAGE_SELF, &after), 0);
	EXPECT_TRUE(fresh);
	EXPECT_EQ(after.ru_minflt - before.ru_minflt, 1);
	EXPECT_EQ(after.ru_majflt - before.ru_majflt, 0);
	EXPECT_EQ(munmap(area, 48 * DISK_BLOCK), 0);
	close(fd);
}

static void pagecache_flusher_writes_it_after_the_expiry(void)
{
	int fd = open_vda(O_RDWR);
	char line[DISK_HEADER], *map;
	int waited = 0;

	if (fd < 0)
		return;
	sync();
	EXPECT_TRUE(
		write_headers(fd, B0 + 400, NR_DIRTY, "user: by the flusher"));
	disk_text_line("user: mapped, by the flusher", line);
	map = mmap(NULL, DISK_BLOCK, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   (off_t)(B0 + 17) * DISK_BLOCK);
	if (EXPECT_TRUE(map != MAP_FAILED))
		memcpy(map, line, DISK_HEADER);
	/* Dirty while the expiry is 30 s, however slow the writes were. */
	EXPECT_TRUE(meminfo_kb("Dirty") >= NR_DIRTY * 4 / 2);
	EXPECT_EQ(vm_set("dirty_expire_centisecs", "100"), 0);
	EXPECT_EQ(vm_set("dirty_writeback_centisecs", "100"), 0);
	/* No sync: the flusher finds them 1 s old and writes them. */
	while ((meminfo_kb("Dirty") || meminfo_kb("Writeback")) &&
	       waited < 150) {
		sleep_ms(100);
		waited++;
	}
	EXPECT_EQ(meminfo_kb("Dirty"), 0);
	EXPECT_TRUE(waited < 150);
	if (map != MAP_FAILED)
		munmap(map, DISK_BLOCK);
	EXPECT_EQ(vm_set("dirty_expire_centisecs", "3000"), 0);
	EXPECT_EQ(vm_set("dirty_writeback_centisecs", "500"), 0);
	EXPECT_TRUE(disk_says(fd, B0 + 463, "user: by the flusher"));
	EXPECT_TRUE(disk_says(fd, B0 + 17, "user: mapped, by the flusher"));
	expect_on_disk(B0 + 463, "user: by the flusher");
	expect_on_disk(B0 + 17, "user: mapped, by the flusher");
	close(fd);
}

static void pagecache_dirty_limit_holds_the_writer_back(void)
{
	int fd = open_vda(O_RDWR);
	long most = 0;

	if (fd < 0)
		return;
	EXPECT_EQ(vm_set("dirty_bytes", "1048576"), 0);
	EXPECT_EQ(vm_set("dirty_background_bytes", "524288"), 0);
	for (int i = 0; i < 128; i++) { /* 8 MB, 64 KB at a time */
		long now;

		memset(buf, 'a' + i % 26, sizeof(buf));
		if (!EXPECT_EQ(pwrite(fd, buf, 16 * DISK_BLOCK,
				      (loff_t)(B0 + 1000 + 16 * i) * DISK_BLOCK),
			       16 * DISK_BLOCK))
			break;
		now = meminfo_kb("Dirty") + meminfo_kb("Writeback");
		if (now > most)
			most = now;
	}
	/* Never far above the 1 MB limit (Linux lets a task run a little). */
	EXPECT_TRUE(most <= 2048);
	EXPECT_EQ(vm_set("dirty_ratio", "20"), 0);
	EXPECT_EQ(vm_set("dirty_background_ratio", "10"), 0);
	sync();
	EXPECT_EQ(dirty_kb_after_sync(), 0);
	close(fd);
}

/*
 * Last: writes nobody syncs stay in memory until poweroff (which syncs
 * nothing: tools/linux/init's poweroff -n, kmem386's progs mode), so the
 * disk image keeps the old blocks.  The last close of the device would
 * write them (Linux's blkdev_put()): a child keeps the file open, asleep,
 * until the machine stops.
 */
static void pagecache_unsynced_write_stays_in_memory(void)
{
	int fd = open_vda(O_RDWR);
	pid_t pid;

	if (fd < 0)
		return;
	EXPECT_TRUE(
		write_headers(fd, B0 + 500, NR_DIRTY, "user: never synced"));
	EXPECT_TRUE(meminfo_kb("Dirty") >= NR_DIRTY * 4 / 2);
	pid = fork();
	if (pid == 0) {
		struct timespec forever = { 100000, 0 };

		nanosleep(&forever, NULL);
		_exit(0);
	}
	EXPECT_TRUE(pid > 0);
	ktap_note("disk-pristine: %d", B0 + 500);
	ktap_note("disk-pristine: %d", B0 + 563);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(pagecache_device_holds_the_disk_image),
	KTAP_CASE(pagecache_second_read_comes_from_the_cache),
	KTAP_CASE(pagecache_size_bounds_seek_read_and_write),
	KTAP_CASE(pagecache_write_is_dirty_until_fsync),
	KTAP_CASE(pagecache_write_reaches_the_disk_at_sync),
	KTAP_CASE(pagecache_shared_mapping_write_reaches_the_disk),
	KTAP_CASE(pagecache_read_fault_maps_the_cached_pages_around_it),
	KTAP_CASE(pagecache_flusher_writes_it_after_the_expiry),
	KTAP_CASE(pagecache_dirty_limit_holds_the_writer_back),
	KTAP_CASE(pagecache_unsynced_write_stays_in_memory),
	{}
};

int main(int argc, char **argv)
{
	return ktap_main("pagecache", cases, argc, argv);
}
