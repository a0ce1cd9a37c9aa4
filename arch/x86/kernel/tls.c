// SPDX-License-Identifier: GPL-2.0
/*
 * tls.c - set_thread_area() and get_thread_area(): a process's own
 * segment descriptors, GDT entries 6 to 8 (asm/segment.h), which a C
 * library points %gs at for its thread-local storage.
 *
 * The descriptor a program describes (struct user_desc, Linux's layout)
 * is encoded into the 8-byte GDT format, always with privilege 3 and as
 * a data or code segment, so a program can only ever get a segment of
 * user-mode privilege.  entry_number -1 asks for the first free entry and
 * gets its number back; an empty descriptor (all zero, or read-only and
 * not present) clears the entry.  The entries belong to the task and go
 * into the GDT of whatever CPU runs it (__switch_to, asm/tls.h).
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/tls.h>
#include <errno.h>
#include <sched.h>
#include <smp.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit : 1;
	unsigned int contents : 2;
	unsigned int read_exec_only : 1;
	unsigned int limit_in_pages : 1;
	unsigned int seg_not_present : 1;
	unsigned int useable : 1;
};

/* "Empty" as Linux's LDT_empty(): asks for the entry to be cleared. */
static bool desc_empty(const struct user_desc *info)
{
	return !info->base_addr && !info->limit && !info->contents &&
	       info->read_exec_only && !info->seg_32bit &&
	       !info->limit_in_pages && info->seg_not_present && !info->useable;
}

static u64 fill_desc(const struct user_desc *info)
{
	u32 base = info->base_addr, limit = info->limit;
	u32 type = ((info->read_exec_only ^ 1U) << 1) | (info->contents << 2) |
		   1U; /* accessed */
	u32 lo = (limit & 0xffff) | (base & 0xffff) << 16;
	u32 hi = ((base >> 16) & 0xff) | type << 8 | 1U << 12 /* code/data */ |
		 3U << 13 /* DPL 3 */ | (info->seg_not_present ^ 1U) << 15 |
		 (limit & 0xf0000) | info->useable << 20 |
		 info->seg_32bit << 22 | info->limit_in_pages << 23 |
		 (base & 0xff000000);

	return (u64)hi << 32 | lo;
}

static void read_desc(u64 desc, struct user_desc *info)
{
	u32 lo = (u32)desc, hi = (u32)(desc >> 32);

	info->base_addr = (lo >> 16) | (hi & 0xff) << 16 | (hi & 0xff000000);
	info->limit = (lo & 0xffff) | (hi & 0xf0000);
	info->seg_32bit = (hi >> 22) & 1;
	info->contents = (hi >> 10) & 3;
	info->read_exec_only = !((hi >> 9) & 1);
	info->limit_in_pages = (hi >> 23) & 1;
	info->seg_not_present = !((hi >> 15) & 1);
	info->useable = (hi >> 20) & 1;
}

SYSCALL_DEFINE1(set_thread_area, struct user_desc __user *, u_info)
{
	struct thread_struct *t = &current->thread;
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (info.contents == 3 && !info.seg_not_present)
		return -EINVAL; /* a conforming code segment: never */
	idx = (int)info.entry_number;
	if (idx == -1) {
		for (idx = 0; idx < GDT_ENTRY_TLS_ENTRIES; idx++)
			if (!t->tls_array[idx])
				break;
		if (idx == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		idx += GDT_ENTRY_TLS_MIN;
		if (put_user((unsigned int)idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	t->tls_array[idx - GDT_ENTRY_TLS_MIN] =
		desc_empty(&info) ? 0 : fill_desc(&info);
	preempt_disable();
	load_TLS(t, smp_processor_id());
	preempt_enable();
	return 0;
}

SYSCALL_DEFINE1(get_thread_area, struct user_desc __user *, u_info)
{
	struct user_desc info;
	unsigned int idx;

	if (get_user(idx, &u_info->entry_number))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.entry_number = idx;
	read_desc(current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	return copy_to_user(u_info, &info, sizeof(info)) ? -EFAULT : 0;
}
