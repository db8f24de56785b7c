#ifndef ARCH_PIT_H
#define ARCH_PIT_H

#define PIT_IRQ 0

void pit_start(unsigned hz);

#endif
