# make test: every host and guest test suite, summed up by mk/runtests.
#
# Unit tests (tests/unit/test_NAME.c) are cmocka programs compiled on the
# host with the portable kernel files they name in UNIT_DEPS_NAME.
# Host scripts (tests/host/*.sh) check build outputs; boot tests
# (tests/boot/*.sh) boot QEMU and check what the kernel printed.

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRC))

UNIT_DEPS_test_memmap     := kernel/memmap.c
UNIT_DEPS_test_pmm        := kernel/pmm.c kernel/memmap.c
UNIT_DEPS_test_multiboot2 := kernel/multiboot2.c kernel/memmap.c
UNIT_DEPS_test_elf_check  := kernel/elf_check.c tests/unit/elf_module.c
UNIT_DEPS_test_elf_segments := kernel/elf_check.c tests/unit/elf_module.c
UNIT_DEPS_test_ustack     := kernel/ustack.c
UNIT_DEPS_test_elf_sym    := kernel/elf_sym.c

.SECONDEXPANSION:
$(BUILD)/tests/unit/%: tests/unit/%.c $$(UNIT_DEPS_%)
	$(call say,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -Ikernel -Ikernel/arch/x86_64/include -o $@ $(filter %.c,$^) -lcmocka

# Each binary is compiled from several sources in one go, so gcc's
# dependency files would only describe the last; depend on every header.
$(UNIT_BINS): $(wildcard kernel/*.h kernel/arch/x86_64/include/arch/*.h crt/*.h vdso/*.h \
	vdso/include/rainbow/*.h tests/unit/*.h)

include tests/guest/badelf/badelf.mk

HOST_SUITES  := $(wildcard tests/host/*.sh)
BOOT_SUITES  := $(filter-out tests/boot/lib.sh,$(wildcard tests/boot/*.sh))
GUEST_SUITES := $(wildcard tests/guest/*.sh)
TEST_SUITES  := $(UNIT_BINS) $(HOST_SUITES) $(BOOT_SUITES) $(GUEST_SUITES)
TEST_DEPS    := $(APPS) $(BADELF_MODULES) $(VDSO_SO) $(BENCH_ISO)

.PHONY: test
test: all $(UNIT_BINS) $(TEST_DEPS)
	$(Q)mk/runtests $(TEST_SUITES)
