/* SPDX-License-Identifier: GPL-2.0 */
/*
 * host_os.h - what the simulated machine asks of the host's operating
 * system (host_os.c), in plain C types.
 *
 * The kernel side of the simulation (mm/, lib/ and the files of this folder
 * that stand in for arch/ and kernel/) is compiled with the kernel's headers,
 * which would clash with the C library's (string.h, errno.h, time.h...);
 * host_os.c is compiled with the C library's headers only.  This header is
 * the narrow bridge: physical RAM, the host mappings that play the MMU, the
 * page-fault signal, and the output.
 */
#ifndef _MM_SIM_HOST_OS_H
#define _MM_SIM_HOST_OS_H

/*
 * The simulated kernel's part of the address space, [PAGE_OFFSET, the top
 * of the fixmap): reserved for it at program start (host_os.c), before
 * anything else can be mapped there.  A 32-bit process on an x86-64 kernel
 * can map up to 0xffffe000, but its stack sits at the very top: the top 4 MB
 * are left to it, which is why the simulation's FIXADDR_TOP is 4 MB lower
 * than the kernel's (sim_config.h).
 */
#define HOST_KERNEL_START 0xc0000000UL
#define HOST_KERNEL_END 0xffc00000UL

/* Did program start get that range?  If not, why (a sentence). */
const char *host_kernel_range_error(void);

/* --- physical RAM: a memfd of `bytes` (0 on success) ---------------------- */
int host_ram_resize(unsigned long long bytes);
/*
 * The first `bytes` of RAM as the page walker reads them: a mapping outside
 * the kernel's range, which no TLB flush touches (the MMU reads page tables
 * by their physical address).  NULL if the host refused.
 */
void *host_ram_window(unsigned long bytes);

/*
 * --- the MMU: host mappings inside that range --------------------------------
 * host_map() maps `pages` frames
 * from `pfn` at `vaddr` (MAP_FIXED, shared with the RAM memfd), writable or
 * read-only; host_unmap() makes [vaddr, vaddr + bytes) PROT_NONE again.
 */
int host_map(unsigned long vaddr, unsigned long pfn, unsigned long pages,
	     int writable);
int host_unmap(unsigned long vaddr, unsigned long bytes);

/*
 * --- page faults -------------------------------------------------------------
 * fill(addr, write) is called for every SIGSEGV: it returns 1 if it mapped
 * the page (a TLB fill: the access is retried), 0 if the address really has
 * no valid mapping.  Then, inside a host_try() that catches faults, that
 * host_try() returns HOST_TRY_FAULT with the address in host_fault_addr;
 * anywhere else report(addr) explains it and the signal goes to the
 * previous handler (AddressSanitizer's or libFuzzer's): a crash.
 */
void host_fault_handler_install(int (*fill)(unsigned long addr, int write),
				void (*report)(unsigned long addr, int write));

/*
 * fn(arg) with a way back: 0 if it returned, else the value the innermost
 * host_bail() passed (a panic), or HOST_TRY_FAULT for a page fault when
 * catch_faults.  Nests.  host_bail() outside any host_try() aborts.
 */
#define HOST_TRY_FAULT (-14)
int host_try(void (*fn)(void *arg), void *arg, int catch_faults);
__attribute__((noreturn)) void host_bail(int value);
extern unsigned long host_fault_addr;

/* --- the simulated kernel's own variables ------------------------------------
 * The variables of mm/, lib/, the SMP and locking files of kernel/ and the
 * simulation's kernel side, and the per-CPU template, are linked into
 * sections of their own (sim.mk renames them): a reboot puts them back
 * as the program loaded them, as a real one reloads the kernel image, and a
 * snapshot (snapshot.c) keeps them as a boot left them.
 */
unsigned long host_state_size(void);
void host_state_save(void *buf);
void host_state_load(const void *buf);

/* --- the rest ------------------------------------------------------------- */
void host_write(int fd, const char *s, unsigned long len);
/* Value of an environment variable, or NULL. */
const char *host_getenv(const char *name);
__attribute__((noreturn)) void host_abort(void);

#endif /* _MM_SIM_HOST_OS_H */
