// SPDX-License-Identifier: GPL-2.0
/*
 * slabtop.c - `slabtop` and `slabinfo`: /proc/slabinfo for an 80x25 screen.
 *
 * Both read /proc/slabinfo and nothing else, as procps's slabtop does, so
 * their numbers always agree with it.  `slabtop` is procps's `slabtop
 * --once`: the five summary lines, then the caches sorted by their number
 * of objects (procps's default sort), which puts the caches in use first.
 * On a projector the header and the caches in use must fit one screen, so
 * it shows at most SLABTOP_ROWS of them and counts the rest in one line;
 * `slabtop -a` shows every cache, as procps does.  `slabinfo` is
 * /proc/slabinfo itself in 80 columns: the same columns without the
 * tunables and sharedavail (always 0 in SLUB), in-use caches first, the
 * empty ones named on a few lines at the end.  `cat /proc/slabinfo` keeps
 * Linux's full format.
 */
#include <asm/memlayout.h>
#include <cmdline.h>
#include <errno.h>
#include <kernel.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <slab.h>
#include <sort.h>
#include <sprintf.h>
#include <string.h>

#define SLABTOP_MAX_CACHES 128
#define SLABINFO_BUF_SIZE (32 * 1024)
#define SLABINFO_HEADER_LINES 2
/* Caches listed on one screen: 25 rows less the header (7), the line
 * counting the rest, the command line and the next prompt. */
#define SLABTOP_ROWS 15

/* One line of /proc/slabinfo: the columns slabtop uses. */
struct slabinfo {
	const char *name; /* in read_slabinfo()'s buffer */
	unsigned long active_objs, num_objs, num_slabs;
	unsigned int objsize, objperslab, pagesperslab;
};

/* The next space-separated word of *line, or NULL at its end. */
static char *next_word(char **line)
{
	char *word;

	while ((word = strsep(line, " ")) && !*word)
		;
	return word;
}

static bool next_ulong(char **line, unsigned long *val)
{
	const char *word = next_word(line);

	return word && !kstrtoul(word, 10, val);
}

/*
 * "name active num objsize objperslab pagesperslab : tunables l b s :
 * slabdata active_slabs num_slabs sharedavail"
 */
static bool parse_slabinfo_line(char *line, struct slabinfo *info)
{
	unsigned long objsize, objperslab, pagesperslab, skip;

	info->name = next_word(&line);
	if (!info->name)
		return false;
	if (!next_ulong(&line, &info->active_objs) ||
	    !next_ulong(&line, &info->num_objs) ||
	    !next_ulong(&line, &objsize) || !next_ulong(&line, &objperslab) ||
	    !next_ulong(&line, &pagesperslab))
		return false;
	for (int i = 0; i < 6; i++) /* : tunables l b s : */
		if (!next_word(&line))
			return false;
	if (!next_word(&line) || !next_ulong(&line, &skip) ||
	    !next_ulong(&line, &info->num_slabs))
		return false;
	info->objsize = (unsigned int)objsize;
	info->objperslab = (unsigned int)objperslab;
	info->pagesperslab = (unsigned int)pagesperslab;
	return true;
}

/*
 * Read /proc/slabinfo into buf and info[] (whose names point into buf); the
 * number of caches, or an errno.
 */
static int read_slabinfo(char *buf, size_t size, struct slabinfo *info, int max)
{
	char *rest = buf, *line;
	int len = proc_read("slabinfo", buf, size);
	int n = 0;

	if (len < 0) {
		kprintf("slabtop: cannot read /proc/slabinfo (%d)\n", len);
		return len;
	}
	for (int i = 0; i < SLABINFO_HEADER_LINES; i++)
		strsep(&rest, "\n");
	while ((line = strsep(&rest, "\n")) && *line) {
		if (n == max) {
			kprintf("slabtop: more than %d caches, the rest left out\n",
				max);
			break;
		}
		if (!parse_slabinfo_line(line, &info[n])) {
			kprintf("slabtop: cannot parse \"%s\"\n", line);
			return -EINVAL;
		}
		n++;
	}
	return n;
}

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

/* procps's default order: most objects first, then by name. */
static int cmp_nr_objs(const void *a, const void *b)
{
	const struct slabinfo *x = a, *y = b;

	if (x->num_objs != y->num_objs)
		return x->num_objs > y->num_objs ? -1 : 1;
	return strcmp(x->name, y->name);
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

/*
 * Read /proc/slabinfo, sort it as slabtop does, and hand it to show(): the
 * one way both commands read it.  0 or an errno.
 */
static int with_slabinfo(void (*show)(const struct slabinfo *info, int n,
				      bool all),
			 bool all)
{
	static struct slabinfo info[SLABTOP_MAX_CACHES];
	char *buf = kmalloc(SLABINFO_BUF_SIZE, GFP_KERNEL);
	int n;

	if (!buf)
		return -ENOMEM;
	n = read_slabinfo(buf, SLABINFO_BUF_SIZE, info, SLABTOP_MAX_CACHES);
	if (n >= 0) {
		sort(info, (size_t)n, sizeof(info[0]), cmp_nr_objs);
		show(info, n, all);
	}
	kfree(buf); /* the names in info[] point into it */
	return min(n, 0);
}

static void slabtop_row(const struct slabinfo *c)
{
	char size[24];

	kprintf("%6lu %6lu %3lu%% %7sK %6lu %8u %9luK %s\n", c->num_objs,
		c->active_objs,
		c->num_objs ? c->active_objs * 100 / c->num_objs : 0,
		kb2(size, c->objsize), c->num_slabs, c->objperslab,
		cache_bytes(c) / 1024, c->name);
}

static void slabtop_table(const struct slabinfo *info, int n, bool all)
{
	int in_use = 0, shown = 0;

	kprintf("%6s %6s %4s %8s %6s %8s %10s %s\n", "OBJS", "ACTIVE", "USE",
		"OBJ SIZE", "SLABS", "OBJ/SLAB", "CACHE SIZE", "NAME");
	for (int i = 0; i < n; i++) {
		in_use += info[i].num_objs != 0;
		if (all || (info[i].num_objs && shown < SLABTOP_ROWS)) {
			slabtop_row(&info[i]);
			shown++;
		}
	}
	if (shown < n)
		kprintf("(%d more: %d in use, %d empty; slabtop -a shows all)\n",
			n - shown, in_use - min(in_use, shown), n - in_use);
}

static void slabtop_show(const struct slabinfo *info, int n, bool all)
{
	slabtop_summary(info, (unsigned int)n);
	slabtop_table(info, n, all);
}

static int cmd_slabtop(int argc, char **argv)
{
	bool all = argc == 2 && !strcmp(argv[1], "-a");

	if (argc > 2 || (argc == 2 && !all))
		return shell_usage(argv[0]);
	return with_slabinfo(slabtop_show, all);
}
SHELL_COMMAND(slabtop, "[-a]", "the caches by objects, as `slabtop --once`",
	      SHELL_TOPIC_SLAB, cmd_slabtop,
	      .detail = "procps's slabtop --once, from /proc/slabinfo: the "
			"totals, then the caches with the most objects first "
			"(its default sort), which are the ones in use.  To "
			"fit one 25-line screen it lists at most 15 and "
			"counts the others; -a lists every cache.  CACHE "
			"SIZE is the memory of the cache's slabs; USE the "
			"share of its objects allocated.",
	      .see = "slabinfo, cat /proc/slabinfo, kmalloc, slab, "
		     "explain slab");

static void slabinfo_empty_names(const struct slabinfo *info, int n)
{
	bool first = true;

	for (int i = 0; i < n; i++) {
		if (info[i].num_objs)
			continue;
		kprintf("%s%s", first ? "no slabs: " : " ", info[i].name);
		first = false;
	}
	if (!first)
		kprintf("\n");
}

static void slabinfo_show(const struct slabinfo *info, int n, bool all)
{
	kprintf("slabinfo - version: 2.1 (compact: no tunables, all 0 here)\n");
	kprintf("%-18s %11s %8s %7s %10s %5s %5s\n", "# name", "active_objs",
		"num_objs", "objsize", "objperslab", "pages", "slabs");
	for (int i = 0; i < n && info[i].num_objs; i++)
		kprintf("%-18s %11lu %8lu %7u %10u %5u %5lu\n", info[i].name,
			info[i].active_objs, info[i].num_objs, info[i].objsize,
			info[i].objperslab, info[i].pagesperslab,
			info[i].num_slabs);
	slabinfo_empty_names(info, n);
}

static int cmd_slabinfo(int argc, char **argv)
{
	if (argc > 1)
		return shell_usage(argv[0]);
	return with_slabinfo(slabinfo_show, true);
}
SHELL_COMMAND(slabinfo, "", "/proc/slabinfo in 80 columns, in use first",
	      SHELL_TOPIC_SLAB, cmd_slabinfo,
	      .detail = "The columns of /proc/slabinfo (its \"pages\" is "
			"pagesperslab, \"slabs\" num_slabs), without the "
			"tunables and sharedavail, which SLUB always shows "
			"as 0, so that a line fits 80 columns.  Caches with "
			"objects come first, most objects first; the empty "
			"ones are only named.  cat /proc/slabinfo prints "
			"Linux's full format, line for line.",
	      .see = "slabtop, cat /proc/slabinfo, slab, kmalloc");
