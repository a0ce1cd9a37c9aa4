/* SPDX-License-Identifier: GPL-2.0 */
/*
 * params.h - boot command line options.
 *
 * Each subsystem declares the options it owns next to the code that uses
 * them, as Linux's early_param():
 *
 *	static int __init parse_mem(char *arg) { ... }
 *	early_param("mem", parse_mem);
 *
 * The handler gets the text after '=' (NULL for a bare word like `nopse`) and
 * returns 0, or -EINVAL after printing what was wrong (the default is then
 * kept).  Options nobody declared are reported once at boot and ignored.
 */
#ifndef _PARAMS_H
#define _PARAMS_H

#include <types.h>

#define COMMAND_LINE_SIZE 2048

struct kernel_param {
	const char *name; /* "mem", "nopse", "ktest" */
	int (*setup)(char *val); /* NULL val: the option had no '=' */
};

#define early_param(str, fn)                                            \
	static const struct kernel_param __param_##fn __used __section( \
		".init.setup") __aligned(4) = { str, fn }

/* The command line as the boot loader gave it (boot image path dropped). */
extern char saved_command_line[COMMAND_LINE_SIZE];

/*
 * After boot: was `name` (or `name=value`) on the command line?  *value is
 * the value of its last occurrence (NULL without '='), valid until the next
 * call.
 */
bool cmdline_find_option(const char *name, const char **value);

/* Run every declared option's handler; report the unknown ones. */
void parse_early_params(const char *cmdline);

#endif /* _PARAMS_H */
