# Toolchain and flags shared by every part of the build.

SHELL   := /bin/bash
CC      := gcc
LD      := ld
OBJCOPY := objcopy
NM      := nm

# Print one short line per step; V=1 shows the full commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-7s %s\n' $(1) $(2)
endif

WARN := -Wall -Wextra -Werror

# gcc's own headers and libgcc, asked once, when a recipe first needs them:
# on a fresh machine gcc arrives with mk/setup, after make read this file.
GCC_INCLUDE = $(eval GCC_INCLUDE := $$(shell $(CC) -print-file-name=include))$(GCC_INCLUDE)
LIBGCC      = $(eval LIBGCC := $$(shell $(CC) -print-libgcc-file-name))$(LIBGCC)
CSTD := -std=gnu11

# Headers every part shares, the host tools and tests too: <elf.h>.
SHARED_INCLUDE := include

# Kernel: freestanding, higher half (kernel code model), no red zone since
# interrupts land on the same stack, no SSE/x87 so user FPU state is never
# touched by kernel code.
KERNEL_LIBC := $(BUILD)/kernel/libc
KERNEL_CFLAGS = $(CSTD) $(WARN) -O2 -g -ffreestanding -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables \
	-nostdinc -isystem $(GCC_INCLUDE) \
	-isystem $(KERNEL_LIBC)/include -Ikernel -Ikernel/arch/x86_64/include -Ivdso -Ivdso/include \
	-I$(SHARED_INCLUDE)

# The app toolchain's root (mk/crt.mk builds it; mk/setup puts picolibc there).
SYSROOT := $(BUILD)/sysroot

# Host tools and host unit tests.
HOST_CFLAGS := $(CSTD) $(WARN) -O1 -g
