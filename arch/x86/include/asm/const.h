/* SPDX-License-Identifier: GPL-2.0 */
/* const.h - constants that C and assembly can share (Linux's _AC idiom). */
#ifndef _ASM_X86_CONST_H
#define _ASM_X86_CONST_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define __AC(x, y) (x##y)
#define _AC(x, y) __AC(x, y)
#endif

#endif /* _ASM_X86_CONST_H */
