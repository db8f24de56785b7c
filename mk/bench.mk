# make bench: guest instruction counts under -icount (docs/bench.md).
#
# Boots apps/bench.bundle (the bench app twice: echo server and
# benchmarks), with placement fixed (aslr=off: the same addresses every
# boot); mk/bench prints the table and writes build/bench/results.tsv.
#
#   BENCH_TIMEOUT   seconds QEMU may run (default 120)
#   SMP             the guest's CPUs (default 1, mk/bench: the targets are one CPU's)

BENCH_DIR     := $(BUILD)/bench
BENCH_BUNDLE  := apps/bench.bundle
BENCH_ISO     := $(BENCH_DIR)/bench.iso
BENCH_TIMEOUT ?= 120

$(BENCH_ISO): $(KERNEL_ELF) $(BUILD)/apps/bench $(BUILD)/apps/fsd $(BENCH_BUNDLE) mk/mkiso
	$(call say,ISO,$@)
	$(Q)mk/mkiso $(KERNEL_ELF) $(BENCH_BUNDLE) $@ aslr=off

.PHONY: bench
bench: $(BENCH_ISO) mk/bench
	$(Q)mk/bench $(BENCH_ISO) $(BENCH_DIR) --timeout $(BENCH_TIMEOUT) $(if $(SMP),--smp $(SMP))
