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
CSTD := -std=gnu11

# Kernel: freestanding, higher half (kernel code model), no red zone since
# interrupts land on the same stack, no SSE/x87 so user FPU state is never
# touched by kernel code.
KERNEL_LIBC := $(BUILD)/kernel/libc
KERNEL_CFLAGS := $(CSTD) $(WARN) -O2 -g -ffreestanding -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -fno-stack-protector \
	-fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-isystem $(KERNEL_LIBC)/include -Ikernel -Ikernel/arch/x86_64/include -Ivdso -Ivdso/include

# Host tools and host unit tests.
HOST_CFLAGS := $(CSTD) $(WARN) -O1 -g
