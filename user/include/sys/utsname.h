/* SPDX-License-Identifier: GPL-2.0 */
/* sys/utsname.h - uname(): struct new_utsname, six 65-byte fields. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#define __NEW_UTS_LEN 64

struct utsname {
	char sysname[__NEW_UTS_LEN + 1]; /* "Linux" */
	char nodename[__NEW_UTS_LEN + 1]; /* the host name */
	char release[__NEW_UTS_LEN + 1]; /* "6.1.0-57-686" */
	char version[__NEW_UTS_LEN + 1]; /* "#1 SMP ..." */
	char machine[__NEW_UTS_LEN + 1]; /* "i686" */
	char domainname[__NEW_UTS_LEN + 1]; /* "(none)" */
};

int uname(struct utsname *buf);

#endif /* _SYS_UTSNAME_H */
