// SPDX-License-Identifier: GPL-2.0
/*
 * mm_test.c - verifies a process's address space as Linux manages it
 * (issue 15): brk, anonymous private and shared mappings, MAP_FIXED and
 * MAP_FIXED_NOREPLACE, munmap of any part, mprotect and madvise(
 * MADV_DONTNEED) edges, msync, copy-on-write after fork, shared memory
 * that survives fork, a private mapping of a file, stack growth, and the
 * errno for zero, huge and unaligned arguments.
 *
 * What a kernel must decide the same way as Linux is checked; where it
 * may choose (the address mmap picks without MAP_FIXED), only the rules
 * are: page-aligned, below PAGE_OFFSET, not overlapping.  Addresses are
 * never printed.  The one case that reads /proc/self/maps skips as
 * "needs /proc/self/maps" where that file does not exist.
 */
#include <fcntl.h>
#include <ktap.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL
#define TASK_SIZE 0xc0000000UL /* the 3G/1G split */
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static char *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags, -1, 0);
}

/* The signal a read (write: true) of *p kills a child with, 0 if none. */
static int touch_in_child(volatile char *p, bool write)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static bool all_bytes(const char *p, size_t len, char c)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != c)
			return false;
	return true;
}

static void mm_brk_grows_and_shrinks_the_heap(void)
{
	char *start = sbrk(0), *p;

	ASSERT_TRUE(start != (void *)-1);
	ASSERT_EQ(brk(start + 5 * PAGE), 0);
	EXPECT_TRUE(sbrk(0) == start + 5 * PAGE);
	p = start;
	p[0] = 1; /* the new heap is mapped, zeroed and writable */
	p[5 * PAGE - 1] = 2;
	EXPECT_EQ(p[PAGE], 0);
	ASSERT_EQ(brk(start + PAGE), 0);
	EXPECT_EQ(touch_in_child(start + 3 * PAGE, true), SIGSEGV);
	ASSERT_EQ(brk(start + 2 * PAGE), 0);
	EXPECT_EQ(start[PAGE + 1], 0); /* shrunk and regrown: zero again */
	EXPECT_EQ(start[0], 1);
	EXPECT_ERRNO(brk((void *)(TASK_SIZE + PAGE)), ENOMEM);
	EXPECT_TRUE(sbrk(0) ==
		    start + 2 * PAGE); /* a refused brk moves nothing */
	brk(start);
}

static void mm_anonymous_mapping_is_zeroed_and_private(void)
{
	char *p = map(4 * PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ((unsigned long)p % PAGE, 0);
	EXPECT_TRUE((unsigned long)p + 4 * PAGE <= TASK_SIZE);
	EXPECT_TRUE(all_bytes(p, 4 * PAGE, 0));
	memset(p + PAGE, 0x5a, PAGE);
	EXPECT_TRUE(all_bytes(p + PAGE, PAGE, 0x5a));
	EXPECT_TRUE(all_bytes(p + 2 * PAGE, PAGE, 0));
	EXPECT_EQ(munmap(p, 4 * PAGE), 0);
	EXPECT_EQ(touch_in_child(p, false), SIGSEGV);
}

static void mm_mappings_do_not_overlap(void)
{
	char *a = map(3 * PAGE, RW, ANON), *b = map(3 * PAGE, RW, ANON);

	ASSERT_TRUE(a != MAP_FAILED && b != MAP_FAILED);
	EXPECT_TRUE(a + 3 * PAGE <= b || b + 3 * PAGE <= a);
	munmap(a, 3 * PAGE);
	munmap(b, 3 * PAGE);
}

static void mm_length_is_rounded_up_to_a_page(void)
{
	char *p = map(100, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE - 1] = 1; /* the whole page is there */
	EXPECT_EQ(munmap(p, 100), 0); /* and the whole page goes */
	EXPECT_EQ(touch_in_child(p + PAGE - 1, false), SIGSEGV);
}

static void mm_mmap_errors(void)
{
	char *p = map(PAGE, RW, ANON);

	EXPECT_ERRNO(map(0, RW, ANON), EINVAL);
	EXPECT_ERRNO(map(PAGE, RW, MAP_ANONYMOUS), EINVAL); /* no type */
	EXPECT_ERRNO(map(0xf0000000UL, RW, ANON), ENOMEM); /* > TASK_SIZE */
	EXPECT_ERRNO(map(-PAGE, RW, ANON), ENOMEM);
	EXPECT_ERRNO(mmap(p + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
	EXPECT_ERRNO(mmap((void *)TASK_SIZE, PAGE, RW, ANON | MAP_FIXED, -1, 0),
		     ENOMEM);
	EXPECT_ERRNO(mmap(NULL, PAGE, RW, MAP_PRIVATE, 99, 0), EBADF);
	EXPECT_ERRNO(mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0), EBADF);
	munmap(p, PAGE);
}

static void mm_unaligned_hint_is_only_a_hint(void)
{
	char *p = mmap((void *)0x10000123, PAGE, RW, ANON, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ((unsigned long)p % PAGE, 0);
	munmap(p, PAGE);
}

static void mm_map_fixed_replaces_what_was_there(void)
{
	char *p = map(3 * PAGE, RW, ANON), *q;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x11, 3 * PAGE);
	q = mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	EXPECT_TRUE(q == p + PAGE);
	EXPECT_TRUE(all_bytes(p + PAGE, PAGE, 0)); /* a new, zeroed page */
	EXPECT_TRUE(all_bytes(p, PAGE, 0x11));
	EXPECT_TRUE(all_bytes(p + 2 * PAGE, PAGE, 0x11));
	EXPECT_ERRNO(mmap(p, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
		     EEXIST);
	munmap(p, 3 * PAGE);
	q = mmap(p, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	EXPECT_TRUE(q == p); /* free again: it may go there */
	munmap(q, PAGE);
}

static void mm_partial_munmap_leaves_the_rest(void)
{
	char *p = map(5 * PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x22, 5 * PAGE);
	EXPECT_EQ(munmap(p + 2 * PAGE, PAGE), 0); /* a hole in the middle */
	EXPECT_EQ(munmap(p, PAGE), 0); /* the head */
	EXPECT_EQ(munmap(p + 4 * PAGE, PAGE), 0); /* the tail */
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, false), SIGSEGV);
	EXPECT_EQ(touch_in_child(p, false), SIGSEGV);
	EXPECT_TRUE(all_bytes(p + PAGE, PAGE, 0x22));
	EXPECT_TRUE(all_bytes(p + 3 * PAGE, PAGE, 0x22));
	EXPECT_EQ(munmap(p, 5 * PAGE), 0); /* holes included: fine */
	EXPECT_EQ(touch_in_child(p + 3 * PAGE, false), SIGSEGV);
}

static void mm_munmap_errors(void)
{
	char *p = map(PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(munmap(p + 1, PAGE), EINVAL);
	EXPECT_ERRNO(munmap(p, 0), EINVAL);
	EXPECT_ERRNO(munmap((void *)TASK_SIZE, PAGE), EINVAL);
	EXPECT_ERRNO(munmap(p, -PAGE), EINVAL);
	EXPECT_EQ(munmap(p, PAGE), 0);
	EXPECT_EQ(munmap(p, PAGE), 0); /* nothing mapped there: still 0 */
}

static void mm_mprotect_changes_access(void)
{
	char *p = map(3 * PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x33, 3 * PAGE);
	EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_READ), 0);
	EXPECT_EQ(p[PAGE], 0x33); /* still readable */
	EXPECT_EQ(touch_in_child(p + PAGE, true), SIGSEGV);
	EXPECT_EQ(touch_in_child(p, true), 0); /* its neighbours are not */
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, true), 0);
	EXPECT_EQ(mprotect(p, 3 * PAGE, PROT_NONE), 0);
	EXPECT_EQ(touch_in_child(p + 2 * PAGE, false), SIGSEGV);
	EXPECT_EQ(mprotect(p, 3 * PAGE, RW), 0);
	EXPECT_TRUE(all_bytes(p, 3 * PAGE, 0x33)); /* contents kept */
	munmap(p, 3 * PAGE);
}

static void mm_mprotect_errors(void)
{
	char *p = map(2 * PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERRNO(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	EXPECT_ERRNO(mprotect(p, PAGE, 0x100), EINVAL); /* unknown bit */
	EXPECT_EQ(mprotect(p, 0, PROT_READ), 0); /* nothing to do */
	munmap(p + PAGE, PAGE);
	EXPECT_ERRNO(mprotect(p, 2 * PAGE, PROT_READ), ENOMEM); /* a hole */
	munmap(p, PAGE);
	EXPECT_ERRNO(mprotect(p, PAGE, PROT_READ), ENOMEM);
}

static void mm_madvise_dontneed_drops_private_pages(void)
{
	char *p = map(2 * PAGE, RW, ANON), *s;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x44, 2 * PAGE);
	EXPECT_EQ(madvise(p, PAGE, MADV_DONTNEED), 0);
	EXPECT_TRUE(all_bytes(p, PAGE, 0)); /* refaulted as a zero page */
	EXPECT_TRUE(all_bytes(p + PAGE, PAGE, 0x44));
	s = map(PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
	ASSERT_TRUE(s != MAP_FAILED);
	memset(s, 0x45, PAGE);
	EXPECT_EQ(madvise(s, PAGE, MADV_DONTNEED), 0);
	EXPECT_TRUE(all_bytes(s, PAGE, 0x45)); /* shared: the data stays */
	munmap(p, 2 * PAGE);
	munmap(s, PAGE);
}

static void mm_madvise_and_msync_errors(void)
{
	char *p = map(2 * PAGE, RW, ANON);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(madvise(p, 2 * PAGE, MADV_NORMAL), 0);
	EXPECT_ERRNO(madvise(p + 1, PAGE, MADV_DONTNEED), EINVAL);
	EXPECT_ERRNO(madvise(p, PAGE, 12345), EINVAL);
	EXPECT_EQ(msync(p, PAGE, MS_SYNC), 0);
	EXPECT_ERRNO(msync(p + 1, PAGE, MS_SYNC), EINVAL);
	EXPECT_ERRNO(msync(p, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
	EXPECT_ERRNO(msync(p, PAGE, 0x100), EINVAL);
	munmap(p, 2 * PAGE);
	EXPECT_ERRNO(madvise(p, PAGE, MADV_DONTNEED), ENOMEM);
	EXPECT_ERRNO(msync(p, PAGE, MS_SYNC), ENOMEM);
}

/* Exit codes: 0 saw the parent's data, then wrote its own. */
static void cow_child(void *arg)
{
	char *p = arg;

	if (!all_bytes(p, PAGE, 0x66))
		_exit(1);
	memset(p, 0x77, PAGE); /* a copy-on-write fault in the child */
	_exit(all_bytes(p, PAGE, 0x77) ? 0 : 2);
}

static void mm_fork_copies_private_pages_on_write(void)
{
	char *p = map(PAGE, RW, ANON);
	int status;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 0x66, PAGE);
	status = ktap_in_child(cow_child, p);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_TRUE(all_bytes(p, PAGE, 0x66)); /* not the child's 0x77 */
	memset(p, 0x68, PAGE); /* the last user: may keep its page */
	EXPECT_TRUE(all_bytes(p, PAGE, 0x68));
	munmap(p, PAGE);
}

static void shared_child(void *arg)
{
	memset(arg, 0x88, PAGE);
}

static void mm_shared_mapping_survives_fork(void)
{
	char *s = map(PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
	int status;

	ASSERT_TRUE(s != MAP_FAILED);
	memset(s, 0x11, PAGE);
	status = ktap_in_child(shared_child, s);
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_TRUE(all_bytes(s, PAGE, 0x88)); /* the child's writes */
	munmap(s, PAGE);
}

static void mm_untouched_pages_read_as_zero_then_take_writes(void)
{
	char *p = map(16 * PAGE, RW, ANON);
	int zero = 0;

	ASSERT_TRUE(p != MAP_FAILED);
	for (int i = 0; i < 16; i++)
		zero += p[i * PAGE] == 0; /* read faults: the zero page */
	EXPECT_EQ(zero, 16);
	for (int i = 0; i < 16; i++)
		p[i * PAGE + 1] = (char)i; /* then write faults */
	for (int i = 0; i < 16; i++)
		zero -= p[i * PAGE + 1] == (char)i && p[i * PAGE] == 0;
	EXPECT_EQ(zero, 0);
	munmap(p, 16 * PAGE);
}

static void mm_large_mapping_touched_sparsely(void)
{
	size_t len = 64UL << 20;
	char *p = map(len, RW, ANON);
	long sum = 0;

	ASSERT_TRUE(p != MAP_FAILED);
	for (size_t off = 0; off < len; off += 1 << 20)
		p[off] = 1;
	for (size_t off = 0; off < len; off += 1 << 20)
		sum += p[off];
	EXPECT_EQ(sum, 64);
	EXPECT_EQ(munmap(p, len), 0);
}

static void mm_private_file_mapping_reads_the_file(void)
{
	static const char text[] = "kmem386: the same binaries";
	int fd = ASSERT_OK(open("/etc/motd", O_RDONLY));
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_TRUE(!memcmp(p, text, sizeof(text) - 1));
	p[0] = 'K'; /* private: a copy, the file is unchanged */
	EXPECT_ERRNO(mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0), EACCES);
	EXPECT_ERRNO(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 1), EINVAL);
	munmap(p, PAGE);
	close(fd);
}

static int recurse(int depth)
{
	volatile char pad[1024];

	pad[0] = (char)depth;
	return depth ? recurse(depth - 1) + pad[0] - (char)depth : 0;
}

static void mm_stack_grows_down_on_demand(void)
{
	EXPECT_EQ(recurse(512), 0); /* 512 KB below the start */
}

static void mm_proc_self_maps_lists_a_mapping(void)
{
	char buf[4096], want[32];
	char *p = map(PAGE, PROT_READ, ANON);
	int fd, n;

	ASSERT_TRUE(p != MAP_FAILED);
	if (!ktap_need_file("/proc/self/maps")) {
		munmap(p, PAGE);
		return;
	}
	fd = open("/proc/self/maps", O_RDONLY);
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "%08lx-%08lx r--p", (unsigned long)p,
		 (unsigned long)p + PAGE);
	EXPECT_TRUE(strstr(buf, want) != NULL);
	close(fd);
	munmap(p, PAGE);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(mm_brk_grows_and_shrinks_the_heap),
	KTAP_CASE(mm_anonymous_mapping_is_zeroed_and_private),
	KTAP_CASE(mm_mappings_do_not_overlap),
	KTAP_CASE(mm_length_is_rounded_up_to_a_page),
	KTAP_CASE(mm_mmap_errors),
	KTAP_CASE(mm_unaligned_hint_is_only_a_hint),
	KTAP_CASE(mm_map_fixed_replaces_what_was_there),
	KTAP_CASE(mm_partial_munmap_leaves_the_rest),
	KTAP_CASE(mm_munmap_errors),
	KTAP_CASE(mm_mprotect_changes_access),
	KTAP_CASE(mm_mprotect_errors),
	KTAP_CASE(mm_madvise_dontneed_drops_private_pages),
	KTAP_CASE(mm_madvise_and_msync_errors),
	KTAP_CASE(mm_fork_copies_private_pages_on_write),
	KTAP_CASE(mm_shared_mapping_survives_fork),
	KTAP_CASE(mm_untouched_pages_read_as_zero_then_take_writes),
	KTAP_CASE(mm_large_mapping_touched_sparsely),
	KTAP_CASE(mm_private_file_mapping_reads_the_file),
	KTAP_CASE(mm_stack_grows_down_on_demand),
	KTAP_CASE(mm_proc_self_maps_lists_a_mapping),
	{}
};

int main(int argc, char **argv)
{
	return ktap_main("mm", cases, argc, argv);
}
