/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sys/wait.h - waiting for children, and reading the status word Linux
 * fills in: exit code in bits 8-15 and 0 below, or the killing signal in
 * bits 0-6 (bit 7: core dumped).
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <sys/resource.h>

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define __WALL 0x40000000

#define WEXITSTATUS(s) (((s)&0xff00) >> 8)
#define WTERMSIG(s) ((s)&0x7f)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (((signed char)(((s)&0x7f) + 1) >> 1) > 0)
#define WCOREDUMP(s) ((s)&0x80)

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

#endif /* _SYS_WAIT_H */
