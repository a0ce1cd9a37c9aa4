// SPDX-License-Identifier: GPL-2.0
/*
 * stress_cmds.c - the `stress` command and the report of a run: what the
 * memory manager held before the random work (stress.c) and after it, side
 * by side, and whether it all came back.
 *
 *	kmem386> stress 42 10000
 *	stress: seed 42, 10000 ops
 *	  812 refused (memory ran out), 21 exhaustions, 0 errors
 *	                  before                         after
 *	  zone Normal     free 219004: 4 2 1 0 ...       free 219004: 4 2 1 0 ...
 *	  ...
 *	stress: everything came back
 */
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <stress.h>
#include <string.h>

/* "free 219004: 4 2 1 0 0 0 0 0 0 1 53" for one zone. */
static void zone_line(char *buf, size_t size, const struct stress_counts *c,
		      int z)
{
	int n = scnprintf(buf, size, "free %lu:", c->free_pages[z]);

	for (int o = 0; o < MAX_ORDER; o++)
		n += scnprintf(buf + n, size - (size_t)n, " %lu",
			       c->nr_free[z][o]);
}

static void pair(const char *what, unsigned long a, unsigned long b)
{
	kprintf("  %-22s %12lu %12lu%s\n", what, a, b,
		a == b ? "" : "  DIFFERS");
}

void stress_print(const struct stress_result *r, u32 seed)
{
	const struct stress_counts *a = &r->before, *b = &r->after;

	if (r->cpus > 1 || r->ms)
		kprintf("stress: seed %u, %lu ops on %u CPUs at once in %lu.%03lu s%s\n",
			seed, r->ops, r->cpus, r->ms / 1000, r->ms % 1000,
			r->interrupted ? " (stopped by Ctrl-C)" : "");
	else
		kprintf("stress: seed %u, %lu ops%s\n", seed, r->ops,
			r->interrupted ? " (stopped by Ctrl-C)" : "");
	kprintf("  %lu refused (memory ran out), %lu exhaustions, %lu errors\n",
		r->refused, r->exhaustions, r->errors);
	kprintf("  free blocks by order 0..%d, per zone: before, then after\n",
		MAX_ORDER - 1);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		char x[160], y[160];

		if (!populated_zone(&zones[z]))
			continue;
		zone_line(x, sizeof(x), a, z);
		zone_line(y, sizeof(y), b, z);
		kprintf("  %-8s before %s\n", zones[z].name, x);
		kprintf("  %-8s after  %s%s\n", "", y,
			strcmp(x, y) ? "  DIFFERS" : "");
	}
	kprintf("  %-22s %12s %12s\n", "", "before", "after");
	pair("slab pages", a->slab_pages, b->slab_pages);
	pair("slab objects", a->slab_objects, b->slab_objects);
	pair("slab caches", a->nr_caches, b->nr_caches);
	pair("vmalloc areas", a->vm_areas, b->vm_areas);
	pair("vmalloc largest gap", a->vm_largest, b->vm_largest);
	pair("vmalloc pages", a->vm_pages, b->vm_pages);
	pair("page tables", a->pgtables, b->pgtables);
	pair("kmap users", a->pkmap_users, b->pkmap_users);
	pair("kmap_local depth", (unsigned long)a->kmap_local_depth,
	     (unsigned long)b->kmap_local_depth);
	kprintf("stress: %s\n",
		r->same ?
			(r->errors ?
				 "everything came back, but data was corrupted (see above)" :
				 "everything came back") :
			"NOT everything came back (see DIFFERS)");
}

static int cmd_stress(int argc, char **argv)
{
	struct stress_result r;
	unsigned long seed, ops, seconds = 0;
	bool all = argc > 1 && !strcmp(argv[1], "-a");

	if (all) { /* the rest as if -a were not there */
		argc--;
		argv++;
	}
	if (argc != 3 && !(all && argc == 4))
		return shell_usage("stress");
	if (shell_parse_ulong(argv[1], &seed) ||
	    shell_parse_ulong(argv[2], &ops) ||
	    (argc == 4 && shell_parse_ulong(argv[3], &seconds)))
		return -EINVAL;
	if (ops > STRESS_MAX_OPS) {
		kprintf("stress: %lu ops is more than %lu: refused\n", ops,
			STRESS_MAX_OPS);
		return -EINVAL;
	}
	if (seconds > STRESS_MAX_SECONDS) {
		kprintf("stress: %lu seconds is more than %lu: refused\n",
			seconds, STRESS_MAX_SECONDS);
		return -EINVAL;
	}
	if (all)
		return stress_run_all((u32)seed, ops, seconds, true, &r);
	return stress_run((u32)seed, ops, true, &r);
}
SHELL_COMMAND(stress, "[-a] SEED OPS [SECONDS]",
	      "seeded random work; everything must come back",
	      SHELL_TOPIC_SYSTEM, cmd_stress,
	      .detail = "Runs OPS operations (at most 1000000) drawn from a "
			"random generator seeded with SEED, so a run repeats "
			"exactly: pages of every order and zone, kmalloc and "
			"krealloc, caches of its own, vmalloc, vmap, kmap and "
			"kmap_local, and now and then a zone run dry and "
			"refilled.  Every block it holds carries a signature "
			"that is checked when it is freed.  The free blocks "
			"per zone and order, the slab, vmalloc, page-table and "
			"kmap counts are shown before and after, side by side: "
			"they must be equal.  With -a every CPU runs OPS of its "
			"own at the same time (and on for SECONDS, if given, "
			"at most 600): the locks at work.  Ctrl-C stops it "
			"between two operations; what it holds is given back "
			"all the same.",
	      .see = "cat /proc/buddyinfo, slabtop, cat /proc/vmallocinfo, "
		     "test stress, cpus");
