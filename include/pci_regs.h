/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pci_regs.h - the PCI configuration space header (Linux's uapi
 * linux/pci_regs.h, the part a bus scan and a driver need).
 *
 * Every PCI function has 256 bytes of configuration registers, reached
 * through the host bridge (arch/x86/pci/direct.c); the first 64 are the
 * standard header: who it is, what it does, where its registers are.
 */
#ifndef _PCI_REGS_H
#define _PCI_REGS_H

#define PCI_VENDOR_ID 0x00 /* 16 bits; 0xffff: no function here */
#define PCI_DEVICE_ID 0x02 /* 16 bits */
#define PCI_COMMAND 0x04 /* 16 bits */
#define PCI_COMMAND_IO 0x1 /* decode its I/O BARs */
#define PCI_COMMAND_MEMORY 0x2 /* decode its memory BARs */
#define PCI_COMMAND_MASTER 0x4 /* may start transactions: DMA */
#define PCI_COMMAND_INTX_DISABLE 0x400 /* INTx emulation off */
#define PCI_STATUS 0x06 /* 16 bits */
#define PCI_STATUS_CAP_LIST 0x10 /* a capability list at 0x34 */
#define PCI_CLASS_REVISION 0x08 /* class (24 bits) << 8 | revision */
#define PCI_REVISION_ID 0x08
#define PCI_CLASS_PROG 0x09 /* programming interface */
#define PCI_CLASS_DEVICE 0x0a /* base class << 8 | sub-class */
#define PCI_CACHE_LINE_SIZE 0x0c
#define PCI_LATENCY_TIMER 0x0d
#define PCI_HEADER_TYPE 0x0e /* 7 bits of type; bit 7: multi-function */
#define PCI_HEADER_TYPE_MASK 0x7f
#define PCI_HEADER_TYPE_NORMAL 0
#define PCI_HEADER_TYPE_BRIDGE 1
#define PCI_BASE_ADDRESS_0 0x10 /* six 32-bit BARs, 0x10 .. 0x24 */
#define PCI_BASE_ADDRESS_SPACE_IO 0x01 /* bit 0: an I/O port BAR */
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define PCI_BASE_ADDRESS_MEM_TYPE_64 0x04 /* with the next BAR: 64 bits */
#define PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define PCI_BASE_ADDRESS_MEM_MASK (~0x0fU)
#define PCI_BASE_ADDRESS_IO_MASK (~0x03U)
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID 0x2e
#define PCI_ROM_ADDRESS 0x30 /* expansion ROM: bit 0 enables decoding */
#define PCI_ROM_ADDRESS_ENABLE 0x01U
#define PCI_ROM_ADDRESS_MASK (~0x7ffU)
#define PCI_CAPABILITY_LIST 0x34
#define PCI_INTERRUPT_LINE 0x3c /* the IRQ the firmware routed INTx to */
#define PCI_INTERRUPT_PIN 0x3d /* 0: none, 1..4: INTA#..INTD# */
#define PCI_ROM_ADDRESS1 0x38 /* a bridge's expansion ROM */

#define PCI_CAP_ID_MSI 0x05 /* Message Signalled Interrupts */

/* Base classes (the first byte of the class code). */
#define PCI_BASE_CLASS_BRIDGE 0x06
#define PCI_CLASS_BRIDGE_HOST 0x0600
#define PCI_CLASS_OTHERS 0xff

#endif /* _PCI_REGS_H */
