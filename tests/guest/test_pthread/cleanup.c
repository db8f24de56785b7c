/*
 * Cleanup handlers: pthread_cleanup_push and _pop nested, pop(0) and
 * pop(1), and pthread_exit running the handlers still pushed, last pushed
 * first, before the key destructors.
 */
#include <pthread.h>
#include <string.h>

#include "pthread_test.h"
#include "tap.h"

/* What ran, in order: each handler adds its letter (one thread at a time). */
static char ran[16];

static void note(void *letter)
{
	size_t n = strlen(ran);

	if (n + 1 < sizeof ran) {
		ran[n] = *(const char *)letter;
		ran[n + 1] = '\0';
	}
}

static pthread_key_t key;

static void exit_from_inside(void)
{
	pthread_exit((void *)5);
}

/* Pushes C over B over A, pops C without running it, exits from deeper down. */
static void *push_and_exit(void *unused)
{
	(void)unused;
	pthread_setspecific(key, "D");
	pthread_cleanup_push(note, "A");
	pthread_cleanup_push(note, "B");
	pthread_cleanup_push(note, "C");
	pthread_cleanup_pop(0);
	exit_from_inside();
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

/* Pops everything it pushed without running it, then returns: nothing runs. */
static void *push_pop_return(void *unused)
{
	pthread_cleanup_push(note, "X");
	pthread_cleanup_push(note, "Y");
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return unused;
}

void cleanup_handlers(void)
{
	pthread_t t;
	void *value = NULL;

	ran[0] = '\0';
	pthread_cleanup_push(note, "1");
	pthread_cleanup_push(note, "2");
	pthread_cleanup_pop(0);
	check(ran[0] == '\0', "pop(0) removes the handler without running it");
	pthread_cleanup_pop(1);
	check(!strcmp(ran, "1"), "pop(1) runs the handler under it");

	ran[0] = '\0';
	pthread_cleanup_push(note, "a");
	pthread_cleanup_push(note, "b");
	pthread_cleanup_push(note, "c");
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(1);
	check(!strcmp(ran, "cba"), "nested handlers run last pushed first");

	ran[0] = '\0';
	check(pthread_key_create(&key, note) == 0, "a key whose destructor notes D");
	check(pthread_create(&t, NULL, push_and_exit, NULL) == 0 && pthread_join(t, &value) == 0 &&
	      value == (void *)5, "a thread exits through pthread_exit with handlers pushed");
	check(!strcmp(ran, "BAD"),
	      "pthread_exit runs the handlers still pushed, last first, then the key destructors");
	pthread_key_delete(key);

	ran[0] = '\0';
	check(pthread_create(&t, NULL, push_pop_return, NULL) == 0 && pthread_join(t, NULL) == 0 &&
	      ran[0] == '\0', "handlers popped with 0 do not run when the thread ends");
}
