#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

/* Program the interrupt controller and start the periodic timer. */
void irq_init(void);
void irq_dispatch(unsigned irq);
/* A local APIC vector (VEC_LAPIC_TIMER, VEC_KICK): EOI, then its handler. */
void irq_dispatch_local(unsigned vector);

#endif
