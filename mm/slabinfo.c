// SPDX-License-Identifier: GPL-2.0
/*
 * slabinfo.c - what the caches hold: /proc/slabinfo and slabtop.
 *
 * /proc/slabinfo is Linux's version 2.1 format, column for column.  SLUB
 * has no tunables and no shared arrays, so those columns are 0 on Linux
 * too.  <objsize> is the stride, debugging metadata included, as Linux
 * prints it.  One difference: Linux counts every object of a CPU's slab as
 * active; here <active_objs> is exact (the sum of the slabs' inuse).
 *
 * slabtop is procps's `slabtop --once --sort=c`: the five summary lines and
 * the table, biggest cache first.
 */
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <slab.h>
#include <sort.h>
#include <sprintf.h>
#include <string.h>

#include "slab_internal.h"

#define SLABTOP_MAX_CACHES 128

struct slabinfo {
	const char *name;
	unsigned long active_objs, num_objs, num_slabs;
	unsigned int objsize, objperslab, pagesperslab;
};

static void get_slabinfo(const struct kmem_cache *s, struct slabinfo *info)
{
	info->name = s->name;
	info->active_objs = kmem_cache_active_objects(s);
	info->num_objs = s->total_objects;
	info->num_slabs = s->nr_slabs;
	info->objsize = s->size;
	info->objperslab = s->objects;
	info->pagesperslab = 1U << s->order;
}

static void slabinfo_show(struct seq_file *m)
{
	const struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(
		m,
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
		" : tunables <limit> <batchcount> <sharedfactor>"
		" : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo info;

		get_slabinfo(s, &info);
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4u", info.name,
			   info.active_objs, info.num_objs, info.objsize,
			   info.objperslab, info.pagesperslab);
		seq_printf(m, " : tunables %4u %4u %4u", 0, 0, 0);
		seq_printf(m, " : slabdata %6lu %6lu %6lu\n", info.num_slabs,
			   info.num_slabs, 0UL);
	}
}
PROC_FILE("slabinfo", slabinfo_show);

/* --- slabtop ------------------------------------------------------------ */

/*
 * bytes / 1024 with two decimals, as printf("%.2f") rounds it: to the
 * nearest, ties to even (128 bytes is 0.125K, printed "0.12K").
 */
static const char *kb2(char *buf, unsigned long long bytes)
{
	unsigned long long hundredths = bytes * 100 / 1024;
	unsigned long long rest = bytes * 100 % 1024;

	if (rest > 512 || (rest == 512 && (hundredths & 1)))
		hundredths++;

	scnprintf(buf, 24, "%llu.%02llu", hundredths / 100, hundredths % 100);
	return buf;
}

/* a / b in percent with one decimal ("%.1f"). */
static const char *pct1(char *buf, unsigned long long a, unsigned long long b)
{
	unsigned long long tenths = b ? (a * 1000 + b / 2) / b : 0;

	scnprintf(buf, 24, "%llu.%llu", tenths / 10, tenths % 10);
	return buf;
}

static unsigned long cache_bytes(const struct slabinfo *info)
{
	return info->num_slabs * info->pagesperslab * PAGE_SIZE;
}

static int cmp_cache_size(const void *a, const void *b)
{
	unsigned long x = cache_bytes(a), y = cache_bytes(b);

	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(((const struct slabinfo *)a)->name,
		      ((const struct slabinfo *)b)->name);
}

struct slabtop_totals {
	unsigned long long objs, active, slabs, size, active_size;
	unsigned int caches, active_caches, min_obj, max_obj;
};

static void slabtop_summary(const struct slabinfo *info, unsigned int n)
{
	struct slabtop_totals t = { .min_obj = ~0U };
	char a[24], b[24], c[24];

	for (unsigned int i = 0; i < n; i++) {
		t.objs += info[i].num_objs;
		t.active += info[i].active_objs;
		t.slabs += info[i].num_slabs;
		t.size +=
			(unsigned long long)info[i].num_objs * info[i].objsize;
		t.active_size += (unsigned long long)info[i].active_objs *
				 info[i].objsize;
		t.active_caches += info[i].num_objs != 0;
		t.min_obj = min(t.min_obj, info[i].objsize);
		t.max_obj = max(t.max_obj, info[i].objsize);
	}
	kprintf(" %-35s: %llu / %llu (%s%%)\n",
		"Active / Total Objects (% used)", t.active, t.objs,
		pct1(a, t.active, t.objs));
	/* Every slab with an object counts as active, as for Linux's SLUB. */
	kprintf(" %-35s: %llu / %llu (%s%%)\n", "Active / Total Slabs (% used)",
		t.slabs, t.slabs, pct1(a, t.slabs, t.slabs));
	kprintf(" %-35s: %u / %u (%s%%)\n", "Active / Total Caches (% used)",
		t.active_caches, n, pct1(a, t.active_caches, n));
	kprintf(" %-35s: %sK / %sK (%s%%)\n", "Active / Total Size (% used)",
		kb2(a, t.active_size), kb2(b, t.size),
		pct1(c, t.active_size, t.size));
	kprintf(" %-35s: %sK / %sK / %sK\n\n",
		"Minimum / Average / Maximum Object", kb2(a, n ? t.min_obj : 0),
		kb2(b, t.objs ? t.size / t.objs : 0), kb2(c, t.max_obj));
}

static int cmd_slabtop(int argc, char **argv)
{
	static struct slabinfo info[SLABTOP_MAX_CACHES];
	const struct kmem_cache *s;
	unsigned int n = 0;

	list_for_each_entry(s, &slab_caches, list)
		if (n < SLABTOP_MAX_CACHES)
			get_slabinfo(s, &info[n++]);
	sort(info, n, sizeof(info[0]), cmp_cache_size);
	slabtop_summary(info, n);
	kprintf("%6s %6s %4s %8s %6s %8s %10s %-23s\n", "OBJS", "ACTIVE", "USE",
		"OBJ SIZE", "SLABS", "OBJ/SLAB", "CACHE SIZE", "NAME");
	for (unsigned int i = 0; i < n; i++) {
		const struct slabinfo *c = &info[i];

		char size[24];

		kprintf("%6lu %6lu %3lu%% %7sK %6lu %8u %9luK %-23s\n",
			c->num_objs, c->active_objs,
			c->num_objs ? c->active_objs * 100 / c->num_objs : 0,
			kb2(size, c->objsize), c->num_slabs, c->objperslab,
			cache_bytes(c) / 1024, c->name);
	}
	return 0;
}
SHELL_COMMAND(slabtop, "",
	      "the slab caches by size, as `slabtop --once --sort=c`",
	      SHELL_TOPIC_SLAB, cmd_slabtop);
