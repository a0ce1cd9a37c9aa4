// SPDX-License-Identifier: GPL-2.0
/*
 * vga.c - the 80x25 VGA text screen as a console.
 *
 * The screen is 80x25 cells of (character, attribute) at physical 0xb8000,
 * reached through the direct map.  New lines scroll the screen up by one row;
 * the hardware cursor follows the text (CRT controller registers 14/15).  The
 * colour of a line comes from its printk level, so errors stand out in a
 * lecture hall: red for errors and worse, yellow for warnings.
 *
 * ANSI colour sequences (SGR: ESC [ n;...;n m), which serial terminals
 * understand and `map` prints, set the attribute here as a Linux VT does:
 * 0 back to normal, 1 bright, 30-37 foreground, 40-47 background.  Any
 * other CSI sequence is swallowed, so an escape meant for a terminal never
 * shows up on the screen as stray characters.
 */
#include <asm/io.h>
#include <asm/memlayout.h>
#include <asm/vga.h>
#include <console.h>
#include <kernel.h>
#include <string.h>

#define VGA_PHYS 0xb8000
#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5

/* Attributes: background << 4 | foreground. */
#define VGA_GREY 0x07
#define VGA_WHITE 0x0f
#define VGA_YELLOW 0x0e
#define VGA_RED 0x0c
#define VGA_CYAN 0x0b

#define VGA_SGR_PARAMS 8 /* numbers kept per sequence; more are ignored */

static u16 *vga_mem;
static unsigned int vga_row, vga_col;
static u8 vga_attr = VGA_GREY;

/* An escape sequence being read: 0 none, 1 after ESC, 2 inside CSI. */
static unsigned int vga_esc;
static unsigned int vga_sgr[VGA_SGR_PARAMS], vga_nsgr;

static void vga_update_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(14, VGA_CRTC_INDEX);
	outb((u8)(pos >> 8), VGA_CRTC_DATA);
	outb(15, VGA_CRTC_INDEX);
	outb((u8)pos, VGA_CRTC_DATA);
}

static void vga_clear_row(unsigned int row)
{
	for (unsigned int col = 0; col < VGA_COLS; col++)
		vga_mem[row * VGA_COLS + col] = (u16)(VGA_GREY << 8 | ' ');
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	vga_clear_row(VGA_ROWS - 1);
	vga_row = VGA_ROWS - 1;
}

/* ANSI colour numbers (red = 1, ...) to VGA's (blue = 1, red = 4, ...). */
static const u8 ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static void vga_apply_sgr(void)
{
	if (!vga_nsgr) /* ESC [ m is ESC [ 0 m */
		vga_sgr[vga_nsgr++] = 0;
	for (unsigned int i = 0; i < vga_nsgr; i++) {
		unsigned int p = vga_sgr[i];

		if (p == 0)
			vga_attr = VGA_GREY;
		else if (p == 1)
			vga_attr |= 0x08;
		else if (p >= 30 && p <= 37)
			vga_attr = (vga_attr & 0xf8) | ansi_to_vga[p - 30];
		else if (p >= 40 && p <= 47)
			vga_attr = (u8)((vga_attr & 0x0f) | ansi_to_vga[p - 40]
								    << 4);
	}
}

/* Feed one character of an escape sequence; false once it is over. */
static bool vga_escape(char c)
{
	if (vga_esc == 1) {
		vga_esc = c == '[' ? 2 : 0;
		vga_nsgr = 0;
		vga_sgr[0] = 0;
		return vga_esc;
	}
	if (c >= '0' && c <= '9') {
		if (vga_nsgr == 0)
			vga_nsgr = 1;
		if (vga_nsgr <= VGA_SGR_PARAMS)
			vga_sgr[vga_nsgr - 1] = vga_sgr[vga_nsgr - 1] * 10 +
						(unsigned int)(c - '0');
	} else if (c == ';') {
		if (vga_nsgr == 0)
			vga_nsgr = 1;
		if (vga_nsgr < VGA_SGR_PARAMS)
			vga_sgr[vga_nsgr] = 0;
		vga_nsgr++;
	} else if (c >= 0x40 && c <= 0x7e) { /* the final byte */
		vga_nsgr = min(vga_nsgr, (unsigned int)VGA_SGR_PARAMS);
		if (c == 'm')
			vga_apply_sgr();
		vga_esc = 0;
	}
	return true;
}

static void vga_putc(char c)
{
	if (vga_esc && vga_escape(c))
		return;
	switch (c) {
	case '\033':
		vga_esc = 1;
		return;
	case '\n':
		vga_newline();
		return;
	case '\r':
		vga_col = 0;
		return;
	case '\b':
		if (vga_col > 0)
			vga_col--;
		return;
	case '\t':
		do
			vga_putc(' ');
		while (vga_col % 8);
		return;
	}
	if ((unsigned char)c < ' ')
		return;
	vga_mem[vga_row * VGA_COLS + vga_col] = (u16)(vga_attr << 8 | (u8)c);
	if (++vga_col == VGA_COLS)
		vga_newline();
}

static void vga_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_update_cursor();
}

static void vga_set_level(int level)
{
	if (level < 0)
		vga_attr = VGA_GREY;
	else if (level <= 3)
		vga_attr = VGA_RED;
	else if (level == 4)
		vga_attr = VGA_YELLOW;
	else if (level == 5)
		vga_attr = VGA_WHITE;
	else
		vga_attr = VGA_GREY;
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_write,
	.set_level = vga_set_level,
};

void __init vga_init(void)
{
	vga_mem = __va(VGA_PHYS);
	for (unsigned int row = 0; row < VGA_ROWS; row++)
		vga_clear_row(row);
	vga_row = vga_col = 0;
	vga_update_cursor();
	register_console(&vga_console);
}
