#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

#include <stddef.h>

void serial_init(void);
void serial_write(const char *s, size_t n);
/* COM1 interrupts on received bytes (SERIAL_IRQ); call once the PIC is set up. */
void serial_enable_input(void);
/* The interrupt: every byte received goes to console_input_byte. */
void serial_receive(void);
#define SERIAL_IRQ 4		/* COM1's line on the PIC */

#endif
