# The apps of this tree: every folder apps/NAME/ with a main.c (see
# docs/runtime.md) becomes build/apps/NAME.  apps/default.bundle picks what
# `make run` boots.  Test programs live beside their tests (mk/tests.mk).

LDLIBS_hello := -lm

include mk/app.mk
APP_DIRS := $(call rainbow_folders,apps)
APPS     := $(APP_DIRS:%=$(BUILD)/%)
$(foreach dir,$(APP_DIRS),$(call rainbow_app,$(dir)))
# The bench embeds apps/true (.incbin) to spawn it from memory.
$(APP_OBJ_apps/bench): $(BUILD)/apps/true
$(APP_OBJ_apps/bench): APP_CFLAGS += -DBENCH_TRUE='"$(BUILD)/apps/true"'

.PHONY: apps
apps: $(APPS)
