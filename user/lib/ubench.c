// SPDX-License-Identifier: GPL-2.0
/*
 * ubench.c - the benchmark loop of ubench.h: warm-up, an empty batch,
 * UBENCH_BATCHES timed batches, the median per operation in hundredths,
 * and one `bench:` line per row in the kernel's format.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ubench.h>
#include <unistd.h>

static unsigned long iters = UBENCH_ITERS_DEFAULT;
static char failure[160];

void ubench_fail(const char *fmt, ...)
{
	va_list args;

	if (failure[0])
		return; /* the first failure explains the row */
	va_start(args, fmt);
	vsnprintf(failure, sizeof(failure), fmt, args);
	va_end(args);
}

void ubench_fork_exit_wait(unsigned long n)
{
	int status;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			ubench_fail("fork or waitpid failed");
	}
}

/* The TSC, with a compiler barrier: nothing moves across the read. */
static uint64_t tsc_now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi)::"memory");
	return ((uint64_t)hi << 32) | lo;
}

/*
 * The idle time of the machine's one CPU in TSC ticks, from /proc/idle_tsc
 * ("cpu0 123456789", a line per CPU); 0 and *why set when there is no
 * such file or more than one CPU.
 */
static uint64_t idle_tsc(const char **why)
{
	char text[256], *p = text, *end;
	uint64_t idle = 0;
	int fd = open("/proc/idle_tsc", O_RDONLY), cpus = 0;
	ssize_t len = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);

	if (fd >= 0)
		close(fd);
	if (len <= 0) {
		*why = "needs /proc/idle_tsc (kmem386, or Linux with "
		       "idle_tsc.ko): the CPU's idle time";
		return 0;
	}
	text[len] = '\0';
	while ((p = strstr(p, "cpu")) != NULL) {
		p = strchr(p, ' ');
		if (!p)
			break;
		idle = 0;
		for (end = p + 1; *end >= '0' && *end <= '9'; end++)
			idle = idle * 10 + (uint64_t)(*end - '0');
		p = end;
		cpus++;
	}
	if (cpus != 1)
		*why = "needs one CPU: with several, one CPU's idle time is "
		       "not the machine's";
	return idle;
}

/* Times this process went to sleep (voluntary context switches). */
static long sleeps(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? 0 : ru.ru_nvcsw;
}

/* A batch's TSC ticks; *slept: the times the process slept in it. */
static uint64_t batch(const struct ubench_op *op, unsigned long n, long *slept)
{
	uint64_t t0, t1, idle0 = 0, idle1 = 0;
	const char *why = NULL;
	long s0 = 0;

	if (op->prepare)
		op->prepare(n);
	/* Read outside the timed part: the process runs, the CPU is busy. */
	if (op->exclude_idle) {
		s0 = sleeps();
		idle0 = idle_tsc(&why);
	}
	t0 = tsc_now();
	op->run(n);
	t1 = tsc_now();
	if (op->exclude_idle) {
		idle1 = idle_tsc(&why);
		*slept = sleeps() - s0;
	}
	if (op->finish)
		op->finish(n);
	if (why)
		ubench_fail("%s", why);
	return t1 - t0 - (idle1 - idle0);
}

static void sort_u64(uint64_t *a, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && a[j - 1] > a[j]; j--) {
			uint64_t t = a[j];

			a[j] = a[j - 1];
			a[j - 1] = t;
		}
}

/* "5.80" for 580 hundredths. */
static const char *x100(char *buf, uint64_t v)
{
	snprintf(buf, 24, "%llu.%02llu", v / 100, v % 100);
	return buf;
}

static bool run_row(const struct ubench_op *op)
{
	unsigned long n = iters >> op->shift ? iters >> op->shift : 1;
	uint64_t ticks[UBENCH_BATCHES], empty, med, lo, hi;
	const char *skip = op->setup ? op->setup() : NULL;
	char a[24], b[24], c[24], d[24];
	long slept = 0, sleeps_total = 0;

	if (!skip && op->exclude_idle) {
		idle_tsc(&skip);
		if (skip && op->teardown)
			op->teardown();
	}
	if (skip) {
		printf("bench: %s skipped desc=\"%s\" note=\"%s\"\n", op->id,
		       op->desc, skip);
		return true;
	}
	failure[0] = '\0';
	batch(op, n, &slept);
	empty = batch(op, 0, &slept);
	for (int i = 0; i < UBENCH_BATCHES; i++) {
		uint64_t t = batch(op, n, &slept);

		ticks[i] = t > empty ? t - empty : 0;
		sleeps_total += slept;
	}
	if (op->teardown)
		op->teardown();
	if (failure[0]) {
		printf("bench: %s failed desc=\"%s\" note=\"%s\"\n", op->id,
		       op->desc, failure);
		return false;
	}
	sort_u64(ticks, UBENCH_BATCHES);
	med = (ticks[UBENCH_BATCHES / 2] * 100 + n / 2) / n;
	lo = (ticks[0] * 100 + n / 2) / n;
	hi = (ticks[UBENCH_BATCHES - 1] * 100 + n / 2) / n;
	printf("bench: %s per_op=%s floor=- ratio=- ops=%lu min=%s max=%s",
	       op->id, x100(a, med), n, x100(b, lo), x100(c, hi));
	/* How many operations waited (slept), in hundredths per operation. */
	if (op->exclude_idle)
		printf(" sleeps=%s", x100(d, ((uint64_t)sleeps_total * 100 +
					      UBENCH_BATCHES * n / 2) /
						     (UBENCH_BATCHES * n)));
	printf(" desc=\"%s\"\n", op->desc);
	return true;
}

static bool row_wanted(const char *id, int argc, char **argv)
{
	bool named = false;

	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "iters=", 6))
			continue;
		named = true;
		if (!strcmp(argv[i], id))
			return true;
	}
	return !named;
}

int ubench_main(const char *prog, const struct ubench_op *ops, int argc,
		char **argv)
{
	int rows = 0, failed = 0;

	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], "iters=", 6) && atoi(argv[i] + 6) > 0)
			iters = atoi(argv[i] + 6);
	printf("bench: start prog=%s iters=%lu batches=%d\n", prog, iters,
	       UBENCH_BATCHES);
	for (const struct ubench_op *op = ops; op->id; op++) {
		if (!row_wanted(op->id, argc, argv))
			continue;
		rows++;
		failed += !run_row(op);
	}
	printf("bench: done prog=%s rows=%d failed=%d\n", prog, rows, failed);
	return failed ? 1 : 0;
}
