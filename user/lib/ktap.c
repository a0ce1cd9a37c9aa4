// SPDX-License-Identifier: GPL-2.0
/*
 * ktap.c - runs a program's test cases and prints KTAP version 1 (the
 * format ktap.h shows).  One case at a time, in this process: a case
 * that crashes the program cuts its KTAP short, and the runner reports
 * that as a crash, which is what it is.
 *
 * A case's diagnostics are printed as they happen, before its result
 * line, as KUnit does; a case that both failed and asked to be skipped
 * counts as failed.
 */
#include <fcntl.h>
#include <ktap.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void *volatile ktap_bad_ptr = (void *)1;
void *volatile ktap_kernel_ptr = (void *)0xc0000000;

static struct {
	int failures; /* failed expectations in the running case */
	char skip[128]; /* the skip reason, "" if not skipped */
} cur;

void ktap_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	const char *base = file;
	va_list args;

	for (const char *p = file; *p; p++)
		if (*p == '/')
			base = p + 1;
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printf("    # %s:%d: %s\n", base, line, msg);
	cur.failures++;
}

void ktap_note(const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printf("    # %s\n", msg);
}

void ktap_skip(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(cur.skip, sizeof(cur.skip), fmt, args);
	va_end(args);
}

bool ktap_case_done(void)
{
	return cur.failures || cur.skip[0];
}

bool ktap_need_file(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		ktap_skip("needs %s", path);
		return false;
	}
	close(fd);
	return true;
}

int ktap_in_child(void (*fn)(void *arg), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		ktap_fail(__FILE__, __LINE__, "fork: %s", errno_name(errno));
		return -1;
	}
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		ktap_fail(__FILE__, __LINE__, "waitpid: %s", errno_name(errno));
		return -1;
	}
	return status;
}

static bool wanted(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return true;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

int ktap_main(const char *suite, const struct ktap_case *cases, int argc,
	      char **argv)
{
	int total = 0, n = 0, pass = 0, fail = 0, skip = 0;

	for (const struct ktap_case *c = cases; c->name; c++)
		total += wanted(c->name, argc, argv);
	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite,
	       total);
	for (const struct ktap_case *c = cases; c->name; c++) {
		if (!wanted(c->name, argc, argv))
			continue;
		cur.failures = 0;
		cur.skip[0] = '\0';
		c->run();
		n++;
		if (cur.failures) {
			fail++;
			printf("    not ok %d %s\n", n, c->name);
		} else if (cur.skip[0]) {
			skip++;
			printf("    ok %d %s # SKIP %s\n", n, c->name,
			       cur.skip);
		} else {
			pass++;
			printf("    ok %d %s\n", n, c->name);
		}
	}
	printf("# %s: pass:%d fail:%d skip:%d total:%d\n", suite, pass, fail,
	       skip, total);
	printf("%s 1 %s\n", fail ? "not ok" : "ok", suite);
	return fail ? 1 : 0;
}
