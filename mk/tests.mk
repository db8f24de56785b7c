# make test: every host and guest test suite, summed up by mk/runtests.
#
# Unit tests (tests/unit/test_NAME.c) are cmocka programs compiled on the
# host with the portable kernel files they name in UNIT_DEPS_NAME.
# Host scripts (tests/host/*.sh) check build outputs; boot tests
# (tests/boot/*.sh) boot QEMU and check what the kernel printed; guest tests
# (tests/guest/*.sh) boot the bundles beside them, of apps and of the test
# programs below.  Every script sources tests/lib/suite.sh.  make test
# SMP=N boots every guest with N CPUs (suite.sh's BOOT_SMP; default mk/qemu's, 2).

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRC))
# A change of flags rebuilds them.
$(UNIT_BINS): mk/config.mk mk/tests.mk

UNIT_DEPS_test_memmap     := kernel/memmap.c
UNIT_DEPS_test_pmm        := kernel/pmm.c kernel/memmap.c
UNIT_DEPS_test_multiboot2 := kernel/multiboot2.c kernel/memmap.c
UNIT_DEPS_test_elf_check  := kernel/elf_check.c tests/unit/elf_module.c
UNIT_DEPS_test_elf_segments := kernel/elf_check.c tests/unit/elf_module.c
UNIT_DEPS_test_ustack     := kernel/ustack.c
UNIT_DEPS_test_cmdline    := kernel/cmdline.c
UNIT_DEPS_test_elf_sym    := kernel/elf_sym.c
UNIT_DEPS_test_chacha20   := kernel/chacha20.c
UNIT_DEPS_test_vdso_lookup := crt/dso_lookup.c vdso/calls.def
UNIT_DEPS_test_sh_parse   := apps/sh/parse.c
UNIT_DEPS_test_sleep_wheel := kernel/sleep_wheel.c
UNIT_DEPS_test_acpi       := kernel/arch/x86_64/acpi.c
UNIT_DEPS_test_space_tag  := kernel/space_tag.c
$(BUILD)/tests/unit/test_sleep_wheel $(BUILD)/tests/unit/test_space_tag: HOST_CFLAGS += -Itests/lib

# The vDSO lookup runs against the real image; <elf.h> is ours, as for every
# unit test, <rainbow/dso.h> the crt's.
$(BUILD)/tests/unit/test_vdso_lookup: HOST_CFLAGS += -idirafter crt/include -iquote vdso
$(BUILD)/tests/unit/test_vdso_lookup: | $(VDSO_SO)

# The shell's parser is portable C with its own header.
$(BUILD)/tests/unit/test_sh_parse: HOST_CFLAGS += -iquote apps/sh

.SECONDEXPANSION:
$(BUILD)/tests/unit/%: tests/unit/%.c $$(UNIT_DEPS_%)
	$(call say,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(SHARED_INCLUDE) -Ikernel -Ikernel/arch/x86_64/include -Ivdso/include -o $@ $(filter %.c,$^) -lcmocka

# Each binary is compiled from several sources in one go, so gcc's
# dependency files would only describe the last; depend on every header.
$(UNIT_BINS): $(wildcard kernel/*.h kernel/arch/x86_64/include/arch/*.h crt/*.h vdso/*.h \
	vdso/include/rainbow/*.h tests/unit/*.h $(SHARED_INCLUDE)/*.h)

include tests/guest/badelf/badelf.mk
include tests/guest/elfmut/elfmut.mk

# Guest test programs: every folder tests/guest/NAME/ with a main.c becomes
# build/tests/guest/NAME, linked with the TAP helper of tests/lib/.
GUEST_LIB_OBJ   := $(APP_OBJ_DIR)/tests/lib/tap.o
GUEST_PROG_DIRS := $(call rainbow_folders,tests/guest)
GUEST_PROGRAMS  := $(GUEST_PROG_DIRS:%=$(BUILD)/%)
$(foreach dir,$(GUEST_PROG_DIRS),$(call rainbow_app,$(dir),$(GUEST_LIB_OBJ)))
# test_spawn embeds spawn_child and spawn_tree, spawn_tree, family_mem and
# fair_share embed spawn_child (.incbin, tests/lib/embed.h), to start
# them from memory.
SPAWNING_TESTS := test_spawn spawn_tree family_mem fair_share kill_running
$(foreach p,$(SPAWNING_TESTS),$(eval $$(APP_OBJ_tests/guest/$(p)): $$(BUILD)/tests/guest/spawn_child))
$(foreach p,$(SPAWNING_TESTS),$(eval $$(APP_OBJ_tests/guest/$(p)): APP_CFLAGS += -DSPAWN_CHILD='"$$(BUILD)/tests/guest/spawn_child"'))
$(APP_OBJ_tests/guest/test_spawn): $(BUILD)/tests/guest/spawn_tree
$(APP_OBJ_tests/guest/test_spawn): APP_CFLAGS += -DSPAWN_TREE='"$(BUILD)/tests/guest/spawn_tree"'

GUEST_OBJ := $(GUEST_LIB_OBJ) $(foreach dir,$(GUEST_PROG_DIRS),$(APP_OBJ_$(dir)))
$(GUEST_OBJ): APP_CFLAGS += -Itests/lib
# A main stack of 16 MiB asked through PT_GNU_STACK (tests/guest/vm.sh).
LDLIBS_vm_bigstack := -Wl,-z,stack-size=16777216
# The system-call fuzzer's table of entry points is vdso/calls.def.
$(APP_OBJ_tests/guest/fuzz_syscalls): APP_CFLAGS += -iquote vdso
$(GUEST_OBJ): mk/tests.mk
$(GUEST_LIB_OBJ): mk/config.mk mk/crt.mk mk/app.mk
-include $(GUEST_LIB_OBJ:.o=.d)

HOST_SUITES  := $(wildcard tests/host/*.sh)
BOOT_SUITES  := $(wildcard tests/boot/*.sh)
GUEST_SUITES := $(wildcard tests/guest/*.sh)
TEST_SUITES  := $(UNIT_BINS) $(HOST_SUITES) $(BOOT_SUITES) $(GUEST_SUITES)
TEST_DEPS    := $(APPS) $(BADELF_MODULES) $(MKMUTANTS) $(VDSO_SO) $(BENCH_ISO)

.PHONY: test
test: all $(UNIT_BINS) $(TEST_DEPS)
	$(Q)BOOT_SMP=$(SMP) mk/runtests $(TEST_SUITES)
