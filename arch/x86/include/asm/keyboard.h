/* SPDX-License-Identifier: GPL-2.0 */
/* keyboard.h - the PS/2 keyboard (arch/x86/kernel/keyboard.c). */
#ifndef _ASM_X86_KEYBOARD_H
#define _ASM_X86_KEYBOARD_H

void keyboard_init(void);

#endif /* _ASM_X86_KEYBOARD_H */
