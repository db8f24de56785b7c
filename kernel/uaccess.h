#ifndef UACCESS_H
#define UACCESS_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/*
 * Checked access to the current task's memory.  Every system call that
 * takes a pointer goes through these: a null, unmapped, kernel or
 * wrapping range gives -EFAULT instead of a kernel fault.
 */
bool user_range_ok(uint64_t addr, size_t len, bool write);
long copy_string_from_user(char *dst, uint64_t src, size_t size);
int copy_to_user(uint64_t dst, const void *src, size_t len);

#endif
