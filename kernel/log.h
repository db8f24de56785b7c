#ifndef LOG_H
#define LOG_H

/* One line on the console, prefixed "[rainbow] ", newline added; after an
 * unfinished line (a task's), on a line of its own (a newline first). */
void klog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw formatted output, no prefix, no newline: a klog line's continuation. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw bytes, as they are (used for task console output). */
void console_write(const char *s, unsigned long n);

#endif
