/*
 * ELF images become tasks, boot modules and spawned programs by the same
 * path (loader_start): check the ELF, map each segment with its own
 * rights (never writable and executable), build the initial stack, start
 * the main thread.  Every check comes before the task exists; a failure
 * after that (out of memory) undoes the task whole.
 */
#include "loader.h"
#include "random.h"
#include "placement.h"
#include "elf_check.h"
#include "task.h"
#include "bundle.h"
#include "tcb.h"
#include "sched.h"
#include "ustack.h"
#include "cmdline.h"
#include "vm.h"
#include "memcharge.h"
#include "log.h"
#include "user_layout.h"
#include "machine.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void module_name(const char *word, char name[TASK_NAME_MAX])
{
	size_t n = strlen(word);
	if (n >= TASK_NAME_MAX)
		n = TASK_NAME_MAX - 1;
	memcpy(name, word, n);
	name[n] = '\0';
}

/* Position-independent executables go at the PIE base (placement.c); others where linked. */
static uint64_t load_bias_for(const void *image, size_t size)
{
	Elf64_Ehdr eh;

	if (size < sizeof(eh))
		return 0;
	memcpy(&eh, image, sizeof(eh));
	return eh.e_type == ET_DYN ? placement_pie_base() : 0;
}

/* Why a charged mapping failed (memcharge.h), for the refusal's line. */
static const char *charge_error(long error, const char *what, long *errno_out)
{
	static char why[64];

	*errno_out = error;
	snprintf(why, sizeof(why), "%s %s", what,
		 error == -EAGAIN ? "over the task's memory limit" : "beyond the machine's free memory");
	return why;
}

/* Segments and stack are charged to the task, like its anonymous memory. */
static const char *map_segment(struct task *t, const uint8_t *image, const struct elf_segment *s,
			       long *error_out)
{
	uint64_t start = s->vaddr & ~(uint64_t)(USER_PAGE_SIZE - 1);
	uint64_t end = (s->vaddr + s->memsz + USER_PAGE_SIZE - 1) & ~(uint64_t)(USER_PAGE_SIZE - 1);
	unsigned flags = VM_USER | (s->flags & PF_W ? VM_WRITE : 0) | (s->flags & PF_X ? VM_EXEC : 0);
	long error = memcharge_map(t, start, end - start, flags);

	if (error)
		return charge_error(error, "segments", error_out);
	vm_write(t->space, s->vaddr, image + s->offset, s->filesz);
	return NULL;
}

static const char *setup_stack(struct task *t, const struct elf_image *elf,
			       const struct loader_program *program, uint64_t *sp, long *error_out)
{
	static uint8_t top_page[USER_PAGE_SIZE];
	const char *why;
	struct ustack_info info = {
		.argv = program->argv, .argc = program->argc,
		.envp = program->envp, .envc = program->envc,
		.phdr = elf->phdr_vaddr, .phent = elf->phentsize, .phnum = elf->phnum,
		.entry = elf->entry, .vdso = t->vdso_base,
	};

	random_bytes(info.random, sizeof(info.random));

	*sp = ustack_build(top_page, sizeof(top_page), t->stack_top, &info, &why);
	if (!*sp) {
		*error_out = -E2BIG;
		return why;
	}
	long error = memcharge_map(t, t->stack_top - USER_STACK_SIZE, USER_STACK_SIZE,
				   VM_USER | VM_WRITE);
	if (error)
		return charge_error(error, "stack", error_out);
	vm_write(t->space, t->stack_top - USER_PAGE_SIZE, top_page, USER_PAGE_SIZE);
	return NULL;
}

static const char *load(struct task *t, const struct elf_image *elf,
			const struct loader_program *program, long *error)
{
	uint64_t sp;
	long err;

	for (unsigned i = 0; i < elf->nsegments; i++) {
		const char *why = map_segment(t, program->image, &elf->segments[i], error);
		if (why)
			return why;
	}
	const char *why = setup_stack(t, elf, program, &sp, error);
	if (why)
		return why;
	if (!task_spawn_thread(t, SCHED_DEFAULT_PRIORITY, elf->entry, sp, 0, 0, &err)) {
		*error = err;
		return err == -EAGAIN ? "its thread over the task's memory limit" : "out of memory for its thread";
	}
	return NULL;
}

struct task *loader_start(const struct loader_program *program, const char **why, long *error)
{
	static struct elf_image elf;
	char name[TASK_NAME_MAX];
	uint64_t bias = load_bias_for(program->image, program->size);

	module_name(program->name, name);
	*why = elf_check(program->image, program->size, bias, USER_IMAGE_LOW, USER_IMAGE_TOP, &elf);
	if (*why) {
		*error = -ENOEXEC;
		return NULL;
	}
	struct task *t = task_create(name);
	if (!t) {
		*why = "no room for another task";
		*error = -EAGAIN;
		return NULL;
	}
	if (program->image_stays) {
		t->image = program->image;
		t->image_size = program->size;
	}
	t->load_bias = bias;
	*why = load(t, &elf, program, error);
	if (*why) {
		task_free(t);
		return NULL;
	}
	klog("task %s started (id %ld, %s, entry %#lx)", name, t->id,
	     elf.type == ET_DYN ? "PIE" : "static", elf.entry);
	return t;
}

void loader_start_module(const void *image, size_t size, const char *string, unsigned index)
{
	static struct cmdline cmdline;
	const char *why = cmdline_parse(string, index, &cmdline);
	long error;

	if (!why) {
		struct loader_program program = {
			.image = image, .size = size, .name = cmdline.name,
			.argv = cmdline.argv, .argc = cmdline.argc,
			.envp = cmdline.envp, .envc = cmdline.envc,
			.image_stays = true,
		};
		if (loader_start(&program, &why, &error))
			return;
	}
	char name[TASK_NAME_MAX];
	module_name(cmdline.name, name);
	klog("module %s refused: %s", name, why);
	bundle_note_refused();
}
