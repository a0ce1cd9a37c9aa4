/* SPDX-License-Identifier: GPL-2.0 */
/* task_states.h - what a task is doing (task_struct.__state), Linux's values. */
#ifndef _TASK_STATES_H
#define _TASK_STATES_H

/*
 * Task states (task_struct.__state).  Sleeping states are set by the task
 * itself just before schedule(); a wake-up sets TASK_RUNNING again.
 */
#define TASK_RUNNING 0x0000 /* runnable: running or on a run queue */
#define TASK_INTERRUPTIBLE 0x0001 /* sleeping; a signal wakes it too */
#define TASK_UNINTERRUPTIBLE 0x0002 /* sleeping; only its event wakes it */
#define __TASK_STOPPED 0x0004 /* stopped by SIGSTOP until SIGCONT */
#define TASK_DEAD 0x0080 /* exited: its last schedule() */
#define TASK_WAKEKILL 0x0100 /* ... but SIGKILL wakes it */
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#endif /* _TASK_STATES_H */
