# make install [PREFIX=DIR]: the SDK, self-contained under DIR (default
# /usr/local), working after build/ is deleted or moved (docs/sdk.md):
#
#   bin/rainbow-run                boot a bundle, as make run does
#   bin/x86_64-rainbow-gcc, -g++   gcc with the SDK's specs
#   libexec/rainbow/{mkiso,qemu}   rainbow-run's helpers
#   share/rainbow/                 rainbow.elf, vdso.so, vdso.dbg,
#                                  toolchain.cmake, meson-cross.txt, cmake/
#   x86_64-rainbow/                the sysroot: include/, lib/, rainbow.specs

PREFIX ?= /usr/local
# The prefix lands in sed expressions, specs and scripts: plain characters only.
ifneq ($(shell printf '%s' '$(subst ','',$(PREFIX))' | tr -d 'A-Za-z0-9._/+-'),)
$(error PREFIX "$(PREFIX)": use letters, digits and . _ / + - only)
endif
ifneq ($(words $(PREFIX)),1)
$(error PREFIX "$(PREFIX)": use letters, digits and . _ / + - only)
endif
override PREFIX := $(abspath $(PREFIX))
SDK_SYSROOT := $(PREFIX)/x86_64-rainbow
SDK_DATA    := $(PREFIX)/share/rainbow

# $(call sdk_file,IN,OUT): IN with the SDK's paths filled in.
sdk_file = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@SDK_SYSROOT@|$(SDK_SYSROOT)|g' $(1) > $(2)

.PHONY: install
install: $(KERNEL_ELF) $(VDSO_SO) $(VDSO_DBG) $(SYSROOT_STAMP)
	$(call say,INSTALL,$(PREFIX))
	$(Q)install -d $(PREFIX)/bin $(PREFIX)/libexec/rainbow $(SDK_DATA)/cmake/Platform \
		$(SDK_SYSROOT)
	$(Q)install -m 755 mk/rainbow-run $(PREFIX)/bin/rainbow-run
	$(Q)install -m 755 mk/mkiso mk/qemu $(PREFIX)/libexec/rainbow/
	$(Q)install -m 644 $(KERNEL_ELF) $(VDSO_SO) $(VDSO_DBG) $(SDK_DATA)/
	$(Q)install -m 644 sdk/cmake/Platform/Rainbow.cmake $(SDK_DATA)/cmake/Platform/
	$(Q)$(call sdk_file,sdk/toolchain.cmake.in,$(SDK_DATA)/toolchain.cmake)
	$(Q)$(call sdk_file,sdk/meson-cross.txt.in,$(SDK_DATA)/meson-cross.txt)
	$(Q)$(call sdk_file,sdk/x86_64-rainbow-gcc.in,$(PREFIX)/bin/x86_64-rainbow-gcc)
	$(Q)chmod 755 $(PREFIX)/bin/x86_64-rainbow-gcc
	$(Q)ln -sf x86_64-rainbow-gcc $(PREFIX)/bin/x86_64-rainbow-g++
	$(Q)rm -rf $(SDK_SYSROOT)/include $(SDK_SYSROOT)/lib
	$(Q)cp -R $(SYSROOT)/include $(SYSROOT)/lib $(SDK_SYSROOT)/
	$(Q)$(call rainbow_specs,$(SDK_SYSROOT),$(SDK_SYSROOT)/rainbow.specs)
	$(Q)sdk/meson-absent $(PREFIX)/bin/x86_64-rainbow-gcc >> $(SDK_DATA)/meson-cross.txt
