// SPDX-License-Identifier: GPL-2.0
/*
 * percpu.c - alloc_percpu() and free_percpu(): per-CPU memory at run time.
 *
 * Every CPU's per-CPU area (arch/x86/kernel/setup_percpu.c) is the static
 * part, a copy of the .data..percpu template, followed by a dynamic part
 * of the same size in every area.  An allocation is an offset into the
 * dynamic part, the same in every area; what alloc_percpu() returns is the
 * address that offset *would* have in the template,
 *
 *	ptr = __per_cpu_start + static_size + offset
 *
 * never dereferenced itself: per_cpu_ptr(ptr, cpu) adds CPU cpu's
 * __per_cpu_offset and lands in that CPU's area, and this_cpu_ptr(ptr)
 * adds this CPU's, exactly as for a DEFINE_PER_CPU variable.
 *
 * The dynamic part is managed in 8-byte granules: a used map (one bit per
 * granule) and, at the first granule of each allocation, its length; a
 * free checks that the pointer is such a first granule.  New memory is
 * zeroed on every CPU.  Simpler than Linux: one chunk, no new chunks when
 * it is full (NULL and a warning), first fit.
 */
#include <asm/atomic.h>
#include <asm/memlayout.h>
#include <bug.h>
#include <cpumask.h>
#include <kernel.h>
#include <percpu.h>
#include <printk.h>
#include <spinlock.h>
#include <string.h>

#define PCPU_MIN_ALLOC_SIZE 8 /* a granule */
#define PCPU_MAX_GRANULES 4096 /* up to 32 KB of dynamic space */

static DEFINE_SPINLOCK(pcpu_lock);
static size_t pcpu_static_size; /* the template's size */
static unsigned int pcpu_nr_granules; /* of the dynamic part */
static unsigned long pcpu_used_map[PCPU_MAX_GRANULES / 32];
static u16 pcpu_alloc_len[PCPU_MAX_GRANULES]; /* at an allocation's start */
static size_t pcpu_used_bytes;

void __init pcpu_setup_first_chunk(size_t static_size, size_t dyn_size)
{
	pcpu_static_size = static_size;
	pcpu_nr_granules = (unsigned int)min_t(
		size_t, dyn_size / PCPU_MIN_ALLOC_SIZE, PCPU_MAX_GRANULES);
}

static bool pcpu_granule_used(unsigned int g)
{
	return test_bit(g % 32, &pcpu_used_map[g / 32]);
}

static void pcpu_mark(unsigned int start, unsigned int len, bool used)
{
	for (unsigned int g = start; g < start + len; g++) {
		if (used)
			pcpu_used_map[g / 32] |= 1UL << (g % 32);
		else
			pcpu_used_map[g / 32] &= ~(1UL << (g % 32));
	}
}

/* First fit: the lowest start, aligned, with len free granules. */
static int pcpu_find_fit(unsigned int len, unsigned int align)
{
	for (unsigned int start = 0; start + len <= pcpu_nr_granules;
	     start += align) {
		unsigned int g = start;

		while (g < start + len && !pcpu_granule_used(g))
			g++;
		if (g == start + len)
			return (int)start;
	}
	return -1;
}

static void *pcpu_granule_ptr(unsigned int g)
{
	return __per_cpu_start + pcpu_static_size + g * PCPU_MIN_ALLOC_SIZE;
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	unsigned int len =
		(unsigned int)DIV_ROUND_UP(size, PCPU_MIN_ALLOC_SIZE);
	unsigned int galign =
		(unsigned int)max_t(size_t, align / PCPU_MIN_ALLOC_SIZE, 1);
	unsigned int cpu;
	int start;
	void *ptr;

	if (!size || size > pcpu_nr_granules * PCPU_MIN_ALLOC_SIZE ||
	    !is_power_of_2(align) || align > PAGE_SIZE) {
		WARN(1,
		     "illegal size (%zu) or align (%zu) for percpu allocation\n",
		     size, align);
		return NULL;
	}
	spin_lock(&pcpu_lock);
	start = pcpu_find_fit(len, galign);
	if (start >= 0) {
		pcpu_mark((unsigned int)start, len, true);
		pcpu_alloc_len[start] = (u16)len;
		pcpu_used_bytes += len * PCPU_MIN_ALLOC_SIZE;
	}
	spin_unlock(&pcpu_lock);
	if (start < 0) {
		pr_warn("percpu: allocation failed, size=%zu align=%zu, the %u-byte dynamic area is full\n",
			size, align, pcpu_nr_granules * PCPU_MIN_ALLOC_SIZE);
		return NULL;
	}
	ptr = pcpu_granule_ptr((unsigned int)start);
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(ptr, cpu), 0, len * PCPU_MIN_ALLOC_SIZE);
	return ptr;
}

void free_percpu(void __percpu *ptr)
{
	unsigned long off =
		(unsigned long)ptr - (unsigned long)pcpu_granule_ptr(0);
	unsigned int g = (unsigned int)(off / PCPU_MIN_ALLOC_SIZE);

	if (!ptr)
		return;
	spin_lock(&pcpu_lock);
	if (off % PCPU_MIN_ALLOC_SIZE || g >= pcpu_nr_granules ||
	    !pcpu_alloc_len[g]) {
		spin_unlock(&pcpu_lock);
		WARN(1,
		     "free_percpu: %p is not a per-CPU allocation (freed twice?)\n",
		     ptr);
		return;
	}
	pcpu_mark(g, pcpu_alloc_len[g], false);
	pcpu_used_bytes -= pcpu_alloc_len[g] * PCPU_MIN_ALLOC_SIZE;
	pcpu_alloc_len[g] = 0;
	spin_unlock(&pcpu_lock);
}

size_t pcpu_nr_used_bytes(void)
{
	return READ_ONCE(pcpu_used_bytes);
}

size_t pcpu_dynamic_size(void)
{
	return pcpu_nr_granules * PCPU_MIN_ALLOC_SIZE;
}
