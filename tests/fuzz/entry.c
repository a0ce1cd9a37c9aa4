// SPDX-License-Identifier: GPL-2.0
/*
 * entry.c - libFuzzer's entry point for one target, whose name the build
 * passes as FUZZ_TARGET (fuzz.mk builds this file once per target).
 */
#include "fuzz.h"
#include "host_os.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const struct fuzz_target *target;

	if (!target) {
		target = fuzz_target(FUZZ_TARGET);
		if (!target)
			host_abort();
	}
	return fuzz_run(data, size, target->families);
}
