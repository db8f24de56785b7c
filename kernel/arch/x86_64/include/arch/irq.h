#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

/* Program the interrupt controller and start the periodic timer. */
void irq_init(void);
void irq_dispatch(unsigned irq);

#endif
