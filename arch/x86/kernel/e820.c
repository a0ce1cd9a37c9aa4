// SPDX-License-Identifier: GPL-2.0
/*
 * e820.c - the physical memory map.
 *
 * Boot loaders hand over the map as the BIOS produced it: unsorted, and in
 * principle overlapping.  e820__update_table() turns it into sorted,
 * non-overlapping ranges the way Linux's sanitizer does: every range
 * boundary is a change point; between two change points the type is that of
 * the covering entry with the highest type number (reserved beats usable:
 * memory that anyone says is not RAM is not used as RAM); neighbours of the
 * same type are merged.  O(n^2) over at most 128 entries, once at boot.
 */
#include <asm/e820.h>
#include <kernel.h>
#include <printk.h>
#include <sort.h>
#include <string.h>

struct e820_table e820_table;

bool e820__range_add(u64 start, u64 size, u32 type)
{
	struct e820_table *t = &e820_table;

	if (t->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; ignoring [mem %#018llx-%#018llx]\n",
		       start, start + size - 1);
		return false;
	}
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
	return true;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* The type that wins at [start, end): the highest among covering entries. */
static u32 e820_type_at(const struct e820_entry *entries, u32 n, u64 start,
			u64 end)
{
	u32 type = 0;

	for (u32 i = 0; i < n; i++)
		if (entries[i].addr <= start &&
		    entries[i].addr + entries[i].size >= end &&
		    entries[i].type > type)
			type = entries[i].type;
	return type;
}

int e820__update_table(struct e820_table *table)
{
	static struct e820_entry old[E820_MAX_ENTRIES];
	static u64 points[2 * E820_MAX_ENTRIES];
	u32 n = 0, nr_points = 0;

	for (u32 i = 0; i < table->nr_entries; i++) {
		if (table->entries[i].size == 0)
			continue;
		old[n++] = table->entries[i];
		points[nr_points++] = table->entries[i].addr;
		points[nr_points++] =
			table->entries[i].addr + table->entries[i].size;
	}
	sort(points, nr_points, sizeof(points[0]), cmp_u64);

	table->nr_entries = 0;
	for (u32 i = 0; i + 1 < nr_points; i++) {
		u64 start = points[i], end = points[i + 1];
		u32 type;
		struct e820_entry *last;

		if (start == end)
			continue;
		type = e820_type_at(old, n, start, end);
		if (!type)
			continue; /* a hole */
		last = table->nr_entries ?
			       &table->entries[table->nr_entries - 1] :
			       NULL;
		if (last && last->type == type &&
		    last->addr + last->size == start)
			last->size += end - start;
		else
			table->entries[table->nr_entries++] =
				(struct e820_entry){ start, end - start, type };
	}
	return (int)table->nr_entries;
}

/*
 * Take the `type` parts of [start, start+size) out of the table, splitting
 * entries where needed (the table stays sorted and disjoint).
 */
void e820__range_remove(u64 start, u64 size, u32 type, bool report)
{
	struct e820_table *t = &e820_table;
	u64 end = start + size < start ? ~0ULL : start + size;

	if (report)
		pr_info("e820: remove [mem %#010llx-%#010llx] %s\n", start,
			end - 1, e820_type_name(type));
	for (u32 i = 0; i < t->nr_entries; i++) {
		struct e820_entry *e = &t->entries[i];
		u64 e_end = e->addr + e->size;

		if (e->type != type || e_end <= start || e->addr >= end)
			continue;
		if (e->addr < start && e_end > end) {
			/* The range is inside the entry: keep both sides. */
			e->size = start - e->addr;
			e820__range_add(end, e_end - end, type);
		} else if (e->addr < start) {
			e->size = start - e->addr;
		} else if (e_end > end) {
			e->size = e_end - end;
			e->addr = end;
		} else {
			e->size = 0; /* dropped by the sanitizer */
		}
	}
	e820__update_table(t);
}

/* Change the `old` parts of [start, start+size) to `new`. */
void e820__range_update(u64 start, u64 size, u32 old_type, u32 new_type)
{
	pr_info("e820: update [mem %#010llx-%#010llx] %s ==> %s\n", start,
		start + size - 1, e820_type_name(old_type),
		e820_type_name(new_type));
	e820__range_remove(start, size, old_type, false);
	e820__range_add(start, size, new_type);
	e820__update_table(&e820_table);
}

u64 e820__end_of_ram(u64 limit)
{
	u64 end = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr < limit)
			end = max(end, min(e->addr + e->size, limit));
	}
	return end;
}

const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	case E820_TYPE_PMEM:
		return "persistent (type 7)";
	default:
		return "type ?";
	}
}

void e820__print_table(const char *who)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		pr_info("%s: [mem %#018llx-%#018llx] %s\n", who, e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
}

u64 e820__total_ram(void)
{
	u64 total = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++)
		if (e820_table.entries[i].type == E820_TYPE_RAM)
			total += e820_table.entries[i].size;
	return total;
}
