/* The one TTL cache (ttl_cache.h). */
#include <stdint.h>
#include <string.h>

#include "ttl_cache.h"

static bool key_equal(const struct ttl_key *a, const struct ttl_key *b)
{
	return a->kind == b->kind && a->n == b->n && a->id == b->id &&
	       memcmp(a->text, b->text, TTL_KEY_TEXT) == 0;
}

static size_t slot_of(const struct ttl_cache *c, const struct ttl_key *k)
{
	/* FNV-1a over the key's fields, then Fibonacci hashing so consecutive
	 * ids spread over the table. */
	uint64_t h = 0xcbf29ce484222325ull;
	uint64_t nums[3] = {(uint64_t)(unsigned)k->kind, (uint64_t)(unsigned)k->n,
	                    (uint64_t)k->id};
	for (size_t i = 0; i < 3; i++)
		h = (h ^ nums[i]) * 0x100000001b3ull;
	for (size_t i = 0; i < TTL_KEY_TEXT; i++)
		h = (h ^ (unsigned char)k->text[i]) * 0x100000001b3ull;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) % c->nslots;
}

bool ttl_cache_get(struct ttl_cache *c, const struct ttl_key *k, long long now, void *out)
{
	bool hit = false;
	size_t i = slot_of(c, k);
	pthread_mutex_lock(&c->lock);
	const struct ttl_slot *s = &c->slots[i];
	if (s->used && key_equal(&s->key, k) && now >= s->at && now - s->at < c->ttl) {
		memcpy(out, c->vals + i * c->valsize, c->valsize);
		hit = true;
	}
	pthread_mutex_unlock(&c->lock);
	return hit;
}

void ttl_cache_put(struct ttl_cache *c, const struct ttl_key *k, long long now,
                   const void *val)
{
	size_t i = slot_of(c, k);
	pthread_mutex_lock(&c->lock);
	struct ttl_slot *s = &c->slots[i];
	s->used = true;
	s->key = *k;
	s->at = now;
	memcpy(c->vals + i * c->valsize, val, c->valsize);
	pthread_mutex_unlock(&c->lock);
}

void ttl_cache_clear(struct ttl_cache *c)
{
	pthread_mutex_lock(&c->lock);
	memset(c->slots, 0, c->nslots * sizeof(c->slots[0]));
	memset(c->vals, 0, c->nslots * c->valsize);
	pthread_mutex_unlock(&c->lock);
}
