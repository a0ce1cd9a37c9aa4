// SPDX-License-Identifier: GPL-2.0
/*
 * sleep.c - sleeps for the seconds given (default: forever, in 1000-second
 * naps), as coreutils' sleep: a process to look at with ps and end with
 * kill.  It never touches the CPU while it sleeps (nanosleep).
 */
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	long secs = argc > 1 ? strtol(argv[1], NULL, 0) : -1;
	struct timespec ts = { secs < 0 ? 1000 : secs, 0 };

	do {
		nanosleep(&ts, NULL);
	} while (secs < 0);
	return 0;
}
