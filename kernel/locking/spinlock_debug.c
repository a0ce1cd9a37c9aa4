// SPDX-License-Identifier: GPL-2.0
/*
 * spinlock_debug.c - catching spinlock misuse, in Linux's words.
 *
 * With debugging on, every lock remembers who holds it: the CPU, what that
 * CPU was running (the shell command or test case, our stand-in for
 * Linux's task) and the address that took it.  Then:
 *  - taking a lock this CPU already holds is "recursion": without the
 *    check the CPU would wait for itself forever;
 *  - unlocking a free lock is "already unlocked", unlocking another CPU's
 *    lock is "wrong CPU": both would hand the lock to a waiter while its
 *    owner still thinks it is inside;
 *  - waiting longer than spinlock_lockup_ms is "lockup suspected": the
 *    report names the holder and where it took the lock, the usual way to
 *    find the CPU that forgot to unlock.
 * A report is Linux's spin_dump(): "BUG: spinlock <what> on CPU#n,
 * comm/pid", the lock's fields, and a call trace.
 *
 * Linux reports once (debug_locks_off()) and then does what it was asked,
 * which hangs or corrupts.  Here every misuse is reported, then made
 * harmless so that the kernel goes on and the tests can check the report:
 * a recursive lock is counted (lock->nest) and not taken again, its
 * matching unlock only uncounts it; a bad unlock changes nothing.  A
 * lockup report is made once per wait, and the wait goes on, as in Linux.
 */
#include <cmdline.h>
#include <kernel.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <smp.h>
#include <spinlock.h>
#include <stack.h>
#include <time.h>

bool spinlock_debug = CONFIG_DEBUG_SPINLOCK;
unsigned long spinlock_lockup_ms = 1000;
unsigned long nr_spinlock_bugs;

static int __init parse_spinlock_debug(char *arg)
{
	spinlock_debug = true;
	return 0;
}
early_param("spinlock_debug", parse_spinlock_debug);

static void spin_dump(raw_spinlock_t *lock, const char *msg, unsigned long ip)
{
	int owner = READ_ONCE(lock->owner_cpu);
	const char *owner_comm = READ_ONCE(lock->owner_comm);

	nr_spinlock_bugs++;
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%u, %s/0\n", msg,
	       raw_smp_processor_id(), current_comm);
	printk(KERN_EMERG
	       " lock: %pS, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
	       (void *)lock, READ_ONCE(lock->magic),
	       owner >= 0 && owner_comm ? owner_comm : "<none>",
	       owner >= 0 ? 0 : -1, owner);
	if (owner >= 0)
		printk(KERN_EMERG " .owner_ip: %pS (where CPU#%d took it)\n",
		       (void *)READ_ONCE(lock->owner_ip), owner);
	printk(KERN_EMERG " caller: %pS\n", (void *)ip);
	dump_stack();
}

static void debug_spin_lock_after(raw_spinlock_t *lock, unsigned long ip)
{
	lock->owner_comm = current_comm;
	lock->owner_ip = ip;
	WRITE_ONCE(lock->owner_cpu, (int)raw_smp_processor_id());
}

/* TSC cycles of spinlock_lockup_ms (a rough 1 GHz before calibration). */
static u64 lockup_cycles(void)
{
	return (u64)spinlock_lockup_ms * (tsc_khz ? tsc_khz : 1000000UL);
}

void do_raw_spin_lock_debug(raw_spinlock_t *lock, unsigned long ip)
{
	u64 start;
	bool reported = false;

	if (READ_ONCE(lock->magic) != SPINLOCK_MAGIC)
		spin_dump(lock, "bad magic", ip);
	if (READ_ONCE(lock->owner_cpu) == (int)raw_smp_processor_id()) {
		spin_dump(lock, "recursion", ip);
		lock->nest++; /* not taken twice: that would never return */
		return;
	}
	start = rdtsc();
	while (!arch_spin_trylock(&lock->raw_lock)) {
		cpu_relax();
		if (!reported && rdtsc() - start > lockup_cycles()) {
			spin_dump(lock, "lockup suspected", ip);
			reported = true;
		}
	}
	debug_spin_lock_after(lock, ip);
}

bool do_raw_spin_trylock_debug(raw_spinlock_t *lock, unsigned long ip)
{
	if (READ_ONCE(lock->magic) != SPINLOCK_MAGIC)
		spin_dump(lock, "bad magic", ip);
	if (!arch_spin_trylock(&lock->raw_lock))
		return false;
	debug_spin_lock_after(lock, ip);
	return true;
}

bool do_raw_spin_unlock_debug(raw_spinlock_t *lock, unsigned long ip)
{
	if (READ_ONCE(lock->magic) != SPINLOCK_MAGIC)
		spin_dump(lock, "bad magic", ip);
	if (!arch_spin_is_locked(&lock->raw_lock)) {
		spin_dump(lock, "already unlocked", ip);
		return false;
	}
	if (READ_ONCE(lock->owner_cpu) != (int)raw_smp_processor_id()) {
		spin_dump(lock, "wrong CPU", ip);
		return false;
	}
	if (lock->nest) {
		lock->nest--; /* the unlock of a recursion already reported */
		return true;
	}
	lock->owner_comm = NULL;
	lock->owner_ip = 0;
	WRITE_ONCE(lock->owner_cpu, -1);
	arch_spin_unlock(&lock->raw_lock);
	return true;
}
