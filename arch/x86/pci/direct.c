// SPDX-License-Identifier: GPL-2.0
/*
 * direct.c - PCI configuration space through ports 0xcf8/0xcfc
 * ("configuration mechanism #1", Linux's arch/x86/pci/direct.c).
 *
 * The host bridge listens at two ports: write the address of a
 * configuration register to CONFIG_ADDRESS (0xcf8),
 *
 *	bit 31 enable | bus << 16 | device << 11 | function << 8 | register
 *
 * then read or write its value at CONFIG_DATA (0xcfc..0xcff: the byte
 * lane of the register within its dword).  The two steps must not be
 * interleaved with another CPU's, hence pci_config_lock, taken with
 * interrupts off as a handler might read configuration space too.  At
 * boot the mechanism is probed the way Linux does (the bridge latches the
 * enable bit of CONFIG_ADDRESS; nothing else does), and the ports are
 * claimed as "PCI conf1" in /proc/ioports.
 */
#include <asm/io.h>
#include <errno.h>
#include <init.h>
#include <ioport.h>
#include <kernel.h>
#include <pci.h>
#include <printk.h>
#include <spinlock.h>

#define PCI_CONF1_ADDRESS_PORT 0xcf8
#define PCI_CONF1_DATA_PORT 0xcfc
#define PCI_CONF1_ADDRESS(bus, devfn, reg)                        \
	(0x80000000U | ((u32)(bus) << 16) | ((u32)(devfn) << 8) | \
	 ((u32)(reg)&0xfc))

static DEFINE_RAW_SPINLOCK(pci_config_lock);
static bool conf1_ok;

bool pci_conf1_present(void)
{
	return conf1_ok;
}

int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len,
		 u32 *val)
{
	unsigned long flags;

	if (!conf1_ok || bus > 255 || devfn > 255 || reg < 0 || reg > 255 ||
	    (len != 1 && len != 2 && len != 4) || (reg & (len - 1))) {
		*val = ~0U;
		return -EINVAL;
	}
	raw_spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	switch (len) {
	case 1:
		*val = inb(PCI_CONF1_DATA_PORT + (reg & 3));
		break;
	case 2:
		*val = inw(PCI_CONF1_DATA_PORT + (reg & 2));
		break;
	default:
		*val = inl(PCI_CONF1_DATA_PORT);
		break;
	}
	raw_spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len,
		  u32 val)
{
	unsigned long flags;

	if (!conf1_ok || bus > 255 || devfn > 255 || reg < 0 || reg > 255 ||
	    (len != 1 && len != 2 && len != 4) || (reg & (len - 1)))
		return -EINVAL;
	raw_spin_lock_irqsave(&pci_config_lock, flags);
	outl(PCI_CONF1_ADDRESS(bus, devfn, reg), PCI_CONF1_ADDRESS_PORT);
	switch (len) {
	case 1:
		outb((u8)val, PCI_CONF1_DATA_PORT + (reg & 3));
		break;
	case 2:
		outw((u16)val, PCI_CONF1_DATA_PORT + (reg & 2));
		break;
	default:
		outl(val, PCI_CONF1_DATA_PORT);
		break;
	}
	raw_spin_unlock_irqrestore(&pci_config_lock, flags);
	return 0;
}

/*
 * Linux's pci_check_type1(): only a type 1 bridge keeps bit 31 of what is
 * written to 0xcf8 (as a 32-bit write).
 */
static bool __init pci_check_type1(void)
{
	unsigned long flags;
	u32 saved;
	bool ok;

	raw_spin_lock_irqsave(&pci_config_lock, flags);
	outb(0x01, 0xcfb);
	saved = inl(PCI_CONF1_ADDRESS_PORT);
	outl(0x80000000, PCI_CONF1_ADDRESS_PORT);
	ok = inl(PCI_CONF1_ADDRESS_PORT) == 0x80000000;
	outl(saved, PCI_CONF1_ADDRESS_PORT);
	raw_spin_unlock_irqrestore(&pci_config_lock, flags);
	return ok;
}

/* Before the bus scan (a subsys initcall): which way to reach the bus. */
int __init pci_arch_init(void)
{
	conf1_ok = pci_check_type1();
	if (!conf1_ok) {
		pr_info("PCI: Fatal: No config space access function found\n");
		return -ENODEV;
	}
	request_region(PCI_CONF1_ADDRESS_PORT, 8, "PCI conf1");
	pr_info("PCI: Using configuration type 1 for base access\n");
	return 0;
}
