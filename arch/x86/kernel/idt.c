// SPDX-License-Identifier: GPL-2.0
/*
 * idt.c - the interrupt descriptor table and the double-fault task.
 *
 * Vectors 0..31 are CPU exceptions, 32..47 the PIC's IRQs, 236..255 the local
 * APIC's own (timer, IPIs, errors: asm/irq_vectors.h); all are interrupt
 * gates (the CPU clears IF on entry), so a handler never nests in itself.
 * One IDT serves every CPU: each loads it (load_idt) when it starts.
 *
 * Vector 8 is different: a double fault usually means the kernel stack is
 * gone (it ran into the unmapped guard page below it, and the CPU could not
 * even push the page fault's frame).  A normal gate would need that stack, so
 * vector 8 is a task gate: the CPU saves every register into main_tss and
 * switches to doublefault_tss, which has its own stack.  The handler then
 * reports what the main task was doing and panics; there is no way back.
 * Each CPU has its own pair of TSSs and its own double-fault stack (per-CPU
 * variables): the task gate names a GDT selector, and each CPU's GDT points
 * that selector at its own double-fault TSS.
 */
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <kernel.h>

#define IDT_ENTRIES 256
#define NR_STUBS 48
#define GATE_INTERRUPT 0x8e /* present, ring 0, 32-bit interrupt gate */
#define GATE_TASK 0x85 /* present, ring 0, task gate */

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 zero;
	u8 type_attr;
	u16 offset_high;
} __packed;

extern const unsigned long vector_stub_table[NR_STUBS];
extern const unsigned long system_vector_stub_table[NR_SYSTEM_VECTORS];

static struct idt_gate idt[IDT_ENTRIES] __aligned(8);

struct doublefault_stack {
	u8 stack[4096];
} __aligned(16);
static DEFINE_PER_CPU(struct doublefault_stack, doublefault_stack);

static void idt_set_gate(unsigned int vec, unsigned long handler, u16 sel,
			 u8 type)
{
	idt[vec] = (struct idt_gate){
		.offset_low = (u16)handler,
		.selector = sel,
		.type_attr = type,
		.offset_high = (u16)(handler >> 16),
	};
}

void doublefault_set_cr3(unsigned long cr3)
{
	this_cpu_ptr(&doublefault_tss)->cr3 = (u32)cr3;
}

void doublefault_init_cpu(unsigned int cpu)
{
	struct x86_hw_tss *tss = &per_cpu(doublefault_tss, cpu);
	struct doublefault_stack *stack = &per_cpu(doublefault_stack, cpu);

	tss->ip = (u32)(unsigned long)doublefault_task;
	tss->flags = 0x2; /* reserved bit; interrupts off */
	tss->sp = (u32)(unsigned long)(stack->stack + sizeof(stack->stack));
	tss->ss = tss->ds = tss->es = __KERNEL_DS;
	tss->fs = __KERNEL_PERCPU; /* so the handler knows its CPU */
	tss->gs = 0;
	tss->cs = __KERNEL_CS;
	tss->cr3 = (u32)read_cr3();
	tss->io_bitmap_base = sizeof(*tss);
}

void load_idt(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u32)(unsigned long)idt };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void __init idt_init(void)
{
	BUILD_BUG_ON(sizeof(struct idt_gate) != 8);
	for (unsigned int vec = 0; vec < NR_STUBS; vec++)
		idt_set_gate(vec, vector_stub_table[vec], __KERNEL_CS,
			     GATE_INTERRUPT);
	for (unsigned int i = 0; i < NR_SYSTEM_VECTORS; i++)
		idt_set_gate(FIRST_SYSTEM_VECTOR + i,
			     system_vector_stub_table[i], __KERNEL_CS,
			     GATE_INTERRUPT);
	doublefault_init_cpu(0);
	idt_set_gate(X86_TRAP_DF, 0, __DOUBLEFAULT_TSS_SEL, GATE_TASK);
	load_idt();
}
