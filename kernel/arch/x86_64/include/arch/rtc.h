#ifndef ARCH_RTC_H
#define ARCH_RTC_H

#include <stdint.h>

/* Wall-clock time from the CMOS clock, in seconds since 1970 (UTC). */
int64_t rtc_read_unix_seconds(void);

#endif
