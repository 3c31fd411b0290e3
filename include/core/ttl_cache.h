/* The one TTL cache: process-wide, shared by all worker threads behind one
 * mutex, bounded (direct-mapped slots: a collision replaces the older
 * entry), and an entry is used for at most `ttl` seconds of the monotonic
 * clock (clock.h) after it was stored.  Keys are a kind, ids and an
 * optional short text; values are fixed-size blobs copied in and out. */
#ifndef PORTAL_TTL_CACHE_H
#define PORTAL_TTL_CACHE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#define TTL_KEY_TEXT 40

struct ttl_key {
	int       kind;
	int       n;                    /* a second small id (a year), or 0 */
	long long id;
	char      text[TTL_KEY_TEXT];   /* compared as bytes: zero what is unused */
};

struct ttl_slot {
	bool           used;
	long long      at;      /* monotonic seconds when stored */
	struct ttl_key key;
};

struct ttl_cache {
	pthread_mutex_t   lock;
	struct ttl_slot  *slots;
	unsigned char    *vals;      /* nslots values of valsize bytes */
	size_t            nslots, valsize;
	long long         ttl;       /* seconds */
};

/* Defines `static struct ttl_cache name` with its storage. */
#define TTL_CACHE_DEFINE(name, nslots_, valsize_, ttl_)                          \
	static struct ttl_slot name##_slots[nslots_];                                \
	static unsigned char   name##_vals[(nslots_) * (valsize_)];                  \
	static struct ttl_cache name = {                                             \
		.lock = PTHREAD_MUTEX_INITIALIZER, .slots = name##_slots,                \
		.vals = name##_vals, .nslots = (nslots_), .valsize = (valsize_),         \
		.ttl = (ttl_) }

/* `now`: monotonic seconds.  True and the value copied to `out` when a fresh
 * entry for the key exists. */
bool ttl_cache_get(struct ttl_cache *c, const struct ttl_key *k, long long now, void *out);
void ttl_cache_put(struct ttl_cache *c, const struct ttl_key *k, long long now,
                   const void *val);
/* Forgets everything (tests). */
void ttl_cache_clear(struct ttl_cache *c);

#endif
