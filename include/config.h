/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config.h - the build's configuration, in one place.
 *
 * .c files never use #ifdef: they test these constants in plain `if`s (the
 * compiler drops the dead branch), so both branches always compile.  The only
 * configuration today is whether the code is built for the kernel or for the
 * host unit tests (tests/host, which define HOST_TEST).
 */
#ifndef _CONFIG_H
#define _CONFIG_H

#ifdef HOST_TEST
#define CONFIG_HOST_TEST 1
#else
#define CONFIG_HOST_TEST 0
#endif

/* memcpy/memset with i386 string instructions (not under the host's ASan). */
#define CONFIG_X86_STRING_OPS (!CONFIG_HOST_TEST)

#define KMEM386_VERSION "0.1.0"

#endif /* _CONFIG_H */
