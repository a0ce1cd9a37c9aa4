// SPDX-License-Identifier: GPL-2.0
/*
 * swiotlb.c - the software I/O TLB: bounce buffers for devices that cannot
 * reach a buffer (Linux's kernel/dma/swiotlb.c, one pool, one area).
 *
 * The edu device puts 28-bit addresses on the bus; on a 2 GB machine most
 * of memory lies above 256 MB, and a highmem page always does.  When a
 * driver maps such a buffer, the DMA layer gives the device the address of
 * a bounce slot instead, in a pool reserved at boot below 256 MB, and
 * copies: buffer -> slot before the device reads it, slot -> buffer after
 * it wrote.  The driver sees none of it, except in the cost of the copies
 * (and in the statistics: `dma`).
 *
 * The pool: nslabs slots of IO_TLB_SIZE (2 KB) in segments of
 * IO_TLB_SEGSIZE (128) slots; a mapping takes consecutive slots inside one
 * segment, so the largest is 256 KB.  slots[i].list is Linux's free-run
 * count: the number of free slots from i to the end of its segment, 0 if
 * slot i is in use, so "is there room for n slots at i" is one comparison,
 * and allocating or freeing fixes the counts of the free slots before the
 * run (within the segment) by counting up.  A mapping of a page or more
 * starts on a page boundary.  Each slot records the physical address of
 * the original byte it shadows (orig_addr) and how many bytes of the
 * mapping remain from it (alloc_size), so that a copy can be checked
 * against the mapping's size: a driver that unmaps with a larger size gets
 * a report instead of a copy past its buffer.
 *
 * The copies go page by page through kmap_local_page(), so the original
 * may be in highmem (dma_map_page) and mappings may be made and undone in
 * interrupt handlers.  One spinlock (irqsave) guards the slots.  Size and
 * placement: docs/design.md ("swiotlb").
 */
#include <cmdline.h>
#include <dma-mapping.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <memblock.h>
#include <params.h>
#include <printk.h>
#include <seq_file.h>
#include <spinlock.h>
#include <string.h>
#include <swiotlb.h>

#define pr_fmt_swiotlb "software IO TLB: "
/* The default pool: 4 MB, 16 segments (Linux's is 64 MB, for 32-bit masks). */
#define IO_TLB_DEFAULT_SIZE (4UL << 20)
/*
 * The pool must lie below every mask it serves.  It serves the edu
 * device's 28 bits: below 256 MB (or the end of lowmem, if lower).  A
 * device with a smaller mask (ISA's 24 bits) cannot use it: its mappings
 * fail with the overflow report, and it must use GFP_DMA memory.
 */
#define IO_TLB_ADDR_LIMIT (DMA_BIT_MASK(28) + 1)
#define INVALID_PHYS_ADDR (~(phys_addr_t)0)

struct io_tlb_slot {
	phys_addr_t orig_addr; /* the buffer byte it shadows, or INVALID */
	size_t alloc_size; /* bytes of the mapping from this slot on */
	unsigned int list; /* free slots from here to segment end; 0: used */
	bool head; /* the first slot of a mapping */
};

static struct io_tlb_mem {
	phys_addr_t start; /* the pool: [start, end) */
	phys_addr_t end;
	unsigned long nslabs; /* slots; 0: no pool */
	unsigned int index; /* where the next search starts */
	bool force_bounce; /* swiotlb=force: bounce every mapping */
	struct io_tlb_slot *slots;
	spinlock_t lock;
	struct swiotlb_stats stats; /* nslabs, used, ... (under lock) */
} io_tlb_default_mem = {
	.lock = __SPIN_LOCK_UNLOCKED(io_tlb_default_mem.lock),
};

/* Copies of the pool's bounds for the inline tests of swiotlb.h. */
phys_addr_t io_tlb_start, io_tlb_end;
bool io_tlb_force_bounce;
static unsigned long swiotlb_param_nslabs;
static bool swiotlb_param_off;

/* Linux's syntax: swiotlb=<slots>[,force] | force | noforce */
static int __init setup_io_tlb_npages(char *str)
{
	char *end;

	if (!str)
		return -EINVAL;
	if (str[0] >= '0' && str[0] <= '9') {
		swiotlb_param_nslabs = simple_strtoul(str, &end, 0);
		str = *end == ',' ? end + 1 : end;
	}
	if (!strcmp(str, "force"))
		io_tlb_default_mem.force_bounce = true;
	else if (!strcmp(str, "noforce"))
		swiotlb_param_off = true;
	else if (*str)
		return -EINVAL;
	return 0;
}
early_param("swiotlb", setup_io_tlb_npages);

/* Slots needed for `size` bytes. */
static unsigned int nr_slots(size_t size)
{
	return (unsigned int)DIV_ROUND_UP(size, IO_TLB_SIZE);
}

static unsigned int io_tlb_offset(unsigned long index)
{
	return (unsigned int)(index & (IO_TLB_SEGSIZE - 1));
}

/**
 * swiotlb_init - reserve the bounce pool at boot
 *
 * Called by the architecture's mem_init() before memblock hands its free
 * memory to the buddy allocator (Linux: pci_iommu_alloc()).  4 MB by
 * default, at most 1/16 of RAM, below IO_TLB_ADDR_LIMIT and in lowmem.
 */
void __init swiotlb_init(void)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long bytes = IO_TLB_DEFAULT_SIZE;
	phys_addr_t limit = IO_TLB_ADDR_LIMIT;
	unsigned long segbytes = IO_TLB_SEGSIZE << IO_TLB_SHIFT;

	if (swiotlb_param_off)
		return;
	if (swiotlb_param_nslabs)
		bytes = ALIGN(swiotlb_param_nslabs, IO_TLB_SEGSIZE)
			<< IO_TLB_SHIFT;
	bytes = min(bytes, (unsigned long)(memblock_phys_mem_size() / 16));
	bytes = max(ALIGN_DOWN(bytes, segbytes), segbytes);
	limit = min(limit, (phys_addr_t)max_low_pfn << PAGE_SHIFT);

	mem->start = memblock_phys_alloc_range(bytes, PAGE_SIZE, 0, limit,
					       "swiotlb buffer");
	if (!mem->start) {
		pr_warn(pr_fmt_swiotlb
			"Cannot allocate buffer below %#llx: no bounce buffers\n",
			limit);
		return;
	}
	mem->nslabs = bytes >> IO_TLB_SHIFT;
	mem->end = mem->start + bytes;
	mem->slots = memblock_alloc_or_panic(mem->nslabs * sizeof(*mem->slots),
					     sizeof(long), "swiotlb slots");
	for (unsigned long i = 0; i < mem->nslabs; i++) {
		mem->slots[i].list = IO_TLB_SEGSIZE - io_tlb_offset(i);
		mem->slots[i].orig_addr = INVALID_PHYS_ADDR;
	}
	mem->stats.nslabs = mem->nslabs;
	io_tlb_start = mem->start;
	io_tlb_end = mem->end;
	io_tlb_force_bounce = mem->force_bounce;
	/* Linux prints the end exclusive. */
	pr_info(pr_fmt_swiotlb "mapped [mem %#010llx-%#010llx] (%luMB)\n",
		mem->start, mem->end, bytes >> 20);
}

bool swiotlb_active(void)
{
	return io_tlb_default_mem.nslabs != 0;
}

void swiotlb_range(phys_addr_t *start, phys_addr_t *end)
{
	*start = io_tlb_default_mem.start;
	*end = io_tlb_default_mem.end;
}

size_t swiotlb_max_mapping_size(struct device *dev)
{
	return (size_t)IO_TLB_SIZE * IO_TLB_SEGSIZE;
}

/*
 * Copy between the original buffer and the slots, page by page of the
 * original (which may be highmem).  `dir` TO_DEVICE: buffer -> slot.
 */
static void swiotlb_copy(phys_addr_t orig, phys_addr_t tlb, size_t size,
			 enum dma_data_direction dir)
{
	char *slot = __va(tlb);

	while (size) {
		unsigned long off = (unsigned long)(orig & ~PAGE_MASK);
		size_t chunk = min(size, (size_t)(PAGE_SIZE - off));
		char *buf = kmap_local_page(pfn_to_page(orig >> PAGE_SHIFT));

		if (dir == DMA_TO_DEVICE)
			memcpy(slot, buf + off, chunk);
		else
			memcpy(buf + off, slot, chunk);
		kunmap_local(buf);
		orig += chunk;
		slot += chunk;
		size -= chunk;
	}
}

/* Copy `size` bytes at tlb_addr from or to the buffer it shadows. */
static void swiotlb_bounce(struct device *dev, phys_addr_t tlb_addr,
			   size_t size, enum dma_data_direction dir)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	unsigned long flags;
	phys_addr_t orig_addr = mem->slots[index].orig_addr;
	size_t alloc_size = mem->slots[index].alloc_size;

	if (orig_addr == INVALID_PHYS_ADDR)
		return;
	orig_addr += tlb_addr & (IO_TLB_SIZE - 1);
	alloc_size -= tlb_addr & (IO_TLB_SIZE - 1);
	if (size > alloc_size) {
		dev_WARN(
			dev,
			"Buffer overflow detected. Allocation size: %zu. Mapping size: %zu.\n",
			alloc_size, size);
		size = alloc_size;
	}
	swiotlb_copy(orig_addr, tlb_addr, size, dir);
	spin_lock_irqsave(&mem->lock, flags);
	if (dir == DMA_TO_DEVICE)
		mem->stats.bytes_to_device += size;
	else
		mem->stats.bytes_to_cpu += size;
	spin_unlock_irqrestore(&mem->lock, flags);
}

/* Find and take room for `size` bytes: the first slot's index, or -1. */
static long swiotlb_find_slots(size_t size)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned int nslots = nr_slots(size), count = 0;
	unsigned long stride = size >= PAGE_SIZE ? PAGE_SIZE >> IO_TLB_SHIFT :
						   1;
	unsigned long index, wrap, i;

	if (nslots > IO_TLB_SEGSIZE || nslots > mem->nslabs - mem->stats.used)
		return -1;
	index = wrap = ALIGN((unsigned long)mem->index, stride) % mem->nslabs;
	do {
		if (mem->slots[index].list >= nslots)
			goto found;
		index = (index + stride) % mem->nslabs;
	} while (index != wrap);
	return -1;

found:
	for (i = index; i < index + nslots; i++) {
		mem->slots[i].list = 0;
		mem->slots[i].alloc_size = size - ((i - index) << IO_TLB_SHIFT);
	}
	mem->slots[index].head = true;
	for (i = index - 1; index && io_tlb_offset(i) != IO_TLB_SEGSIZE - 1 &&
			    mem->slots[i].list;
	     i--)
		mem->slots[i].list = ++count;
	mem->index = (unsigned int)((index + nslots) % mem->nslabs);
	mem->stats.used += nslots;
	mem->stats.used_hiwater = max(mem->stats.used_hiwater, mem->stats.used);
	return (long)index;
}

static void swiotlb_release_slots(phys_addr_t tlb_addr)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	unsigned int nslots = nr_slots(mem->slots[index].alloc_size);
	unsigned int count;
	long i;

	count = index + nslots < ALIGN(index + 1, IO_TLB_SEGSIZE) ?
			mem->slots[index + nslots].list :
			0;
	/* Free the run, joining the free slots after it... */
	for (i = (long)(index + nslots - 1); i >= (long)index; i--) {
		mem->slots[i].list = ++count;
		mem->slots[i].orig_addr = INVALID_PHYS_ADDR;
		mem->slots[i].alloc_size = 0;
		mem->slots[i].head = false;
	}
	/* ... and the free slots before it (within the segment). */
	for (i = (long)index - 1;
	     i >= 0 && io_tlb_offset((unsigned long)i) != IO_TLB_SEGSIZE - 1 &&
	     mem->slots[i].list;
	     i--)
		mem->slots[i].list = ++count;
	mem->stats.used -= nslots;
}

dma_addr_t swiotlb_map(struct device *dev, phys_addr_t phys, size_t size,
		       enum dma_data_direction dir, unsigned long attrs)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	phys_addr_t tlb_addr;
	unsigned long flags;
	long index;

	if (!mem->nslabs) {
		dev_warn(
			dev,
			"Can not allocate SWIOTLB buffer earlier and can't now provide you with the DMA bounce buffer\n");
		return DMA_MAPPING_ERROR;
	}
	spin_lock_irqsave(&mem->lock, flags);
	index = swiotlb_find_slots(size);
	if (index < 0) {
		unsigned long used = mem->stats.used;

		mem->stats.full++;
		spin_unlock_irqrestore(&mem->lock, flags);
		dev_warn(
			dev,
			"swiotlb buffer is full (sz: %zd bytes), total %lu (slots), used %lu (slots)\n",
			size, mem->nslabs, used);
		return DMA_MAPPING_ERROR;
	}
	for (unsigned int i = 0; i < nr_slots(size); i++)
		mem->slots[index + i].orig_addr =
			phys + ((phys_addr_t)i << IO_TLB_SHIFT);
	mem->stats.mapped++;
	spin_unlock_irqrestore(&mem->lock, flags);

	tlb_addr = mem->start + ((phys_addr_t)index << IO_TLB_SHIFT);
	/*
	 * Copy in whatever the direction: a device that writes less than the
	 * whole buffer must not leave the slot's previous contents (another
	 * mapping's data) in it for the CPU to read back (as Linux 5.19+).
	 */
	swiotlb_bounce(dev, tlb_addr, size, DMA_TO_DEVICE);

	if (!dma_capable(dev, (dma_addr_t)tlb_addr, size)) {
		swiotlb_tbl_unmap_single(dev, tlb_addr, size, dir,
					 attrs | DMA_ATTR_SKIP_CPU_SYNC);
		spin_lock_irqsave(&mem->lock, flags);
		mem->stats.overflow++;
		spin_unlock_irqrestore(&mem->lock, flags);
		dev_WARN(
			dev,
			"swiotlb addr %#010llx+%zu overflow (mask %llx, bus limit 0).\n",
			tlb_addr, size, dev->dma_mask ? *dev->dma_mask : 0);
		return DMA_MAPPING_ERROR;
	}
	return (dma_addr_t)tlb_addr;
}

void swiotlb_tbl_unmap_single(struct device *dev, phys_addr_t tlb_addr,
			      size_t size, enum dma_data_direction dir,
			      unsigned long attrs)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	unsigned long flags;

	if (!mem->slots[index].head || (tlb_addr & (IO_TLB_SIZE - 1))) {
		dev_WARN(
			dev,
			"swiotlb: unmap of %#010llx, which starts no mapping\n",
			tlb_addr);
		return;
	}
	if (!(attrs & DMA_ATTR_SKIP_CPU_SYNC) &&
	    (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL))
		swiotlb_bounce(dev, tlb_addr, size, DMA_FROM_DEVICE);
	spin_lock_irqsave(&mem->lock, flags);
	swiotlb_release_slots(tlb_addr);
	spin_unlock_irqrestore(&mem->lock, flags);
}

void swiotlb_sync_single_for_cpu(struct device *dev, phys_addr_t tlb_addr,
				 size_t size, enum dma_data_direction dir)
{
	if (dir == DMA_FROM_DEVICE || dir == DMA_BIDIRECTIONAL)
		swiotlb_bounce(dev, tlb_addr, size, DMA_FROM_DEVICE);
}

void swiotlb_sync_single_for_device(struct device *dev, phys_addr_t tlb_addr,
				    size_t size, enum dma_data_direction dir)
{
	if (dir == DMA_TO_DEVICE || dir == DMA_BIDIRECTIONAL)
		swiotlb_bounce(dev, tlb_addr, size, DMA_TO_DEVICE);
}

phys_addr_t swiotlb_orig_addr(phys_addr_t tlb_addr)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	unsigned long index;

	if (!is_swiotlb_buffer(tlb_addr))
		return INVALID_PHYS_ADDR;
	index = (tlb_addr - mem->start) >> IO_TLB_SHIFT;
	if (mem->slots[index].orig_addr == INVALID_PHYS_ADDR)
		return INVALID_PHYS_ADDR;
	return mem->slots[index].orig_addr + (tlb_addr & (IO_TLB_SIZE - 1));
}

void swiotlb_get_stats(struct swiotlb_stats *stats)
{
	unsigned long flags;

	spin_lock_irqsave(&io_tlb_default_mem.lock, flags);
	*stats = io_tlb_default_mem.stats;
	spin_unlock_irqrestore(&io_tlb_default_mem.lock, flags);
}

/* Linux's debugfs names (swiotlb/io_tlb_*), then this pool's counters. */
void swiotlb_show(struct seq_file *m)
{
	struct io_tlb_mem *mem = &io_tlb_default_mem;
	struct swiotlb_stats s;

	if (!swiotlb_active()) {
		seq_puts(
			m,
			"software IO TLB: none (swiotlb=noforce, or no room below 256 MB)\n");
		return;
	}
	swiotlb_get_stats(&s);
	seq_printf(
		m,
		"software IO TLB: [mem %#010llx-%#010llx] %lu slots of %u bytes%s\n",
		mem->start, mem->end - 1, s.nslabs, IO_TLB_SIZE,
		mem->force_bounce ? ", swiotlb=force" : "");
	seq_printf(
		m,
		"io_tlb_nslabs: %lu\nio_tlb_used: %lu\nio_tlb_used_hiwater: %lu\n",
		s.nslabs, s.used, s.used_hiwater);
	seq_printf(
		m,
		"bounced mappings: %lu, bytes copied to device: %lu, to cpu: %lu\n",
		s.mapped, s.bytes_to_device, s.bytes_to_cpu);
	seq_printf(m, "refused: %lu (pool full), %lu (pool above the mask)\n",
		   s.full, s.overflow);
}
