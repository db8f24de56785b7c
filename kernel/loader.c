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
#include "pmm.h"
#include "log.h"
#include "user_layout.h"
#include "machine.h"
#include <rainbow/types.h>
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

static uint64_t page_down(uint64_t a)
{
	return a & ~(uint64_t)(USER_PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t a)
{
	return page_down(a + USER_PAGE_SIZE - 1);
}

/* Back the pages of [va, va + len) now, to write them; false when out of memory. */
static bool touch(struct task *t, uint64_t va, uint64_t len)
{
	for (uint64_t page = page_down(va); page < va + len; page += USER_PAGE_SIZE)
		if (!memcharge_touch(t, page))
			return false;
	return true;
}

/*
 * Segments are charged to the task, like its anonymous memory, and
 * demand-zero: the pages the file fills are backed and written now, the
 * rest (.bss) on first touch.
 */
static const char *map_segment(struct task *t, const uint8_t *image, const struct elf_segment *s,
			       long *error_out)
{
	uint64_t start = page_down(s->vaddr);
	uint64_t end = page_up(s->vaddr + s->memsz);
	unsigned flags = VM_USER | (s->flags & PF_W ? VM_WRITE : 0) | (s->flags & PF_X ? VM_EXEC : 0);
	long error = memcharge_map(t, start, end - start, flags);

	if (error)
		return charge_error(error, "segments", error_out);
	if (!touch(t, s->vaddr, s->filesz))
		return charge_error(-ENOMEM, "segments", error_out);
	vm_write(t->space, s->vaddr, image + s->offset, s->filesz);
	return NULL;
}

/*
 * The main stack's size: USER_STACK_SIZE, or more when PT_GNU_STACK asks
 * (page-rounded), up to USER_STACK_MAX (else -ENOEXEC) and what the task's
 * limit leaves beside its segments (else -EAGAIN).  0 with *why and
 * *error_out set when that cannot be met.
 */
static uint64_t stack_size(const struct task *t, const struct elf_image *elf, const char **why,
			   long *error_out)
{
	static char reason[96];
	uint64_t want = elf->stack_size > USER_STACK_SIZE ? elf->stack_size : USER_STACK_SIZE;

	if (want > USER_STACK_MAX) {
		snprintf(reason, sizeof(reason), "PT_GNU_STACK asks for %lu bytes, more than %lu",
			 want, (unsigned long)USER_STACK_MAX);
		*why = reason;
		*error_out = -ENOEXEC;
		return 0;
	}
	want = page_up(want);
	if (want / USER_PAGE_SIZE > memcharge_room(t)) {
		snprintf(reason, sizeof(reason), "a stack of %lu bytes over the task's memory limit", want);
		*why = reason;
		*error_out = -EAGAIN;
		return 0;
	}
	return want;
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
	t->stack_size = stack_size(t, elf, &why, error_out);
	if (!t->stack_size)
		return why;
	/*
	 * The top USER_STACK_COMMIT committed, the rest reserved and charged
	 * as it is touched; the guard below stays unmapped.
	 */
	uint64_t low = t->stack_top - t->stack_size, commit = t->stack_top - USER_STACK_COMMIT;
	long error = memcharge_reserve(t, low, commit - low, VM_USER | VM_WRITE);
	if (!error)
		error = memcharge_map(t, commit, USER_STACK_COMMIT, VM_USER | VM_WRITE);
	if (error)
		return charge_error(error, "stack", error_out);
	if (!touch(t, t->stack_top - USER_PAGE_SIZE, USER_PAGE_SIZE))
		return charge_error(-ENOMEM, "stack", error_out);
	vm_write(t->space, t->stack_top - USER_PAGE_SIZE, top_page, USER_PAGE_SIZE);
	return NULL;
}

/* The value of the environment word NAME=value of a bundle line or spawn's envp (its last, if several), or NULL. */
static const char *env_value(const struct loader_program *program, const char *word)
{
	const char *value = NULL;
	size_t len = strlen(word);

	for (unsigned i = 0; i < program->envc; i++)
		if (!strncmp(program->envp[i], word, len))
			value = program->envp[i] + len;
	return value;
}

/*
 * The environment word RAINBOW_MEM_LIMIT=SIZE of a bundle line or spawn's
 * envp (bytes, with an optional K, M or G suffix: powers of 1,024; libc
 * takes it out of the task's environ before main, so that its children do
 * not inherit it), in pages in *pages; left alone without the word.
 * NULL, or why the word is refused.
 */
static const char *mem_limit_word(const struct loader_program *program, uint64_t *pages)
{
	const char *p = env_value(program, RB_ENV_MEM_LIMIT);
	uint64_t n = 0;

	if (!p)
		return NULL;
	if (*p < '0' || *p > '9')
		return "RAINBOW_MEM_LIMIT is not a size (want digits, then K, M or G)";
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - 9) / 10)
			return "RAINBOW_MEM_LIMIT is too large";
		n = n * 10 + (uint64_t)(*p - '0');
	}
	unsigned shift = *p == 'K' ? 10 : *p == 'M' ? 20 : *p == 'G' ? 30 : 0;
	if ((shift && p[1]) || (!shift && *p))
		return "RAINBOW_MEM_LIMIT is not a size (want digits, then K, M or G)";
	*pages = n > (UINT64_MAX >> shift) ? UINT64_MAX : (n << shift) / USER_PAGE_SIZE;
	return NULL;
}

/*
 * Whether the environment word RAINBOW_SERVICE=1 is present: the task
 * serves others (a server such as fsd) and should not keep the bundle
 * alive alone (bundle.c).  NULL, or why the line is refused: a value
 * other than 1.
 */
static const char *service(const struct loader_program *program, struct task *t)
{
	const char *value = env_value(program, RB_ENV_SERVICE);

	if (value && strcmp(value, "1"))
		return "RAINBOW_SERVICE is not 1";
	if (value)
		task_set_service(t);
	return NULL;
}

/*
 * A boot module's limit and guarantee (memcharge_task_begin): by default
 * memcharge_default_limit, RAINBOW_MEM_LIMIT up to the machine's free
 * memory.  NULL, or why it is refused.
 */
static const char *begin_module_charge(struct task *t, const struct loader_program *program,
				       long *error_out)
{
	uint64_t limit = memcharge_default_limit();
	const char *why = mem_limit_word(program, &limit);

	if (!why && limit > pmm_free_pages())
		why = "RAINBOW_MEM_LIMIT is more than the machine's free memory";
	long error = memcharge_task_begin(t, why ? 0 : limit);
	if (why) {
		*error_out = -EINVAL;
		return why;
	}
	if (error) {
		*error_out = error;
		return "no memory left for the task's guarantee";
	}
	return NULL;
}

/*
 * A spawned task's limit (memcharge_task_join): by default what its
 * spawner has room for; RAINBOW_MEM_LIMIT may lower it (-EAGAIN above
 * it).  Its charges count against its spawner's limit too.  NULL, or why
 * it is refused.
 */
static const char *begin_spawn_charge(struct task *t, const struct loader_program *program,
				      long *error_out)
{
	uint64_t limit = memcharge_room(program->spawner);
	const char *why = mem_limit_word(program, &limit);

	if (why) {
		*error_out = -EINVAL;
		return why;
	}
	*error_out = memcharge_task_join(t, program->spawner, limit);
	return *error_out ? "RAINBOW_MEM_LIMIT is more than its spawner has left" : NULL;
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
	struct task *t = task_create(name, program->spawner, error);
	if (!t) {
		*why = *error == -EAGAIN ? "its record over the spawner's memory limit, or no task id left"
					 : "out of memory for its record";
		return NULL;
	}
	if (program->image_stays) {
		t->image = program->image;
		t->image_size = program->size;
	}
	t->load_bias = bias;
	*why = service(program, t);
	if (*why) {
		*error = -EINVAL;
	} else {
		*why = program->spawner ? begin_spawn_charge(t, program, error)
					: begin_module_charge(t, program, error);
	}
	if (!*why)
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
