# Malformed app modules for the guest tests of the kernel's ELF checker:
# each is build/apps/hello with one defect (see mkbadelf.c for the list).

BADELF_TOOL    := $(BUILD)/tools/mkbadelf
BADELF_KINDS   := truncated badmagic class32 machine overlap outside-file \
	entry-outside writable-exec kernel-address
BADELF_MODULES := $(BADELF_KINDS:%=$(BUILD)/badelf/%.elf)

$(BADELF_TOOL): tests/guest/badelf/mkbadelf.c $(SHARED_INCLUDE)/elf.h mk/config.mk
	$(call say,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(SHARED_INCLUDE) -o $@ $<

$(BUILD)/badelf/%.elf: $(BADELF_TOOL) $(BUILD)/apps/hello
	$(call say,BADELF,$@)
	@mkdir -p $(@D)
	$(Q)$(BADELF_TOOL) $* $(BUILD)/apps/hello $@
