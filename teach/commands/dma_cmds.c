// SPDX-License-Identifier: GPL-2.0
/*
 * dma_cmds.c - `dma`: what the DMA layer is doing right now.
 *
 *	dma             every live mapping (dma-debug's records, in the
 *	                format of Linux's /sys/kernel/debug/dma-api/dump),
 *	                the swiotlb pool and its counters, each device's DMA
 *	                pools (Linux's "pools" file)
 *	dma debug on|off    switch dma-debug (only with nothing mapped)
 */
#include <dma-debug.h>
#include <dmapool.h>
#include <errno.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <seq_file.h>
#include <shell.h>
#include <string.h>
#include <swiotlb.h>

static int dma_show_pools(struct device *dev, void *data)
{
	struct seq_file *m = data;

	if (list_empty(&dev->dma_pools))
		return 0;
	kprintf("DMA pools of %s (%s):\n", dev_name(dev),
		dev->driver ? dev->driver->name : "no driver");
	dma_pools_show(m, dev);
	return 0;
}

static int cmd_dma(int argc, char **argv)
{
	struct seq_file m = { 0 };

	if (argc == 3 && !strcmp(argv[1], "debug")) {
		bool on = !strcmp(argv[2], "on");

		if (!on && strcmp(argv[2], "off"))
			return shell_usage(argv[0]);
		if (dma_debug_set_enabled(on)) {
			kprintf("dma-debug: booted with dma_debug=off: it has no records to resume with\n");
			return -ENODEV;
		}
		kprintf("dma-debug %s (mappings made while it is off are unknown to it)\n",
			on ? "on" : "off");
		return 0;
	}
	if (argc != 1)
		return shell_usage(argv[0]);
	kprintf("DMA mappings, dma-debug's dump (it is %s):\n",
		dma_debug_enabled ? "on" : "off");
	debug_dma_dump_mappings(&m, NULL);
	swiotlb_show(&m);
	if (pci_conf1_present())
		bus_for_each_dev(&pci_bus_type, &m, dma_show_pools);
	return 0;
}
SHELL_COMMAND(dma, "[debug on|off]",
	      "live DMA mappings, the swiotlb bounce pool, DMA pools",
	      SHELL_TOPIC_DEVICES, cmd_dma,
	      .detail = "Every live DMA mapping as dma-debug records it, in "
			"the format of Linux's dma-api/dump (driver, device, "
			"type, physical and bus address, length, direction), "
			"then the swiotlb bounce pool (where it lies below "
			"the devices' masks, its slots, how many are used and "
			"the most ever used, the bytes copied each way) and "
			"each device's DMA pools.  dma debug on|off switches "
			"dma-debug's checks (only while nothing is mapped).",
	      .see = "edu, demo dma, dmesg (the DMA-API reports)");
