/*
 * The CMOS real-time clock, read once at boot to anchor CLOCK_REALTIME.
 * QEMU's RTC runs in UTC; we accept BCD or binary and 12/24-hour modes.
 */
#include "arch/rtc.h"
#include "arch/cpu.h"
#include <stdbool.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71
#define REG_SECONDS 0x00
#define REG_MINUTES 0x02
#define REG_HOURS   0x04
#define REG_DAY     0x07
#define REG_MONTH   0x08
#define REG_YEAR    0x09
#define REG_STATUS_A 0x0a
#define REG_STATUS_B 0x0b
#define STATUS_A_UPDATING 0x80
#define STATUS_B_BINARY   0x04
#define STATUS_B_24HOUR   0x02

static unsigned cmos_read(unsigned reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned from_bcd(unsigned v, bool binary)
{
	return binary ? v : (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_since_epoch(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = y / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t rtc_read_unix_seconds(void)
{
	while (cmos_read(REG_STATUS_A) & STATUS_A_UPDATING)
		;
	unsigned b = cmos_read(REG_STATUS_B);
	bool binary = b & STATUS_B_BINARY;
	unsigned hour_raw = cmos_read(REG_HOURS);
	unsigned sec = from_bcd(cmos_read(REG_SECONDS), binary);
	unsigned min = from_bcd(cmos_read(REG_MINUTES), binary);
	unsigned hour = from_bcd(hour_raw & 0x7f, binary);
	unsigned day = from_bcd(cmos_read(REG_DAY), binary);
	unsigned month = from_bcd(cmos_read(REG_MONTH), binary);
	unsigned year = 2000 + from_bcd(cmos_read(REG_YEAR), binary);

	if (!(b & STATUS_B_24HOUR) && (hour_raw & 0x80))
		hour = (hour % 12) + 12;
	return days_since_epoch(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
}
