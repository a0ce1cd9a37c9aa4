// SPDX-License-Identifier: GPL-2.0
/*
 * printf.c - the printf family: vsnprintf does the formatting, the rest
 * are its callers.
 *
 * Conversions: d i u x X o c s p %, with the flags - 0 + space and #, a
 * width and a precision (numbers or *), and the length modifiers hh h l
 * ll z.  As C's, vsnprintf returns the length the whole text would have
 * and writes at most size - 1 characters and a NUL.
 *
 * Output is not buffered: printf formats into a stack buffer (1 KB; the
 * rest is cut) and write()s it whole, so a fork never duplicates text
 * waiting in a buffer, and one printf's line reaches the console in one
 * piece even when another process prints too.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PRINTF_BUF 1024

struct out {
	char *buf; /* where the text goes */
	size_t size; /* its capacity, NUL included */
	size_t len; /* the length so far, even past size */
};

struct spec {
	bool left; /* '-': pad on the right */
	bool zero; /* '0': pad numbers with zeros */
	char sign; /* '+', ' ' or 0: what a non-negative number gets */
	bool alt; /* '#': 0x before hex, 0 before octal */
	int width; /* the minimum field width */
	int prec; /* the precision, -1 if none */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->prec < 0 || n < sp->prec))
		n++;
	if (!sp->left)
		pad(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - n);
}

/* A number in base 8, 10 or 16 with its sign, precision and width. */
static void put_num(struct out *o, const struct spec *sp, uint64_t v, bool neg,
		    int base, bool upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros, plen = (int)strlen(prefix), len;
	char sign = neg ? '-' : sp->sign;

	while (v || n == 0) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (sp->prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	zeros = sp->prec > n ? sp->prec - n : 0;
	len = n + zeros + plen + (sign ? 1 : 0);
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	if (sign)
		put(o, sign);
	for (int i = 0; i < plen; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Reads "[flags][width][.prec]" at *fmt; returns where the length is. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '+' || (*fmt == ' ' && sp->sign != '+'))
			sp->sign = *fmt;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		fmt++;
		sp->prec = 0;
		if (*fmt == '*') {
			sp->prec = va_arg(*ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp->prec = sp->prec * 10 + (*fmt++ - '0');
	}
	return fmt;
}

/* The integer argument for length `len` (0 int, 1 long, 2 long long). */
static uint64_t get_int(va_list *ap, int len, bool is_signed, bool *neg)
{
	int64_t s;

	*neg = false;
	if (!is_signed)
		return len == 2 ? va_arg(*ap, unsigned long long) :
		       len == 1 ? va_arg(*ap, unsigned long) :
				  va_arg(*ap, unsigned int);
	s = len == 2 ? va_arg(*ap, long long) :
	    len == 1 ? va_arg(*ap, long) :
		       va_arg(*ap, int);
	if (s < 0) {
		*neg = true;
		return -(uint64_t)s;
	}
	return s;
}

/* What '#' puts before a non-zero number: 0 (octal), 0x or 0X (hex). */
static const char *alt_prefix(const struct spec *sp, char c, uint64_t v)
{
	if (!sp->alt || !v || c == 'u')
		return "";
	return c == 'o' ? "0" : c == 'x' ? "0x" : "0X";
}

static void convert(struct out *o, struct spec *sp, int len, char c,
		    va_list *ap)
{
	bool neg;
	uint64_t v;

	switch (c) {
	case 'd':
	case 'i':
		v = get_int(ap, len, true, &neg);
		put_num(o, sp, v, neg, 10, false, "");
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		v = get_int(ap, len, false, &neg);
		sp->sign = 0;
		put_num(o, sp, v, false,
			c == 'u' ? 10 :
			c == 'o' ? 8 :
				   16,
			c == 'X', alt_prefix(sp, c, v));
		break;
	case 'p':
		sp->sign = 0;
		put_num(o, sp, (uintptr_t)va_arg(*ap, void *), false, 16, false,
			"0x");
		break;
	case 'c': {
		char s[2] = { (char)va_arg(*ap, int), 0 };

		put_str(o, sp, s);
		break;
	}
	case 's':
		put_str(o, sp, va_arg(*ap, const char *));
		break;
	default: /* '%' and anything unknown: printed as it is */
		put(o, c);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list ap;
	int len;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		len = 0;
		while (*fmt == 'l' || *fmt == 'h' || *fmt == 'z') {
			if (*fmt == 'l')
				len++;
			fmt++;
		}
		if (!*fmt)
			break;
		convert(&o, &sp, len > 2 ? 2 : len, *fmt++, &ap);
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list args)
{
	char buf[PRINTF_BUF];
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	return write(fd, buf, n) < 0 ? -1 : n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vdprintf(fd, fmt, args);
	va_end(args);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vdprintf(STDOUT_FILENO, fmt, args);
	va_end(args);
	return n;
}

int puts(const char *s)
{
	return printf("%s\n", s);
}
