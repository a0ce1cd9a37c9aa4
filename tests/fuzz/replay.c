// SPDX-License-Identifier: GPL-2.0
/*
 * replay.c - every input of the kept corpus, once, as host tests (KTAP).
 *
 *	fuzz_replay [CORPUS-DIR]	(default tests/fuzz/corpus)
 *
 * A suite per target (fuzz_page, fuzz_slab...), a case per input file of
 * CORPUS-DIR/<target>/, run by the same harness as under libFuzzer but
 * built with gcc's sanitizers and no libFuzzer, so `make test` needs
 * neither clang nor libFuzzer.  A finding aborts the program with the
 * kernel log and the broken invariant on stderr: the runner reports a
 * crash.  An empty or missing corpus is a failed case: the corpus is kept
 * in the repository so that every build replays it.
 *
 * This file sees only the C library's headers; fuzz_replay_one() (in
 * targets.c) is the kernel side.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* targets.c: run `data` as target `target`'s input. */
int fuzz_replay_one(const char *target, const unsigned char *data,
		    unsigned long size);
/* targets.c: the name of target i, or NULL past the last. */
const char *fuzz_replay_target(int i);

#define MAX_INPUTS 4096
#define MAX_INPUT_SIZE (1 << 20)

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file names of dir, sorted; returns how many (-1: no such dir). */
static int list_inputs(const char *dir, char **names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) && n < MAX_INPUTS)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), compare_names);
	return n;
}

static unsigned char *read_input(const char *path, unsigned long *size)
{
	static unsigned char buf[MAX_INPUT_SIZE];
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	*size = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return buf;
}

/* One target's suite; returns 1 if every case passed. */
static int replay_target(const char *corpus, const char *target, int number)
{
	static char *names[MAX_INPUTS];
	char dir[512], path[1024];
	int n, failed = 0;

	snprintf(dir, sizeof(dir), "%s/%s", corpus, target);
	n = list_inputs(dir, names);
	printf("    KTAP version 1\n    # Subtest: fuzz_%s\n    1..%d\n",
	       target, n > 0 ? n : 1);
	if (n <= 0) {
		printf("    # %s: no corpus to replay\n    not ok 1 corpus\n",
		       dir);
		printf("not ok %d fuzz_%s\n", number, target);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		unsigned long size;
		unsigned char *data;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		data = read_input(path, &size);
		fflush(stdout);
		if (!data || fuzz_replay_one(target, data, size)) {
			printf("    # %s: cannot be read or run\n", path);
			printf("    not ok %d %s\n", i + 1, names[i]);
			failed++;
		} else {
			printf("    ok %d %s\n", i + 1, names[i]);
		}
		free(names[i]);
	}
	printf("    # fuzz_%s: pass:%d fail:%d skip:0 total:%d\n", target,
	       n - failed, failed, n);
	printf("%s %d fuzz_%s\n", failed ? "not ok" : "ok", number, target);
	return !failed;
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "tests/fuzz/corpus";
	int targets = 0, ok = 1;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while (fuzz_replay_target(targets))
		targets++;
	printf("KTAP version 1\n1..%d\n", targets);
	for (int i = 0; i < targets; i++)
		ok &= replay_target(corpus, fuzz_replay_target(i), i + 1);
	return ok ? 0 : 1;
}
