// SPDX-License-Identifier: GPL-2.0
/*
 * slabtop.c - `slabtop`: procps's `slabtop --once --sort=c`.
 *
 * As the real one, it reads /proc/slabinfo and nothing else: the five
 * summary lines, then the table, biggest cache first.  Every number of it
 * is a column of /proc/slabinfo or a sum of them, so the two always agree.
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
	char *buf = kmalloc(SLABINFO_BUF_SIZE, GFP_KERNEL);
	int n;

	if (!buf)
		return -ENOMEM;
	n = read_slabinfo(buf, SLABINFO_BUF_SIZE, info, SLABTOP_MAX_CACHES);
	if (n < 0) {
		kfree(buf);
		return n;
	}
	sort(info, (size_t)n, sizeof(info[0]), cmp_cache_size);
	slabtop_summary(info, (unsigned int)n);
	kprintf("%6s %6s %4s %8s %6s %8s %10s %-23s\n", "OBJS", "ACTIVE", "USE",
		"OBJ SIZE", "SLABS", "OBJ/SLAB", "CACHE SIZE", "NAME");
	for (int i = 0; i < n; i++) {
		const struct slabinfo *c = &info[i];
		char size[24];

		kprintf("%6lu %6lu %3lu%% %7sK %6lu %8u %9luK %-23s\n",
			c->num_objs, c->active_objs,
			c->num_objs ? c->active_objs * 100 / c->num_objs : 0,
			kb2(size, c->objsize), c->num_slabs, c->objperslab,
			cache_bytes(c) / 1024, c->name);
	}
	kfree(buf);
	return 0;
}
SHELL_COMMAND(slabtop, "",
	      "the slab caches by size, as `slabtop --once --sort=c`",
	      SHELL_TOPIC_SLAB, cmd_slabtop);
