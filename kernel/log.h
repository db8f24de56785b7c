#ifndef LOG_H
#define LOG_H

/* One line on the console, prefixed "[rainbow] ", newline added. */
void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw formatted output, no prefix, no newline. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw bytes, as they are (used for task console output). */
void console_write(const char *s, unsigned long n);

#endif
