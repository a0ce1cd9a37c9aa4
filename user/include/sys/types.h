/* SPDX-License-Identifier: GPL-2.0 */
/* sys/types.h - the ABI's basic types on i386 (all 32 bits but loff_t). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long off_t;
typedef long long loff_t;
typedef long ssize_t;
typedef long time_t;

#endif /* _SYS_TYPES_H */
