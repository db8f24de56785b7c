/*
 * Embeds the vDSO image (VDSO_SO, set by mk/vdso.mk) in the kernel.
 *
 * Page-aligned at both ends: the kernel maps these pages into tasks as they
 * are, so the padding after the image must be zeros, never other kernel data.
 */
	.section .rodata, "a"
	.balign 4096
	.globl vdso_image_start
	.type vdso_image_start, @object
vdso_image_start:
	.incbin VDSO_SO
	.globl vdso_image_end
	.type vdso_image_end, @object
vdso_image_end:
	.size vdso_image_start, vdso_image_end - vdso_image_start
	.balign 4096, 0

	.section .note.GNU-stack, "", @progbits
