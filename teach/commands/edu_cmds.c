// SPDX-License-Identifier: GPL-2.0
/*
 * edu_cmds.c - QEMU's edu device from the prompt (`make run EDU=1`):
 *
 *	edu                        the bound devices, their IRQ and DMA mask
 *	edu fact N [poll]          N! by the device, by interrupt or polling
 *	edu write OFF TEXT [KIND]  TEXT into the device's buffer by DMA
 *	edu read OFF LEN [KIND]    bytes of the device's buffer by DMA
 *	edu irq BITS               raise an interrupt by hand
 *
 * KIND is the buffer the CPU side uses: `lowmem` (kmalloc, the default),
 * `dma` (kmalloc GFP_DMA, below 16 MB), `highmem` (a highmem page, mapped
 * with dma_map_page), `coherent` (the driver's dma_alloc_coherent buffer),
 * `raw` (a highmem page handed to the device by its physical address: the
 * mistake the DMA API exists to prevent; QEMU clamps the address to the
 * device's 28 bits and says so on its terminal).  `raw` is refused for
 * reads: the device would write over whatever page the clamped address
 * falls on.  Each says which bus address the device got, and whether the
 * DMA layer bounced the buffer.
 */
#include <dma-mapping.h>
#include <edu.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <pci.h>
#include <printk.h>
#include <shell.h>
#include <slab.h>
#include <string.h>
#include <swiotlb.h>

enum edu_kind { EDU_LOWMEM, EDU_DMA, EDU_HIGHMEM, EDU_COHERENT, EDU_RAW };

static const char *const edu_kind_names[] = {
	[EDU_LOWMEM] = "lowmem",   [EDU_DMA] = "dma",
	[EDU_HIGHMEM] = "highmem", [EDU_COHERENT] = "coherent",
	[EDU_RAW] = "raw",
};

/* A CPU buffer of some kind and the bus address the device is given. */
struct edu_buf {
	enum edu_kind kind;
	void *cpu; /* lowmem/dma/coherent: the buffer; highmem: NULL */
	struct page *page; /* highmem and raw */
	dma_addr_t bus;
	size_t len;
	enum dma_data_direction dir;
};

/* A wrong command line: every form (help edu says more). */
static int edu_usage(void)
{
	kprintf("usage: edu                        the bound devices\n"
		"       edu fact N [poll]          N! by the device\n"
		"       edu write OFF TEXT [KIND]  TEXT into its buffer by DMA\n"
		"       edu read OFF LEN [KIND]    its buffer's bytes by DMA\n"
		"       edu irq BITS               an interrupt raised by hand\n"
		"  KIND: lowmem (the default), dma, highmem, coherent, raw\n");
	return -EINVAL;
}

static struct edu_device *edu_or_complain(void)
{
	struct edu_device *edu = edu_get(0);

	if (!edu)
		kprintf(edu_present() ?
				"edu: the device is not bound (bind edu 0000:00:04.0)\n" :
				"edu: no edu device: boot with `make run EDU=1` (QEMU -device edu)\n");
	return edu;
}

static int edu_buf_alloc(struct edu_device *edu, struct edu_buf *b)
{
	switch (b->kind) {
	case EDU_LOWMEM:
	case EDU_DMA:
		b->cpu = kzalloc(EDU_BUF_SIZE,
				 b->kind == EDU_DMA ? GFP_DMA : GFP_KERNEL);
		return b->cpu ? 0 : -ENOMEM;
	case EDU_HIGHMEM:
	case EDU_RAW:
		b->page = alloc_page(GFP_HIGHMEM | GFP_ZERO);
		return b->page ? 0 : -ENOMEM;
	default:
		b->cpu = edu->coherent;
		return 0;
	}
}

static void edu_buf_free(struct edu_buf *b)
{
	if (b->kind == EDU_LOWMEM || b->kind == EDU_DMA)
		kfree(b->cpu);
	else if (b->page)
		__free_page(b->page);
}

/* Copy between the CPU's view of the buffer and `data`. */
static void edu_buf_copy(struct edu_buf *b, void *data, bool to_buf)
{
	char *p = b->cpu ? b->cpu : kmap_local_page(b->page);

	if (to_buf)
		memcpy(p, data, b->len);
	else
		memcpy(data, p, b->len);
	if (!b->cpu)
		kunmap_local(p);
}

/* The bus address for the device: through the DMA API, or raw. */
static int edu_buf_map(struct edu_device *edu, struct edu_buf *b)
{
	struct device *dev = edu_dev(edu);
	phys_addr_t phys = b->cpu ? __pa(b->cpu) : page_to_phys(b->page);

	switch (b->kind) {
	case EDU_COHERENT:
		b->bus = edu->coherent_dma;
		break;
	case EDU_RAW:
		b->bus = (dma_addr_t)phys;
		break;
	case EDU_HIGHMEM:
		b->bus = dma_map_page(dev, b->page, 0, b->len, b->dir);
		break;
	default:
		b->bus = dma_map_single(dev, b->cpu, b->len, b->dir);
		break;
	}
	if (dma_mapping_error(dev, b->bus))
		return -ENOMEM;
	kprintf("edu: %s buffer at phys %#010llx -> bus %#010x: %s\n",
		edu_kind_names[b->kind], phys, b->bus,
		b->kind == EDU_RAW	  ? "raw, the mask ignored" :
		b->kind == EDU_COHERENT	  ? "below the mask" :
		is_swiotlb_buffer(b->bus) ? "bounced (swiotlb)" :
					    "direct, within the mask");
	return 0;
}

static void edu_buf_unmap(struct edu_device *edu, struct edu_buf *b)
{
	if (b->kind == EDU_HIGHMEM)
		dma_unmap_page(edu_dev(edu), b->bus, b->len, b->dir);
	else if (b->kind == EDU_LOWMEM || b->kind == EDU_DMA)
		dma_unmap_single(edu_dev(edu), b->bus, b->len, b->dir);
}

static int edu_parse_kind(int argc, char **argv, int i, enum edu_kind *kind)
{
	*kind = EDU_LOWMEM;
	if (argc <= i)
		return 0;
	for (unsigned int k = 0; k < ARRAY_SIZE(edu_kind_names); k++) {
		if (!strcmp(argv[i], edu_kind_names[k])) {
			*kind = k;
			return 0;
		}
	}
	kprintf("edu: buffer kinds: lowmem dma highmem coherent raw\n");
	return -EINVAL;
}

/* One DMA with a buffer of the chosen kind; `data` in or out. */
static int edu_transfer(struct edu_device *edu, struct edu_buf *b, u32 off,
			void *data)
{
	bool to_dev = b->dir == DMA_TO_DEVICE;
	int err = edu_buf_alloc(edu, b);

	if (err)
		return err;
	if (to_dev)
		edu_buf_copy(b, data, true);
	err = edu_buf_map(edu, b);
	if (!err) {
		err = edu_dma(edu, b->bus, off, b->len, b->dir, 0);
		edu_buf_unmap(edu, b);
		if (!err && !to_dev)
			edu_buf_copy(b, data, false);
		kprintf("edu: DMA %s device offset %#x, %zu bytes: %s\n",
			to_dev ? "to" : "from", off, b->len,
			err ? "failed" : "done (interrupt)");
	}
	edu_buf_free(b);
	return err;
}

static int edu_cmd_write(struct edu_device *edu, int argc, char **argv)
{
	struct edu_buf b = { .dir = DMA_TO_DEVICE };
	unsigned long off;

	if (argc < 4 || argc > 5 || shell_parse_ulong(argv[2], &off) ||
	    edu_parse_kind(argc, argv, 4, &b.kind))
		return edu_usage();
	b.len = strlen(argv[3]) + 1;
	if (off >= EDU_DMA_END || b.len > EDU_DMA_END - off) {
		kprintf("edu: a transfer must fit in the first %d bytes of the device's buffer\n",
			EDU_DMA_END);
		return -EINVAL;
	}
	return edu_transfer(edu, &b, (u32)off, argv[3]);
}

/* 16 bytes a row: offset in the device's buffer, hex, then ASCII. */
static void edu_hex_dump(const u8 *data, size_t len, unsigned long off)
{
	for (size_t row = 0; row < len; row += 16) {
		kprintf("  %04lx:", off + row);
		for (size_t i = row; i < row + 16; i++)
			kprintf(i < len ? " %02x" : "   ",
				i < len ? data[i] : 0);
		kprintf("  |");
		for (size_t i = row; i < row + 16 && i < len; i++)
			kprintf("%c", data[i] >= 0x20 && data[i] < 0x7f ?
					      data[i] :
					      '.');
		kprintf("|\n");
	}
}

static int edu_cmd_read(struct edu_device *edu, int argc, char **argv)
{
	struct edu_buf b = { .dir = DMA_FROM_DEVICE };
	unsigned long off, len;
	u8 data[256];
	int err;

	if (argc < 4 || argc > 5 || shell_parse_ulong(argv[2], &off) ||
	    shell_parse_ulong(argv[3], &len) ||
	    edu_parse_kind(argc, argv, 4, &b.kind))
		return edu_usage();
	if (!len || len > sizeof(data) || off >= EDU_DMA_END ||
	    len > EDU_DMA_END - off) {
		kprintf("edu: read 1..%zu bytes inside the first %d bytes of the buffer\n",
			sizeof(data), EDU_DMA_END);
		return -EINVAL;
	}
	if (b.kind == EDU_RAW) {
		kprintf("edu: no raw reads: the device would write wherever its mask clamps the\n"
			"address to, over a page that belongs to someone else (`edu write` is safe:\n"
			"there the device only reads the wrong page)\n");
		return -EPERM;
	}
	b.len = len;
	err = edu_transfer(edu, &b, (u32)off, data);
	if (!err)
		edu_hex_dump(data, len, off);
	return err;
}

static void edu_status(void)
{
	struct edu_device *edu;

	for (unsigned int i = 0; (edu = edu_get(i)); i++)
		kprintf("edu%u: %s, version %u.%u, IRQ %u: %lu handled, %lu not ours\n"
			"      DMA mask %u bits (%#llx); coherent buffer at bus %#010x\n",
			i, pci_name(edu->pdev), edu->version >> 24,
			(edu->version >> 16) & 0xff, edu->pdev->irq,
			edu->irqs_handled, edu->irqs_foreign, edu->dma_bits,
			dma_get_mask(edu_dev(edu)), edu->coherent_dma);
}

static int cmd_edu(int argc, char **argv)
{
	struct edu_device *edu;
	unsigned long n;
	u32 result;
	int err;

	if (argc == 1) {
		if (edu_or_complain())
			edu_status();
		return 0;
	}
	edu = edu_or_complain();
	if (!edu)
		return -ENODEV;
	if (!strcmp(argv[1], "fact") && (argc == 3 || argc == 4)) {
		bool poll = argc == 4 && !strcmp(argv[3], "poll");

		if (shell_parse_ulong(argv[2], &n) || (argc == 4 && !poll))
			return edu_usage();
		err = edu_factorial(edu, (u32)n, &result, poll ? EDU_POLL : 0);
		if (!err)
			kprintf("%lu! = %u (mod 2^32), %s\n", n, result,
				poll ? "polled the status register" :
				       "completed by the interrupt");
		return err;
	}
	if (!strcmp(argv[1], "write"))
		return edu_cmd_write(edu, argc, argv);
	if (!strcmp(argv[1], "read"))
		return edu_cmd_read(edu, argc, argv);
	if (!strcmp(argv[1], "irq") && argc == 3 &&
	    !shell_parse_ulong(argv[2], &n)) {
		err = edu_raise_irq(edu, (u32)n);
		kprintf("edu: raised %#lx: %s (status the handler read: %#x)\n",
			n, err ? "no interrupt came" : "handled",
			edu->last_irq_status);
		return err;
	}
	return edu_usage();
}
SHELL_COMMAND(edu, "[fact|write|read|irq ...]",
	      "QEMU's edu device: factorial, DMA, interrupts",
	      SHELL_TOPIC_DEVICES, cmd_edu,
	      .detail = "QEMU's educational PCI device (make run EDU=1), "
			"driven by drivers/misc/edu.c.  Without arguments: "
			"the bound devices, their IRQ and interrupt counts, "
			"DMA mask and coherent buffer.\n"
			"edu fact N [poll]: N! computed by the device, "
			"completed by its interrupt or by polling its status "
			"register.\n"
			"edu write OFF TEXT [KIND] / edu read OFF LEN [KIND]: "
			"DMA between a CPU buffer and the device's 4 KB "
			"buffer.  KIND is lowmem (kmalloc, the default), dma "
			"(kmalloc with GFP_DMA), highmem (a page, "
			"dma_map_page), coherent (dma_alloc_coherent) or raw "
			"(a highmem page by its physical address: QEMU clamps "
			"it to the 28-bit mask; writes only).  Each says the "
			"bus address the device got and whether the swiotlb "
			"bounced the buffer.\n"
			"edu irq BITS: raise an interrupt by hand.",
	      .see = "demo dma, dma, lspci -v, devres, "
		     "cat /proc/interrupts");
