/* SPDX-License-Identifier: GPL-2.0 */
/*
 * oom.h - the OOM killer (mm/oom_kill.c), as Linux's <linux/oom.h>.
 */
#ifndef _OOM_H
#define _OOM_H

#include <gfp.h>
#include <types.h>

/*
 * Nothing is left for a request that may sleep: kill the process with
 * the most memory (or find one dying already).  True if some process's
 * memory is on its way back (wait and retry), false if none can be
 * killed.
 */
bool out_of_memory(gfp_t gfp, unsigned int order);

#endif /* _OOM_H */
