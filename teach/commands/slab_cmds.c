// SPDX-License-Identifier: GPL-2.0
/*
 * slab_cmds.c - `kmalloc`, `kfree` and `slab`: the slab allocator by hand.
 *
 * `kmalloc 100` shows which cache served the request, where the object sits
 * in its slab and which page the slab is; `kfree ADDR` gives it back.
 * `slab create NAME SIZE` makes a cache of your own, `slab alloc NAME` and
 * `slab free NAME ADDR` use it, `slab info NAME` draws its object layout
 * and `slab destroy NAME` removes it; /proc/slabinfo and slabtop show the
 * effect of each step.
 *
 * Without slub_debug=F the kernel does not check what is freed (that is the
 * point of the fast path), so these commands check the address themselves
 * and refuse one that would corrupt a free list.  With F, the kernel's own
 * report is the lesson, and the address goes through unchecked.  One thing
 * no allocator can see is whose a live object is: `kfree` and `slab free`
 * free only what `kmalloc` and `slab alloc` handed out (on the shell's
 * list, teach/shell/held.c), never an object the kernel itself still uses,
 * and `slab destroy` only a cache that `slab create` made.
 */
#include <bug.h>
#include <cpumask.h>
#include <errno.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>

/* The object layout and the free lists are the lesson: mm's inside view. */
#include "../../mm/slab_internal.h"

/* Did `kmalloc` or `slab alloc` hand p out (teach/shell/held.c)? */
static bool shell_owns(const void *p)
{
	return shell_holds(HELD_KMALLOC, p) || shell_holds(HELD_OBJECT, p);
}

/* Given back, however: cross p out as whichever kind the shell held. */
static void shell_disown(const void *p)
{
	if (!shell_unhold(HELD_KMALLOC, p))
		shell_unhold(HELD_OBJECT, p);
}

static int parse_gfp_words(int argc, char **argv, gfp_t *gfp)
{
	*gfp = GFP_KERNEL;
	for (int i = 0; i < argc; i++) {
		gfp_t more;

		if (gfp_parse(argv[i], &more)) {
			kprintf("unknown GFP flag in '%s'\n", argv[i]);
			return -EINVAL;
		}
		*gfp |= more;
	}
	return 0;
}

static void show_slab_object(const void *object)
{
	struct page *slab = virt_to_slab(object);
	struct kmem_cache *s = slab->slab_cache;
	unsigned int nr_pages = 1U << slab->slab_order;

	kprintf("  cache %s: object %u of %u in its slab, %u in use\n", s->name,
		obj_to_index(s, slab, object), slab->objects,
		slab_objects_in_use(s, slab));
	kprintf("  objects of %u bytes, %u bytes apart\n", s->object_size,
		s->size);
	kprintf("  slab: pfn %#lx, order %u (%u page%s), zone %s, at %p\n",
		page_to_pfn(slab), slab->slab_order, nr_pages,
		nr_pages > 1 ? "s" : "", page_zone(slab)->name,
		slab_address(slab));
}

static void show_large_object(const void *object)
{
	struct page *page = virt_to_page(object);
	unsigned long order = page->private;

	kprintf("  above %lu bytes: pages straight from the buddy allocator (kmalloc_large)\n",
		KMALLOC_MAX_CACHE_SIZE);
	kprintf("  pages: pfn %#lx-%#lx, order %lu (%lu KB), zone %s\n",
		page_to_pfn(page), page_to_pfn(page) + (1UL << order) - 1,
		order, 4UL << order, page_zone(page)->name);
}

static int cmd_kmalloc(int argc, char **argv)
{
	unsigned long size;
	char flags[96];
	gfp_t gfp;
	void *p;

	if (argc < 2)
		return shell_usage(argv[0]);
	if (shell_parse_size(argv[1], &size) ||
	    parse_gfp_words(argc - 2, argv + 2, &gfp))
		return -EINVAL;
	gfp_snprint(flags, sizeof(flags), gfp);
	p = kmalloc(size, gfp);
	if (p == ZERO_SIZE_PTR) {
		kprintf("kmalloc: 0 bytes: ZERO_SIZE_PTR (%p), not NULL and not memory\n",
			p);
		return 0;
	}
	if (!p) {
		kprintf("kmalloc: %lu bytes with %s failed\n", size, flags);
		return -ENOMEM;
	}
	if (!shell_hold(HELD_KMALLOC, p, 0)) {
		kfree(p);
		return -ENOSPC;
	}
	kprintf("kmalloc: %lu bytes with %s: %p\n", size, flags, p);
	if (virt_to_slab(p))
		show_slab_object(p);
	else
		show_large_object(p);
	kprintf("  give it back with: kfree %p\n", p);
	return 0;
}
SHELL_COMMAND(kmalloc, "SIZE [GFP...]",
	      "kmalloc, show the cache and slab serving it",
	      SHELL_TOPIC_KMALLOC, cmd_kmalloc,
	      .detail = "Allocates SIZE bytes with kmalloc() and GFP_KERNEL "
			"plus the flags named (dma, atomic, zero...; "
			"highmem is refused with a WARN: kmalloc memory must "
			"have an address).  Up to 8 KB the request is served "
			"by the smallest kmalloc-N cache that fits (dma-"
			"kmalloc-N with GFP_DMA): the cache, the object's "
			"place in its slab and the slab's page are shown.  "
			"Above 8 KB, whole pages come from the buddy "
			"allocator (kmalloc_large), at most 4 MB.",
	      .see = "kfree, slabtop, slabinfo, cat /proc/slabinfo, "
		     "explain kmalloc, explain compare");

/* A live object (or kmalloc block) that is not the shell's: refuse. */
static bool refuse_not_ours(void *p, const char *what)
{
	if (shell_owns(p))
		return false;
	kprintf("%p is %s that `kmalloc`/`slab alloc` did not hand out: refused (the kernel still uses it)\n",
		p, what);
	return true;
}

/*
 * Would freeing p corrupt a slab, or take memory from under its owner?  Say
 * so, unless F will.  (A wrong cache the kernel reports itself, then frees
 * p where it belongs; anything that is no kmalloc memory at all, kfree()
 * reports.)
 */
static bool refuse_bad_free(void *p)
{
	struct page *slab = virt_to_slab(p), *head;
	char what[96];

	if (!slab)
		return virt_addr_valid(p) &&
		       page_use(virt_to_page(p), &head) ==
			       PAGE_USE_LARGE_KMALLOC &&
		       lowmem_page_address(head) == p &&
		       refuse_not_ours(p, "a kmalloc() block");
	if (slab->slab_cache->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_valid_pointer(slab->slab_cache, slab, p) ||
		    on_freelist(slab->slab_cache, slab, p))
			return false; /* F reports it: the lesson */
	} else if (!check_valid_pointer(slab->slab_cache, slab, p)) {
		kprintf("%p is inside a slab of %s but not at an object: refused\n",
			p, slab->slab_cache->name);
		kprintf("  (boot with slub_debug=F to see the kernel catch it)\n");
		return true;
	} else if (on_freelist(slab->slab_cache, slab, p)) {
		kprintf("%p is already free: refused\n", p);
		kprintf("  (boot with slub_debug=F to see the kernel catch it)\n");
		return true;
	}
	snprintf(what, sizeof(what), "a live object of %s",
		 slab->slab_cache->name);
	return refuse_not_ours(p, what);
}

static void kfree_cb(struct kmem_cache *s, void *p)
{
	kfree(p);
}

static void kmem_cache_free_cb(struct kmem_cache *s, void *p)
{
	kmem_cache_free(s, p);
}

/*
 * Free p with fn and cross it off the shell's list (a kmalloc object
 * freed by `slab free`, or a slab object by `kfree`, all the same); true if the
 * kernel reported a misuse meanwhile (then the command says so, not done).
 */
static bool free_reported(void *p, void (*fn)(struct kmem_cache *s, void *p),
			  struct kmem_cache *s)
{
	printk_mark_t mark = printk_mark();

	fn(s, p);
	shell_disown(p);
	return shell_reported_since(mark);
}

static int cmd_kfree(int argc, char **argv)
{
	unsigned long addr;
	void *p;

	if (argc != 2)
		return shell_usage(argv[0]);
	if (shell_parse_ulong(argv[1], &addr))
		return -EINVAL;
	p = (void *)addr;
	if (refuse_bad_free(p))
		return -EINVAL;
	if (free_reported(p, kfree_cb, NULL)) {
		kprintf("kfree: %p: misuse, reported above\n", p);
		return -EINVAL;
	}
	kprintf("kfree: %p freed\n", p);
	return 0;
}
SHELL_COMMAND(kfree, "ADDR", "kfree an address from kmalloc",
	      SHELL_TOPIC_KMALLOC, cmd_kfree,
	      .detail = "Gives back what kmalloc returned: an object goes "
			"back on its slab's free list, a kmalloc_large block "
			"to the buddy allocator.  Anything else is a misuse "
			"the kernel reports (an address outside the direct "
			"map, a reserved page, a pointer inside an object); "
			"without slub_debug=F the command itself refuses a "
			"pointer that would corrupt a free list.",
	      .see = "kmalloc, slab, slabtop, cat /proc/slabinfo");

/* --- slab SUBCOMMAND ---------------------------------------------------- */

static const struct {
	const char *name;
	slab_flags_t flag;
} slab_flag_names[] = {
	{ "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
	{ "SLAB_CACHE_DMA", SLAB_CACHE_DMA },
	{ "SLAB_RED_ZONE", SLAB_RED_ZONE },
	{ "SLAB_POISON", SLAB_POISON },
	{ "SLAB_STORE_USER", SLAB_STORE_USER },
	{ "SLAB_CONSISTENCY_CHECKS", SLAB_CONSISTENCY_CHECKS },
	{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT },
};

static int parse_slab_flags(int argc, char **argv, slab_flags_t *flags)
{
	*flags = 0;
	for (int i = 0; i < argc; i++) {
		unsigned int j;

		for (j = 0; j < ARRAY_SIZE(slab_flag_names); j++)
			if (!strcasecmp(argv[i], slab_flag_names[j].name) ||
			    !strcasecmp(argv[i], slab_flag_names[j].name + 5))
				break;
		if (j == ARRAY_SIZE(slab_flag_names)) {
			kprintf("slab: unknown flag %s (known: SLAB_HWCACHE_ALIGN SLAB_CACHE_DMA SLAB_RED_ZONE SLAB_POISON SLAB_STORE_USER SLAB_CONSISTENCY_CHECKS SLAB_RECLAIM_ACCOUNT)\n",
				argv[i]);
			return -EINVAL;
		}
		*flags |= slab_flag_names[j].flag;
	}
	return 0;
}

static int slab_create(int argc, char **argv)
{
	unsigned long size;
	slab_flags_t flags;
	struct kmem_cache *s;

	if (argc < 4)
		return shell_usage("slab");
	if (find_kmem_cache(argv[2])) {
		kprintf("slab: a cache called %s exists already\n", argv[2]);
		return -EEXIST;
	}
	if (shell_parse_size(argv[3], &size) ||
	    parse_slab_flags(argc - 4, argv + 4, &flags))
		return -EINVAL;
	s = kmem_cache_create(argv[2], (unsigned int)size, 0, flags, NULL);
	if (!s)
		return -EINVAL;
	if (!shell_hold(HELD_CACHE, s, 0)) {
		kmem_cache_destroy(s);
		return -ENOSPC;
	}
	kprintf("slab: created %s: %u-byte objects, %u bytes apart, %u per slab of %u page%s\n",
		s->name, s->object_size, s->size, s->objects, 1U << s->order,
		s->order ? "s" : "");
	return 0;
}

/* The layout of one object, as slab.h draws it. */
static int slab_info(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned int cpu, cpu_slabs = 0;

	for_each_possible_cpu(cpu)
		if (READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->slab))
			cpu_slabs++;
	kprintf("%s: object_size %u, size %u, align %u, flags %#x\n", s->name,
		s->object_size, s->size, s->align, s->flags);
	kprintf("  struct kmem_cache at %p\n", (void *)s);
	kprintf("  slab: order %u (%lu bytes), %u objects, %lu bytes left over\n",
		s->order, PAGE_SIZE << s->order, s->objects,
		(PAGE_SIZE << s->order) - (unsigned long)s->objects * s->size);
	if (s->red_left_pad)
		kprintf("  [%4d, %4d) left red zone\n", -(int)s->red_left_pad,
			0);
	kprintf("  [%4d, %4u) the object\n", 0, s->object_size);
	if (s->inuse > s->object_size)
		kprintf("  [%4u, %4u) %s\n", s->object_size, s->inuse,
			(s->flags & SLAB_RED_ZONE) ? "right red zone" :
						     "alignment padding");
	kprintf("  [%4u, %4u) free pointer (while free)%s\n", s->offset,
		s->offset + 4,
		s->offset < s->object_size ? ", inside the object" : "");
	if (s->flags & SLAB_STORE_USER)
		kprintf("  [%4u, %4u) alloc and free tracks\n",
			slab_debug_info_end(s), slab_debug_info_end(s) + 2 * 8);
	kprintf("  slabs %ld (%u cpu slab%s, %lu partial, %lu full, %lu empty)\n",
		atomic_long_read(&n->nr_slabs), cpu_slabs,
		cpu_slabs == 1 ? "" : "s", n->nr_partial, n->nr_full,
		n->nr_empty);
	kprintf("  objects %lu of %ld in use\n", kmem_cache_active_objects(s),
		atomic_long_read(&n->total_objects));
	return 0;
}

static int slab_free_cmd(struct kmem_cache *s, const char *arg)
{
	unsigned long addr;

	if (shell_parse_ulong(arg, &addr))
		return -EINVAL;
	if (refuse_bad_free((void *)addr))
		return -EINVAL;
	if (free_reported((void *)addr, kmem_cache_free_cb, s)) {
		kprintf("slab: kmem_cache_free(%s, %#lx): misuse, reported above\n",
			s->name, addr);
		return -EINVAL;
	}
	kprintf("slab: %#lx freed to %s\n", addr, s->name);
	return 0;
}

static int slab_shrink_cmd(struct kmem_cache *s)
{
	atomic_long_t *nr_slabs = &get_node(s, 0)->nr_slabs;
	long before = atomic_long_read(nr_slabs);
	int ret = kmem_cache_shrink(s);

	kprintf("slab: %s shrunk: %ld slab(s) -> %ld\n", s->name, before,
		atomic_long_read(nr_slabs));
	kprintf("  (its empty slabs went back to the buddy allocator)\n");
	return ret;
}

static int cmd_slab(int argc, char **argv)
{
	struct kmem_cache *s;
	void *p;

	if (argc >= 2 && !strcmp(argv[1], "create"))
		return slab_create(argc, argv);
	if (argc < 3)
		return shell_usage(argv[0]);
	s = find_kmem_cache(argv[2]);
	if (!s) {
		kprintf("slab: no cache called %s (see cat /proc/slabinfo)\n",
			argv[2]);
		return -ENOENT;
	}
	if (!strcmp(argv[1], "info"))
		return slab_info(s);
	if (!strcmp(argv[1], "alloc")) {
		p = kmem_cache_alloc(s, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		if (!shell_hold(HELD_OBJECT, p, (unsigned long)s)) {
			kmem_cache_free(s, p);
			return -ENOSPC;
		}
		kprintf("slab: %s object at %p\n", s->name, p);
		show_slab_object(p);
		return 0;
	}
	if (!strcmp(argv[1], "free") && argc == 4)
		return slab_free_cmd(s, argv[3]);
	if (!strcmp(argv[1], "shrink"))
		return slab_shrink_cmd(s);
	if (!strcmp(argv[1], "validate")) {
		kprintf("slab: %s: %d errors\n", s->name,
			kmem_cache_validate(s));
		return 0;
	}
	if (!strcmp(argv[1], "destroy")) {
		if (s->flags & SLAB_KMALLOC || s == kmem_cache) {
			kprintf("slab: %s is a boot cache: refused\n", s->name);
			return -EPERM;
		}
		if (!shell_holds(HELD_CACHE, s)) {
			kprintf("slab: %s was not made by `slab create`: refused (the kernel uses it)\n",
				s->name);
			return -EPERM;
		}
		kmem_cache_destroy(s);
		if (!find_kmem_cache(argv[2]))
			shell_unhold(HELD_CACHE, s);
		kprintf("slab: %s %s\n", argv[2],
			find_kmem_cache(argv[2]) ? "kept (see above)" :
						   "destroyed");
		return 0;
	}
	return shell_usage(argv[0]);
}
SHELL_COMMAND(slab, "CMD NAME [ARG]",
	      "a cache of your own: create alloc free info...",
	      SHELL_TOPIC_SLAB, cmd_slab,
	      .detail = "slab create NAME SIZE [FLAGS]: kmem_cache_create() "
			"(flags SLAB_HWCACHE_ALIGN, SLAB_RED_ZONE, "
			"SLAB_POISON...).\n"
			"slab alloc NAME / slab free NAME ADDR: "
			"kmem_cache_alloc() and kmem_cache_free().\n"
			"slab info NAME: the object layout (object, padding, "
			"red zones, free pointer) and the slab lists.\n"
			"slab shrink NAME: give empty slabs back.  slab "
			"validate NAME: check every object.  slab destroy "
			"NAME: kmem_cache_destroy(), which reports objects "
			"still in use and keeps the cache.",
	      .see = "slabtop, slabinfo, cat /proc/slabinfo, kmalloc, "
		     "explain slab");
