# Rainbow: top-level Makefile.  The rules live in mk/, one file per part.
#
#   make         build everything under build/
#   make run     boot apps/default.bundle in QEMU (BUNDLE=file for another)
#   make test    every host and guest test; non-zero exit on any failure
#   make bench   guest instruction counts under -icount (see docs/bench.md)
#   make debug   boot halted with the gdb stub and attach gdb
#   make clean   remove build/

BUILD   := build
BUNDLE  ?= apps/default.bundle
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# Install what is missing (packages, picolibc) before anything is built.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(shell mk/setup >&2; echo $$?),0)
$(error mk/setup failed; see the message above)
endif
endif

include mk/config.mk
include mk/vdso.mk
include mk/kernel.mk
include mk/crt.mk
include mk/apps.mk
include mk/iso.mk
include mk/bench.mk
include mk/tests.mk

.PHONY: all clean
all: $(KERNEL_ELF) $(VDSO_SO) $(SYSROOT_STAMP) $(APPS) $(GUEST_PROGRAMS) $(BUILD)/rainbow.iso

clean:
	rm -rf $(BUILD)
