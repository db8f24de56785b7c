#ifndef BOOTDATA_H
#define BOOTDATA_H

/*
 * The bundle's data files: a module whose string is "/bootdata TASK"
 * (mk/mkiso writes it for the bundle's file and dir lines) is no program
 * but an archive kept for the boot task named TASK, which takes it once
 * with rb_bootdata_take (bootdata_sys.c, <rainbow/syscall.h>).  No app
 * line can make such a string: its first word would be a file's name,
 * which holds no '/'.
 */
#include <stdbool.h>
#include <stdint.h>

/*
 * Whether the module with string cmdline is data; if it is, keeps it
 * (physical start, end exclusive; reserved until it is taken, then its
 * whole pages are freed).  A second
 * data module, or one naming no task, is refused with a log line and
 * counts as a refused module.
 */
bool bootdata_claim(uint64_t start, uint64_t end, const char *cmdline);

#endif
