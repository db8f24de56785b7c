# The apps of this tree (apps/NAME/, see docs/runtime.md); each becomes
# build/apps/NAME.  apps/default.bundle picks what `make run` boots.

APP_NAMES := hello args vdsoinfo threads memstress test_syscalls test_manythreads test_priority vdsodump spin \
	fault_null fault_gp fault_ud fault_div fault_stack fault_vdso fault_kernel \
	logger logclient kvserver kvclient echo_example test_ipc test_ipc_peer ipc_stress

LDLIBS_hello := -lm

include mk/app.mk
$(foreach app,$(APP_NAMES),$(eval $(call rainbow_app,$(app))))

.PHONY: apps
apps: $(APPS)
