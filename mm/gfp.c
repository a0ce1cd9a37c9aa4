// SPDX-License-Identifier: GPL-2.0
/*
 * gfp.c - GFP flags as text, both ways.
 *
 * Printing names the base ("GFP_KERNEL", "GFP_ATOMIC", "GFP_USER",
 * "GFP_HIGHUSER") and then every modifier, joined by " | "; bits nobody
 * knows are printed in hex, so a corrupted mask is visible as such.  Parsing
 * accepts the same names, with or without the GFP_ prefix, in any case,
 * separated by '|', ',' or spaces: `alloc 0 GFP_HIGHMEM|GFP_ZERO` and
 * `alloc 0 highmem zero` mean the same.
 */
#include <ctype.h>
#include <errno.h>
#include <gfp.h>
#include <kernel.h>
#include <sprintf.h>
#include <string.h>

struct gfp_name {
	gfp_t flags;
	const char *name;
};

/* Modifiers, in the order they are printed. */
static const struct gfp_name gfp_modifiers[] = {
	{ GFP_DMA, "GFP_DMA" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ GFP_HIGHMEM, "GFP_HIGHMEM" },
	{ GFP_ZERO, "GFP_ZERO" },
	{ GFP_NOFAIL, "GFP_NOFAIL" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_NOIO, "__GFP_NOIO" },
};

/* Everything parse accepts, composite names first. */
static const struct gfp_name gfp_all_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_DMA, "GFP_DMA" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ GFP_HIGHMEM, "GFP_HIGHMEM" },
	{ GFP_ZERO, "GFP_ZERO" },
	{ GFP_NOFAIL, "GFP_NOFAIL" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_NOIO, "__GFP_NOIO" },
};

int gfp_snprint(char *buf, size_t size, gfp_t gfp)
{
	gfp_t rest = gfp;
	int n;

	if (gfp & GFP_ATOMIC) {
		n = scnprintf(buf, size, "GFP_ATOMIC");
		rest &= ~(gfp_t)GFP_ATOMIC;
	} else if ((gfp & GFP_HIGHUSER_MOVABLE) == GFP_HIGHUSER_MOVABLE) {
		n = scnprintf(buf, size, "GFP_HIGHUSER_MOVABLE");
		rest &= ~(gfp_t)GFP_HIGHUSER_MOVABLE;
	} else if ((gfp & GFP_HIGHUSER) == GFP_HIGHUSER) {
		n = scnprintf(buf, size, "GFP_HIGHUSER");
		rest &= ~(gfp_t)GFP_HIGHUSER;
	} else if (gfp & __GFP_HARDWALL) {
		n = scnprintf(buf, size, "GFP_USER");
		rest &= ~(gfp_t)__GFP_HARDWALL;
	} else if (gfp & __GFP_NOIO) {
		n = scnprintf(buf, size, "GFP_NOIO");
		rest &= ~(gfp_t)__GFP_NOIO;
	} else {
		n = scnprintf(buf, size, "GFP_KERNEL");
	}
	if ((gfp & GFP_ATOMIC) && (gfp & __GFP_HARDWALL)) {
		n += scnprintf(buf + n, size - (size_t)n, " | __GFP_HARDWALL");
		rest &= ~(gfp_t)__GFP_HARDWALL;
	}
	for (size_t i = 0; i < ARRAY_SIZE(gfp_modifiers); i++) {
		if (!(rest & gfp_modifiers[i].flags))
			continue;
		n += scnprintf(buf + n, size - (size_t)n, " | %s",
			       gfp_modifiers[i].name);
		rest &= ~gfp_modifiers[i].flags;
	}
	if (rest)
		n += scnprintf(buf + n, size - (size_t)n, " | %#x", rest);
	return n;
}

static bool word_equals(const char *word, size_t len, const char *name)
{
	if (strlen(name) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (toupper((unsigned char)word[i]) != name[i])
			return false;
	return true;
}

/* "GFP_HIGHMEM" matches "GFP_HIGHMEM", "gfp_highmem" and "highmem". */
static bool gfp_name_matches(const char *word, size_t len, const char *name)
{
	const char *short_name = name + strspn(name, "_");

	if (str_has_prefix(short_name, "GFP_"))
		short_name += 4;
	return word_equals(word, len, name) ||
	       word_equals(word, len, short_name);
}

int gfp_parse(const char *text, gfp_t *gfp)
{
	gfp_t result = 0;

	while (*text) {
		size_t len = strcspn(text, "|, \t");
		bool found = false;

		for (size_t i = 0; len && i < ARRAY_SIZE(gfp_all_names); i++) {
			if (gfp_name_matches(text, len,
					     gfp_all_names[i].name)) {
				result |= gfp_all_names[i].flags;
				found = true;
				break;
			}
		}
		if (len && !found)
			return -EINVAL;
		text += len;
		text += strspn(text, "|, \t");
	}
	*gfp = result;
	return 0;
}
