// SPDX-License-Identifier: GPL-2.0
/*
 * keyboard.c - the PS/2 keyboard (i8042, IRQ 1), so that typing into the
 * QEMU window works like typing into the serial terminal.
 *
 * The controller translates to scan code set 1 by default: one byte per key
 * press, the same byte | 0x80 on release, 0xe0 before the extended keys.
 * Keys become the bytes a serial terminal would send: Enter is '\r',
 * Backspace is DEL (0x7f), Ctrl+letter is the control character, and the
 * arrow keys are the ANSI sequences ESC [ A/B/C/D.  The shell's line editor
 * therefore has only one kind of input to understand.
 *
 * Shift-PgUp and Shift-PgDn are not input: they move the VGA screen's view
 * through its history (vga_scrollback()), half a screen at a time, as on a
 * Linux VT.  Keys typed here count as local (console_input_local()): a
 * command typed at this keyboard has its long output paged on the screen.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/keyboard.h>
#include <asm/vga.h>
#include <interrupt.h>
#include <console.h>
#include <kernel.h>

#define I8042_DATA 0x60
#define I8042_STATUS 0x64
#define I8042_STATUS_OBF 0x01 /* output buffer full: a byte to read */

#define SC_RELEASE 0x80
#define SC_EXTENDED 0xe0
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CTRL 0x1d
#define SC_CAPSLOCK 0x3a
#define SC_UP 0x48
#define SC_DOWN 0x50
#define SC_LEFT 0x4b
#define SC_RIGHT 0x4d
#define SC_PGUP 0x49
#define SC_PGDN 0x51

#define SCROLL_ROWS 12 /* Shift-PgUp/PgDn: half of the 25-row screen */

/* US layout, set 1, index = scan code; 0 = no character. */
static const char keymap[0x3a] = {
	0,   27,  '1', '2',  '3',  '4', '5', '6',  '7', '8', '9', '0',
	'-', '=', 127, '\t', 'q',  'w', 'e', 'r',  't', 'y', 'u', 'i',
	'o', 'p', '[', ']',  '\r', 0,	'a', 's',  'd', 'f', 'g', 'h',
	'j', 'k', 'l', ';',  '\'', '`', 0,   '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm', ',',  '.',  '/', 0,   '*',  0,	' ',
};

static const char keymap_shift[0x3a] = {
	0,   27,  '!', '@',  '#',  '$', '%', '^', '&', '*', '(', ')',
	'_', '+', 127, '\t', 'Q',  'W', 'E', 'R', 'T', 'Y', 'U', 'I',
	'O', 'P', '{', '}',  '\r', 0,	'A', 'S', 'D', 'F', 'G', 'H',
	'J', 'K', 'L', ':',  '"',  '~', 0,   '|', 'Z', 'X', 'C', 'V',
	'B', 'N', 'M', '<',  '>',  '?', 0,   '*', 0,   ' ',
};

static bool shift, ctrl, capslock, extended;

static void kbd_push_escape(char final)
{
	console_input_local(27);
	console_input_local('[');
	console_input_local(final);
}

static void kbd_extended_key(u8 code)
{
	switch (code) {
	case SC_UP:
		kbd_push_escape('A');
		break;
	case SC_DOWN:
		kbd_push_escape('B');
		break;
	case SC_RIGHT:
		kbd_push_escape('C');
		break;
	case SC_LEFT:
		kbd_push_escape('D');
		break;
	case SC_CTRL:
		ctrl = true;
		break;
	case SC_PGUP:
		if (shift)
			vga_scrollback(SCROLL_ROWS);
		break;
	case SC_PGDN:
		if (shift)
			vga_scrollback(-SCROLL_ROWS);
		break;
	}
}

static void kbd_key(u8 code)
{
	char c;

	switch (code) {
	case SC_LSHIFT:
	case SC_RSHIFT:
		shift = true;
		return;
	case SC_CTRL:
		ctrl = true;
		return;
	case SC_CAPSLOCK:
		capslock = !capslock;
		return;
	}
	if (code >= sizeof(keymap))
		return;
	c = shift ? keymap_shift[code] : keymap[code];
	if (!c)
		return;
	if (capslock && c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	else if (capslock && c >= 'A' && c <= 'Z' && shift)
		c = (char)(c - 'A' + 'a');
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1f;
	console_input_local(c);
}

static void kbd_release(u8 code, bool is_extended)
{
	/* E0 AA is not Shift: keyboards send it around the extended keys. */
	if (is_extended && code != SC_CTRL)
		return;
	if (code == SC_LSHIFT || code == SC_RSHIFT)
		shift = false;
	else if (code == SC_CTRL)
		ctrl = false;
}

static irqreturn_t keyboard_interrupt(int irq, void *dev_id)
{
	while (inb(I8042_STATUS) & I8042_STATUS_OBF) {
		u8 code = inb(I8042_DATA);

		if (code == SC_EXTENDED) {
			extended = true;
			continue;
		}
		if (code & SC_RELEASE)
			kbd_release(code & ~SC_RELEASE, extended);
		else if (extended)
			kbd_extended_key(code);
		else
			kbd_key(code);
		extended = false;
	}
	return IRQ_HANDLED;
}

void __init keyboard_init(void)
{
	/* Drain whatever the firmware left in the buffer. */
	for (int i = 0; i < 16 && (inb(I8042_STATUS) & I8042_STATUS_OBF); i++)
		inb(I8042_DATA);
	request_irq(IRQ_KEYBOARD, keyboard_interrupt, 0, "i8042", NULL);
}
