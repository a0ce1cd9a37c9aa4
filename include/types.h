/* SPDX-License-Identifier: GPL-2.0 */
/* types.h - fixed-width integer types, Linux's short names beside C's. */
#ifndef _TYPES_H
#define _TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <compiler.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;

/*
 * Physical addresses are 64-bit even without PAE: the memory map reports
 * ranges above 4 GB, and a range that ends exactly at 4 GB must not wrap.
 */
typedef u64 phys_addr_t;

/*
 * An address as a device sees it on the bus, for DMA: 32 bits, as on
 * Linux i386 without PAE (there is no IOMMU here, so it equals the
 * physical address of the memory).
 */
typedef u32 dma_addr_t;

#define U8_MAX ((u8)~0U)
#define U16_MAX ((u16)~0U)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#ifndef SIZE_MAX
#define SIZE_MAX (~(size_t)0)
#endif

#endif /* _TYPES_H */
