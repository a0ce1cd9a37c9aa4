// SPDX-License-Identifier: GPL-2.0
/*
 * params.c - splitting the boot command line into options.
 *
 * The multiboot command line starts with the boot image's path (GRUB and
 * QEMU both put it there); that word is dropped.  Each remaining word is
 * "name=value" or "name"; the handler declared with early_param(name) gets
 * the value.  The declarations live in .init.setup, which is freed after
 * boot, so parsing happens exactly once.  Unknown words are collected and
 * reported in one line, as Linux does, and otherwise ignored.  A command
 * line too long to keep is cut at a word (setup.c), and the words cut off
 * are reported, the options of this kernel among them by name.
 */
#include <asm/setup.h>
#include <cmdline.h>
#include <kernel.h>
#include <params.h>
#include <printk.h>
#include <sprintf.h>
#include <string.h>

extern const struct kernel_param __setup_start[], __setup_end[];

char saved_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE] __initdata;
static char unknown[COMMAND_LINE_SIZE] __initdata;

static const struct kernel_param *__init find_param(const char *name)
{
	for (const struct kernel_param *p = __setup_start; p < __setup_end; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

/* The first word is the image path if it looks like one. */
static const char *__init skip_image_path(const char *cmdline)
{
	const char *s = skip_spaces(cmdline);
	size_t len = strcspn(s, " \t");

	if (len &&
	    (memchr(s, '/', len) ||
	     (len > 4 && !strncmp(s + len - 4, ".elf", 4))) &&
	    !memchr(s, '=', len))
		return skip_spaces(s + len);
	return s;
}

static void __init add_unknown(const char *param, const char *val)
{
	size_t len = strlen(unknown);

	snprintf(unknown + len, sizeof(unknown) - len, "%s%s%s%s",
		 len ? " " : "", param, val ? "=" : "", val ? val : "");
}

/*
 * The boot loader's command line was longer than COMMAND_LINE_SIZE - 1: say
 * how much was lost, from where, and which of the lost words are options
 * of this kernel, so that none is lost without a word.
 */
static void __init report_lost_words(void)
{
	static char lost[COMMAND_LINE_SIZE] __initdata;
	char *args = lost, *param, *val;
	size_t n = 0;
	int words = 0;

	if (!boot_command_line_lost[0])
		return;
	strscpy(lost, boot_command_line_lost, sizeof(lost));
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!*param)
			continue;
		words++;
		if (find_param(param))
			n += (size_t)scnprintf(unknown + n, sizeof(unknown) - n,
					       " %s%s%s", param, val ? "=" : "",
					       val ? val : "");
	}
	pr_warn("Kernel command line too long: %zu characters, at most %d kept; %d word%s lost from \"%.40s%s\" on; %s%s\n",
		boot_command_line_len, COMMAND_LINE_SIZE - 1, words,
		words == 1 ? "" : "s", skip_spaces(boot_command_line_lost),
		strlen(skip_spaces(boot_command_line_lost)) > 40 ? "..." : "",
		n ? "among them options of this kernel, ignored:" :
		    "none of them an option of this kernel",
		unknown);
	unknown[0] = '\0';
}

void __init parse_early_params(const char *cmdline)
{
	char *args, *param, *val;

	strscpy(saved_command_line, skip_image_path(cmdline),
		sizeof(saved_command_line));
	strscpy(parse_buf, saved_command_line, sizeof(parse_buf));
	pr_notice("Kernel command line: %s\n", saved_command_line);
	report_lost_words();

	args = parse_buf;
	while (*args) {
		const struct kernel_param *p;

		args = next_arg(args, &param, &val);
		if (!*param)
			continue;
		p = find_param(param);
		if (!p) {
			add_unknown(param, val);
			continue;
		}
		if (p->setup(val))
			pr_warn("Malformed early option '%s'\n", param);
	}
	if (unknown[0])
		pr_notice(
			"Unknown kernel command line parameters \"%s\", will be ignored.\n",
			unknown);
}

bool cmdline_find_option(const char *name, const char **value)
{
	static char buf[COMMAND_LINE_SIZE];
	char *args = buf, *param, *val;
	bool found = false;

	*value = NULL;
	strscpy(buf, saved_command_line, sizeof(buf));
	while (*args) {
		args = next_arg(args, &param, &val);
		if (strcmp(param, name))
			continue;
		found = true;
		*value = val;
	}
	return found;
}
