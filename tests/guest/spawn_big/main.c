/*
 * One rb_task_spawn call's time is bounded (issue 10, outside finding F1):
 * `spawn_big` builds in its memory an ELF image of RB_SPAWN_IMAGE_MAX
 * bytes, every byte loaded (one PT_LOAD segment, filesz = the image), and
 * spawns it again and again, killing each child before it runs; an image
 * one page larger is -EFBIG.  `spawn_big bystander` spins on the clock
 * meanwhile and checks that no gap between two of its readings reaches
 * 20 ms: a spawn copies with interrupts off, so its time is every task's
 * stall.  tests/guest/spawn_big.sh runs both under -icount.
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define SPAWNS     8
#define STALL_NS   20000000ull			/* the longest gap allowed, 20 ms */
#define READY_NAME "spawn_big.ready"		/* the bystander spins */
#define DONE_NAME  "spawn_big.done"		/* the spawner is done */

/* An image of size bytes (page multiple) whose one segment loads all of it; entry spins. */
static void *image_of(size_t size)
{
	long p = rb_mem_map(NULL, size, RB_PROT_READ | RB_PROT_WRITE);
	if (p < 0)
		return NULL;
	unsigned char *img = (unsigned char *)p;
	Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
	Elf64_Phdr *ph = (Elf64_Phdr *)(img + sizeof(*eh));

	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 1;
	eh->e_entry = 0x400200;
	*ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
			    .p_vaddr = 0x400000, .p_paddr = 0x400000, .p_filesz = size,
			    .p_memsz = size, .p_align = RB_PAGE_SIZE };
	img[0x200] = 0xeb;	/* jmp . */
	img[0x201] = 0xfe;
	for (size_t off = RB_PAGE_SIZE; off < size; off += RB_PAGE_SIZE)
		img[off] = 0x90;	/* every page backed */
	return img;
}

static long publish(const char *name)
{
	long port = rb_port_create();
	long handle = port < 0 ? port : rb_port_mint(port, 0);

	return handle < 0 ? handle : rb_ns_register(name, handle);
}

static int spawner(void)
{
	static const char *const argv[] = { "big", NULL };
	void *img = image_of(RB_SPAWN_IMAGE_MAX + RB_PAGE_SIZE);
	uint64_t longest = 0;
	unsigned ok = 0;
	int status;

	if (!check(img != NULL, "an image of RB_SPAWN_IMAGE_MAX and a page built") ||
	    !check(rb_ns_lookup_wait(READY_NAME, RB_SECONDS(20)) >= 0, "the bystander spins"))
		return tap_done();
	check(rb_task_spawn(img, RB_SPAWN_IMAGE_MAX + RB_PAGE_SIZE, argv, NULL) == -EFBIG,
	      "an image of RB_SPAWN_IMAGE_MAX and a page: -EFBIG");
	Elf64_Phdr *ph = (Elf64_Phdr *)((char *)img + sizeof(Elf64_Ehdr));
	ph->p_filesz = ph->p_memsz = RB_SPAWN_IMAGE_MAX;	/* the same image, one page shorter */
	for (unsigned i = 0; i < SPAWNS; i++) {
		uint64_t t0 = rb_clock_monotonic_ns();
		long id = rb_task_spawn(img, RB_SPAWN_IMAGE_MAX, argv, NULL);
		uint64_t t = rb_clock_monotonic_ns() - t0;
		if (t > longest)
			longest = t;
		ok += id > 0 && rb_task_kill(id, 0) == 0 && rb_task_wait(id, &status, 0) == id;
		rb_sleep_ns(30000000ull);	/* the bystander runs between spawns */
	}
	printf("# %u spawns of %lu bytes, the longest call %lu us\n", ok,
	       (unsigned long)RB_SPAWN_IMAGE_MAX, (unsigned long)(longest / 1000));
	check(ok == SPAWNS, "8 spawns of an RB_SPAWN_IMAGE_MAX image, each killed and collected");
	check(longest < STALL_NS, "each spawn call took under 20 ms");
	publish(DONE_NAME);
	rb_sleep_ns(200000000ull);	/* the name lives until the bystander saw it */
	return tap_done();
}

static int bystander(void)
{
	uint64_t last, now, longest = 0;

	publish(READY_NAME);
	last = rb_clock_monotonic_ns();
	while (rb_ns_lookup(DONE_NAME) < 0) {
		for (unsigned i = 0; i < 1000; i++) {
			now = rb_clock_monotonic_ns();
			if (now - last > longest)
				longest = now - last;
			last = now;
		}
	}
	printf("# bystander: longest gap %lu us\n", (unsigned long)(longest / 1000));
	check(longest < STALL_NS, "bystander: no gap of 20 ms while the spawner spawns");
	return tap_done();
}

int main(int argc, char **argv)
{
	return argc > 1 && !strcmp(argv[1], "bystander") ? bystander() : spawner();
}
