# The vDSO: vdso/, a genuine shared object mapped into every task
# (docs/vdso.md).
#
# vdso.dbg is the link, with symbols and DWARF.  vdso.so is the same link
# with only what a loader reads: the exact bytes the kernel embeds through
# vdso_image.o.  vdsocheck refuses any image the kernel must not map.

VDSO_SO        := $(BUILD)/vdso/vdso.so
VDSO_DBG       := $(BUILD)/vdso/vdso.dbg
VDSO_IMAGE_OBJ := $(BUILD)/vdso/vdso_image.o
VDSO_CHECK     := $(BUILD)/vdso/vdsocheck
# vdso/vdso.lds after the C preprocessor: addresses from kernel/user_layout.h.
VDSO_LDS       := $(BUILD)/vdso/vdso.lds
# For the kernel: the data page layout, and vdso_image_start/end.
VDSO_DATA_H    := vdso/vdso_data.h
VDSO_IMAGE_H   := vdso/vdso_image.h
# For apps: <rainbow/syscall.h> and <rainbow/types.h>.
VDSO_INCLUDE   := vdso/include

# The version script, generated from the list of calls (vdso/calls.def).
VDSO_MAP       := $(BUILD)/vdso/vdso.map
# The SONAME, from the header that names the vDSO for C too.
VDSO_SONAME    := $(shell sed -n 's/^\#define VDSO_SONAME "\(.*\)"/\1/p' vdso/vdso_names.h)
# The ABI: the functions the version script exports, all of them required;
# a command, since the list exists only once the map is generated.
VDSO_FUNCTIONS = $$(sed -n 's/^[[:space:]]*\([a-z_][a-z0-9_]*\);.*/\1/p' $(VDSO_MAP))

VDSO_OBJ := $(patsubst vdso/%.c,$(BUILD)/vdso/%.o,$(wildcard vdso/*.c))
# A change of flags rebuilds the objects (and the host-built checker).
$(VDSO_OBJ) $(VDSO_CHECK): mk/config.mk mk/vdso.mk

# User-mode code without libc.  picolibc's headers give the errno values.
VDSO_CFLAGS := $(CSTD) $(WARN) -O2 -g -fPIC -ffreestanding \
	-fno-stack-protector -fasynchronous-unwind-tables \
	-isystem $(KERNEL_LIBC)/include -Ivdso -I$(VDSO_INCLUDE)

# The layout comes from vdso.lds; the rest makes a self-contained, fully
# linked image: no undefined symbols, calls bound inside, no exec stack.
VDSO_LDFLAGS := -shared -nostdlib -Wl,-T,$(VDSO_LDS) \
	-Wl,--version-script=$(VDSO_MAP) -Wl,-soname,$(VDSO_SONAME) \
	-Wl,--hash-style=both -Wl,--build-id -Wl,--eh-frame-hdr \
	-Wl,-Bsymbolic -Wl,--no-undefined -Wl,-z,noexecstack \
	-Wl,-z,max-page-size=4096

$(BUILD)/vdso/%.o: vdso/%.c
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(VDSO_CFLAGS) -MMD -MP -c $< -o $@

$(VDSO_MAP): vdso/vdso.map.in vdso/calls.def vdso/vdso_names.h
	$(call say,GEN,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -x c -Ivdso $< -o $@

$(VDSO_LDS): vdso/vdso.lds kernel/user_layout.h vdso/include/rainbow/page.h
	$(call say,CPP,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -x c -Ikernel -I$(VDSO_INCLUDE) $< -o $@

$(VDSO_DBG): $(VDSO_OBJ) $(VDSO_LDS) $(VDSO_MAP) mk/vdso.mk
	$(call say,LD,$@)
	$(Q)$(CC) $(VDSO_LDFLAGS) -o $@ $(VDSO_OBJ)

$(VDSO_SO): $(VDSO_DBG) $(VDSO_CHECK)
	$(call say,STRIP,$@)
	$(Q)$(OBJCOPY) --strip-all $< $@
	$(call say,CHECK,$@)
	$(Q)$(VDSO_CHECK) $@ $< $(VDSO_FUNCTIONS) || { rm -f $@; exit 1; }

$(VDSO_IMAGE_OBJ): vdso/vdso_image.S $(VDSO_SO)
	$(call say,AS,$@)
	$(Q)$(CC) -DVDSO_SO='"$(VDSO_SO)"' -c $< -o $@

VDSO_CHECK_SRC := vdso/check/vdsocheck.c vdso/check/elf_file.c

$(VDSO_CHECK): $(VDSO_CHECK_SRC) vdso/check/elf_file.h $(VDSO_DATA_H) $(SHARED_INCLUDE)/elf.h
	$(call say,HOSTCC,$@)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -Ivdso -I$(SHARED_INCLUDE) -o $@ $(VDSO_CHECK_SRC)

# picolibc's headers (errno values) must be in place for the first compile.
$(VDSO_OBJ): | $(KERNEL_LIBC_PARTS)

-include $(VDSO_OBJ:.o=.d)
