#ifndef EMBED_H
#define EMBED_H

/*
 * EMBED_IMAGE(name, path): the file at path (a string literal, given at
 * build time: mk/tests.mk) in .rodata, page-aligned, from name[] to
 * name##_end[], so a test can start a program from memory (rb_task_spawn).
 */
#define EMBED_IMAGE(name, path)						\
	__asm__(".section .rodata\n"					\
		".balign 4096\n"					\
		#name ":\n"						\
		".incbin \"" path "\"\n"				\
		#name "_end:\n"						\
		".previous\n");						\
	extern const char name[], name##_end[]

#endif
