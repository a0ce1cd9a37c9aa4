# tools/compare/compare.mk - `make compare`, included by the top Makefile.
#
#   make compare           boot kmem386 and Debian's real Linux 686 at the same
#                          -m $(MEM) (default 2G) and print their boot lines about
#                          memory, /proc/meminfo, zoneinfo, buddyinfo, slabinfo
#                          and the benchmark rows of both, side by side (two
#                          columns of 80), each known difference explained;
#                          also written to build/compare.txt
#
# Everything it needs is fetched and built first, as for make
# bench-linux-kernel (tools/linux/linux.mk): Debian's kernel, busybox, the
# headers, and the kbench module in its initramfs.  Not part of make test
# (three boots, one of them Linux under -icount); its formatter's host tests
# are tools/compare/test_columns.py, which make test runs.

.PHONY: compare

compare: deps $(KERNEL) $(LINUX_INITRD) $(LINUX_KB_INITRD)
	$(PYTHON) tools/compare/compare.py --kernel $(KERNEL) --mem $(MEM) \
		--append "$(APPEND)" --linux-dir $(LINUX_DIR) \
		--initrd $(LINUX_KB_INITRD) --out $(BUILD)/compare.txt
