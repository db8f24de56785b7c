# GRUB images, and the commands that boot them.

ISO := $(BUILD)/rainbow.iso
QEMU_TIMEOUT ?= 120

$(ISO): $(KERNEL_ELF) $(APPS) $(BUNDLE) mk/mkiso
	$(call say,ISO,$@)
	$(Q)mk/mkiso $(KERNEL_ELF) $(BUNDLE) $@ $(KARGS)

.PHONY: run debug
# make run [BUNDLE=file] [KARGS="..."]: boot headless; exit 0 only on success.
run: $(KERNEL_ELF) $(APPS)
	$(Q)mk/mkiso $(KERNEL_ELF) $(BUNDLE) $(BUILD)/run.iso $(KARGS)
	$(Q)mk/qemu $(BUILD)/run.iso --timeout $(QEMU_TIMEOUT)

# make debug: QEMU waits for gdb on :1234; gdb loads the kernel's symbols.
debug: $(KERNEL_ELF) $(APPS)
	$(Q)mk/mkiso $(KERNEL_ELF) $(BUNDLE) $(BUILD)/run.iso $(KARGS)
	$(Q)mk/debug $(BUILD)/run.iso $(KERNEL_ELF)
