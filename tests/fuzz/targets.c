// SPDX-License-Identifier: GPL-2.0
/*
 * targets.c - the fuzz targets: which operation families each runs.
 *
 * One binary per target under libFuzzer (entry.c, `make fuzz`), each with
 * its corpus in tests/fuzz/corpus/<target>/; the replay (`make test`) runs
 * them all (replay.c asks for them through the two functions at the end:
 * it sees only the C library's headers).  A target that maps pages needs
 * blocks to map: vmalloc (vmap) and kmap run the page family too.
 */
#include <string.h>

#include "fuzz.h"

const struct fuzz_target fuzz_targets[] = {
	{ "page", FZ_PAGE },
	{ "slab", FZ_SLAB },
	{ "vmalloc", FZ_VMALLOC | FZ_PAGE },
	{ "kmap", FZ_KMAP | FZ_PAGE },
	{ "mm", FZ_ALL },
	{ NULL, 0 },
};

const struct fuzz_target *fuzz_target(const char *name)
{
	for (const struct fuzz_target *t = fuzz_targets; t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

/* --- for replay.c --------------------------------------------------------- */

int fuzz_replay_one(const char *target, const unsigned char *data,
		    unsigned long size);
const char *fuzz_replay_target(int i);

const char *fuzz_replay_target(int i)
{
	return fuzz_targets[i].name;
}

int fuzz_replay_one(const char *target, const unsigned char *data,
		    unsigned long size)
{
	const struct fuzz_target *t = fuzz_target(target);

	return t ? fuzz_run(data, size, t->families) : -1;
}
