# The kernel: kernel/ (portable) and kernel/arch/x86_64/ (everything x86;
# its headers in include/arch/, included as "arch/NAME.h").
#
# Linked twice: the first link gives the addresses, mk/ksyms turns them into
# the .ksyms table, the second link embeds it.  .ksyms is the last section,
# so the check below can insist that no other symbol moved.

KERNEL_ELF := $(BUILD)/kernel/rainbow.elf
KARCH      := kernel/arch/x86_64
KERNEL_SRC := $(wildcard kernel/*.c $(KARCH)/*.c $(KARCH)/*.S)
KERNEL_OBJ := $(patsubst %,$(BUILD)/%.o,$(basename $(KERNEL_SRC)))
KERNEL_LDS := $(BUILD)/kernel/kernel.ld
KERNEL_EXTRA_OBJ := $(VDSO_IMAGE_OBJ)
KERNEL_LIBS = $(KERNEL_LIBC)/lib/libc.a $(LIBGCC)
KERNEL_LDFLAGS := -nostdlib -static -z max-page-size=4096 -z noexecstack --no-warn-rwx-segments

$(BUILD)/kernel/%.o: kernel/%.c
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@

# The IPC fastpath's entry never returns to syscall_entry.S, which keeps the
# user's callee-saved registers in the IPC frame: its C code may use them
# without saving them (kernel/ipc_fastpath.c).  Scheduling before register
# allocation (-fschedule-insns -fsched-pressure) once saved a register move
# at each pass's entry; since sched_ipc_block's pending case is inline it
# costs one there instead (docs/bench.md, the contended call 325 with gcc's
# default order, 327 with both flags, 329 with -fschedule-insns alone).
$(BUILD)/kernel/ipc_fastpath.o: KERNEL_CFLAGS += -fcall-used-rbx -fcall-used-r12 -fcall-used-r13 \
	-fcall-used-r14 -fcall-used-r15

$(BUILD)/kernel/%.o: kernel/%.S
	$(call say,AS,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@

$(KERNEL_LDS): $(KARCH)/kernel.ld $(KARCH)/include/arch/layout.h
	$(call say,CPP,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -x c -I$(KARCH)/include $< -o $@

$(BUILD)/kernel/ksyms-empty.o: mk/ksyms
	$(call say,KSYMS,$@)
	@mkdir -p $(@D)
	$(Q)mk/ksyms /dev/null > $(@:.o=.S)
	$(Q)$(CC) -c $(@:.o=.S) -o $@

$(BUILD)/kernel/pass1.elf: $(KERNEL_OBJ) $(KERNEL_EXTRA_OBJ) $(BUILD)/kernel/ksyms-empty.o $(KERNEL_LDS)
	$(call say,LD,$@)
	$(Q)$(LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LDS) -o $@ $(KERNEL_OBJ) $(KERNEL_EXTRA_OBJ) \
		$(BUILD)/kernel/ksyms-empty.o $(KERNEL_LIBS)

$(BUILD)/kernel/ksyms-table.o: $(BUILD)/kernel/pass1.elf mk/ksyms
	$(call say,KSYMS,$@)
	$(Q)$(NM) -n -S --defined-only $< | mk/ksyms - > $(@:.o=.S)
	$(Q)$(CC) -c $(@:.o=.S) -o $@

$(KERNEL_ELF): $(BUILD)/kernel/ksyms-table.o $(BUILD)/kernel/pass1.elf
	$(call say,LD,$@)
	$(Q)$(LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LDS) -o $@ $(KERNEL_OBJ) $(KERNEL_EXTRA_OBJ) \
		$(BUILD)/kernel/ksyms-table.o $(KERNEL_LIBS)
	$(Q)cmp -s <($(NM) -n $(BUILD)/kernel/pass1.elf | grep -vE ' (ksyms_table|kernel_end)$$') <($(NM) -n $@ | grep -vE ' (ksyms_table|kernel_end)$$') \
		|| { echo "kernel: symbols moved between the two links" >&2; rm -f $@; exit 1; }
	$(Q)grub-file --is-x86-multiboot2 $@ || { echo "kernel: not multiboot2" >&2; rm -f $@; exit 1; }

-include $(KERNEL_OBJ:.o=.d)

# A change of flags rebuilds everything they apply to.
$(KERNEL_OBJ): mk/config.mk mk/kernel.mk

# The first compile needs picolibc's headers in place; afterwards the
# dependency files name the headers themselves.
$(KERNEL_OBJ): | $(KERNEL_LIBC_PARTS)
