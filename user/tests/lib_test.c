// SPDX-License-Identifier: GPL-2.0
/*
 * lib_test.c - verifies the user library on the kernel it runs on: what
 * _start received (argc, argv, envp, the auxiliary vector), printf's
 * formatting, the string functions, and malloc on brk and mmap2 (a large
 * block is its own mapping, gone after free).
 *
 * Everything it checks is decided by the library or by Linux's ABI, so
 * the results are the same on every kernel that follows the ABI.
 */
#include <auxv.h>
#include <ktap.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char _start[]; /* crt0.S */

static int saved_argc;
static char **saved_argv;

static void lib_start_receives_argv_and_envp(void)
{
	const char *name = saved_argv[0];
	size_t len = strlen(name);

	EXPECT_TRUE(saved_argc >= 1);
	EXPECT_TRUE(saved_argv[saved_argc] == NULL);
	EXPECT_TRUE(len >= 8 && !strcmp(name + len - 8, "lib_test"));
	EXPECT_TRUE(environ != NULL); /* possibly empty, never missing */
}

static void lib_auxv_has_page_size_entry_and_random(void)
{
	unsigned char *random = (unsigned char *)getauxval(AT_RANDOM);

	EXPECT_EQ(getauxval(AT_PAGESZ), 4096);
	EXPECT_EQ(getauxval(AT_ENTRY), (unsigned long)_start);
	EXPECT_TRUE(random != NULL);
	EXPECT_EQ(getauxval(AT_BASE), 0); /* static: no interpreter */
	EXPECT_EQ(getauxval(12345), 0); /* no such entry */
}

static void lib_stack_is_16_byte_aligned_in_main(void)
{
	char probe __attribute__((aligned(16)));

	EXPECT_EQ((unsigned long)&probe % 16, 0);
}

static void lib_snprintf_formats(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5d|%-4d|%05d", -42, 7, 3, 42);
	EXPECT_TRUE(!strcmp(buf, "-42|    7|3   |00042"));
	snprintf(buf, sizeof(buf), "%x|%X|%#o|%#x|%lu|%lld", 255, 255, 8, 255,
		 4000000000UL, -5000000000LL);
	EXPECT_TRUE(!strcmp(buf, "ff|FF|010|0xff|4000000000|-5000000000"));
	snprintf(buf, sizeof(buf), "%s|%.3s|%6s|%c|%%|%p", "abc", "abcdef",
		 "ab", 'z', (void *)0x1000);
	EXPECT_TRUE(!strcmp(buf, "abc|abc|    ab|z|%|0x1000"));
	EXPECT_EQ(snprintf(buf, 4, "%s", "truncated"), 9);
	EXPECT_TRUE(!strcmp(buf, "tru"));
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%+d % d %.0d", 5, 5, 0), 6);
}

static void lib_string_functions(void)
{
	char a[16] = "hello", b[16];

	EXPECT_EQ(strlen(a), 5);
	EXPECT_TRUE(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0);
	EXPECT_EQ(strncmp("abcx", "abcy", 3), 0);
	EXPECT_TRUE(strchr(a, 'l') == a + 2 && !strchr(a, 'z'));
	EXPECT_TRUE(strstr("a needle here", "needle") != NULL);
	memmove(a + 1, a, 5); /* overlapping, forwards */
	EXPECT_EQ(memcmp(a, "hhello", 6), 0);
	memset(b, 'x', sizeof(b));
	memcpy(b, "abc", 4);
	EXPECT_TRUE(!strcmp(b, "abc") && b[4] == 'x');
	EXPECT_EQ(strtol("-0x1f", NULL, 0), -31);
	EXPECT_EQ(strtoul("0755", NULL, 0), 0755);
	EXPECT_EQ(atoi("123abc"), 123);
}

static void lib_malloc_small_blocks_are_distinct(void)
{
	char *p[64];
	int ok = 0;

	for (int i = 0; i < 64; i++) {
		p[i] = malloc(24 + i * 30);
		if (p[i])
			memset(p[i], i, 24 + i * 30);
	}
	for (int i = 0; i < 64; i++)
		ok += p[i] && p[i][0] == i && p[i][23 + i * 30] == i &&
		      (unsigned long)p[i] % 8 == 0;
	EXPECT_EQ(ok, 64);
	for (int i = 0; i < 64; i++)
		free(p[i]);
	p[0] = malloc(24); /* a freed block comes back */
	EXPECT_TRUE(p[0] != NULL);
	free(p[0]);
}

static void touch(void *arg)
{
	*(volatile char *)arg = 1;
}

static void lib_malloc_large_blocks_are_mappings(void)
{
	size_t len = 256 * 1024;
	char *p = malloc(len);
	int status;

	ASSERT_TRUE(p != NULL);
	memset(p, 0x5a, len);
	EXPECT_EQ(p[len - 1], 0x5a);
	free(p); /* munmap: the memory is gone */
	status = ktap_in_child(touch, p + 4096);
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

static void lib_realloc_and_calloc(void)
{
	char *p = malloc(10), *q;
	int *z = calloc(1000, sizeof(int)), zeros = 0;

	ASSERT_TRUE(p && z);
	memcpy(p, "0123456789", 10);
	q = realloc(p, 5000);
	ASSERT_TRUE(q != NULL);
	EXPECT_EQ(memcmp(q, "0123456789", 10), 0);
	for (int i = 0; i < 1000; i++)
		zeros += z[i] == 0;
	EXPECT_EQ(zeros, 1000);
	EXPECT_TRUE(calloc(0x10000, 0x10000) == NULL); /* overflow */
	EXPECT_EQ(errno, ENOMEM);
	EXPECT_TRUE(malloc(0xfffffff0u) == NULL); /* more than 3 GB */
	EXPECT_EQ(errno, ENOMEM);
	free(q);
	free(z);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(lib_start_receives_argv_and_envp),
	KTAP_CASE(lib_auxv_has_page_size_entry_and_random),
	KTAP_CASE(lib_stack_is_16_byte_aligned_in_main),
	KTAP_CASE(lib_snprintf_formats),
	KTAP_CASE(lib_string_functions),
	KTAP_CASE(lib_malloc_small_blocks_are_distinct),
	KTAP_CASE(lib_malloc_large_blocks_are_mappings),
	KTAP_CASE(lib_realloc_and_calloc),
	{}
};

int main(int argc, char **argv)
{
	saved_argc = argc;
	saved_argv = argv;
	return ktap_main("lib", cases, argc, argv);
}
