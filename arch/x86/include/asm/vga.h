/* SPDX-License-Identifier: GPL-2.0 */
/* vga.h - the VGA text console (arch/x86/kernel/vga.c). */
#ifndef _ASM_X86_VGA_H
#define _ASM_X86_VGA_H

void vga_init(void);
/* Move the view `rows` back (< 0: forward) through the history. */
void vga_scrollback(int rows);

#endif /* _ASM_X86_VGA_H */
