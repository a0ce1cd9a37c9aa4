// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline.c - numbers, sizes and words out of strings.
 *
 * Two families, as in Linux: kstrto*() are strict (the whole string must be a
 * number that fits, or an error comes back) and are what shell commands and
 * boot options use; simple_strto*() parse a prefix and say where they stopped,
 * which memparse() and the option splitter build on.  memparse() is Linux's:
 * it neither rejects trailing text nor notices a size that overflows 64
 * bits; kstrtosize() is the strict size parser the options and commands use.
 */
#include <cmdline.h>
#include <ctype.h>
#include <errno.h>
#include <kernel.h>
#include <string.h>

/* Base 0: "0x" means 16, a leading "0" means 8, otherwise 10. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && tolower((unsigned char)s[1]) == 'x' &&
		    isxdigit((unsigned char)s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && tolower((unsigned char)s[1]) == 'x')
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	if (isxdigit((unsigned char)c))
		return tolower((unsigned char)c) - 'a' + 10;
	return 99;
}

/* Parse digits; returns how many were used, sets *overflow. */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	size_t n = 0;
	int d;

	*overflow = false;
	while ((d = digit_value(s[n])) < (int)base) {
		if (val > (U64_MAX - (unsigned)d) / base)
			*overflow = true;
		val = val * base + (unsigned)d;
		n++;
	}
	*res = val;
	return n;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	size_t n;

	if (!s || base == 1 || base > 16)
		return -EINVAL;
	if (*s == '+')
		s++;
	s = parse_base(s, &base);
	n = parse_digits(s, base, &val, &overflow);
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val > ULONG_MAX)
		return -ERANGE;
	*res = (unsigned long)val;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)val;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long val;
	bool negative = (s && *s == '-');
	int ret = kstrtoull(negative ? s + 1 : s, base, &val);

	if (negative && s[1] == '+')
		return -EINVAL; /* "-+1": one sign only, as Linux */
	if (ret)
		return ret;
	if (negative ? val > (unsigned long long)INT_MAX + 1 : val > INT_MAX)
		return -ERANGE;
	*res = negative ? (int)(0 - val) : (int)val;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (tolower((unsigned char)s[0])) {
	case 'y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case '0':
		*res = false;
		return 0;
	case 'o':
		if (tolower((unsigned char)s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower((unsigned char)s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long val;
	bool overflow;
	const char *s = parse_base(cp, &base);
	size_t n = parse_digits(s, base, &val, &overflow);

	if (endp)
		*endp = (char *)(n ? s + n : cp);
	return val;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return (unsigned long)simple_strtoull(cp, endp, base);
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long ret = simple_strtoull(ptr, &end, 0);

	switch (*end) {
	case 'G':
	case 'g':
		ret <<= 10;
		fallthrough;
	case 'M':
	case 'm':
		ret <<= 10;
		fallthrough;
	case 'K':
	case 'k':
		ret <<= 10;
		end++;
		break;
	default:
		break;
	}
	if (retptr)
		*retptr = end;
	return ret;
}

int kstrtosize(const char *s, unsigned long long *res)
{
	unsigned long long val;
	unsigned int base = 0, shift = 0;
	bool overflow;
	size_t n;

	if (!s)
		return -EINVAL;
	s = parse_base(s, &base);
	n = parse_digits(s, base, &val, &overflow);
	if (!n)
		return -EINVAL;
	s += n;
	switch (*s) {
	case 'G':
	case 'g':
		shift = 30;
		break;
	case 'M':
	case 'm':
		shift = 20;
		break;
	case 'K':
	case 'k':
		shift = 10;
		break;
	}
	if (shift)
		s++;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow || (shift && val > (U64_MAX >> shift)))
		return -ERANGE;
	*res = val << shift;
	return 0;
}

char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false, quoted = false;
	char *next;
	size_t i, equals = 0;

	args = skip_spaces(args);
	if (*args == '"') {
		args++;
		in_quote = true;
		quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (isspace((unsigned char)args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* Drop the quotes around a value: opt="a b" */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	/* A word that opened with a quote: drop the closing one. */
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	next = args + i;
	if (*next) {
		*next = '\0';
		next++;
	}
	return skip_spaces(next);
}
