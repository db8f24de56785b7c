# How an app of this tree is built: apps/NAME/*.c, compiled and linked with
# the sysroot's rainbow.specs (mk/crt.mk), gives the ELF build/apps/NAME.
#
#   $(eval $(call rainbow_app,NAME))   adds build/apps/NAME to APPS
#   LDLIBS_NAME                        extra libraries for NAME, e.g. -lm
#
# Objects go to build/obj/apps/NAME/, so build/apps/ holds only apps.

APPS :=
APP_OBJ_DIR := $(BUILD)/obj/apps

$(APP_OBJ_DIR)/%.o: apps/%.c $(SYSROOT_STAMP)
	$(call say,CC,$@)
	@mkdir -p $(@D)
	$(Q)$(APP_CC) $(APP_CFLAGS) -MMD -MP -c -o $@ $<

define rainbow_app
APP_OBJ_$(1) := $(patsubst apps/%.c,$(APP_OBJ_DIR)/%.o,$(wildcard apps/$(1)/*.c))
APPS += $(BUILD)/apps/$(1)

$(BUILD)/apps/$(1): $$(APP_OBJ_$(1)) $(SYSROOT_STAMP)
	$$(call say,LD,$$@)
	@mkdir -p $$(@D)
	$$(Q)$$(APP_CC) $$(APP_CFLAGS) -o $$@ $$(APP_OBJ_$(1)) $$(LDLIBS_$(1))

-include $$(APP_OBJ_$(1):.o=.d)
endef
