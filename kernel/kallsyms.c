// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms.c - address to function name.
 *
 * The table is generated at build time from the kernel's own symbols
 * (tools/gen-kallsyms.sh, after a first link) and linked into .kallsyms:
 * addresses sorted ascending, and for each the offset of its name.  A lookup
 * is a binary search for the last symbol at or below the address; the
 * symbol's size is the distance to the next one.
 */
#include <kallsyms.h>
#include <kernel.h>
#include <sprintf.h>
#include <string.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_offsets[];
extern const char kallsyms_names[];
extern const char _text[], _etext[], __init_begin[], __init_end[];

bool is_kernel_text(unsigned long addr)
{
	return (addr >= (unsigned long)_text && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)__init_begin &&
		addr < (unsigned long)__init_end);
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num, end;

	if (!is_kernel_text(addr) || kallsyms_num == 0 ||
	    addr < kallsyms_addresses[0])
		return NULL;
	/* Find the last symbol whose address is <= addr. */
	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Several names may share an address: take the first. */
	while (lo > 0 && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	end = (unsigned long)_etext;
	for (unsigned long i = lo + 1; i < kallsyms_num; i++) {
		if (kallsyms_addresses[i] > kallsyms_addresses[lo]) {
			end = kallsyms_addresses[i];
			break;
		}
	}
	if (size)
		*size = end - kallsyms_addresses[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_offsets[lo];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

bool kallsyms_in_function(unsigned long addr, const char *name)
{
	const char *sym = kallsyms_lookup(addr, NULL, NULL);
	size_t len = strlen(name);

	/* GCC's clones keep the name: cmd_free.part.0, foo.isra.0, foo.cold */
	return sym && !strncmp(sym, name, len) &&
	       (sym[len] == '\0' || sym[len] == '.');
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr, &symsize, &offset);

	if (!name)
		return 0;
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
}
