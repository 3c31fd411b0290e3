/* Annual chart figures cache (see chart_cache.h). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "chart_cache.h"

struct slot {
	bool             used;
	enum chart_scope kind;
	long long        id;
	int              year;
	long long        at;     /* monotonic seconds when computed */
	long long        secs[12];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot     slots[CHART_CACHE_SLOTS];

static size_t slot_of(enum chart_scope k, long long id, int year)
{
	/* Fibonacci hashing spreads consecutive ids and years over the table. */
	uint64_t h = (((uint64_t)id * 2u + (uint64_t)k) * 4099u + (uint64_t)year) *
	             0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) % CHART_CACHE_SLOTS;
}

bool chart_cache_get(enum chart_scope k, long long id, int year, long long now,
                     long long secs[12])
{
	bool hit = false;
	pthread_mutex_lock(&lock);
	const struct slot *s = &slots[slot_of(k, id, year)];
	if (s->used && s->kind == k && s->id == id && s->year == year &&
	    now >= s->at && now - s->at < CHART_CACHE_TTL) {
		memcpy(secs, s->secs, sizeof(s->secs));
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void chart_cache_put(enum chart_scope k, long long id, int year, long long now,
                     const long long secs[12])
{
	pthread_mutex_lock(&lock);
	struct slot *s = &slots[slot_of(k, id, year)];
	s->used = true;
	s->kind = k;
	s->id = id;
	s->year = year;
	s->at = now;
	memcpy(s->secs, secs, sizeof(s->secs));
	pthread_mutex_unlock(&lock);
}

void chart_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&lock);
}
