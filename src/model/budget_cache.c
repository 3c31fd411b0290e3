/* Budget figures cache (see budget_cache.h). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "budget_cache.h"

struct slot {
	bool                  used;
	enum budget_kind      kind;
	long long             id;
	long long             at;     /* monotonic seconds when computed */
	struct budget_figures f;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot     slots[BUDGET_CACHE_SLOTS];

static size_t slot_of(enum budget_kind k, long long id)
{
	/* Fibonacci hashing spreads consecutive ids over the table. */
	uint64_t h = ((uint64_t)id * 2u + (uint64_t)k) * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) % BUDGET_CACHE_SLOTS;
}

bool budget_cache_get(enum budget_kind k, long long id, long long now,
                      long long month_start, struct budget_figures *out)
{
	bool hit = false;
	pthread_mutex_lock(&lock);
	const struct slot *s = &slots[slot_of(k, id)];
	if (s->used && s->kind == k && s->id == id &&
	    now >= s->at && now - s->at < BUDGET_CACHE_TTL &&
	    (!s->f.monthly || s->f.period_start == month_start)) {
		*out = s->f;
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void budget_cache_put(enum budget_kind k, long long id, long long now,
                      const struct budget_figures *f)
{
	pthread_mutex_lock(&lock);
	struct slot *s = &slots[slot_of(k, id)];
	s->used = true;
	s->kind = k;
	s->id = id;
	s->at = now;
	s->f = *f;
	pthread_mutex_unlock(&lock);
}

void budget_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&lock);
}
