/*
 * stray_trap [syscall|othersite]: a kernel entry that is not the vDSO's
 * own entry for the call.  By default int $0x80 in app code (system call
 * 1); "syscall": the SYSCALL instruction in app code (IPC operation 0,
 * call); "othersite": rb_task_id's number through rb_yield's int $0x80
 * in the vDSO, found by reading the code.  The kernel accepts each call
 * only from its own recorded site, so the task is killed with a report
 * naming the instruction.
 */
#include <rainbow/syscall.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The vDSO function behind a crt stub, "jmp *slot(%rip)" (crt/vdso_calls.S). */
static const uint8_t *vdso_function(const void *stub)
{
	const uint8_t *p = stub;
	int32_t disp;

	memcpy(&disp, p + 2, sizeof(disp));
	return *(const uint8_t *const *)(p + 6 + disp);
}

/* The first "mov $number, %eax; int $0x80" in the first 32 bytes of code; NULL if none. */
static const uint8_t *find_trap(const uint8_t *code)
{
	for (unsigned i = 0; i < 32; i++)
		if (code[i] == 0xb8 && code[i + 5] == 0xcd && code[i + 6] == 0x80)
			return code + i;
	return NULL;
}

static long other_site(void)
{
	const uint8_t *task_id = find_trap(vdso_function((const void *)rb_task_id));
	const uint8_t *yield = find_trap(vdso_function((const void *)rb_yield));
	long ret;
	int32_t number;

	if (!task_id || !yield) {
		printf("stray_trap: vDSO code not as expected\n");
		return -1;
	}
	memcpy(&number, task_id + 1, sizeof(number));
	const uint8_t *site = yield + 5;
	printf("stray_trap: system call %d through rb_yield's int $0x80\n", number);
	__asm__ volatile("call *%1" : "=a"(ret) : "r"(site), "a"((long)number) : "memory");
	return ret;
}

int main(int argc, char **argv)
{
	long ret, number = 1, op = 0;
	const char *how = argc > 1 ? argv[1] : "";

	if (!strcmp(how, "othersite")) {
		ret = other_site();
	} else if (!strcmp(how, "syscall")) {
		printf("stray_trap: SYSCALL from app code\n");
		__asm__ volatile("syscall" : "=a"(ret) : "a"(op) : "rcx", "r11", "memory");
	} else {
		printf("stray_trap: int $0x80 from app code\n");
		__asm__ volatile("int $0x80" : "=a"(ret) : "a"(number) : "memory");
	}
	printf("stray_trap: not refused, returned %ld\n", ret);
	return 1;
}
