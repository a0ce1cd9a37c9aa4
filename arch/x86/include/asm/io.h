/* SPDX-License-Identifier: GPL-2.0 */
/* io.h - x86 port I/O: the in/out instructions, byte, word and long. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <types.h>

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

#endif /* _ASM_X86_IO_H */
