# Rainbow: top-level Makefile.  The rules live in mk/, one file per part.
#
#   make         build everything under build/
#   make run     boot apps/default.bundle in QEMU (BUNDLE=file for another)
#   make test    every host and guest test; non-zero exit on any failure
#   make bench   guest instruction counts under -icount (see docs/bench.md)
#   make fuzz    the fuzzers at ten times make test's size (docs/fuzzing.md)
#   make debug   boot halted with the gdb stub and attach gdb
#   make install PREFIX=DIR   the SDK under DIR (docs/sdk.md)
#   make clean   remove build/

BUILD   := build
BUNDLE  ?= apps/default.bundle
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

include mk/config.mk
include mk/setup.mk
include mk/vdso.mk
include mk/kernel.mk
include mk/crt.mk
include mk/apps.mk
include mk/iso.mk
include mk/bench.mk
include mk/install.mk
include mk/tests.mk
include mk/fuzz.mk

# Whatever runs the compiler waits for mk/setup, which may bring gcc itself;
# compiles against picolibc wait through its headers (mk/setup.mk).
$(VDSO_CHECK) $(BUILD)/kernel/ksyms-empty.o $(KERNEL_LDS) $(SYSROOT)/rainbow.specs \
	$(BADELF_TOOL) $(UNIT_BINS): | $(SETUP_STAMP)

.PHONY: all clean
all: $(KERNEL_ELF) $(VDSO_SO) $(SYSROOT_STAMP) $(APPS) $(GUEST_PROGRAMS) $(BUILD)/rainbow.iso

clean:
	rm -rf $(BUILD)
