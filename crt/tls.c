/*
 * Thread-local storage, x86-64 variant II: a thread's TLS block ends where
 * its thread pointer (FS base) points, at the thread control block.
 *
 * The layout comes from the app's PT_TLS, the very numbers the linker used
 * for each variable's offset from the thread pointer, which makes it right
 * for static-pie too.  (picolibc's _init_tls() reads sizes from absolute
 * linker-script symbols, which a static-pie's PC-relative code reads moved
 * by the load bias, so it is not used.)
 */
#include <stdalign.h>
#include <string.h>

#include <picotls.h>
#include <rainbow/syscall.h>

#include "crt.h"

/* The fields GCC's x86-64 code reads through %fs, at glibc's offsets. */
struct tcb {
	struct tcb *self;        /* %fs:0, read to take a TLS variable's address */
	void *unused[4];
	uintptr_t stack_guard;   /* %fs:0x28, the -fstack-protector canary */
};

struct tls_layout {
	const char *image;       /* initial contents, filesz bytes */
	size_t filesz, memsz;
	size_t tp_offset;        /* from the block's start to the TCB */
	size_t align;            /* of the block, and of the TCB */
};

static size_t align_up(size_t n, size_t align)
{
	return (n + align - 1) & ~(align - 1);
}

static struct tls_layout layout(void)
{
	const Elf64_Phdr *tls = __rb_image_segment(PT_TLS);
	struct tls_layout l = { .align = alignof(struct tcb) };

	if (tls) {
		l.image = (const char *)(__rb_image_bias() + tls->p_vaddr);
		l.filesz = tls->p_filesz;
		l.memsz = tls->p_memsz;
		if (tls->p_align > l.align)
			l.align = tls->p_align;
		/* As the linker put the thread pointer after the segment. */
		l.tp_offset = align_up(l.memsz, tls->p_align ? tls->p_align : 1);
	}
	return l;
}

/*
 * One canary per task, as the stack frames of a thread may be checked by
 * code that ran on another.  The low byte stays 0 so that string overflows
 * cannot copy it.
 */
static uintptr_t stack_guard(void)
{
	const void *random = (const void *)__rb_auxv_value(AT_RANDOM);
	uintptr_t guard = 0;

	if (random)
		memcpy(&guard, random, sizeof guard);
	return guard & ~(uintptr_t)0xff;
}

size_t __rb_tls_area_size(void)
{
	struct tls_layout l = layout();
	size_t size;

	if (l.tp_offset < l.memsz ||
	    __builtin_add_overflow(l.tp_offset, sizeof(struct tcb) + l.align - 1, &size))
		return 0;
	return size;
}

void *__rb_tls_init(void *area)
{
	struct tls_layout l = layout();
	uintptr_t tp = align_up((uintptr_t)area + l.tp_offset, l.align);
	char *block = (char *)(tp - l.tp_offset);
	struct tcb *tcb = (struct tcb *)tp;

	if (l.filesz)
		memcpy(block, l.image, l.filesz);
	memset(block + l.filesz, 0, l.tp_offset - l.filesz);
	*tcb = (struct tcb){ .self = tcb, .stack_guard = stack_guard() };
	return block;
}

void *__rb_tls_thread_pointer(void *block)
{
	return (char *)block + layout().tp_offset;
}

/* picolibc's hook for making a TLS block the calling thread's. */
void _set_tls(void *block)
{
	rb_set_tls(__rb_tls_thread_pointer(block));
}
