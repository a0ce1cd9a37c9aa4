// SPDX-License-Identifier: GPL-2.0
/*
 * memblock.c - the boot-time allocator, before struct pages exist.
 *
 * Two sorted arrays of non-overlapping physical ranges: memory and
 * reserved.  Adding a range merges it with its neighbours; removing one may
 * split a region in two.  Allocation walks the free ranges (memory minus
 * reserved) from the top down and takes the highest fit below
 * current_limit: top-down keeps ZONE_DMA free for the devices that need it
 * and puts mem_map and the page tables at the end of lowmem, as in Linux.
 *
 * The reserved regions keep the name of whoever reserved them ("kernel
 * image", "mem_map", "page tables") so that the end-of-boot report can say
 * where the memory went.  Neighbouring reservations merge only when they have
 * the same name.
 *
 * Simpler than Linux: fixed arrays of 128 regions (a PC's map has about ten),
 * no NUMA nodes, no hotplug, no mirroring flags.  memblock_lock makes each
 * public call whole (Linux relies on boot being single-threaded; here the
 * lock states it).
 */
#include <asm/memlayout.h>
#include <errno.h>
#include <kernel.h>
#include <memblock.h>
#include <panic.h>
#include <printk.h>
#include <seq_file.h>
#include <spinlock.h>
#include <string.h>

struct memblock memblock = {
	.current_limit = ~(phys_addr_t)0,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

static DEFINE_SPINLOCK(memblock_lock);

static bool same_name(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void memblock_remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

static int memblock_insert_region(struct memblock_type *type, unsigned long i,
				  phys_addr_t base, phys_addr_t size,
				  const char *name)
{
	if (type->cnt >= INIT_MEMBLOCK_REGIONS) {
		pr_err("memblock: too many %s regions\n", type->name);
		return -ENOMEM;
	}
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size, name };
	type->cnt++;
	type->total_size += size;
	return 0;
}

/* Merge region i with its neighbours where they touch and share the name. */
static void memblock_merge_around(struct memblock_type *type, unsigned long i)
{
	struct memblock_region *r = type->regions;

	if (i + 1 < type->cnt && r[i].base + r[i].size == r[i + 1].base &&
	    same_name(r[i].name, r[i + 1].name)) {
		r[i].size += r[i + 1].size;
		type->total_size += r[i + 1].size; /* removed again below */
		memblock_remove_region(type, i + 1);
	}
	if (i > 0 && r[i - 1].base + r[i - 1].size == r[i].base &&
	    same_name(r[i - 1].name, r[i].name)) {
		r[i - 1].size += r[i].size;
		type->total_size += r[i].size;
		memblock_remove_region(type, i);
	}
}

/*
 * Add [base, base+size) to `type`, skipping the parts already covered (a
 * reservation of a reserved byte is not an error: Linux allows it too).
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size, const char *name)
{
	phys_addr_t end = base + size;
	unsigned long i = 0;

	while (base < end) {
		struct memblock_region *r;
		phys_addr_t chunk_end;
		int ret;

		/* Skip regions that end at or before base. */
		while (i < type->cnt &&
		       type->regions[i].base + type->regions[i].size <= base)
			i++;
		r = i < type->cnt ? &type->regions[i] : NULL;
		if (r && r->base <= base) {
			base = r->base + r->size; /* already covered */
			continue;
		}
		chunk_end = (r && r->base < end) ? r->base : end;
		ret = memblock_insert_region(type, i, base, chunk_end - base,
					     name);
		if (ret)
			return ret;
		memblock_merge_around(type, i);
		base = chunk_end;
		i = 0;
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	int ret;

	spin_lock(&memblock_lock);
	ret = memblock_add_range(&memblock.memory, base, size, NULL);
	spin_unlock(&memblock_lock);
	return ret;
}

int memblock_reserve_named(phys_addr_t base, phys_addr_t size, const char *name)
{
	int ret;

	spin_lock(&memblock_lock);
	ret = memblock_add_range(&memblock.reserved, base, size, name);
	spin_unlock(&memblock_lock);
	return ret;
}

static int __memblock_remove(phys_addr_t base, phys_addr_t size)
{
	struct memblock_type *type = &memblock.memory;
	phys_addr_t end = base + size;

	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) { /* split in two */
			r->size = base - r->base;
			type->total_size -= rend - base;
			return memblock_insert_region(type, i + 1, end,
						      rend - end, r->name);
		}
		if (r->base < base) {
			type->total_size -= rend - base;
			r->size = base - r->base;
		} else if (rend > end) {
			type->total_size -= end - r->base;
			r->size = rend - end;
			r->base = end;
		} else {
			memblock_remove_region(type, i--);
		}
	}
	return 0;
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	int ret;

	spin_lock(&memblock_lock);
	ret = __memblock_remove(base, size);
	spin_unlock(&memblock_lock);
	return ret;
}

static bool memblock_type_contains(const struct memblock_type *type,
				   phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr < type->regions[i].base + type->regions[i].size)
			return true;
	return false;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_type_contains(&memblock.memory, addr);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_type_contains(&memblock.reserved, addr);
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/*
 * Free ranges are memory regions minus the reserved ones.  The index packs
 * (memory region, reserved region) so that the walk can resume: for memory
 * region mi, the gaps between reserved regions are visited in order.
 */
bool memblock_next_free_range(u64 *idx, phys_addr_t *out_start,
			      phys_addr_t *out_end)
{
	const struct memblock_type *mem = &memblock.memory;
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long mi = (unsigned long)(*idx >> 32);
	unsigned long ri = (unsigned long)(*idx & 0xffffffff);

	for (; mi < mem->cnt; mi++, ri = 0) {
		phys_addr_t mbase = mem->regions[mi].base;
		phys_addr_t mend = mbase + mem->regions[mi].size;

		/* Gaps of the reserved list: [end of ri-1, base of ri). */
		for (; ri <= rsv->cnt; ri++) {
			phys_addr_t gap_start =
				ri ? rsv->regions[ri - 1].base +
						rsv->regions[ri - 1].size :
				     0;
			phys_addr_t gap_end = ri < rsv->cnt ?
						      rsv->regions[ri].base :
						      ~(phys_addr_t)0;
			phys_addr_t start = max(gap_start, mbase);
			phys_addr_t end = min(gap_end, mend);

			if (gap_start >= mend)
				break;
			if (start < end) {
				*idx = ((u64)mi << 32) | (ri + 1);
				*out_start = start;
				*out_end = end;
				return true;
			}
		}
	}
	*idx = ~0ULL;
	return false;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t range_start,
				      phys_addr_t range_end, const char *name)
{
	phys_addr_t best = 0, start, end;
	u64 i = 0;

	size = ALIGN(size, (phys_addr_t)PAGE_SIZE);
	spin_lock(&memblock_lock);
	/* Remember the highest fit: the walk goes up, we want top-down. */
	while (memblock_next_free_range(&i, &start, &end)) {
		phys_addr_t top = min(end, range_end);
		phys_addr_t candidate;

		start = max(start, range_start);
		if (top < size || top - size < start)
			continue;
		candidate = ALIGN_DOWN(top - size, align);
		if (candidate >= start && candidate > best)
			best = candidate;
	}
	if (best && memblock_add_range(&memblock.reserved, best, size, name))
		best = 0;
	spin_unlock(&memblock_lock);
	return best;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align,
				const char *name)
{
	return memblock_phys_alloc_range(size, align, 0, memblock.current_limit,
					 name);
}

void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
			      const char *name)
{
	phys_addr_t phys = memblock_phys_alloc(size, align, name);
	void *virt;

	if (!phys)
		panic("memblock: cannot allocate %llu bytes for %s", size,
		      name);
	virt = __va((unsigned long)phys);
	memset(virt, 0, (size_t)size);
	return virt;
}

static void memblock_show_type(struct seq_file *m,
			       const struct memblock_type *type)
{
	seq_printf(m, " %s.cnt  = 0x%lx, total %llu KB\n", type->name,
		   type->cnt, type->total_size >> 10);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		seq_printf(
			m,
			" %s[0x%lx]\t[%#010llx-%#010llx], %#010llx bytes %s\n",
			type->name, i, r->base, r->base + r->size - 1, r->size,
			r->name ? r->name : "");
	}
}

/* /proc/memblock: what the boot allocator held when it retired. */
static void memblock_show(struct seq_file *m)
{
	memblock_show_type(m, &memblock.memory);
	memblock_show_type(m, &memblock.reserved);
}
PROC_FILE("memblock", memblock_show);
