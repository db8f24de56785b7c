#ifndef ARCH_PIC_H
#define ARCH_PIC_H

#include <stdbool.h>

void pic_init(void);
void pic_unmask(unsigned irq);
bool pic_spurious(unsigned irq);
void pic_eoi(unsigned irq);

#endif
