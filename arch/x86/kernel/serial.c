// SPDX-License-Identifier: GPL-2.0
/*
 * serial.c - COM1, a 16550A UART at I/O port 0x3f8: the console that works
 * over SSH and that the test runner reads.
 *
 * Output is polled (wait for the transmit holding register to empty, then
 * write): simple, works before interrupts exist and cannot lose a panic
 * message.  Input is interrupt driven (IRQ 4): each received byte goes to the
 * console input queue.  When that queue is full, the receive interrupt is
 * switched off and the bytes wait in the UART (and in QEMU, which stops
 * sending when the UART's FIFO is full) until the shell has read some.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/serial.h>
#include <interrupt.h>
#include <ioport.h>
#include <console.h>

#define COM1 0x3f8
#define UART_RX 0 /* receive buffer (DLAB = 0) */
#define UART_TX 0 /* transmit holding (DLAB = 0) */
#define UART_DLL 0 /* divisor latch low (DLAB = 1) */
#define UART_IER 1 /* interrupt enable (DLAB = 0) */
#define UART_DLM 1 /* divisor latch high (DLAB = 1) */
#define UART_FCR 2 /* FIFO control */
#define UART_LCR 3 /* line control */
#define UART_MCR 4 /* modem control */
#define UART_LSR 5 /* line status */

#define UART_IER_RDI 0x01 /* interrupt when a byte arrives */
#define UART_LCR_8N1 0x03
#define UART_LCR_DLAB 0x80
#define UART_FCR_ENABLE 0xc7 /* enable, clear both FIFOs, 14-byte trigger */
#define UART_MCR_DTR_RTS_OUT2 0x0b /* OUT2 gates the IRQ line on PCs */
#define UART_LSR_DR 0x01 /* data ready */
#define UART_LSR_THRE 0x20 /* transmit holding register empty */

#define UART_CLOCK 115200 /* the divisor for 115200 baud is 1 */
#define SERIAL_BAUD 115200

static bool serial_present;
static char serial_pending; /* read while the input queue was full */
static bool serial_has_pending;

static void serial_putc(char c)
{
	unsigned int spins = 100000; /* give up on a dead UART */

	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb((u8)c, COM1 + UART_TX);
}

static void serial_write(const char *s, size_t len)
{
	if (!serial_present)
		return;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static void serial_rx_enable(bool on)
{
	outb(on ? UART_IER_RDI : 0, COM1 + UART_IER);
}

static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	/*
	 * Throttled: an interrupt raised before IER was cleared may still come
	 * in; reading now would overwrite the byte already held back.
	 */
	if (serial_has_pending)
		return IRQ_HANDLED;
	while (inb(COM1 + UART_LSR) & UART_LSR_DR) {
		char c = (char)inb(COM1 + UART_RX);

		if (!console_input_char(c)) {
			/* Queue full: this byte is kept for after the pause. */
			serial_rx_enable(false);
			serial_pending = c;
			serial_has_pending = true;
			return IRQ_HANDLED;
		}
	}
	return IRQ_HANDLED;
}

static void serial_unthrottle(void)
{
	if (serial_has_pending) {
		if (!console_input_char(serial_pending))
			return;
		serial_has_pending = false;
	}
	serial_rx_enable(true);
}

/* `clear`: the ANSI sequence a terminal understands (cursor home, erase). */
static void serial_clear(void)
{
	static const char ansi_clear[] = "\033[H\033[2J";

	serial_write(ansi_clear, sizeof(ansi_clear) - 1);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
	.unthrottle = serial_unthrottle,
	.clear = serial_clear,
	.flags = CON_WRAP,
};

void __init serial_init(void)
{
	/* A UART answers with its scratch register; nothing answers 0xff. */
	outb(0x5a, COM1 + 7);
	if (inb(COM1 + 7) != 0x5a)
		return;

	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(UART_CLOCK / SERIAL_BAUD, COM1 + UART_DLL);
	outb(0, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(UART_FCR_ENABLE, COM1 + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
	serial_present = true;
	register_console(&serial_console);
}

void __init serial_init_irq(void)
{
	if (!serial_present)
		return;
	request_region(COM1, 8, "serial"); /* /proc/ioports */
	request_irq(IRQ_COM1, serial_interrupt, 0, "serial", NULL);
	serial_rx_enable(true);
}
