// SPDX-License-Identifier: GPL-2.0
/*
 * driver.c - one fuzz input, from power-on to the final check.
 *
 * The first byte, modulo 20, picks the machine: its bits 0-1 one of four
 * RAM layouts (with highmem or without, a larger min_free_kbytes), the rest
 * the debugging: the slub_debug letters of every cache (none, FZPU, ZP, FU:
 * the checks with and without F take different paths), or debug_pagealloc
 * (free lowmem pages leave the direct map).  The first input of each machine boots it
 * (mm_core_init(), the kernel's own bring-up) and keeps a snapshot of it,
 * settled; every later one starts from a copy of that
 * (tests/host/mm_sim/snapshot.c), six times faster than a boot.  Every
 * following byte is an operation: its top two bits a family (mapped onto the
 * families the target runs), its low six bits the operation within it, which
 * reads its own arguments from the bytes after it.  A used-up input reads
 * zeros, so every byte string is a valid program.  At most FZ_MAX_STEPS
 * operations run; after each the invariants are checked (check.c), all of them
 * every 64. Then everything is given back (kmaps first, the pages they map
 * last), and the machine must be as the boot left it.
 */
#include <kernel.h>
#include <bug.h>
#include <printk.h>
#include <sprintf.h>
#include <stdarg.h>
#include <string.h>

#include "../../mm/slab_internal.h"
#include "fuzz.h"
#include "host_os.h"
#include "sim.h"

#define FZ_MAX_STEPS 200
#define FZ_FULL_CHECK_EVERY 64

struct fz_state fz;
/* Each machine as its first boot left it: later inputs start from a copy. */
static struct sim_snapshot *fz_snapshots[FZ_MACHINES];

static const struct sim_machine fz_machines[4] = {
	{ .ram_mb = 32, .highmem_mb = 8 }, /* DMA, Normal, HighMem */
	{ .ram_mb = 24 }, /* no highmem: vmalloc falls back to lowmem */
	{ .ram_mb = 40, .highmem_mb = 16, .min_free_kbytes = 2048 },
	{ .ram_mb = 20, .highmem_mb = 2 }, /* a small Normal zone */
};

/* The debugging a machine boots with: slub_debug, debug_pagealloc. */
static const struct fz_debug {
	slab_flags_t slub_debug;
	bool debug_pagealloc;
} fz_debug[FZ_MACHINES / 4] = {
	{ 0, false },
	{ SLAB_DEBUG_FLAGS, false },
	{ SLAB_RED_ZONE | SLAB_POISON, false },
	{ SLAB_CONSISTENCY_CHECKS | SLAB_STORE_USER, false },
	{ 0, true }, /* free lowmem unmapped: a use after free faults */
};

u8 fz_u8(struct fz_input *in)
{
	return in->pos < in->size ? in->data[in->pos++] : 0;
}

u16 fz_u16(struct fz_input *in)
{
	u16 lo = fz_u8(in);

	return (u16)(lo | (u16)fz_u8(in) << 8);
}

void fz_fail(const char *fmt, ...)
{
	char msg[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	sim_dump_log(fz.log_mark);
	host_write(2, "\nfuzz: FINDING at operation ", 28);
	{
		char step[16];
		int len = scnprintf(step, sizeof(step), "%u: ", fz.step);

		host_write(2, step, (unsigned long)len);
	}
	host_write(2, msg, (unsigned long)n);
	host_write(2, "\n", 1);
	host_abort();
}

void fz_reports_snap(struct fz_reports *r)
{
	r->warnings = nr_warnings;
	r->bad_pages = nr_bad_page_reports;
	r->slab_errors = slab_errors;
}

void fz_expect_report(const struct fz_reports *r, const char *what)
{
	FZ_CHECK(nr_warnings != r->warnings ||
			 nr_bad_page_reports != r->bad_pages ||
			 slab_errors != r->slab_errors,
		 "%s was not reported", what);
}

/* What a refused free must leave as it was. */
struct fz_unchanged {
	struct page *page; /* NULL if no struct page to compare */
	struct page copy;
	long slab_pages, vmalloc_pages;
	unsigned long vmalloc_areas;
};

static void fz_unchanged_snap(struct fz_unchanged *u, const void *addr,
			      struct page *page)
{
	if (!page && virt_addr_valid(addr))
		page = virt_to_page(addr);
	u->page = page && page_ptr_valid(page) ? page : NULL;
	if (u->page)
		u->copy = *u->page;
	u->slab_pages = atomic_long_read(&nr_slab_unreclaimable) +
			atomic_long_read(&nr_slab_reclaimable);
	u->vmalloc_pages = (long)vmalloc_nr_pages();
	u->vmalloc_areas = vmalloc_nr_areas();
}

/*
 * PG_kmap is a hint (a slot took the page once): a free that finds no
 * slot mapping the page clears it, refused or not.
 */
static void fz_unchanged_expect(const struct fz_unchanged *u, const char *what)
{
	struct page now, was;

	if (u->page) {
		now = *u->page;
		was = u->copy;
		now.flags &= ~(1UL << PG_kmap);
		was.flags &= ~(1UL << PG_kmap);
		FZ_CHECK(
			!memcmp(&now, &was, sizeof(now)),
			"%s was refused but changed pfn %#lx: flags %#lx -> %#lx, refcount %d -> %d",
			what, page_to_pfn(u->page), was.flags, now.flags,
			was._refcount, now._refcount);
	}
	FZ_CHECK(u->slab_pages == atomic_long_read(&nr_slab_unreclaimable) +
					  atomic_long_read(
						  &nr_slab_reclaimable) &&
			 u->vmalloc_pages == (long)vmalloc_nr_pages() &&
			 u->vmalloc_areas == vmalloc_nr_areas(),
		 "%s was refused but changed the slab or vmalloc counts", what);
}

void fz_refuse_free_pages(struct page *page, unsigned int order,
			  const char *what)
{
	struct fz_unchanged u;
	struct fz_reports r;

	fz_unchanged_snap(&u, NULL, page);
	fz_reports_snap(&r);
	__free_pages(page, order);
	fz_expect_report(&r, what);
	fz_unchanged_expect(&u, what);
}

/* free(p) must be refused: kfree() or vfree() of another's memory. */
static void fz_refuse_free(void (*free)(const void *p), const void *p,
			   const char *what)
{
	struct fz_unchanged u;
	struct fz_reports r;

	fz_unchanged_snap(&u, p, NULL);
	fz_reports_snap(&r);
	free(p);
	fz_expect_report(&r, what);
	fz_unchanged_expect(&u, what);
}

void fz_refuse_kfree(const void *p, const char *what)
{
	fz_refuse_free(kfree, p, what);
}

void fz_refuse_vfree(const void *p, const char *what)
{
	fz_refuse_free(vfree, p, what);
}

u32 fz_new_tag(void)
{
	return 0x7a000000U | (++fz.next_tag & 0xffffff);
}

int fz_pick(u8 n, const void *table, size_t entry, int count)
{
	int used = 0, want;

	for (int i = 0; i < count; i++)
		used += *(void *const *)((const char *)table + i * entry) !=
			NULL;
	if (!used)
		return -1;
	want = n % used;
	for (int i = 0; i < count; i++)
		if (*(void *const *)((const char *)table + i * entry) &&
		    !want--)
			return i;
	return -1;
}

int fz_pick_block(u8 n)
{
	return fz_pick(n, fz.blocks, sizeof(fz.blocks[0]), FZ_BLOCKS);
}

int fz_pick_obj(u8 n)
{
	return fz_pick(n, fz.objs, sizeof(fz.objs[0]), FZ_OBJS);
}

int fz_pick_area(u8 n)
{
	return fz_pick(n, fz.areas, sizeof(fz.areas[0]), FZ_AREAS);
}

int fz_peek(const void *addr, u32 *val)
{
	return sim_read(addr, val, sizeof(*val));
}

int fz_poke(void *addr, u32 val)
{
	return sim_write(addr, &val, sizeof(val));
}

void fz_tag_range(void *addr, size_t size, u32 tag)
{
	char *p = addr;

	if (size < 2 * sizeof(u32)) {
		memset(p, (int)(tag & 0xff), size);
		return;
	}
	FZ_CHECK(!fz_poke(p, tag), "writing %p faulted at %#lx", addr,
		 sim_fault_addr);
	FZ_CHECK(!fz_poke(p + size - sizeof(u32), tag),
		 "writing %p faulted at %#lx", p + size - sizeof(u32),
		 sim_fault_addr);
}

void fz_expect_tag_range(const void *addr, size_t size, u32 tag,
			 const char *what)
{
	const char *p = addr;
	u32 first, last;

	if (size < 2 * sizeof(u32)) {
		for (size_t i = 0; i < size; i++)
			FZ_CHECK((u8)p[i] == (u8)(tag & 0xff),
				 "%s %p: byte %zu is %#x, not %#x", what, addr,
				 i, (u8)p[i], tag & 0xff);
		return;
	}
	FZ_CHECK(!fz_peek(p, &first) && !fz_peek(p + size - sizeof(u32), &last),
		 "%s %p: reading it faulted at %#lx", what, addr,
		 sim_fault_addr);
	FZ_CHECK(
		first == tag && last == tag,
		"%s %p (%zu bytes): tags %#x and %#x, not %#x: another owner wrote it",
		what, addr, size, first, last, tag);
}

static void fz_release_all(void)
{
	fz_release_kmaps();
	fz_release_vmalloc();
	fz_release_slab();
	fz_release_pages();
}

int fuzz_run(const u8 *data, size_t size, unsigned int families)
{
	struct fz_input in = { data, size, 0 };
	unsigned int allowed[4], nr_allowed = 0;
	u8 config = fz_u8(&in);
	int machine = config % FZ_MACHINES;
	struct sim_machine m = fz_machines[machine & 3];

	for (unsigned int f = 0; f < 4; f++)
		if (families & (1U << f))
			allowed[nr_allowed++] = f;
	if (!nr_allowed)
		return 0;
	m.slub_debug = fz_debug[machine >> 2].slub_debug;
	m.debug_pagealloc = fz_debug[machine >> 2].debug_pagealloc;
	memset(&fz, 0, sizeof(fz));
	fz.families = families;
	fz.touched_cache = -1;
	fz.log_mark = printk_mark();
	if (fz_snapshots[machine]) {
		if (sim_snapshot_restore(fz_snapshots[machine]))
			fz_fail("the machine (config %#x) did not restore",
				config);
	} else {
		if (sim_boot(&m))
			fz_fail("the machine (config %#x) did not boot",
				config);
		fz_check_boot(machine);
		fz_snapshots[machine] = sim_snapshot_take();
	}
	while (in.pos < in.size && fz.step < FZ_MAX_STEPS) {
		u8 op = fz_u8(&in);

		fz.touched_cache = -1;
		switch (allowed[(op >> 6) % nr_allowed]) {
		case 0:
			fz_op_page(&in, op & 0x3f);
			break;
		case 1:
			fz_op_slab(&in, op & 0x3f);
			break;
		case 2:
			fz_op_vmalloc(&in, op & 0x3f);
			break;
		default:
			fz_op_kmap(&in, op & 0x3f);
			break;
		}
		fz.step++;
		fz_check_step(fz.step % FZ_FULL_CHECK_EVERY == 0);
	}
	fz_release_all();
	fz_check_step(true);
	fz_check_end(machine);
	return 0;
}
