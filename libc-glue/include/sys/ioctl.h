/*
 * <sys/ioctl.h>: ioctl, the control requests of devices (libc-glue/ioctl.c).
 * Rainbow's own header.  No descriptor of Rainbow takes a control request
 * (the console's line discipline is set on the kernel's command line,
 * docs/runtime.md), so no request is defined here, and every one fails with
 * ENOTTY.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#ifdef __cplusplus
extern "C" {
#endif

int ioctl(int fd, unsigned long request, ...);

#ifdef __cplusplus
}
#endif

#endif
