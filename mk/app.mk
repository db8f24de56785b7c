# How a program of this tree is built: a folder DIR/NAME with a main.c; its
# *.c, compiled and linked with the sysroot's rainbow.specs (mk/crt.mk),
# give the ELF build/DIR/NAME.
#
#   $(call rainbow_folders,DIR)                   DIR's program folders
#   $(call rainbow_app,DIR/NAME[,EXTRA-OBJECTS])  the rules for build/DIR/NAME
#   LDLIBS_NAME                                   extra libraries, e.g. -lm
#
# Objects go to build/obj/DIR/NAME/, so build/DIR/ holds only programs.

APP_OBJ_DIR := $(BUILD)/obj

rainbow_folders = $(patsubst %/main.c,%,$(wildcard $(1)/*/main.c))

$(APP_OBJ_DIR)/%.o: %.c $(SYSROOT_STAMP)
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(APP_CFLAGS) -MMD -MP -c -o $@ $<

define rainbow_app_rules
APP_OBJ_$(1) := $(patsubst %.c,$(APP_OBJ_DIR)/%.o,$(wildcard $(1)/*.c))

# A change of flags rebuilds the objects.
$$(APP_OBJ_$(1)): mk/config.mk mk/crt.mk mk/app.mk

# The link's flags: mk/config.mk and mk/crt.mk, and LDLIBS_ from mk/apps.mk.
$(BUILD)/$(1): $$(APP_OBJ_$(1)) $(2) $(SYSROOT_STAMP) mk/config.mk mk/crt.mk mk/app.mk mk/apps.mk
	$$(call say,LD,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(APP_CC) $$(APP_CFLAGS) -o $$@ $$(APP_OBJ_$(1)) $(2) $$(LDLIBS_$(notdir $(1)))

-include $$(APP_OBJ_$(1):.o=.d)
endef
rainbow_app = $(eval $(call rainbow_app_rules,$(1),$(2)))
