// SPDX-License-Identifier: GPL-2.0
/*
 * map_cmds.c - `map`: memory as coloured bars, live, on an 80-column screen.
 *
 *	map [virt|phys] [plain]     draw the virtual map, the physical zones,
 *	                            or both; plain: letters only, no colour
 *	map dump                    the same numbers for tools/pictures
 *
 * The virtual map is three bars, each a zoom of the end of the one before:
 * the 4 GB (user space, the kernel's gigabyte), the kernel's 1 GB (lowmem,
 * the guard gap, vmalloc, pkmap, fixmap), and its top 128 MB, where the
 * small regions live; then the 1024 pkmap slots and the fixmap slot by
 * slot.  The physical map is one bar over the page frames, each column
 * showing how full its piece of memory is, the zones' counters, and the
 * buddy allocator's free blocks per order, the numbers of /proc/buddyinfo.
 *
 * Every column of a bar shows one letter, so the picture reads without
 * colour (a plain terminal, a printout); colour only adds to it: ANSI SGR
 * sequences, which a serial terminal shows and the VGA console turns into
 * attributes (arch/x86/kernel/vga.c).  A column stands for a range of
 * addresses; its letter is the most telling thing in that range (a vmalloc
 * area wins over free vmalloc space, the 2-page pkmap guard over nothing),
 * so small regions stay visible at any zoom: a letter is not to scale.
 * Lines stay under 80 columns, ANSI sequences aside.
 */
#include <errno.h>
#include <cpumask.h>
#include <kernel.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

#include "map.h"

#define AREAS_LISTED 3 /* vmalloc areas listed: `map virt` fits 25 rows */

/*
 * What a column of the virtual map can show, most telling first: when
 * several are in one column, the first of this list is drawn.
 */
enum vclass {
	VC_GAP, /* - the guard gap after lowmem */
	VC_FIXMAP, /* f */
	VC_PKMAP, /* p */
	VC_AREA, /* A a busy vmalloc area */
	VC_LAZY, /* z an area freed, awaiting the lazy purge */
	VC_USER_REGION, /* r a region of a process */
	VC_KERNEL, /* K the kernel image */
	VC_GUARD, /* - guard pages before pkmap, the top hole */
	VC_UNUSED, /* ' ' no region at all */
	VC_VMALLOC, /* v free vmalloc space */
	VC_LOWMEM, /* L */
	VC_USER, /* u */
	NR_VCLASSES
};

struct style {
	char ch; /* the letter, colour or not */
	const char *sgr; /* its ANSI colours, NULL: the terminal's own */
	const char *what; /* for the legend */
};

static const struct style vstyles[NR_VCLASSES] = {
	[VC_GAP] = { '-', NULL, "gap (unmapped)" },
	[VC_FIXMAP] = { 'f', "37;41", "fixmap" },
	[VC_PKMAP] = { 'p', "30;43", "pkmap" },
	[VC_AREA] = { 'A', "37;45", "vmalloc area" },
	[VC_LAZY] = { 'z', "35;46", "freed, awaiting the purge" },
	[VC_USER_REGION] = { 'r', "30;46", "process region" },
	[VC_KERNEL] = { 'K', "30;47", "kernel image" },
	[VC_GUARD] = { '-', NULL, "guard" },
	[VC_UNUSED] = { ' ', NULL, "unused" },
	[VC_VMALLOC] = { 'v', "30;46", "vmalloc free" },
	[VC_LOWMEM] = { 'L', "30;42", "lowmem" },
	[VC_USER] = { 'u', "37;44", "user" },
};

/* Slots of pkmap and the fixmap. */
static const struct style slot_styles[] = {
	[MAP_SLOT_FREE] = { '.', NULL, "free" },
	[MAP_SLOT_STALE] = { 's', "30;43",
			     "stale (kunmapped, TLB not flushed)" },
	[MAP_SLOT_USED] = { 'U', "37;41", "in use" },
};

/* --- the virtual map ------------------------------------------------------ */

struct vseg {
	u64 start, end;
	enum vclass cls;
};

#define MAX_VSEGS (NR_REGIONS + 1 + MAP_MAX_AREAS + MAP_MAX_USER_REGIONS)
static struct vseg vsegs[MAX_VSEGS];

static enum vclass region_class(enum mem_region r)
{
	switch (r) {
	case REGION_USER:
		return VC_USER;
	case REGION_LOWMEM:
		return VC_LOWMEM;
	case REGION_VMALLOC:
		return VC_VMALLOC;
	case REGION_PKMAP:
		return VC_PKMAP;
	case REGION_FIXMAP:
		return VC_FIXMAP;
	case REGION_UNUSED:
		return VC_UNUSED;
	case REGION_LOWMEM_GAP:
		return VC_GAP;
	default:
		return VC_GUARD;
	}
}

static unsigned int vsegs_build(const struct map_snapshot *s)
{
	unsigned int n = 0;

	for (int r = 0; r < NR_REGIONS; r++) {
		const struct region_info *ri = &s->regions[r];
		u64 end = ri->end ? ri->end : 1ULL << 32;

		if (end > ri->start)
			vsegs[n++] = (struct vseg){ ri->start, end,
						    region_class(r) };
	}
	vsegs[n++] = (struct vseg){ s->kernel_start, s->kernel_end, VC_KERNEL };
	for (unsigned int i = 0; i < s->nr_areas_kept; i++)
		vsegs[n++] =
			(struct vseg){ s->areas[i].start, s->areas[i].end,
				       s->areas[i].flags ? VC_AREA : VC_LAZY };
	for (unsigned int i = 0; i < s->nr_user; i++)
		vsegs[n++] = (struct vseg){ s->user[i].start, s->user[i].end,
					    VC_USER_REGION };
	return n;
}

/* One bar over [start, end): each column shows its most telling class. */
static void vbar(const struct map_snapshot *s, u64 start, u64 end, bool color)
{
	unsigned int n = vsegs_build(s);
	struct map_line l;

	map_line_start(&l, color);
	map_line_puts(&l, "  [");
	for (unsigned int col = 0; col < BAR_WIDTH; col++) {
		u64 lo = start + (end - start) * col / BAR_WIDTH;
		u64 hi = start + (end - start) * (col + 1) / BAR_WIDTH;
		enum vclass best = NR_VCLASSES;

		for (unsigned int i = 0; i < n; i++)
			if (vsegs[i].start < hi && vsegs[i].end > lo &&
			    vsegs[i].cls < best)
				best = vsegs[i].cls;
		if (best == NR_VCLASSES)
			best = VC_UNUSED;
		map_line_cell(&l, vstyles[best].ch, vstyles[best].sgr);
	}
	map_line_sgr(&l, NULL);
	map_line_puts(&l, "]");
	map_line_end(&l);
}

/* "  u user space  L lowmem ..." for the classes given. */
static void legend(const enum vclass *classes, unsigned int n, bool color)
{
	struct map_line l;

	map_line_start(&l, color);
	map_line_puts(&l, " ");
	for (unsigned int i = 0; i < n; i++) {
		const struct style *st = &vstyles[classes[i]];

		map_line_puts(&l, i ? "  " : " ");
		map_line_cell(&l, st->ch, st->sgr);
		map_line_sgr(&l, NULL);
		map_line_puts(&l, " ");
		map_line_puts(&l, st->what);
	}
	map_line_end(&l);
}

static void map_user_line(const struct map_snapshot *s)
{
	if (!s->user_task) {
		kprintf("   user space %lu MB: no process is running, nothing is mapped\n",
			map_mb(s->regions[REGION_USER].end));
		return;
	}
	kprintf("   user space %lu MB: %u regions of %s\n",
		map_mb(s->regions[REGION_USER].end), s->nr_user, s->user_task);
}

static u64 region_size(const struct region_info *r)
{
	return (r->end ? r->end : 1ULL << 32) - r->start;
}

static void map_virtual_bars(const struct map_snapshot *s, bool color)
{
	const struct region_info *r = s->regions;
	u64 four_gb = 1ULL << 32, top = four_gb - (128ULL << 20);
	u64 l4g[] = { 0, r[REGION_LOWMEM].start, four_gb };
	u64 l1g[] = { r[REGION_LOWMEM].start, r[REGION_LOWMEM].end, four_gb };
	u64 ltop[] = { top, r[REGION_VMALLOC].start, r[REGION_PKMAP].start,
		       four_gb };
	static const enum vclass leg1[] = { VC_USER, VC_LOWMEM, VC_KERNEL,
					    VC_GAP, VC_VMALLOC };
	static const enum vclass leg2[] = { VC_AREA, VC_LAZY, VC_PKMAP,
					    VC_FIXMAP };
	char a[16], b[16];

	map_bar_title("Virtual memory, 4 GB", four_gb);
	map_bar_labels(0, four_gb, l4g, ARRAY_SIZE(l4g));
	vbar(s, 0, four_gb, color);
	map_user_line(s);
	map_bar_title("The kernel's 1 GB", four_gb - r[REGION_LOWMEM].start);
	map_bar_labels(r[REGION_LOWMEM].start, four_gb, l1g, ARRAY_SIZE(l1g));
	vbar(s, r[REGION_LOWMEM].start, four_gb, color);
	map_size_str(a, sizeof(a), region_size(&r[REGION_LOWMEM]));
	kprintf("   lowmem %s: the direct map of physical 0-%s; K the kernel\n",
		a, a);
	map_bar_title("The top 128 MB", four_gb - top);
	map_bar_labels(top, four_gb, ltop, ARRAY_SIZE(ltop));
	vbar(s, top, four_gb, color);
	kprintf("   gap %s, vmalloc %s: %u areas (%u freed, awaiting the purge)\n",
		map_size_str(a, sizeof(a), region_size(&r[REGION_LOWMEM_GAP])),
		map_size_str(b, sizeof(b), region_size(&r[REGION_VMALLOC])),
		s->nr_areas - s->nr_unpurged, s->nr_unpurged);
	legend(leg1, ARRAY_SIZE(leg1), color);
	legend(leg2, ARRAY_SIZE(leg2), color);
	kprintf("  (a letter shows what its column holds, however small)\n");
}

/* The 1024 pkmap slots, 16 to a column: the busiest state in each shows. */
static void map_pkmap(const struct map_snapshot *s, bool color)
{
	unsigned int per_col = LAST_PKMAP / 64;
	struct map_line l;

	kprintf("pkmap %#lx, %d slots, %u per column: %u in use, %u stale, cursor %u\n",
		s->regions[REGION_PKMAP].start, LAST_PKMAP, per_col,
		s->pkmap.in_use, s->pkmap.stale, s->pkmap.cursor);
	map_line_start(&l, color);
	map_line_puts(&l, "  [");
	for (unsigned int col = 0; col < 64; col++) {
		u8 worst = MAP_SLOT_FREE;

		for (unsigned int i = 0; i < per_col; i++)
			worst = max(worst, s->slots[col * per_col + i]);
		map_line_cell(&l, slot_styles[worst].ch,
			      slot_styles[worst].sgr);
	}
	map_line_sgr(&l, NULL);
	map_line_puts(&l, "]");
	map_line_end(&l);
}

/* One fixmap slot as a cell: in use or free, the hole as a guard. */
static void map_fixmap_cell(struct map_line *l, const struct map_snapshot *s,
			    int idx)
{
	const struct style *st =
		&slot_styles[s->fixmap_mapped[idx] ? MAP_SLOT_USED :
						     MAP_SLOT_FREE];

	if (idx == FIX_HOLE)
		map_line_cell(l, vstyles[VC_GUARD].ch, NULL);
	else
		map_line_cell(l, st->ch, st->sgr);
}

/*
 * The fixmap by address, high to low: the hole on top, the local APIC, the
 * boot-time btmap slots; then the kmap_local slots, a row of KM_MAX_IDX per
 * possible CPU (each CPU maps only its own: that is why they never need a
 * TLB shootdown).
 */
static void map_fixmap(const struct map_snapshot *s, bool color)
{
	struct map_line l;
	char count[32];

	kprintf("fixmap %#lx, a slot per column: hole, apic, btmap %d..0\n",
		s->regions[REGION_FIXMAP].start, FIX_BTMAPS_SLOTS - 1);
	map_line_start(&l, color);
	map_line_puts(&l, "  [");
	for (int idx = MAP_NR_FIXMAP - 1; idx > FIX_KMAP_END; idx--)
		map_fixmap_cell(&l, s, idx);
	map_line_sgr(&l, NULL);
	map_line_puts(&l, "]  ");
	for (int i = MAP_SLOT_FREE; i <= MAP_SLOT_USED; i++) {
		map_line_cell(&l, slot_styles[i].ch, slot_styles[i].sgr);
		map_line_sgr(&l, NULL);
		map_line_puts(&l, i == MAP_SLOT_STALE ? " stale  " :
				  i == MAP_SLOT_USED  ? " in use" :
							" free  ");
	}
	map_line_end(&l);
	kprintf("kmap_local slots %d..0 of each CPU (%d in use on this one):\n",
		KM_MAX_IDX - 1, s->kmap_local_depth);
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		int first = FIX_KMAP_BEGIN + (int)cpu * KM_MAX_IDX, used = 0;

		map_line_start(&l, color);
		snprintf(count, sizeof(count), "  cpu %u [", cpu);
		map_line_puts(&l, count);
		for (int idx = first + KM_MAX_IDX - 1; idx >= first; idx--) {
			map_fixmap_cell(&l, s, idx);
			used += s->fixmap_mapped[idx];
		}
		map_line_sgr(&l, NULL);
		snprintf(count, sizeof(count), "]  %d mapped", used);
		map_line_puts(&l, count);
		map_line_end(&l);
	}
}

static void map_areas(const struct map_snapshot *s)
{
	unsigned int shown = min(s->nr_areas_kept, (unsigned int)AREAS_LISTED);

	kprintf("vmalloc areas: %u, %lu KB with their guard pages; largest free gap %lu KB\n",
		s->nr_areas, s->area_bytes >> 10,
		s->vmalloc_largest_free >> 10);
	for (unsigned int i = 0; i < shown; i++) {
		const struct map_area *a = &s->areas[i];
		char who[40] = "-";

		if (a->caller)
			snprintf(who, sizeof(who), "%pS", a->caller);
		kprintf("  %#010lx-%#010lx %6lu KB %5u pages %-8s %.28s\n",
			a->start, a->end, (a->end - a->start) >> 10,
			a->nr_pages, map_area_kind(a), who);
	}
	if (s->nr_areas > shown)
		kprintf("  ... and %u more: cat /proc/vmallocinfo\n",
			s->nr_areas - shown);
}

/* --- the command ------------------------------------------------------------ */

static int cmd_map(int argc, char **argv)
{
	bool virt = false, phys = false, color = true, dump = false;
	const struct map_snapshot *s;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "virt"))
			virt = true;
		else if (!strcmp(argv[i], "phys"))
			phys = true;
		else if (!strcmp(argv[i], "plain"))
			color = false;
		else if (!strcmp(argv[i], "dump"))
			dump = true;
		else
			return shell_usage(argv[0]);
	}
	if (dump && (virt || phys || argc > 2))
		return shell_usage(argv[0]);
	s = map_take_snapshot();
	if (dump) {
		map_dump(s);
		return 0;
	}
	if (!virt && !phys)
		virt = phys = true;
	if (virt) {
		map_virtual_bars(s, color);
		map_pkmap(s, color);
		map_fixmap(s, color);
		map_areas(s);
	}
	if (phys)
		map_physical(s, color);
	return 0;
}
SHELL_COMMAND(map, "[virt|phys|dump] [plain]",
	      "memory in colour: virtual map, zones", SHELL_TOPIC_LAYOUT,
	      cmd_map);
