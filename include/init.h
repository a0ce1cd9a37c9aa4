/* SPDX-License-Identifier: GPL-2.0 */
/*
 * init.h - the boot sequence (kernel/main.c) and the boot modes.
 *
 * What the kernel does once it is up is chosen by a word on the command
 * line: `shell` (the default), `demo`, `ktest`, `bench`.  Each mode is
 * declared next to its own code, with the early_param that picks it:
 *
 *	static void shell_boot(void) { ...; shell_run(); }
 *	BOOT_MODE(shell, shell_boot);
 *
 *	static int __init set_mode_shell(char *arg)
 *	{
 *		return boot_mode_select("shell");
 *	}
 *	early_param("shell", set_mode_shell);
 *
 * The linker collects the modes into one table; start_kernel() runs the
 * chosen one and names none of them, so the kernel (arch, mm, kernel, lib)
 * links without the shell, the tests and the benchmarks.
 */
#ifndef _INIT_H
#define _INIT_H

#include <compiler.h>
#include <types.h>

/* The mode start_kernel() runs when the command line names none. */
#define BOOT_MODE_DEFAULT "shell"

struct boot_mode {
	const char *name; /* the command-line word that picks it */
	void (*run)(void); /* takes over once boot is done; never returns */
};

#define BOOT_MODE(mname, mrun)                                              \
	static const struct boot_mode __boot_mode_##mname __used __section( \
		".boot_modes." #mname) __aligned(4) = {                     \
		.name = #mname,                                             \
		.run = mrun,                                                \
	}

/* The chosen mode; NULL until a mode's option or start_kernel() picks one. */
extern const struct boot_mode *boot_mode;

/* Pick the mode called `name` (from its early_param); -EINVAL if none. */
int boot_mode_select(const char *name);
/* Is the chosen mode the one called `name`? */
bool boot_mode_is(const char *name);

/*
 * Initcalls: functions a subsystem or driver wants run once at boot, after
 * the CPUs and interrupts are up (as Linux's do_initcalls()), by level:
 *
 *	static int __init pci_subsys_init(void) { ... }
 *	subsys_initcall(pci_subsys_init);	// buses first
 *	device_initcall(edu_driver_init);	// then the drivers on them
 *
 * A negative return is reported and boot goes on.  They run from
 * start_kernel() before the init memory is freed, so they may be __init.
 */
typedef int (*initcall_t)(void);

#define __define_initcall(fn, level)                              \
	static const initcall_t __initcall_##fn __used __section( \
		".initcall" #level ".init") __aligned(4) = fn

#define core_initcall(fn) __define_initcall(fn, 1)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)

/* Run every initcall, level by level (kernel/main.c). */
void do_initcalls(void);

/* Has boot finished (init memory freed, prompt reached)? */
extern bool system_running;
/* TSC value when the prompt (or the mode's work) was reached. */
extern u64 boot_done_tsc;

#endif /* _INIT_H */
