// SPDX-License-Identifier: GPL-2.0
/*
 * slab_report.c - the slab allocator's reports of misuse, in Linux's words.
 *
 * A report says which cache and what went wrong, shows the evidence, then
 * says what was done about it on a FIX line, and the kernel goes on:
 *
 *   =============================================================================
 *   BUG kmalloc-64 (Not tainted): Right Redzone overwritten
 *   -----------------------------------------------------------------------------
 *
 *   0xc7a3e100-0xc7a3e100 @offset=256. First byte 0x78 instead of 0xcc
 *   Allocated in probe+0x1c/0x80 age=2 cpu=0 pid=0
 *   Slab 0xc1f4a7c0 objects=21 used=3 fp=0xc7a3e2c0 flags=0x10000018(...)
 *   Object 0xc7a3e0c0 @offset=192 fp=0x00000000
 *
 *   Redzone  c7a3e080: bb bb bb bb ...	(the left red zone)
 *   Object   c7a3e0c0: 5a 5a 5a 5a ...
 *   Redzone  c7a3e100: 78 cc cc cc		(the right one, clobbered)
 *   Padding  c7a3e11c: 5a 5a 5a 5a ...
 *   Call Trace: ...
 *   FIX kmalloc-64: Restoring Right Redzone 0xc7a3e100-0xc7a3e100=0xcc
 *
 * Every report taints the kernel with B, as Linux does, and counts in
 * slab_errors, which kmem_cache_validate() hands back to the tests.  The
 * misuse that does not concern one cache's bytes (a pointer that is not
 * from a slab, the wrong cache) is a WARN with Linux's message.
 */
#include <bug.h>
#include <fault.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <slab.h>
#include <sprintf.h>
#include <stack.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "slab_internal.h"

unsigned long slab_errors;

void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char reason[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	slab_errors++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), reason);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char what[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, what);
}

static void print_track(const char *what, const struct track *t)
{
	if (!t->addr)
		return;
	pr_err("%s in %pS age=%lu cpu=0 pid=0\n", what, (void *)t->addr,
	       (unsigned long)(jiffies - t->when));
}

void print_tracking(struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC));
	print_track("Freed", get_track(s, object, TRACK_FREE));
}

static void print_slab_info(const struct page *slab)
{
	char flags[96];

	dump_page_flags(slab, flags, sizeof(flags));
	pr_err("Slab %p objects=%u used=%u fp=%p flags=%#lx(%s)\n",
	       (void *)slab, slab->objects, slab->inuse, slab->freelist,
	       slab->flags, flags);
}

static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	print_hex_dump(KERN_ERR, text, addr, length);
}

/* The object, its red zones and what follows it, with who used it last. */
static void print_trailer(struct kmem_cache *s, struct page *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off = slab_debug_info_end(s);

	print_tracking(s, p);
	print_slab_info(slab);
	pr_err("Object %p @offset=%lu fp=%p\n\n", (void *)p,
	       (unsigned long)(p - addr), get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad,
			      s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object   ", p,
		      min_t(unsigned int, s->object_size, PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size,
			      s->inuse - s->object_size);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != slab_size_from_object(s))
		print_section("Padding  ", p + off,
			      slab_size_from_object(s) - off);
	dump_stack();
}

void object_err(struct kmem_cache *s, struct page *slab, u8 *object,
		const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
}

void slab_err(struct kmem_cache *s, struct page *slab, const char *fmt, ...)
{
	char reason[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	slab_bug(s, "%s", reason);
	print_slab_info(slab);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
}

/*
 * Are the `bytes` at `start` all `value`?  If not: report the damaged range
 * and put the expected bytes back.
 */
bool check_bytes_and_report(struct kmem_cache *s, struct page *slab, u8 *object,
			    const char *what, u8 *start, unsigned int value,
			    unsigned int bytes)
{
	u8 *fault = memchr_inv(start, (int)value, bytes), *end;
	u8 *addr = slab_address(slab);

	if (!fault)
		return true;
	end = start + bytes;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("%p-%p @offset=%lu. First byte %#x instead of %#x\n",
	       (void *)fault, (void *)(end - 1), (unsigned long)(fault - addr),
	       fault[0], value);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
	slab_fix(s, "Restoring %s %p-%p=%#x", what, (void *)fault,
		 (void *)(end - 1), value);
	memset(fault, (int)value, (size_t)(end - fault));
	return false;
}

/* --- misuse ------------------------------------------------------------- */

void slab_freelist_corrupt(struct kmem_cache *s, struct page *slab,
			   void *object)
{
	object_err(s, slab, object, "Freepointer corrupt");
	set_freepointer(s, object, NULL);
	slab_fix(s, "Marking all objects used");
}

void slab_double_free(struct kmem_cache *s, struct page *slab, void *object)
{
	object_err(s, slab, object, "Object already free");
	slab_fix(s, "Object at %p not freed", object);
}

void slab_wrong_cache(struct kmem_cache *s, struct kmem_cache *cachep,
		      void *object, unsigned long caller)
{
	WARN(1,
	     "kmem_cache_free: Wrong slab cache. %s but object is from %s (called from %pS)\n",
	     s->name, cachep->name, (void *)caller);
	print_tracking(cachep, object);
}

void slab_not_a_slab_object(struct kmem_cache *s, const void *object,
			    unsigned long caller)
{
	char where[200];

	if (!object)
		return; /* kmem_cache_free(s, NULL) is a no-op, as in Linux */
	if (virt_addr_valid(object))
		page_use_describe(virt_to_page(object), where, sizeof(where));
	else
		explain_address((unsigned long)object, 0, where, sizeof(where));
	slab_bug(s, "Attempt to free object(%p) outside of slab", object);
	pr_err("%s\n", where);
	pr_err("kmem_cache_free called from %pS\n", (void *)caller);
	dump_stack();
	add_taint(TAINT_BAD_PAGE);
	slab_fix(s, "Object at %p not freed", object);
}

void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp)
{
	struct kmem_cache_node *n = get_node(s, 0);
	unsigned long total = atomic_long_read(&n->total_objects);
	unsigned long free = total - kmem_cache_active_objects(s);
	char flags[96];

	gfp_snprint(flags, sizeof(flags), gfp);
	pr_warn("SLUB: Unable to allocate memory on node -1, gfp=%#x(%s)\n",
		gfp, flags);
	pr_warn("  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u\n",
		s->name, s->object_size, s->size, s->order, s->min_order);
	pr_warn("  node 0: slabs: %ld, objs: %lu, free: %lu\n",
		atomic_long_read(&n->nr_slabs), total, free);
}

/* The objects of a slab that were never freed (kmem_cache_destroy). */
void list_slab_objects(struct kmem_cache *s, struct page *slab)
{
	void *addr = slab_address(slab);
	unsigned long map[SLAB_MAP_WORDS];
	char *p;

	slab_err(s, slab, "Objects remaining in %s on __kmem_cache_shutdown()",
		 s->name);
	slab_free_map(s, slab, map);
	for_each_object(p, s, addr, slab->objects) {
		unsigned int i = obj_to_index(s, slab, p);

		if (map[i / 32] & (1UL << (i % 32)))
			continue;
		pr_err("Object %p @offset=%lu\n", (void *)p,
		       (unsigned long)(p - (char *)addr));
		print_tracking(s, p);
	}
}
