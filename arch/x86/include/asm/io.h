/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io.h - talking to devices: port I/O (the in/out instructions) and
 * memory-mapped I/O (readl/writel on an ioremap()ed address).
 *
 * A device register is not memory: reading it may have side effects, two
 * writes to it must both happen, in order, and none may be cached.  So
 * every access is one `volatile` mov of exactly the register's width, and
 * ioremap() maps the range uncached (PCD|PWT), where x86 performs loads and
 * stores in program order and never combines them.
 *
 * Ordering, as Linux documents it (Documentation/memory-barriers.txt,
 * "KERNEL I/O BARRIER EFFECTS"):
 *  - readX()/writeX() to one device are ordered with each other;
 *  - writeX() is ordered after the CPU's earlier writes to memory, so a
 *    buffer written before `writel(START, ...)` is complete when the device
 *    sees the doorbell;
 *  - readX() completes before the CPU's later reads of memory, so data a
 *    device wrote by DMA is read after the status that says it is there.
 * The _relaxed forms drop the two guarantees about memory (they are still
 * ordered with each other on one device); a driver that uses them puts
 * wmb()/rmb() where it needs the order.  On x86 both forms compile to the
 * same mov: uncached accesses and locked/ordered stores already give both
 * guarantees, but the names say what the driver relies on, and they are
 * what a driver must use to be correct on weaker CPUs.  The "memory"
 * clobber stops the compiler from moving memory accesses across them.
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <types.h>

/* Marks a pointer to device registers (Linux's sparse annotation). */
#define __iomem

static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %b0, %w1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %w1, %b0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %w0, %w1" : : "a"(value), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 value;

	__asm__ __volatile__("inw %w1, %w0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %w1" : : "a"(value), "Nd"(port));
}

static inline u32 inl(u16 port)
{
	u32 value;

	__asm__ __volatile__("inl %w1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* A write to an unused port: about 1 us on real hardware, for slow chips. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

#define build_mmio_read(name, type)                                      \
	static inline type name(const volatile void __iomem *addr)       \
	{                                                                \
		type ret;                                                \
		__asm__ __volatile__("mov %1, %0"                        \
				     : "=r"(ret)                         \
				     : "m"(*(const volatile type *)addr) \
				     : "memory");                        \
		return ret;                                              \
	}

#define build_mmio_write(name, type)                                         \
	static inline void name(type val, volatile void __iomem *addr)       \
	{                                                                    \
		__asm__ __volatile__("mov %0, %1"                            \
				     :                                       \
				     : "r"(val), "m"(*(volatile type *)addr) \
				     : "memory");                            \
	}

build_mmio_read(readb, u8) build_mmio_read(readw, u16)
	build_mmio_read(readl, u32) build_mmio_write(writeb, u8)
		build_mmio_write(writew, u16) build_mmio_write(writel, u32)

/* Ordered only with other accesses to the device (see above). */
#define readb_relaxed(a) readb(a)
#define readw_relaxed(a) readw(a)
#define readl_relaxed(a) readl(a)
#define writeb_relaxed(v, a) writeb(v, a)
#define writew_relaxed(v, a) writew(v, a)
#define writel_relaxed(v, a) writel(v, a)

	/*
 * ioread8()..iowrite32() take what pci_iomap() returned for either kind of
 * BAR: an ioremap()ed address for memory, a cookie for an I/O port range
 * (arch/x86/lib/iomap.c), so one driver serves a device that offers its registers
 * both ways.
 */
	u8 ioread8(const void __iomem *addr);
u16 ioread16(const void __iomem *addr);
u32 ioread32(const void __iomem *addr);
void iowrite8(u8 val, void __iomem *addr);
void iowrite16(u16 val, void __iomem *addr);
void iowrite32(u32 val, void __iomem *addr);
/* A cookie for ioread*()/iowrite*() on ports [port, port + nr); NULL if bad. */
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *addr);

#endif /* _ASM_X86_IO_H */
