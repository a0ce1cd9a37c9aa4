// SPDX-License-Identifier: GPL-2.0
/*
 * debug_check.c - dma-debug's checks of each call of the DMA API against
 * the records of the live mappings (Linux's check_unmap(), check_sync()
 * and the map hooks of kernel/dma/debug.c): the hooks the API calls,
 * through the inline wrappers of dma-debug.h, when dma-debug is on.
 *
 * A map fills a record (who, what, where, how, which way, the caller)
 * and, when only the CPU could change the buffer while the device has it,
 * its checksum; dma_mapping_error() marks the record checked.  An unmap
 * finds the record by device and bus address and compares: size, type
 * (the function used), scatter-gather count, direction, the error check,
 * and the checksum; then drops it.  A sync finds the record containing
 * the address and checks the range and the direction, then hands the
 * ownership over (checksum again, or compared).  Each report is Linux's
 * text; the kernel goes on.
 */
#include <dma-debug.h>
#include <dma-mapping.h>
#include <kernel.h>

#include "debug_internal.h"

/* --- map ------------------------------------------------------------------ */

void __debug_dma_map_single(struct device *dev, const void *addr,
			    unsigned long len)
{
	extern char boot_stack[], boot_stack_top[];
	extern char _text[], _erodata[];
	const char *p = addr;

	if (dma_debug_disabled())
		return;
	if (p < boot_stack_top && p + len > boot_stack)
		err_printk(dev, NULL,
			   "device driver maps memory from stack [addr=%p]\n",
			   addr);
	if (p < _erodata && p + len > _text)
		err_printk(
			dev, NULL,
			"device driver maps memory from kernel text or rodata [addr=%p] [len=%lu]\n",
			addr, len);
}

void __debug_dma_map_page(struct device *dev, struct page *page, size_t offset,
			  size_t size, int direction, dma_addr_t dma_addr,
			  unsigned long caller)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	if (dma_debug_disabled() || dma_addr == DMA_MAPPING_ERROR)
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	entry = dma_entry_alloc();
	if (entry) {
		entry->dev = dev;
		entry->type = dma_debug_single;
		entry->paddr = page_to_phys(page) + offset;
		entry->dev_addr = dma_addr;
		entry->size = size;
		entry->direction = direction;
		entry->map_err_type = MAP_ERR_NOT_CHECKED;
		entry->caller = caller;
		dma_entry_to_device(entry);
		add_dma_entry(entry);
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	if (dma_debug_disabled())
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	/*
	 * The same memory may be mapped twice, at the same address: mark the
	 * first record not yet checked, as Linux's best fit does.
	 */
	list_for_each_entry(entry, &dma_debug_active, list) {
		if (entry->dev == dev && entry->dev_addr == dma_addr &&
		    entry->map_err_type == MAP_ERR_NOT_CHECKED) {
			entry->map_err_type = MAP_ERR_CHECKED;
			break;
		}
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_map_sg(struct device *dev, struct scatterlist *sgl, int nents,
			int mapped_ents, int direction, unsigned long caller)
{
	struct scatterlist *sg;
	unsigned long flags;
	int i;

	if (dma_debug_disabled())
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	for_each_sg(sgl, sg, mapped_ents, i) {
		struct dma_debug_entry *entry = dma_entry_alloc();

		if (!entry)
			break;
		entry->dev = dev;
		entry->type = dma_debug_sg;
		entry->paddr = sg_phys(sg);
		entry->dev_addr = sg_dma_address(sg);
		entry->size = sg_dma_len(sg);
		entry->direction = direction;
		entry->sg_call_ents = nents;
		entry->sg_mapped_ents = mapped_ents;
		entry->caller = caller;
		dma_entry_to_device(entry);
		add_dma_entry(entry);
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_alloc_coherent(struct device *dev, size_t size,
				dma_addr_t dma_addr, void *virt,
				unsigned long caller)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	if (dma_debug_disabled())
		return;
	spin_lock_irqsave(&dma_debug_lock, flags);
	entry = dma_entry_alloc();
	if (entry) {
		entry->dev = dev;
		entry->type = dma_debug_coherent;
		entry->paddr = __pa(virt);
		entry->dev_addr = dma_addr;
		entry->size = size;
		entry->direction = DMA_BIDIRECTIONAL;
		entry->caller = caller;
		add_dma_entry(entry);
	}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

/* --- unmap ---------------------------------------------------------------- */

/*
 * Linux's check_unmap(): the record of the mapping `ref` describes must
 * exist and agree with it; it is dropped either way.
 */
static void check_unmap(struct dma_debug_entry *ref)
{
	struct dma_debug_entry *entry;
	struct device *dev = ref->dev;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	entry = find_exact(dev, ref->dev_addr, ref->type);
	if (!entry) {
		if (ref->dev_addr == DMA_MAPPING_ERROR)
			err_printk(
				dev, NULL,
				"device driver tries to free an invalid DMA memory address\n");
		else
			err_printk(
				dev, NULL,
				"device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
				ref->dev_addr, ref->size);
		goto out;
	}
	if (ref->size != entry->size)
		err_printk(
			dev, entry,
			"device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]\n",
			ref->dev_addr, entry->size, ref->size);
	if (ref->type != entry->type)
		err_printk(
			dev, entry,
			"device driver frees DMA memory with wrong function [device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]\n",
			ref->dev_addr, ref->size, type2name[entry->type],
			type2name[ref->type]);
	if (ref->type == dma_debug_sg && entry->type == dma_debug_sg &&
	    ref->sg_call_ents != entry->sg_call_ents)
		err_printk(
			dev, entry,
			"device driver frees DMA sg list with different entry count [map count=%d] [unmap count=%d]\n",
			entry->sg_call_ents, ref->sg_call_ents);
	if (ref->direction != entry->direction)
		err_printk(
			dev, entry,
			"device driver frees DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]\n",
			ref->dev_addr, ref->size,
			dma_dir_name(entry->direction),
			dma_dir_name(ref->direction));
	if (entry->map_err_type == MAP_ERR_NOT_CHECKED)
		err_printk(
			dev, entry,
			"device driver failed to check map error[device address=0x%016llx] [size=%llu bytes] [mapped as %s]\n",
			entry->dev_addr, entry->size, type2name[entry->type]);
	dma_entry_to_cpu(entry);
	dma_entry_free(entry);
out:
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
			    int direction)
{
	struct dma_debug_entry ref = {
		.type = dma_debug_single,
		.dev = dev,
		.dev_addr = addr,
		.size = size,
		.direction = direction,
	};

	if (!dma_debug_disabled())
		check_unmap(&ref);
}

void __debug_dma_unmap_sg(struct device *dev, struct scatterlist *sglist,
			  int nelems, int dir)
{
	struct scatterlist *s;
	int i;

	if (dma_debug_disabled())
		return;
	for_each_sg(sglist, s, nelems, i) {
		struct dma_debug_entry ref = {
			.type = dma_debug_sg,
			.dev = dev,
			.paddr = sg_phys(s),
			.dev_addr = sg_dma_address(s),
			.size = sg_dma_len(s),
			.direction = dir,
			.sg_call_ents = nelems,
		};

		check_unmap(&ref);
	}
}

void __debug_dma_free_coherent(struct device *dev, size_t size, void *virt,
			       dma_addr_t addr)
{
	struct dma_debug_entry ref = {
		.type = dma_debug_coherent,
		.dev = dev,
		.paddr = virt_addr_valid(virt) ? __pa(virt) : 0,
		.dev_addr = addr,
		.size = size,
		.direction = DMA_BIDIRECTIONAL,
	};

	if (!dma_debug_disabled())
		check_unmap(&ref);
}

/* --- sync ----------------------------------------------------------------- */

/* Linux's check_sync(), then the change of owner. */
static void check_sync(struct device *dev, u64 dev_addr, u64 size,
		       int direction, bool to_cpu)
{
	struct dma_debug_entry *entry;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	entry = find_contain(dev, dev_addr);
	if (!entry) {
		err_printk(
			dev, NULL,
			"device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]\n",
			dev_addr, size);
		goto out;
	}
	if (dev_addr + size > entry->dev_addr + entry->size)
		err_printk(
			dev, entry,
			"device driver syncs DMA memory outside allocated range [device address=0x%016llx] [allocation size=%llu bytes] [sync offset+size=%llu]\n",
			entry->dev_addr, entry->size,
			dev_addr - entry->dev_addr + size);
	if (entry->direction != DMA_BIDIRECTIONAL &&
	    direction != entry->direction)
		err_printk(
			dev, entry,
			"device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			dev_addr, entry->size, dma_dir_name(entry->direction),
			dma_dir_name(direction));
	if (to_cpu && entry->direction == DMA_TO_DEVICE &&
	    direction != DMA_TO_DEVICE)
		err_printk(
			dev, entry,
			"device driver syncs device read-only DMA memory for cpu [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			dev_addr, entry->size, dma_dir_name(entry->direction),
			dma_dir_name(direction));
	if (!to_cpu && entry->direction == DMA_FROM_DEVICE &&
	    direction != DMA_FROM_DEVICE)
		err_printk(
			dev, entry,
			"device driver syncs device write-only DMA memory to device [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]\n",
			dev_addr, entry->size, dma_dir_name(entry->direction),
			dma_dir_name(direction));
	if (to_cpu)
		dma_entry_to_cpu(entry);
	else
		dma_entry_to_device(entry);
out:
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

void __debug_dma_sync_single_for_cpu(struct device *dev, dma_addr_t dma_handle,
				     size_t size, int direction)
{
	if (!dma_debug_disabled())
		check_sync(dev, dma_handle, size, direction, true);
}

void __debug_dma_sync_single_for_device(struct device *dev,
					dma_addr_t dma_handle, size_t size,
					int direction)
{
	if (!dma_debug_disabled())
		check_sync(dev, dma_handle, size, direction, false);
}
