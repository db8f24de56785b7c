# GRUB images, and the commands that boot them.

ISO := $(BUILD)/rainbow.iso
QEMU_TIMEOUT ?= 120

$(ISO): $(KERNEL_ELF) $(APPS) $(BUNDLE) mk/mkiso
	$(call say,ISO,$@)
	$(Q)mk/mkiso $(KERNEL_ELF) $(BUNDLE) $@ $(KARGS)

# The machine make run and make debug boot: QEMU's -m and -cpu (empty CPU:
# QEMU's default model); SMP its number of CPUs, for make test and make
# bench too (empty: mk/qemu's default, 2, for make run and make test;
# make bench's is 1, mk/bench).
MEM ?= 256M
CPU ?=
SMP ?=

.PHONY: run shell debug
# make run [BUNDLE=file] [KARGS="..."] [MEM=size] [CPU=model] [SMP=n]: boot headless
# through mk/rainbow-run, what the SDK installs as rainbow-run; exit 0 only
# on success.
run: $(KERNEL_ELF) $(APPS)
	$(Q)mk/rainbow-run $(BUNDLE) --kernel $(KERNEL_ELF) --mem $(MEM) --cpu "$(CPU)" $(if $(SMP),--smp $(SMP)) \
		--timeout $(QEMU_TIMEOUT) --kargs "$(KARGS)"

# make shell: make run with apps/shell.bundle, the shell on the console
# (its input from a terminal or a pipe: printf 'ls /\nexit\n' | make shell);
# an hour before QEMU is stopped, for a person typing.
shell: BUNDLE = apps/shell.bundle
shell: QEMU_TIMEOUT = 3600
shell: run

# make debug [DEBUG_APPS="NAME..."]: QEMU waits for gdb on build/debug.sock;
# gdb loads the symbols of the kernel, the vDSO and the bundle's apps, or of
# the apps named (mk/debug).
debug: $(KERNEL_ELF) $(VDSO_DBG) $(APPS)
	$(Q)mk/debug $(KERNEL_ELF) $(BUNDLE) --mem $(MEM) --cpu "$(CPU)" --kargs "$(KARGS)" \
		--apps "$(DEBUG_APPS)"
