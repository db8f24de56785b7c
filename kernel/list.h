#ifndef LIST_H
#define LIST_H

#include <stddef.h>
#include <stdbool.h>

/*
 * Intrusive circular doubly-linked lists: O(1) insert and removal, no
 * allocation.  A node whose next is NULL is on no list.
 */
struct list {
	struct list *prev, *next;
};

#define list_entry(node, type, member) \
	((type *)((char *)(node) - offsetof(type, member)))

static inline void list_init(struct list *head)
{
	head->prev = head->next = head;
}

static inline bool list_empty(const struct list *head)
{
	return head->next == head;
}

static inline bool list_linked(const struct list *node)
{
	return node->next != NULL;
}

static inline void list_push_back(struct list *head, struct list *node)
{
	node->prev = head->prev;
	node->next = head;
	head->prev->next = node;
	head->prev = node;
}

static inline void list_remove(struct list *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	node->prev = node->next = NULL;
}

/* node leaves its list for the back of head's: list_remove then list_push_back, less the NULLs. */
static inline void list_move_back(struct list *head, struct list *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	list_push_back(head, node);
}

static inline struct list *list_pop_front(struct list *head)
{
	struct list *node = head->next;
	if (node == head)
		return NULL;
	list_remove(node);
	return node;
}

#endif
