/* SPDX-License-Identifier: GPL-2.0 */
/*
 * host_rename.h - give every function lib/ exports a host_ prefix.
 *
 * The host unit tests link the lib/ sources into an ordinary program, next
 * to the host's C library and the AddressSanitizer runtime, which define
 * memcpy, strlen, snprintf... too.  This header is force-included (gcc
 * -include) into every file of the host build, lib/ and tests alike, so the
 * tests call our code as host_memcpy() etc., while the calls the compiler
 * generates itself (struct copies, ASan's checks) still reach the real C
 * library.
 *
 * Every function lib/ defines must be listed here: tests/host/host.mk fails
 * the build when a lib/ object defines a global symbol without the prefix.
 */
#ifndef _HOST_RENAME_H
#define _HOST_RENAME_H

/* lib/string.c */
#define memcpy host_memcpy
#define memmove host_memmove
#define memset host_memset
#define memcmp host_memcmp
#define memchr host_memchr
#define memchr_inv host_memchr_inv
#define strlen host_strlen
#define strnlen host_strnlen
#define strcmp host_strcmp
#define strncmp host_strncmp
#define strcasecmp host_strcasecmp
#define strcpy host_strcpy
#define strcat host_strcat
#define strscpy host_strscpy
#define strchr host_strchr
#define strrchr host_strrchr
#define strstr host_strstr
#define strspn host_strspn
#define strcspn host_strcspn
#define strsep host_strsep
#define skip_spaces host_skip_spaces
#define strim host_strim
#define str_has_prefix host_str_has_prefix

/* lib/vsprintf.c */
#define vsnprintf host_vsnprintf
#define snprintf host_snprintf
#define vscnprintf host_vscnprintf
#define scnprintf host_scnprintf

/* lib/cmdline.c */
#define kstrtoull host_kstrtoull
#define kstrtoul host_kstrtoul
#define kstrtouint host_kstrtouint
#define kstrtoint host_kstrtoint
#define kstrtobool host_kstrtobool
#define simple_strtoull host_simple_strtoull
#define simple_strtoul host_simple_strtoul
#define memparse host_memparse
#define kstrtosize host_kstrtosize
#define next_arg host_next_arg

/* lib/radix-tree.c */
#define radix_tree_insert host_radix_tree_insert
#define radix_tree_lookup host_radix_tree_lookup
#define radix_tree_delete host_radix_tree_delete
#define radix_tree_replace host_radix_tree_replace
#define radix_tree_tag_set host_radix_tree_tag_set
#define radix_tree_tag_clear host_radix_tree_tag_clear
#define radix_tree_tag_get host_radix_tree_tag_get
#define radix_tree_gang_lookup host_radix_tree_gang_lookup
#define radix_tree_gang_lookup_tag host_radix_tree_gang_lookup_tag

/* lib/rbtree.c */
#define rb_insert_color host_rb_insert_color
#define rb_erase host_rb_erase
#define rb_insert_augmented host_rb_insert_augmented
#define rb_erase_augmented host_rb_erase_augmented
#define rb_first host_rb_first
#define rb_last host_rb_last
#define rb_next host_rb_next
#define rb_prev host_rb_prev

/* lib/sort.c */
#define sort host_sort

/* lib/textwrap.c */
#define textwrap_init host_textwrap_init
#define textwrap_feed host_textwrap_feed
#define textwrap_flush host_textwrap_flush
#define textwrap_pass host_textwrap_pass
#define textwrap_margin host_textwrap_margin

#endif /* _HOST_RENAME_H */
