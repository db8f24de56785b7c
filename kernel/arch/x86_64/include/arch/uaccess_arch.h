/*
 * Opening and closing the kernel's access to user pages, for uaccess.c
 * only.  With SMAP on (arch/protect.h) the kernel faults on any user page
 * unless the access flag is set: user_access_open sets it (stac),
 * user_access_close clears it (clac).  Without SMAP both are a test of a
 * flag and nothing more.  stac and clac are one instruction each but
 * serialize the flags: a few dozen cycles per copy (docs/kernel.md).
 */
#ifndef ARCH_UACCESS_ARCH_H
#define ARCH_UACCESS_ARCH_H

#include "arch/cpu.h"
#include "arch/protect.h"

static inline void user_access_open(void)
{
	if (protect_smap)
		stac();
}

static inline void user_access_close(void)
{
	if (protect_smap)
		clac();
}

#endif
