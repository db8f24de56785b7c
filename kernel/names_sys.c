/* System calls of the name registry: rb_ns_register, rb_ns_lookup. */
#include "syscall_handlers.h"
#include "names.h"
#include "task.h"
#include "tcb.h"
#include "uaccess.h"
#include <errno.h>

long sys_ns_register(const uint64_t arg[6])
{
	uint64_t name_ptr = arg[0], handle = arg[1];
	char name[NAMES_NAME_MAX + 1];
	long err = copy_string_from_user(name, name_ptr, sizeof(name));

	if (err)
		return err;
	const struct handle *h = handle_live(&current->task->handles, handle, &err);

	if (!h)
		return err;
	return names_add(current->task, name, h);
}

long sys_ns_lookup(const uint64_t arg[6])
{
	uint64_t name_ptr = arg[0];
	char name[NAMES_NAME_MAX + 1];
	long err = copy_string_from_user(name, name_ptr, sizeof(name));

	if (err)
		return err;
	const struct handle *h = names_find(name);
	if (!h)
		return -ENOENT;
	return handle_install(&current->task->handles, h->port, false, h->badge);
}
