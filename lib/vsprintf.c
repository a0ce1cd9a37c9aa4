// SPDX-License-Identifier: GPL-2.0
/*
 * vsprintf.c - printf-style formatting into a buffer.
 *
 * One pass over the format: each conversion is parsed into a `struct spec`
 * (flags, width, precision, length, base) and printed by put_number(),
 * put_string() or the %p handler.  Output goes through emit(), which writes
 * only while there is room but keeps counting, so vsnprintf() returns the
 * length the full output would have had, as C requires, and never writes past
 * `size` (the last byte is always the NUL when size > 0).
 *
 * Deliberately simpler than Linux: no %pK/%pI4 family, no pointer hashing
 * (this kernel prints real addresses; it is a teaching tool), no floating
 * point.
 */
#include <ctype.h>
#include <kernel.h>
#include <sprintf.h>
#include <string.h>

#define SPEC_LEFT 0x01 /* '-': pad on the right */
#define SPEC_ZEROPAD 0x02 /* '0': pad numbers with zeros */
#define SPEC_PLUS 0x04 /* '+': sign on positive numbers */
#define SPEC_SPACE 0x08 /* ' ': space before positive numbers */
#define SPEC_SPECIAL 0x10 /* '#': 0x or 0 prefix */
#define SPEC_SIGNED 0x20 /* the value is signed */
#define SPEC_UPPER 0x40 /* 'X': upper-case digits */

struct spec {
	unsigned int flags; /* SPEC_* */
	int width; /* minimum field width, -1 if none */
	int precision; /* digits or string bytes, -1 if none */
	unsigned int base; /* 8, 10 or 16 */
};

struct outbuf {
	char *buf; /* destination */
	size_t size; /* its size, NUL included */
	size_t len; /* characters produced so far (may exceed size) */
};

static void emit(struct outbuf *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void emit_repeat(struct outbuf *out, char c, int n)
{
	while (n-- > 0)
		emit(out, c);
}

static void put_string(struct outbuf *out, const char *s,
		       const struct spec *spec)
{
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, spec->precision < 0 ? (size_t)-1 :
						    (size_t)spec->precision);
	if (!(spec->flags & SPEC_LEFT))
		emit_repeat(out, ' ', spec->width - len);
	for (int i = 0; i < len; i++)
		emit(out, s[i]);
	if (spec->flags & SPEC_LEFT)
		emit_repeat(out, ' ', spec->width - len);
}

/* Digits of `num` in reverse order; returns how many. */
static int number_digits(char *tmp, unsigned long long num, unsigned int base,
			 bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		/* 32-bit division when it fits: far cheaper on i386. */
		if (num <= 0xffffffffULL) {
			unsigned int n32 = (unsigned int)num;

			tmp[n++] = digits[n32 % base];
			num = n32 / base;
		} else {
			tmp[n++] = digits[num % base];
			num /= base;
		}
	} while (num);
	return n;
}

static void put_number(struct outbuf *out, unsigned long long num,
		       struct spec spec)
{
	char tmp[24];
	char sign = 0;
	const char *prefix = "";
	int ndigits, zeros, pad;

	if (spec.flags & SPEC_SIGNED) {
		if ((long long)num < 0) {
			sign = '-';
			num = 0 - num; /* unsigned: no overflow for LLONG_MIN */
		} else if (spec.flags & SPEC_PLUS) {
			sign = '+';
		} else if (spec.flags & SPEC_SPACE) {
			sign = ' ';
		}
	}
	if (spec.flags & SPEC_SPECIAL) {
		if (spec.base == 16)
			prefix = (spec.flags & SPEC_UPPER) ? "0X" : "0x";
		else if (spec.base == 8 && num != 0)
			prefix = "0";
	}

	/* C: precision 0 and value 0 print no digits at all. */
	if (spec.precision == 0 && num == 0)
		ndigits = 0;
	else
		ndigits = number_digits(tmp, num, spec.base,
					spec.flags & SPEC_UPPER);

	zeros = spec.precision > ndigits ? spec.precision - ndigits : 0;
	pad = spec.width - ndigits - zeros - (sign ? 1 : 0) -
	      (int)strlen(prefix);
	if ((spec.flags & SPEC_ZEROPAD) && !(spec.flags & SPEC_LEFT) &&
	    spec.precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}

	if (!(spec.flags & SPEC_LEFT))
		emit_repeat(out, ' ', pad);
	if (sign)
		emit(out, sign);
	for (; *prefix; prefix++)
		emit(out, *prefix);
	emit_repeat(out, '0', zeros);
	while (ndigits--)
		emit(out, tmp[ndigits]);
	if (spec.flags & SPEC_LEFT)
		emit_repeat(out, ' ', pad);
}

/* %p: 0x and all the hex digits of a pointer; %pS/%ps: a kernel symbol. */
static const char *put_pointer(struct outbuf *out, const char *fmt, void *ptr,
			       struct spec spec)
{
	if (*fmt == 'S' || *fmt == 's') {
		char sym[96];
		int n = sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);

		fmt++;
		if (n > 0) {
			put_string(out, sym, &spec);
			return fmt;
		}
	}
	spec.flags |= SPEC_SPECIAL | SPEC_ZEROPAD;
	spec.base = 16;
	spec.precision = -1;
	if (spec.width < 0)
		spec.width = 2 + 2 * (int)sizeof(void *);
	put_number(out, (unsigned long)ptr, spec);
	return fmt;
}

static int parse_int(const char **fmt)
{
	int n = 0;

	while (isdigit((unsigned char)**fmt))
		n = n * 10 + (*(*fmt)++ - '0');
	return n;
}

static const char *parse_flags(const char *fmt, struct spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= SPEC_LEFT;
			break;
		case '0':
			spec->flags |= SPEC_ZEROPAD;
			break;
		case '+':
			spec->flags |= SPEC_PLUS;
			break;
		case ' ':
			spec->flags |= SPEC_SPACE;
			break;
		case '#':
			spec->flags |= SPEC_SPECIAL;
			break;
		default:
			return fmt;
		}
	}
}

/* Length modifiers, as the number of `long`s: 0 int, 1 long, 2 long long. */
enum length { LEN_HH, LEN_H, LEN_INT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static const char *parse_length(const char *fmt, enum length *len)
{
	*len = LEN_INT;
	switch (*fmt) {
	case 'h':
		*len = LEN_H;
		if (*++fmt == 'h') {
			*len = LEN_HH;
			fmt++;
		}
		break;
	case 'l':
		*len = LEN_LONG;
		if (*++fmt == 'l') {
			*len = LEN_LLONG;
			fmt++;
		}
		break;
	case 'L':
	case 'j':
		*len = LEN_LLONG;
		fmt++;
		break;
	case 'z':
	case 't':
		*len = LEN_SIZE;
		fmt++;
		break;
	}
	return fmt;
}

static unsigned long long fetch_number(va_list *args, enum length len,
				       bool is_signed)
{
	switch (len) {
	case LEN_LLONG:
		return va_arg(*args, unsigned long long);
	case LEN_LONG:
		if (is_signed)
			return (unsigned long long)va_arg(*args, long);
		return va_arg(*args, unsigned long);
	case LEN_SIZE:
		if (is_signed)
			return (unsigned long long)va_arg(*args, ssize_t);
		return va_arg(*args, size_t);
	case LEN_HH:
		if (is_signed)
			return (unsigned long long)(signed char)va_arg(*args,
								       int);
		return (unsigned char)va_arg(*args, unsigned int);
	case LEN_H:
		if (is_signed)
			return (unsigned long long)(short)va_arg(*args, int);
		return (unsigned short)va_arg(*args, unsigned int);
	default:
		if (is_signed)
			return (unsigned long long)va_arg(*args, int);
		return va_arg(*args, unsigned int);
	}
}

/* One conversion starting after the '%'; returns where the format goes on. */
static const char *format_one(struct outbuf *out, const char *fmt,
			      va_list *args)
{
	struct spec spec = { .width = -1, .precision = -1, .base = 10 };
	enum length len;

	fmt = parse_flags(fmt, &spec);
	if (*fmt == '*') {
		spec.width = va_arg(*args, int);
		if (spec.width < 0) {
			spec.flags |= SPEC_LEFT;
			spec.width = -spec.width;
		}
		fmt++;
	} else {
		spec.width = isdigit((unsigned char)*fmt) ? parse_int(&fmt) :
							    -1;
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			spec.precision = va_arg(*args, int);
			fmt++;
		} else {
			spec.precision = parse_int(&fmt);
		}
		if (spec.precision < 0)
			spec.precision = -1;
	}
	fmt = parse_length(fmt, &len);

	switch (*fmt) {
	case 'c':
		/* Not put_string(): a NUL is output and counted, as in C. */
		if (!(spec.flags & SPEC_LEFT))
			emit_repeat(out, ' ', spec.width - 1);
		emit(out, (char)va_arg(*args, int));
		if (spec.flags & SPEC_LEFT)
			emit_repeat(out, ' ', spec.width - 1);
		return fmt + 1;
	case 's':
		put_string(out, va_arg(*args, const char *), &spec);
		return fmt + 1;
	case 'p':
		return put_pointer(out, fmt + 1, va_arg(*args, void *), spec);
	case '%':
		emit(out, '%');
		return fmt + 1;
	case 'd':
	case 'i':
		spec.flags |= SPEC_SIGNED;
		break;
	case 'u':
		break;
	case 'o':
		spec.base = 8;
		break;
	case 'X':
		spec.flags |= SPEC_UPPER;
		fallthrough;
	case 'x':
		spec.base = 16;
		break;
	case '\0':
		return fmt;
	default:
		/* Unknown conversion: print it as it was written. */
		emit(out, '%');
		emit(out, *fmt);
		return fmt + 1;
	}
	put_number(out, fetch_number(args, len, spec.flags & SPEC_SIGNED),
		   spec);
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf out = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&out, *fmt++);
			continue;
		}
		fmt = format_one(&out, fmt + 1, &ap);
	}
	va_end(ap);
	if (size)
		buf[min(out.len, size - 1)] = '\0';
	return (int)out.len;
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

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (size == 0)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
