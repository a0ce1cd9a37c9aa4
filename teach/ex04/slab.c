// SPDX-License-Identifier: GPL-2.0
/*
 * slab.c - ex04 2.7.9.e: the slab caches, as the exercise's table.
 *
 * The numbers are the caches' own counters (mm/slab.c), the ones
 * /proc/slabinfo prints: objects handed out, objects in all slabs, slabs
 * with at least one object in use, and all slabs.  The list of caches is
 * walked under slab_mutex, as /proc/slabinfo walks it.
 */
#include <asm/memlayout.h>
#include <errno.h>
#include <kernel.h>
#include <kernel_memory.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

static unsigned long nr_slabs_of(const struct kmem_cache *s)
{
	return (unsigned long)atomic_long_read(&s->node[0].nr_slabs);
}

static void fill_cache_info(slab_cache_info_t *info, const struct kmem_cache *s)
{
	*info = (slab_cache_info_t){
		.name = s->name,
		.object_size = s->object_size,
		.slab_size = PAGE_SIZE << s->order,
		.objects_per_slab = (int)s->objects,
		.active_objs = kmem_cache_active_objects(s),
		.total_objs = atomic_long_read(&s->node[0].total_objects),
		.active_slabs = nr_slabs_of(s) - s->node[0].nr_empty,
		.total_slabs = nr_slabs_of(s),
	};
}

int get_slab_caches(slab_cache_info_t **caches, int *count)
{
	const struct kmem_cache *s;
	slab_cache_info_t *array;
	int n = 0, i = 0;

	if (!caches || !count)
		return -EINVAL;
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		n++;
	/* kmalloc creates no cache: the count stays right. */
	array = kmalloc_array((size_t)n, sizeof(*array), GFP_KERNEL);
	if (array)
		list_for_each_entry(s, &slab_caches, list)
			if (i < n)
				fill_cache_info(&array[i++], s);
	mutex_unlock(&slab_mutex);
	if (!array)
		return -ENOMEM;
	*caches = array;
	*count = i;
	return 0;
}

void print_slab_info(void)
{
	slab_cache_info_t *caches;
	int count;

	if (get_slab_caches(&caches, &count)) {
		kprintf("print_slab_info: out of memory\n");
		return;
	}
	kprintf("%-20s %7s %7s %7s %6s %6s\n", "Cache Name", "ObjSize",
		"Active", "Total", "Slabs", "Obj/S");
	for (int i = 0; i < count; i++)
		if (caches[i].total_objs || caches[i].active_objs)
			kprintf("%-20s %7zu %7llu %7llu %6llu %6d\n",
				caches[i].name, caches[i].object_size,
				caches[i].active_objs, caches[i].total_objs,
				caches[i].total_slabs,
				caches[i].objects_per_slab);
	kprintf("(%d caches; the empty ones are not listed: cat /proc/slabinfo shows all)\n",
		count);
	kfree(caches);
}

void explain_slab_allocator(void)
{
	const struct kmem_cache *s, *biggest = NULL;
	unsigned long caches = 0, objects = 0, slabs = 0;

	kprintf("Slab allocator:\n"
		"  - Caches of objects of one size (and type), cut from buddy pages\n"
		"  - No per-object search: a free list threaded through free objects\n"
		"  - Less fragmentation than buddy blocks for small objects\n"
		"  - Per-CPU slabs: each CPU allocates from a slab of its own, no lock\n\n"
		"Caches like:\n"
		"  - kmalloc-32, kmalloc-64, kmalloc-128... (kmalloc's size classes)\n"
		"  - one per kernel type: here vmap_area, kmem_cache itself...\n");
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		caches++;
		objects += kmem_cache_active_objects(s);
		slabs += nr_slabs_of(s);
		if (!biggest || nr_slabs_of(s) << s->order >
					nr_slabs_of(biggest) << biggest->order)
			biggest = s;
	}
	/* Printed under the mutex: the cache cannot go meanwhile. */
	kprintf("  now: %lu caches, %lu objects in use in %lu slabs;\n"
		"       the largest cache is %s (%lu slab(s) of %lu KB)\n",
		caches, objects, slabs, biggest ? biggest->name : "-",
		biggest ? nr_slabs_of(biggest) : 0,
		biggest ? (PAGE_SIZE << biggest->order) >> 10 : 0);
	mutex_unlock(&slab_mutex);
}
