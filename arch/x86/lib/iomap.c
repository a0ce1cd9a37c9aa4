// SPDX-License-Identifier: GPL-2.0
/*
 * iomap.c - ioread8()..iowrite32(): one set of accessors for registers
 * that may be memory-mapped or I/O ports (Linux's lib/iomap.c).
 *
 * pci_iomap() returns an ioremap()ed address for a memory BAR and, for an
 * I/O BAR, a "cookie": PIO_OFFSET plus the port number.  Cookies lie in
 * [PIO_OFFSET, PIO_RESERVED), far below any kernel address (user space is
 * never an MMIO mapping in the kernel), so each accessor tells the two
 * apart with one comparison and uses in/out or readl/writel.  An address
 * that is neither (below PIO_OFFSET) is a bug: a WARN, and a read gives
 * all ones as an absent device would.
 */
#include <asm/io.h>
#include <bug.h>
#include <kernel.h>

#define PIO_OFFSET 0x10000UL
#define PIO_MASK 0x0ffffUL
#define PIO_RESERVED 0x40000UL

static bool iomap_is_pio(const void __iomem *addr)
{
	return (unsigned long)addr >= PIO_OFFSET &&
	       (unsigned long)addr < PIO_RESERVED;
}

static bool iomap_is_bad(const void __iomem *addr)
{
	return WARN((unsigned long)addr < PIO_OFFSET,
		    "Bad IO access at port %#lx\n", (unsigned long)addr);
}

#define IO_COND(addr, is_pio, is_mmio)                      \
	do {                                                \
		unsigned long port = (unsigned long)(addr); \
		if (iomap_is_pio(addr)) {                   \
			port &= PIO_MASK;                   \
			is_pio;                             \
		} else if (!iomap_is_bad(addr)) {           \
			is_mmio;                            \
		}                                           \
	} while (0)

u8 ioread8(const void __iomem *addr)
{
	u8 v = 0xff;

	IO_COND(addr, v = inb((u16)port), v = readb(addr));
	return v;
}

u16 ioread16(const void __iomem *addr)
{
	u16 v = 0xffff;

	IO_COND(addr, v = inw((u16)port), v = readw(addr));
	return v;
}

u32 ioread32(const void __iomem *addr)
{
	u32 v = 0xffffffff;

	IO_COND(addr, v = inl((u16)port), v = readl(addr));
	return v;
}

void iowrite8(u8 val, void __iomem *addr)
{
	IO_COND(addr, outb(val, (u16)port), writeb(val, addr));
}

void iowrite16(u16 val, void __iomem *addr)
{
	IO_COND(addr, outw(val, (u16)port), writew(val, addr));
}

void iowrite32(u32 val, void __iomem *addr)
{
	IO_COND(addr, outl(val, (u16)port), writel(val, addr));
}

void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	if (port > PIO_MASK || nr > PIO_MASK + 1 - port)
		return NULL;
	return (void __iomem *)(port + PIO_OFFSET);
}

void ioport_unmap(void __iomem *addr)
{
	/* Nothing was mapped. */
}
