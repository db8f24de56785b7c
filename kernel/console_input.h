/*
 * Console input: the bytes the serial port's interrupt delivers, held in
 * a ring of RB_CONSOLE_INPUT_MAX bytes until a thread reads them
 * (rb_console_read), and the threads waiting for them.
 */
#ifndef CONSOLE_INPUT_H
#define CONSOLE_INPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of the line being typed under console=tty, its newline included. */
#define CONSOLE_LINE_MAX 1024

/*
 * The kernel command line's console=tty turns the line discipline on, for
 * a person at a terminal (mk/rainbow-run passes it when its input is one):
 * typed bytes are echoed, backspace and ^U edit the line, and readers get
 * whole lines.  Without it input is raw: each byte readable as it comes,
 * no echo (scripted input, tests).
 */
void console_input_init(const char *cmdline);

/*
 * A received byte (the interrupt path): CR becomes LF, LF after CR is
 * dropped; then the line discipline with console=tty.  Bytes that find
 * the ring full are dropped (a line whole), counted.
 */
void console_input_byte(unsigned char c);

/*
 * Up to len bytes of input into dst, stopping before RB_CONSOLE_EOF; a read
 * that starts at it consumes it and returns 0.  Blocks current while
 * nothing is waiting unless nonblock (then -EAGAIN).  Returns the count.
 */
long console_input_read(char *dst, size_t len, bool nonblock);

/* A thread waits for input: an interrupt can still wake it (bundle.c's deadlock check). */
bool console_input_awaited(void);

#endif
