# The app toolchain in build/sysroot: crt0.o, librainbow.a (crt/ and
# libc-glue/), rainbow.ld, rainbow.specs and the headers, next to picolibc's
# libc.a, libm.a and headers, which mk/setup installs there.
#
# Exports:
#   SYSROOT         build/sysroot
#   SYSROOT_STAMP   a file that exists once the sysroot is complete
#   APP_CC          the compiler driver for apps (gcc with rainbow.specs)
#   APP_CFLAGS      the usual flags for app code
# See docs/runtime.md.

SYSROOT_STAMP := $(SYSROOT)/.complete
APP_CC        := $(CC) -specs=$(SYSROOT)/rainbow.specs
APP_CFLAGS    := $(CSTD) $(WARN) -O2 -g

RAINBOW_HEADERS := $(notdir $(wildcard vdso/include/rainbow/*.h crt/include/rainbow/*.h \
	libc-glue/include/rainbow/*.h))
# POSIX headers picolibc lacks and libc-glue provides.
GLUE_SYS_HEADERS := $(notdir $(wildcard libc-glue/include/sys/*.h))
GLUE_TOP_HEADERS := $(notdir $(wildcard libc-glue/include/*.h))
# Rainbow's additions to picolibc's headers, ahead of them on the include
# path (rainbow.specs): each includes picolibc's with #include_next.
GLUE_NEXT_HEADERS := $(patsubst libc-glue/include-next/%,%,$(wildcard libc-glue/include-next/*.h \
	libc-glue/include-next/*/*.h))
SYSROOT_HEADERS := $(SYSROOT)/include/elf.h \
	$(addprefix $(SYSROOT)/include/rainbow/,$(RAINBOW_HEADERS)) \
	$(addprefix $(SYSROOT)/include/sys/,$(GLUE_SYS_HEADERS)) \
	$(addprefix $(SYSROOT)/include/,$(GLUE_TOP_HEADERS)) \
	$(addprefix $(SYSROOT)/include-next/,$(GLUE_NEXT_HEADERS))

# The crt runs before TLS exists, so no stack protector (its canary lives in
# TLS); PIE so that the same objects serve static and static-pie apps.
# -iquote vdso: the list of calls (calls.def) the vDSO binding is made from.
CRT_CFLAGS := $(APP_CFLAGS) -fPIE -fno-stack-protector -Icrt -Ilibc-glue -iquote vdso -MMD -MP

CRT_SRC := $(filter-out crt/crt0.S,$(wildcard crt/*.c crt/*.S)) $(wildcard libc-glue/*.c libc-glue/*.S)
CRT_OBJ := $(patsubst %,$(BUILD)/%.o,$(basename $(CRT_SRC)))
# A change of flags rebuilds the crt.
$(CRT_OBJ): mk/config.mk mk/crt.mk
CRT0    := $(SYSROOT)/lib/crt0.o
LIBRAINBOW := $(SYSROOT)/lib/librainbow.a

# Compiling the crt needs what an app compile needs, except the crt itself.
CRT_COMPILE_DEPS := $(SYSROOT)/rainbow.specs $(SYSROOT_HEADERS) $(PICOLIBC_PARTS)

$(SYSROOT)/include/elf.h: $(SHARED_INCLUDE)/elf.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/include/rainbow/%.h: vdso/include/rainbow/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/include/rainbow/%.h: crt/include/rainbow/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/include/sys/%.h: libc-glue/include/sys/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(addprefix $(SYSROOT)/include/,$(GLUE_TOP_HEADERS)): $(SYSROOT)/include/%.h: libc-glue/include/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/include-next/%.h: libc-glue/include-next/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/include/rainbow/%.h: libc-glue/include/rainbow/%.h
	$(call say,INSTALL,$@)
	@mkdir -p $(@D)
	$(Q)cp $< $@

$(SYSROOT)/lib/rainbow.ld: crt/rainbow.ld kernel/user_layout.h $(VDSO_INCLUDE)/rainbow/page.h
	$(call say,CPP,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -undef -x c -Ikernel -I$(VDSO_INCLUDE) $< -o $@

# librainbow.a replaces some of libc.a's definitions: its sbrk, its abort,
# its vfprintf and __atold_engine (exact floating point, libc-glue/vfprintf.c,
# atold.c), its remove (directories too, libc-glue/remove.c)
# and its do-nothing locks (one object defines them all).  Archive order is
# not enough, since ld satisfies a libc.a member's references from libc.a
# itself first; so the specs make these undefined from the start (-u).
LIBC_OVERRIDES := sbrk abort __lock___libc_recursive_mutex vfprintf __d_vfprintf \
	__atold_engine remove

# $(call rainbow_specs,DIR,OUT): the specs for a sysroot at the absolute path
# DIR, written to OUT.  Absolute paths, so that the specs work from any
# directory; the SDK's copy (mk/install.mk) names the installed sysroot.
rainbow_specs = sed -e 's|@SYSROOT@|$(1)|g' \
	-e 's|@GCC_INCLUDE@|$(GCC_INCLUDE)|g' -e 's|@LIBGCC@|$(LIBGCC)|g' \
	-e 's|@LIBC_OVERRIDES@|$(addprefix -u ,$(LIBC_OVERRIDES))|g' crt/rainbow.specs.in > $(2)

$(SYSROOT)/rainbow.specs: crt/rainbow.specs.in mk/crt.mk
	$(call say,GEN,$@)
	@mkdir -p $(@D)
	$(Q)$(call rainbow_specs,$(abspath $(SYSROOT)),$@)

$(BUILD)/crt/%.o: crt/%.c $(CRT_COMPILE_DEPS)
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(CRT_CFLAGS) -c -o $@ $<

$(BUILD)/crt/%.o: crt/%.S $(CRT_COMPILE_DEPS)
	$(call say,AS,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(CRT_CFLAGS) -c -o $@ $<

$(BUILD)/libc-glue/%.o: libc-glue/%.c $(CRT_COMPILE_DEPS)
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(CRT_CFLAGS) -c -o $@ $<

$(BUILD)/libc-glue/%.o: libc-glue/%.S $(CRT_COMPILE_DEPS)
	$(call say,AS,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(CRT_CFLAGS) -c -o $@ $<

$(CRT0): $(BUILD)/crt/crt0.o
	$(call say,INSTALL,$@)
	$(Q)cp $< $@

$(LIBRAINBOW): $(CRT_OBJ)
	$(call say,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

# -lpthread and -lrt, which build systems add for threads and clocks (zstd's
# Makefile, CMake's FindThreads, autoconf), find empty archives, as with
# glibc since 2.34: those functions are in librainbow.a and libc.a.
EMPTY_LIBS := $(SYSROOT)/lib/libpthread.a $(SYSROOT)/lib/librt.a

$(EMPTY_LIBS): mk/crt.mk
	$(call say,AR,$@)
	@mkdir -p $(@D)
	$(Q)rm -f $@
	$(Q)ar rcs $@

$(SYSROOT_STAMP): $(PICOLIBC_PARTS) $(SYSROOT_HEADERS) $(CRT0) $(LIBRAINBOW) $(EMPTY_LIBS) \
		$(SYSROOT)/lib/rainbow.ld $(SYSROOT)/rainbow.specs
	$(Q)touch $@

.PHONY: sysroot
sysroot: $(SYSROOT_STAMP)

-include $(CRT_OBJ:.o=.d) $(BUILD)/crt/crt0.d
