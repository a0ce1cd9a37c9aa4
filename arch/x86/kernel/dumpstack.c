// SPDX-License-Identifier: GPL-2.0
/*
 * dumpstack.c - the oops report: registers, code bytes, call trace.
 *
 * The layout follows Linux i386's show_regs() so that a report from this
 * kernel reads like one from Linux.  The call trace walks the frame-pointer
 * chain (the kernel is built with -fno-omit-frame-pointer): each frame holds
 * the caller's EBP and, above it, the return address.  The walk stops at the
 * first EBP outside this CPU's stack (the boot stack on CPU 0, a vmalloc'ed
 * one on the others), so a corrupted chain ends the trace instead of
 * faulting.
 */
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <config.h>
#include <kallsyms.h>
#include <kernel.h>
#include <panic.h>
#include <printk.h>
#include <sprintf.h>
#include <stack.h>
#include <uaccess.h>

#define CALL_TRACE_MAX 24
#define CODE_BYTES_BEFORE 43
#define CODE_BYTES_AFTER 21

static bool on_this_stack(unsigned long addr, size_t len)
{
	return addr >= this_cpu_read(cpu_stack_bottom) &&
	       addr + len <= this_cpu_read(cpu_stack_top);
}

void show_stack(unsigned long bp)
{
	printk(KERN_DEFAULT "Call Trace:\n");
	for (int depth = 0; depth < CALL_TRACE_MAX; depth++) {
		unsigned long *frame = (unsigned long *)bp;

		if (!on_this_stack(bp, 2 * sizeof(unsigned long)))
			break;
		if (!is_kernel_text(frame[1]))
			break;
		printk(KERN_DEFAULT " %pS\n", (void *)frame[1]);
		if (frame[0] <= bp) /* frames go up the stack */
			break;
		bp = frame[0];
	}
}

unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);
	unsigned int n = 0;

	while (n < size && on_this_stack(bp, 2 * sizeof(unsigned long))) {
		unsigned long *frame = (unsigned long *)bp;

		if (!is_kernel_text(frame[1]))
			break;
		if (skipnr)
			skipnr--;
		else
			store[n++] = frame[1];
		if (frame[0] <= bp)
			break;
		bp = frame[0];
	}
	return n;
}

void dump_stack(void)
{
	printk(KERN_DEFAULT "CPU: %u PID: 0 Comm: %s %s\n",
	       raw_smp_processor_id(), current_comm, print_tainted());
	show_stack((unsigned long)__builtin_frame_address(0));
}

/* "Code: 8b 45 08 <0f> 0b ...", the bytes around EIP, as Linux prints. */
static void show_code(unsigned long ip)
{
	u8 bytes[CODE_BYTES_BEFORE + CODE_BYTES_AFTER];
	char line[256];
	unsigned long start = ip - CODE_BYTES_BEFORE;
	int n = 0;

	if (copy_from_kernel_nofault(bytes, (void *)start, sizeof(bytes))) {
		printk(KERN_DEFAULT
		       "Code: Unable to access opcode bytes at %p.\n",
		       (void *)ip);
		return;
	}
	for (size_t i = 0; i < sizeof(bytes); i++)
		n += scnprintf(line + n, sizeof(line) - (size_t)n,
			       i == CODE_BYTES_BEFORE ? "<%02x> " : "%02x ",
			       bytes[i]);
	printk(KERN_DEFAULT "Code: %s\n", line);
}

void show_regs(struct pt_regs *regs)
{
	unsigned short ss;

	__asm__("movw %%ss, %0" : "=r"(ss));
	printk(KERN_DEFAULT "EIP: %pS\n", (void *)regs->ip);
	show_code(regs->ip);
	printk(KERN_DEFAULT "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_DEFAULT "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, kernel_stack_pointer(regs));
	printk(KERN_DEFAULT
	       "DS: %04lx ES: %04lx FS: %04lx GS: %04lx SS: %04x EFLAGS: %08lx\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff,
	       regs->gs & 0xffff, ss, regs->flags);
	printk(KERN_DEFAULT "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
	/* The interrupted code's frame chain starts at its EBP. */
	show_stack(regs->bp);
}

void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	oops_count++;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	pr_emerg("%s: %04lx [#%d]\n", str, err & 0xffff, oops_count);
	pr_emerg("CPU: %u PID: 0 Comm: %s %s %s\n", raw_smp_processor_id(),
		 current_comm, print_tainted(), KMEM386_VERSION);
	show_regs(regs);
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
	oops_end();
}
