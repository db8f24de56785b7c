/*
 * The logger's protocol, shared by apps/logger and apps/logclient.
 *
 * The logger registers a send handle with badge LOG_PUBLIC_BADGE under
 * LOG_SERVICE.  Through it a client sends only LOG_CONNECT with its name and
 * gets back (RB_TAG_HANDLE) a handle of its own, whose badge no other
 * client has; every LOG_LINE and the final LOG_BYE go through that one, so
 * the logger knows who speaks from the badge alone.
 *
 * Text (names, lines) travels in mr[0..words-1], NUL-padded to whole words:
 * the tag's word count is its length, up to LOG_TEXT_MAX bytes.
 * Replies: label 0 on success, else a positive errno; no words.
 */
#ifndef LOG_PROTOCOL_H
#define LOG_PROTOCOL_H

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#define LOG_SERVICE      "logger"
#define LOG_PUBLIC_BADGE 0
#define LOG_TEXT_MAX     (RB_IPC_MRS * sizeof(uint64_t))

enum log_op {
	LOG_CONNECT = 1,	/* mr: the client's name; reply: its handle */
	LOG_LINE,		/* mr: one line of text */
	LOG_BYE,		/* the client is done */
};

/* Puts text (cut at LOG_TEXT_MAX) in the UTCB; returns the words used. */
static inline unsigned log_pack(struct rb_utcb *utcb, const char *text)
{
	size_t len = strnlen(text, LOG_TEXT_MAX);
	unsigned words = (unsigned)((len + sizeof(uint64_t) - 1) / sizeof(uint64_t));

	memset(utcb->mr, 0, words * sizeof(uint64_t));
	memcpy(utcb->mr, text, len);
	return words;
}

/* Copies the text of a words-long message into out (LOG_TEXT_MAX + 1 bytes). */
static inline void log_unpack(const struct rb_utcb *utcb, unsigned words, char *out)
{
	size_t len = words * sizeof(uint64_t);

	memcpy(out, utcb->mr, len);
	out[len] = '\0';
}

/*
 * The logger's public handle.  It may not have registered yet when a client
 * starts, so wait for it for up to five seconds.
 */
static inline long log_lookup(void)
{
	return rb_ns_lookup_wait(LOG_SERVICE, RB_SECONDS(5));
}

#endif
