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
#include <kernel.h>
#include <printk.h>
#include <shell.h>
#include <sprintf.h>
#include <string.h>
#include <vmalloc.h>

#include "map.h"

#define BAR_WIDTH 72 /* columns of a bar: 2 + '[' + 72 + ']' = 76 */
#define BAR_INDENT 3 /* the bar's first column on the line */
#define LINE_MAX 1024 /* a bar line with its colour sequences */
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

/* Physical columns: fullness, and the zone as the colour. */
enum pclass { PC_FREE, PC_SOME, PC_MOST, PC_FULL, PC_RESERVED, NR_PCLASSES };
static const char pclass_ch[NR_PCLASSES] = { '.', ':', '+', '#', 'R' };
static const char *const zone_sgr[] = { "37;44", "30;42", "37;45", "30;46" };

/* A line being built: text, colour sequences, and the visible width. */
struct line {
	char buf[LINE_MAX];
	size_t len;
	bool color;
	const char *cur; /* the SGR in effect, NULL: none */
};

static void line_start(struct line *l, bool color)
{
	l->len = 0;
	l->buf[0] = '\0';
	l->color = color;
	l->cur = NULL;
}

static void line_puts(struct line *l, const char *s)
{
	size_t n = strlen(s);

	if (l->len + n >= LINE_MAX)
		n = LINE_MAX - 1 - l->len;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

/* Switch colours only where they change: the line stays short. */
static void line_sgr(struct line *l, const char *sgr)
{
	char seq[16];

	if (!l->color || sgr == l->cur ||
	    (sgr && l->cur && !strcmp(sgr, l->cur)))
		return;
	snprintf(seq, sizeof(seq), "\033[%sm", sgr ? sgr : "0");
	line_puts(l, seq);
	l->cur = sgr;
}

static void line_cell(struct line *l, char ch, const char *sgr)
{
	char s[2] = { ch, '\0' };

	line_sgr(l, sgr);
	line_puts(l, s);
}

static void line_end(struct line *l)
{
	line_sgr(l, NULL);
	kprintf("%s\n", l->buf);
}

/* The column of a bar [start, end) that addr falls in (end: BAR_WIDTH). */
static unsigned int bar_col(u64 addr, u64 start, u64 end)
{
	if (addr <= start)
		return 0;
	if (addr >= end)
		return BAR_WIDTH;
	return (unsigned int)((addr - start) * BAR_WIDTH / (end - start));
}

/*
 * Addresses above a bar, each starting where its column starts, or ending
 * just before it when the next label needs the room; the last one is the
 * bar's end, right-aligned.  A label with room neither way is left out
 * (the text under the bar names the regions anyway).
 */
static void bar_labels(u64 start, u64 end, const u64 *addrs, unsigned int n)
{
	char text[BAR_INDENT + BAR_WIDTH + 2];
	unsigned int used = 0, len = 10, last = BAR_INDENT + BAR_WIDTH + 1;

	memset(text, ' ', sizeof(text));
	text[sizeof(text) - 1] = '\0';
	for (unsigned int i = 0; i < n; i++) {
		u64 addr = min(addrs[i], 0xffffffffULL);
		unsigned int col = BAR_INDENT + bar_col(addrs[i], start, end);
		char label[16];

		snprintf(label, sizeof(label), "%#010llx", addr);
		if (i == n - 1)
			col = last - len;
		else if (col + len + 1 > last - len)
			col = col >= len ? col - len : 0; /* end before it */
		if (col < used)
			continue;
		memcpy(text + col, label, len);
		used = col + len + 1;
	}
	text[used ? used - 1 : 0] = '\0';
	kprintf("%s\n", text);
}

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
	struct line l;

	line_start(&l, color);
	line_puts(&l, "  [");
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
		line_cell(&l, vstyles[best].ch, vstyles[best].sgr);
	}
	line_sgr(&l, NULL);
	line_puts(&l, "]");
	line_end(&l);
}

/* "  u user space  L lowmem ..." for the classes given. */
static void legend(const enum vclass *classes, unsigned int n, bool color)
{
	struct line l;

	line_start(&l, color);
	line_puts(&l, " ");
	for (unsigned int i = 0; i < n; i++) {
		const struct style *st = &vstyles[classes[i]];

		line_puts(&l, i ? "  " : " ");
		line_cell(&l, st->ch, st->sgr);
		line_sgr(&l, NULL);
		line_puts(&l, " ");
		line_puts(&l, st->what);
	}
	line_end(&l);
}

static unsigned long mb(u64 bytes)
{
	return (unsigned long)(bytes >> 20);
}

/* "8 MB", or "128 KB" below a megabyte: a size never reads as 0 MB. */
static const char *size_str(char *buf, size_t size, u64 bytes)
{
	if (bytes && bytes < (1 << 20))
		snprintf(buf, size, "%lu KB", (unsigned long)(bytes >> 10));
	else
		snprintf(buf, size, "%lu MB", mb(bytes));
	return buf;
}

/* "The top 128 MB (one column = 1.7 MB)": a bar's title with its scale. */
static void bar_title(const char *what, u64 span)
{
	unsigned long tenths = mb(10 * span / BAR_WIDTH);

	kprintf("%s (one column = %lu.%lu MB)\n", what, tenths / 10,
		tenths % 10);
}

static void map_user_line(const struct map_snapshot *s)
{
	if (!s->user_task) {
		kprintf("   user space %lu MB: no process is running, nothing is mapped\n",
			mb(s->regions[REGION_USER].end));
		return;
	}
	kprintf("   user space %lu MB: %u regions of %s\n",
		mb(s->regions[REGION_USER].end), s->nr_user, s->user_task);
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

	bar_title("Virtual memory, 4 GB", four_gb);
	bar_labels(0, four_gb, l4g, ARRAY_SIZE(l4g));
	vbar(s, 0, four_gb, color);
	map_user_line(s);
	bar_title("The kernel's 1 GB", four_gb - r[REGION_LOWMEM].start);
	bar_labels(r[REGION_LOWMEM].start, four_gb, l1g, ARRAY_SIZE(l1g));
	vbar(s, r[REGION_LOWMEM].start, four_gb, color);
	size_str(a, sizeof(a), region_size(&r[REGION_LOWMEM]));
	kprintf("   lowmem %s: the direct map of physical 0-%s; K the kernel\n",
		a, a);
	bar_title("The top 128 MB", four_gb - top);
	bar_labels(top, four_gb, ltop, ARRAY_SIZE(ltop));
	vbar(s, top, four_gb, color);
	kprintf("   gap %s, vmalloc %s: %u areas (%u freed, awaiting the purge)\n",
		size_str(a, sizeof(a), region_size(&r[REGION_LOWMEM_GAP])),
		size_str(b, sizeof(b), region_size(&r[REGION_VMALLOC])),
		s->nr_areas - s->nr_unpurged, s->nr_unpurged);
	legend(leg1, ARRAY_SIZE(leg1), color);
	legend(leg2, ARRAY_SIZE(leg2), color);
	kprintf("  (a letter shows what its column holds, however small)\n");
}

/* The 1024 pkmap slots, 16 to a column: the busiest state in each shows. */
static void map_pkmap(const struct map_snapshot *s, bool color)
{
	unsigned int per_col = LAST_PKMAP / 64;
	struct line l;

	kprintf("pkmap %#lx, %d slots, %u per column: %u in use, %u stale, cursor %u\n",
		s->regions[REGION_PKMAP].start, LAST_PKMAP, per_col,
		s->pkmap.in_use, s->pkmap.stale, s->pkmap.cursor);
	line_start(&l, color);
	line_puts(&l, "  [");
	for (unsigned int col = 0; col < 64; col++) {
		u8 worst = MAP_SLOT_FREE;

		for (unsigned int i = 0; i < per_col; i++)
			worst = max(worst, s->slots[col * per_col + i]);
		line_cell(&l, slot_styles[worst].ch, slot_styles[worst].sgr);
	}
	line_sgr(&l, NULL);
	line_puts(&l, "]");
	line_end(&l);
}

/* The fixmap by address: btmap slots, kmap_local slots, the hole on top. */
static void map_fixmap(const struct map_snapshot *s, bool color)
{
	struct line l;
	char local[16];

	snprintf(local, sizeof(local), "%d/%d", s->kmap_local_depth,
		 KM_MAX_IDX);
	kprintf("fixmap %#lx, a slot per column: btmap %d..0, kmap_local %d..0, hole\n",
		s->regions[REGION_FIXMAP].start, FIX_BTMAPS_SLOTS - 1,
		KM_MAX_IDX - 1);
	line_start(&l, color);
	line_puts(&l, "  [");
	for (int idx = MAP_NR_FIXMAP - 1; idx >= 0; idx--) {
		const struct style *st =
			&slot_styles[s->fixmap_mapped[idx] ? MAP_SLOT_USED :
							     MAP_SLOT_FREE];

		if (idx == FIX_HOLE)
			line_cell(&l, vstyles[VC_GUARD].ch, NULL);
		else
			line_cell(&l, st->ch, st->sgr);
	}
	line_sgr(&l, NULL);
	line_puts(&l, "]  kmap_local ");
	line_puts(&l, local);
	line_puts(&l, "  ");
	for (int i = MAP_SLOT_FREE; i <= MAP_SLOT_USED; i++) {
		line_cell(&l, slot_styles[i].ch, slot_styles[i].sgr);
		line_sgr(&l, NULL);
		line_puts(&l, i == MAP_SLOT_STALE ? " stale  " :
			      i == MAP_SLOT_USED  ? " in use" :
						    " free  ");
	}
	line_end(&l);
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

/* --- the physical map ----------------------------------------------------- */

static int zone_of_pfn(const struct map_snapshot *s, unsigned long pfn)
{
	for (int z = (int)s->nr_zones - 1; z >= 0; z--)
		if (pfn >= s->zones[z].start_pfn)
			return z;
	return 0;
}

static enum pclass pclass_of(const u32 *sum, u64 pages)
{
	u64 free = sum[MAP_FREE] + sum[MAP_PCP];

	if (2 * (u64)sum[MAP_RESERVED] >= pages)
		return PC_RESERVED;
	if (free == pages)
		return PC_FREE;
	if (free == 0)
		return PC_FULL;
	return 2 * free >= pages ? PC_SOME : PC_MOST;
}

static void pbar(const struct map_snapshot *s, bool color)
{
	struct line l;

	line_start(&l, color);
	line_puts(&l, "  [");
	for (unsigned int col = 0; col < BAR_WIDTH; col++) {
		unsigned int first = col * s->nr_chunks / BAR_WIDTH;
		unsigned int last = (col + 1) * s->nr_chunks / BAR_WIDTH;
		u32 sum[NR_MAP_PAGE_KINDS] = { 0 };
		u64 pages = 0;
		enum pclass pc;
		int zone;

		for (unsigned int c = first; c < max(last, first + 1); c++)
			for (int k = 0; k < NR_MAP_PAGE_KINDS; k++) {
				sum[k] += s->chunks[c][k];
				pages += s->chunks[c][k];
			}
		pc = pclass_of(sum, pages);
		zone = zone_of_pfn(s, first * s->chunk_pages);
		line_cell(&l, pclass_ch[pc],
			  pc == PC_RESERVED ? "30;47" : zone_sgr[zone % 4]);
	}
	line_sgr(&l, NULL);
	line_puts(&l, "]");
	line_end(&l);
}

/* The zone names under the bar, each from the column where it starts. */
static void pbar_zone_names(const struct map_snapshot *s, bool color)
{
	struct line l;
	unsigned int at = 0;

	line_start(&l, color);
	line_puts(&l, "   ");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		unsigned int col =
			bar_col(s->zones[z].start_pfn, 0, s->max_pfn);

		for (; at < col; at++)
			line_puts(&l, " ");
		line_sgr(&l, zone_sgr[z % 4]);
		line_puts(&l, "|");
		line_puts(&l, s->zones[z].name);
		line_sgr(&l, NULL);
		at += 1 + strlen(s->zones[z].name);
	}
	line_end(&l);
}

static void map_physical(const struct map_snapshot *s, bool color)
{
	u64 bytes = (u64)s->max_pfn << PAGE_SHIFT;
	u64 labels[MAX_NR_ZONES + 2];
	unsigned int n = 0;
	char title[32];

	labels[n++] = 0;
	for (unsigned int z = 1; z < s->nr_zones; z++)
		labels[n++] = (u64)s->zones[z].start_pfn << PAGE_SHIFT;
	labels[n++] = bytes;
	snprintf(title, sizeof(title), "Physical memory, %lu MB", mb(bytes));
	bar_title(title, bytes);
	kprintf("  . free  : some used  + mostly used  # all used  R mostly reserved\n");
	bar_labels(0, bytes, labels, n);
	pbar(s, color);
	pbar_zone_names(s, color);
	kprintf("Zones, in pages of 4 KB (used: taken from the zone, not on a free list):\n");
	kprintf("  %-8s %8s %8s %8s %8s %6s %7s %7s %7s\n", "zone", "present",
		"managed", "used", "free", "pcp", "min", "low", "high");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		const struct map_zone *mz = &s->zones[z];

		kprintf("  %-8s %8lu %8lu %8lu %8lu %6lu %7lu %7lu %7lu\n",
			mz->name, mz->present, mz->managed,
			mz->managed - mz->free - mz->pcp, mz->free, mz->pcp,
			mz->wmark[WMARK_MIN], mz->wmark[WMARK_LOW],
			mz->wmark[WMARK_HIGH]);
	}
	kprintf("Free blocks per order, as /proc/buddyinfo (an order-n block is 2^n pages):\n");
	kprintf("  %-8s", "order");
	for (int o = 0; o < MAX_ORDER; o++)
		kprintf(" %5d", o);
	kprintf("\n");
	for (unsigned int z = 0; z < s->nr_zones; z++) {
		kprintf("  %-8s", s->zones[z].name);
		for (int o = 0; o < MAX_ORDER; o++)
			kprintf(" %5lu", s->zones[z].nr_free[o]);
		kprintf("\n");
	}
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
SHELL_COMMAND(map, "[virt|phys] [plain] | dump",
	      "memory as coloured bars: virtual map, zones, free blocks",
	      SHELL_TOPIC_LAYOUT, cmd_map);
