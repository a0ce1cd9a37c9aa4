// SPDX-License-Identifier: GPL-2.0
/*
 * vga.c - the 80x25 VGA text screen as a console, with scrollback and a
 * pager.
 *
 * The screen is 80x25 cells of (character, attribute) at physical 0xb8000,
 * reached through the direct map.  Every row ever written also goes into a
 * ring of VGA_HISTORY rows (vga_hist); rows are numbered from the first one
 * (vga_top is the number of the screen's top row), so the screen is always
 * rows vga_top .. vga_top + 24 of the ring.  Shift-PgUp/PgDn (keyboard.c)
 * move the view back through the ring by half a screen, as Linux's VT does;
 * any output brings the view back to the bottom.  `clear` moves the used
 * rows into the history and starts a blank screen at the top.
 *
 * Writing into the last column does not move to the next row yet; the next
 * character does (a terminal's "pending wrap"), so a line of exactly 80
 * characters and its newline take one row, not two.
 *
 * The pager (console_pager(), for commands typed on this keyboard): each
 * newline uses a row of the page; before a line that would not fit, more()
 * shows "--More--" in the bottom row and waits: space for the next page,
 * Enter for one more line, q (or Ctrl-C) to drop the rest of the command's
 * output here (COM1 still gets all of it; the command itself runs to its
 * end).  Only text printed with interrupts on can wait: printk's lines
 * (reports, KTAP) scroll past, and Shift-PgUp brings them back.
 *
 * The colour of a line comes from its printk level, so errors stand out in a
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
#include <asm/processor.h>
#include <asm/vga.h>
#include <console.h>
#include <kernel.h>
#include <string.h>

#define VGA_PHYS 0xb8000
#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_HISTORY 512 /* rows kept for Shift-PgUp: about 20 screens */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5

/* Attributes: background << 4 | foreground. */
#define VGA_GREY 0x07
#define VGA_WHITE 0x0f
#define VGA_YELLOW 0x0e
#define VGA_RED 0x0c
#define VGA_CYAN 0x0b
#define VGA_INVERSE 0x70 /* black on grey: the pager's prompt */

#define VGA_CELL(attr, c) ((u16)((attr) << 8 | (u8)(c)))
#define VGA_BLANK VGA_CELL(VGA_GREY, ' ')
#define VGA_PAGE (VGA_ROWS - 2) /* a page: the screen less the prompt row */
#define VGA_KEY_CTRL_C 0x03 /* at --More--, as q */

#define VGA_SGR_PARAMS 8 /* numbers kept per sequence; more are ignored */

static u16 *vga_mem;
static u16 vga_hist[VGA_HISTORY][VGA_COLS]; /* every row, in a ring */
static unsigned long vga_top; /* number of the screen's top row */
static unsigned int vga_row, vga_col; /* cursor; col 80: wrap pending */
static unsigned int vga_back; /* rows the view is scrolled back, 0: live */
static u8 vga_attr = VGA_GREY;

/* An escape sequence being read: 0 none, 1 after ESC, 2 inside CSI. */
static unsigned int vga_esc;
static unsigned int vga_sgr[VGA_SGR_PARAMS], vga_nsgr;

static bool vga_paging; /* a command's output is paged */
static bool vga_quiet; /* q at --More--: drop the rest of it */
static unsigned int vga_page_left; /* newlines before the pager asks */

static u16 *hist_row(unsigned long nr)
{
	return vga_hist[nr % VGA_HISTORY];
}

static void fill_row(u16 *row, u16 cell)
{
	for (unsigned int col = 0; col < VGA_COLS; col++)
		row[col] = cell;
}

static void vga_update_cursor(void)
{
	/* Scrolled back, the cursor's row is not on the screen: hide it. */
	unsigned int pos =
		vga_back ? VGA_ROWS * VGA_COLS :
			   vga_row * VGA_COLS + min(vga_col, VGA_COLS - 1U);

	outb(14, VGA_CRTC_INDEX);
	outb((u8)(pos >> 8), VGA_CRTC_DATA);
	outb(15, VGA_CRTC_INDEX);
	outb((u8)pos, VGA_CRTC_DATA);
}

/* Copy the rows the view shows from the ring to the screen. */
static void vga_redraw(void)
{
	unsigned long first = vga_top - vga_back;

	for (unsigned int row = 0; row < VGA_ROWS; row++)
		memcpy(vga_mem + row * VGA_COLS, hist_row(first + row),
		       VGA_COLS * sizeof(u16));
	vga_update_cursor();
}

/* Back to the bottom of the history, where output goes. */
static void vga_live(void)
{
	if (!vga_back)
		return;
	vga_back = 0;
	vga_redraw();
}

static void vga_newline(void)
{
	vga_col = 0;
	if (vga_paging && vga_page_left)
		vga_page_left--;
	if (++vga_row < VGA_ROWS)
		return;
	vga_top++;
	vga_row = VGA_ROWS - 1;
	fill_row(hist_row(vga_top + vga_row), VGA_BLANK);
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	fill_row(vga_mem + vga_row * VGA_COLS, VGA_BLANK);
}

static void vga_put_cell(char c)
{
	u16 cell = VGA_CELL(vga_attr, c);

	if (vga_col == VGA_COLS)
		vga_newline();
	hist_row(vga_top + vga_row)[vga_col] = cell;
	vga_mem[vga_row * VGA_COLS + vga_col] = cell;
	vga_col++;
}

static void vga_backspace(void)
{
	if (vga_col > 0) {
		vga_col--;
	} else if (vga_row > 0) {
		/* Erasing a typed line that wrapped: back to the row above. */
		vga_row--;
		vga_col = VGA_COLS - 1;
	}
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
		vga_backspace();
		return;
	case '\t':
		do
			vga_put_cell(' ');
		while (vga_col % 8);
		return;
	}
	if ((unsigned char)c < ' ')
		return;
	vga_put_cell(c);
}

static void vga_write(const char *s, size_t len)
{
	if (vga_quiet)
		return;
	vga_live();
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_update_cursor();
}

void vga_scrollback(int rows)
{
	unsigned long most =
		min(vga_top, (unsigned long)VGA_HISTORY - VGA_ROWS);
	long back = (long)vga_back + rows;

	vga_back = (unsigned int)clamp(back, 0L, (long)most);
	vga_redraw();
}

/* `clear`: the used rows go into the history, a blank screen follows. */
static void vga_clear(void)
{
	vga_live();
	vga_top += vga_row + (vga_col ? 1 : 0);
	for (unsigned int row = 0; row < VGA_ROWS; row++)
		fill_row(hist_row(vga_top + row), VGA_BLANK);
	vga_row = vga_col = 0;
	vga_page_left = VGA_PAGE;
	vga_redraw();
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

static void vga_pager(bool on)
{
	vga_paging = on;
	vga_page_left = VGA_PAGE;
	if (!on)
		vga_quiet = false;
}

/* "--More--" on the cursor's (empty) row until a key says what next. */
static void vga_more_prompt(void)
{
	static const char prompt[] = "--More--";
	u16 *row = vga_mem + vga_row * VGA_COLS;
	int c;

	vga_live();
	for (unsigned int i = 0; i < sizeof(prompt) - 1; i++)
		row[i] = VGA_CELL(VGA_INVERSE, prompt[i]);
	vga_col = sizeof(prompt) - 1;
	vga_update_cursor();
	do
		c = console_getc();
	while (c != ' ' && c != '\r' && c != '\n' && c != 'q' && c != 'Q' &&
	       c != VGA_KEY_CTRL_C);
	vga_live(); /* Shift-PgUp may have moved the view meanwhile */
	fill_row(row, VGA_BLANK);
	vga_col = 0;
	vga_update_cursor();
	if (c == ' ')
		vga_page_left = VGA_PAGE;
	else if (c == 'q' || c == 'Q' || c == VGA_KEY_CTRL_C)
		vga_quiet = true;
	else
		vga_page_left = 1;
}

/* About `rows` rows of output are coming: do they fit the page? */
static void vga_more(unsigned int rows)
{
	if (!vga_paging || vga_quiet || vga_col || rows <= vga_page_left)
		return;
	if (vga_page_left == VGA_PAGE)
		return; /* a fresh page: waiting would not show more of it */
	vga_more_prompt();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_write,
	.set_level = vga_set_level,
	.clear = vga_clear,
	.pager = vga_pager,
	.more = vga_more,
	.flags = CON_WRAP | CON_WRAP_EXACT,
};

void __init vga_init(void)
{
	vga_mem = __va(VGA_PHYS);
	for (unsigned int row = 0; row < VGA_ROWS; row++)
		fill_row(hist_row(row), VGA_BLANK);
	vga_top = 0;
	vga_row = vga_col = 0;
	vga_redraw();
	register_console(&vga_console);
}
