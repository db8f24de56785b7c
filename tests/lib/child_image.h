#ifndef CHILD_IMAGE_H
#define CHILD_IMAGE_H

/*
 * The child program that guest tests spawn from memory
 * (tests/guest/spawn_child), embedded at build time: a program that
 * includes this names it with -DSPAWN_CHILD (mk/tests.mk).  Include it in
 * one file of the program.  child_image[0 .. child_image_end) is its ELF.
 */
__asm__(".section .rodata\n"
	".balign 4096\n"
	"child_image:\n"
	".incbin \"" SPAWN_CHILD "\"\n"
	"child_image_end:\n"
	".previous\n");
extern const char child_image[], child_image_end[];

#endif
