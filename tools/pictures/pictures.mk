# tools/pictures/pictures.mk - `make pictures`, included by the top Makefile.
#
#   make pictures          boot the kernel (TCG, -m $(MEM), default 2G), type a
#                          few commands, read `map dump`, and draw
#                          docs/pictures/{virtual-map,physical-memory,bench}.svg
#
# The benchmark chart takes build/bench.json (make bench) and
# build/bench-linux-kernel.json (make bench-linux-kernel), both at -m 2G;
# each is made first when it is missing.  tools/pictures/pictures.py says
# more; its host tests are tools/pictures/test_render.py (make test).

PICTURES_DIR := docs/pictures
PICTURES_BENCH_MEM := 2G

.PHONY: pictures

pictures: deps $(KERNEL)
	@[ -s $(BUILD)/bench.json ] || $(MAKE) --no-print-directory bench
	@[ -s $(BUILD)/bench-linux-kernel.json ] || \
		$(MAKE) --no-print-directory bench-linux-kernel MEM=$(PICTURES_BENCH_MEM)
	$(PYTHON) tools/pictures/pictures.py --kernel $(KERNEL) --mem $(MEM) \
		--append "$(APPEND)" --bench-mem $(PICTURES_BENCH_MEM) \
		--bench $(BUILD)/bench.json \
		--linux-bench $(BUILD)/bench-linux-kernel.json --out $(PICTURES_DIR)
