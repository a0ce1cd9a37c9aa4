// SPDX-License-Identifier: GPL-2.0
/*
 * file_test.c - verifies open, read, write, lseek, _llseek, close,
 * fsync and sync on the files every kernel's initramfs has (user/
 * README.md): /etc/motd with known contents, the /user directory, the
 * console on fds 0-2.  Normal use, then every errno Linux gives for a
 * bad fd, a bad pointer, a bad offset or whence, a bad path.
 *
 * One case writes a file in /tmp; a kernel without a writable /tmp skips
 * it ("needs a writable /tmp").
 */
#include <fcntl.h>
#include <ktap.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#define MOTD "/etc/motd"
#define MOTD_TEXT "kmem386: the same binaries on two kernels.\n"
#define MOTD_LEN ((int)sizeof(MOTD_TEXT) - 1)

static void file_open_read_close(void)
{
	char buf[128];
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_TRUE(fd >= 3);
	memset(buf, 0, sizeof(buf));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), MOTD_LEN);
	EXPECT_TRUE(!strcmp(buf, MOTD_TEXT));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0); /* end of file */
	EXPECT_EQ(close(fd), 0);
}

static void file_read_in_small_pieces(void)
{
	char buf[MOTD_LEN + 1];
	int fd = ASSERT_OK(open(MOTD, O_RDONLY)), got = 0;

	while (got < MOTD_LEN) {
		int n = read(fd, buf + got, 5);

		if (!EXPECT_TRUE(n > 0 && n <= 5))
			break;
		got += n;
	}
	buf[got] = '\0';
	EXPECT_TRUE(!strcmp(buf, MOTD_TEXT));
	close(fd);
}

static void file_lowest_free_fd_is_reused(void)
{
	int a = ASSERT_OK(open(MOTD, O_RDONLY));
	int b = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_EQ(b, a + 1);
	close(a);
	EXPECT_EQ(open(MOTD, O_RDONLY), a);
	close(a);
	close(b);
}

static void file_lseek_moves_the_offset(void)
{
	char c;
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_EQ(lseek(fd, 9, SEEK_SET), 9);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(c, MOTD_TEXT[9]);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 10);
	EXPECT_EQ(lseek(fd, -1, SEEK_END), MOTD_LEN - 1);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(c, '\n');
	EXPECT_EQ(lseek(fd, 100, SEEK_SET), 100); /* past the end is allowed */
	EXPECT_EQ(read(fd, &c, 1), 0);
	close(fd);
}

static void file_llseek_gives_a_64_bit_offset(void)
{
	loff_t pos = -1;
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_EQ(_llseek(fd, 0, 4, &pos, SEEK_SET), 0);
	EXPECT_EQ(pos, 4);
	EXPECT_EQ(_llseek(fd, 0, 0, &pos, SEEK_END), 0);
	EXPECT_EQ(pos, MOTD_LEN);
	EXPECT_ERRNO(_llseek(fd, 0, 0, BAD_PTR, SEEK_SET), EFAULT);
	EXPECT_ERRNO(_llseek(fd, 0, 0, &pos, 7), EINVAL);
	EXPECT_ERRNO(_llseek(99, 0, 0, &pos, SEEK_SET), EBADF);
	close(fd);
}

static void file_lseek_errors(void)
{
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERRNO(lseek(fd, -100, SEEK_END), EINVAL);
	EXPECT_ERRNO(lseek(fd, 0, 7), EINVAL);
	EXPECT_ERRNO(lseek(99, 0, SEEK_SET), EBADF);
	close(fd);
}

static void file_read_errors(void)
{
	char buf[16];
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));
	int dir = ASSERT_OK(open("/user", O_RDONLY | O_DIRECTORY));

	EXPECT_ERRNO(read(99, buf, sizeof(buf)), EBADF);
	EXPECT_ERRNO(read(-1, buf, sizeof(buf)), EBADF);
	EXPECT_ERRNO(read(fd, BAD_PTR, sizeof(buf)), EFAULT);
	EXPECT_ERRNO(read(fd, KERNEL_PTR, sizeof(buf)), EFAULT);
	EXPECT_ERRNO(read(dir, buf, sizeof(buf)), EISDIR);
	EXPECT_EQ(read(fd, buf, 0), 0);
	close(dir);
	close(fd);
	EXPECT_ERRNO(read(fd, buf, sizeof(buf)), EBADF); /* closed */
}

static void file_write_to_the_console(void)
{
	static const char line[] =
		"    # file_test: a line written by write()\n";

	EXPECT_EQ(write(STDOUT_FILENO, line, sizeof(line) - 1),
		  (long)sizeof(line) - 1);
	EXPECT_EQ(write(STDOUT_FILENO, line, 0), 0);
}

static void file_write_errors(void)
{
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_ERRNO(write(fd, "x", 1), EBADF); /* opened read-only */
	EXPECT_ERRNO(write(99, "x", 1), EBADF);
	EXPECT_ERRNO(write(STDOUT_FILENO, BAD_PTR, 4), EFAULT);
	EXPECT_ERRNO(write(STDOUT_FILENO, KERNEL_PTR, 4), EFAULT);
	close(fd);
}

static void file_open_errors(void)
{
	static char long_name[5000];

	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[0] = '/';
	EXPECT_ERRNO(open("/etc/no-such-file", O_RDONLY), ENOENT);
	EXPECT_ERRNO(open("", O_RDONLY), ENOENT);
	EXPECT_ERRNO(open(BAD_PTR, O_RDONLY), EFAULT);
	EXPECT_ERRNO(open(KERNEL_PTR, O_RDONLY), EFAULT);
	EXPECT_ERRNO(open(long_name, O_RDONLY), ENAMETOOLONG);
	EXPECT_ERRNO(open(MOTD "/x", O_RDONLY), ENOTDIR);
	EXPECT_ERRNO(open(MOTD, O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERRNO(open("/user", O_WRONLY), EISDIR);
}

static void file_close_errors(void)
{
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_EQ(close(fd), 0);
	EXPECT_ERRNO(close(fd), EBADF);
	EXPECT_ERRNO(close(-1), EBADF);
	EXPECT_ERRNO(close(1000000), EBADF);
}

static void file_open_until_emfile(void)
{
	struct rlimit saved, rl = { 10, 10 };
	int fds[16], n = 0;

	ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
	ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
	while (n < 16) {
		int fd = open(MOTD, O_RDONLY);

		if (fd < 0)
			break;
		fds[n++] = fd;
	}
	EXPECT_EQ(n, 7); /* fds 3..9: 0, 1 and 2 are the console */
	EXPECT_ERRNO(open(MOTD, O_RDONLY), EMFILE);
	while (n)
		close(fds[--n]);
	EXPECT_EQ(setrlimit(RLIMIT_NOFILE, &saved), 0);
}

static void file_fsync_and_sync(void)
{
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	EXPECT_EQ(fsync(fd), 0);
	EXPECT_EQ(fdatasync(fd), 0);
	EXPECT_ERRNO(fsync(99), EBADF);
	EXPECT_ERRNO(fsync(STDOUT_FILENO), EINVAL); /* a tty cannot */
	sync();
	close(fd);
}

static void file_read_into_a_fresh_mapping(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = ASSERT_OK(open(MOTD, O_RDONLY));

	ASSERT_TRUE(p != MAP_FAILED);
	/* Not touched yet: the kernel's copy takes the page fault. */
	EXPECT_EQ(read(fd, p, 4096), MOTD_LEN);
	EXPECT_TRUE(!memcmp(p, MOTD_TEXT, MOTD_LEN));
	EXPECT_EQ(mprotect(p, 4096, PROT_READ), 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_ERRNO(read(fd, p, 4096), EFAULT); /* read-only now */
	EXPECT_EQ(mprotect(p, 4096, PROT_NONE), 0);
	EXPECT_ERRNO(write(STDOUT_FILENO, p, 1), EFAULT); /* unreadable */
	munmap(p, 4096);
	close(fd);
}

static void file_create_write_read_back(void)
{
	char buf[16];
	int fd = open("/tmp/file_test", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		KTAP_SKIP("needs a writable /tmp");
	EXPECT_EQ(write(fd, "hello", 5), 5);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 5);
	EXPECT_TRUE(!memcmp(buf, "hello", 5));
	EXPECT_ERRNO(open("/tmp/file_test", O_RDWR | O_CREAT | O_EXCL, 0644),
		     EEXIST);
	close(fd);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(file_open_read_close),
	KTAP_CASE(file_read_in_small_pieces),
	KTAP_CASE(file_lowest_free_fd_is_reused),
	KTAP_CASE(file_lseek_moves_the_offset),
	KTAP_CASE(file_llseek_gives_a_64_bit_offset),
	KTAP_CASE(file_lseek_errors),
	KTAP_CASE(file_read_errors),
	KTAP_CASE(file_write_to_the_console),
	KTAP_CASE(file_write_errors),
	KTAP_CASE(file_open_errors),
	KTAP_CASE(file_close_errors),
	KTAP_CASE(file_open_until_emfile),
	KTAP_CASE(file_fsync_and_sync),
	KTAP_CASE(file_read_into_a_fresh_mapping),
	KTAP_CASE(file_create_write_read_back),
	{}
};

int main(int argc, char **argv)
{
	return ktap_main("file", cases, argc, argv);
}
