# make install [PREFIX=DIR]: the SDK, self-contained under DIR (default
# /usr/local), working after build/ is deleted or moved (docs/sdk.md):
#
#   bin/rainbow-run                boot a bundle, as make run does
#   bin/x86_64-rainbow-gcc, -g++   gcc with the SDK's specs
#   libexec/rainbow/{mkiso,qemu}   rainbow-run's helpers, bundle-limits (the
#                                  kernel's, which mkiso enforces)
#   share/rainbow/                 rainbow.elf, vdso.so, vdso.dbg, fsd (the
#                                  file server), toolchain.cmake,
#                                  meson-cross.txt, cmake/
#   x86_64-rainbow/                the sysroot: include/, include-next/, lib/, rainbow.specs
#                                  (and what users install there, kept)

PREFIX ?= /usr/local
# The prefix lands in sed expressions, specs and scripts: letters, digits and
# . _ / + - only, checked on the value as given (before make expands a $).
prefix_chars := a b c d e f g h i j k l m n o p q r s t u v w x y z \
	A B C D E F G H I J K L M N O P Q R S T U V W X Y Z 0 1 2 3 4 5 6 7 8 9 . _ / + -
empty :=
strip_chars = $(if $(2),$(call strip_chars,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,$(words $(2)),$(2))),$(1))
ifneq ($(findstring $$,$(value PREFIX))$(call strip_chars,$(subst $(empty) ,\,$(PREFIX)),$(prefix_chars)),)
$(error PREFIX "$(value PREFIX)": use letters, digits and . _ / + - only)
endif
override PREFIX := $(abspath $(PREFIX))
SDK_SYSROOT := $(PREFIX)/x86_64-rainbow
SDK_DATA    := $(PREFIX)/share/rainbow
# What the last install put into the sysroot, so that the next one replaces
# exactly that and leaves the libraries users installed there alone.
SDK_MANIFEST := $(SDK_SYSROOT)/.rainbow-sdk-files

# $(call sdk_file,IN,OUT): IN with the SDK's paths filled in.
sdk_file = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@SDK_SYSROOT@|$(SDK_SYSROOT)|g' $(1) > $(2)

.PHONY: install
install: $(KERNEL_ELF) $(VDSO_SO) $(VDSO_DBG) $(BUILD)/apps/fsd $(SYSROOT_STAMP)
	$(call say,INSTALL,$(PREFIX))
	$(Q)install -d $(PREFIX)/bin $(PREFIX)/libexec/rainbow $(SDK_DATA)/cmake/Platform \
		$(SDK_SYSROOT)
	$(Q)install -m 755 mk/rainbow-run $(PREFIX)/bin/rainbow-run
	$(Q)install -m 755 mk/mkiso mk/qemu $(PREFIX)/libexec/rainbow/
	$(Q)mk/mkiso --limits > $(PREFIX)/libexec/rainbow/bundle-limits
	$(Q)install -m 644 $(KERNEL_ELF) $(VDSO_SO) $(VDSO_DBG) $(SDK_DATA)/
	$(Q)install -m 755 $(BUILD)/apps/fsd $(SDK_DATA)/
	$(Q)install -m 644 sdk/cmake/Platform/Rainbow.cmake $(SDK_DATA)/cmake/Platform/
	$(Q)$(call sdk_file,sdk/toolchain.cmake.in,$(SDK_DATA)/toolchain.cmake)
	$(Q)$(call sdk_file,sdk/meson-cross.txt.in,$(SDK_DATA)/meson-cross.txt)
	$(Q)$(call sdk_file,sdk/x86_64-rainbow-gcc.in,$(PREFIX)/bin/x86_64-rainbow-gcc)
	$(Q)chmod 755 $(PREFIX)/bin/x86_64-rainbow-gcc
	$(Q)ln -sf x86_64-rainbow-gcc $(PREFIX)/bin/x86_64-rainbow-g++
	$(Q)if [ -f $(SDK_MANIFEST) ]; then cd $(SDK_SYSROOT) && xargs -r rm -f < $(SDK_MANIFEST); fi
	$(Q)cp -R $(SYSROOT)/include $(SYSROOT)/include-next $(SYSROOT)/lib $(SDK_SYSROOT)/
	$(Q)cd $(SYSROOT) && find include include-next lib ! -type d > $(SDK_MANIFEST)
	$(Q)$(call rainbow_specs,$(SDK_SYSROOT),$(SDK_SYSROOT)/rainbow.specs)
	$(Q)sdk/meson-absent $(PREFIX)/bin/x86_64-rainbow-gcc >> $(SDK_DATA)/meson-cross.txt
