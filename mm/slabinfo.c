// SPDX-License-Identifier: GPL-2.0
/*
 * slabinfo.c - what the caches hold: /proc/slabinfo.
 *
 * /proc/slabinfo is Linux's version 2.1 format, column for column.  SLUB
 * has no tunables and no shared arrays, so those columns are 0 on Linux
 * too.  <objsize> is the stride, debugging metadata included, as Linux
 * prints it.  One difference: Linux counts every object of a CPU's slab as
 * active; here <active_objs> is exact (kmem_cache_active_objects()).  The
 * list of caches is walked under slab_mutex, so none comes or goes
 * meanwhile.
 *
 * The shell's slabtop reads this file, as procps's does.
 */
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <seq_file.h>
#include <slab.h>

#include "slab_internal.h"

struct slabinfo {
	const char *name;
	unsigned long active_objs, num_objs, num_slabs;
	unsigned int objsize, objperslab, pagesperslab;
};

static void get_slabinfo(const struct kmem_cache *s, struct slabinfo *info)
{
	info->name = s->name;
	info->active_objs = kmem_cache_active_objects(s);
	info->num_objs = atomic_long_read(&s->node[0].total_objects);
	info->num_slabs = atomic_long_read(&s->node[0].nr_slabs);
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
	mutex_lock(&slab_mutex);
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
	mutex_unlock(&slab_mutex);
}
PROC_FILE("slabinfo", slabinfo_show);
