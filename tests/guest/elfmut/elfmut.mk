# The ELF-mutation fuzzer's generator (mkmutants.c); tests/guest/fuzz_elf.sh
# makes the mutants of build/apps/hello from its seeds at run time.

MKMUTANTS := $(BUILD)/tools/mkmutants

$(MKMUTANTS): tests/guest/elfmut/mkmutants.c tests/lib/xorshift.h $(SHARED_INCLUDE)/elf.h mk/config.mk
	$(call say,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(SHARED_INCLUDE) -Itests/lib -o $@ $<
