# The machine's side of the build: Debian packages and picolibc (mk/setup).
#
# mk/setup runs as a prerequisite, never while make reads the makefiles: once,
# then again when it, the package list or the picolibc build changes.  It
# leaves SETUP_STAMP behind.  What setup installs into the tree (picolibc's
# headers and libraries) depends on the stamp, so a deleted build/ or a
# changed picolibc build brings them back.  Targets that need only the
# packages (the emulator, gdb, cmocka) take the stamp as an order-only
# prerequisite.

SETUP_STAMP := $(BUILD)/.setup
SETUP_INPUTS := mk/setup mk/packages mk/picolibc mk/picolibc-user.cross mk/picolibc-kernel.cross

KERNEL_LIBC_PARTS := $(KERNEL_LIBC)/lib/libc.a $(KERNEL_LIBC)/include/stdio.h
PICOLIBC_PARTS    := $(SYSROOT)/lib/libc.a $(SYSROOT)/lib/libm.a $(SYSROOT)/include/stdio.h

$(SETUP_STAMP): $(SETUP_INPUTS)
	$(call say,SETUP,mk/setup)
	$(Q)mk/setup $(BUILD)
	@mkdir -p $(@D)
	$(Q)touch $@

# mk/picolibc copies only what differs, so touch: these are now up to date.
$(PICOLIBC_PARTS) $(KERNEL_LIBC_PARTS) &: $(SETUP_STAMP)
	$(Q)mk/picolibc . $(BUILD)
	$(Q)touch $(PICOLIBC_PARTS) $(KERNEL_LIBC_PARTS)

.PHONY: setup
setup: $(SETUP_STAMP)

