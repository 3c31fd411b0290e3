/* Annual chart figures cache (see chart_cache.h), a ttl_cache. */
#include <string.h>

#include "chart_cache.h"
#include "ttl_cache.h"

TTL_CACHE_DEFINE(cache, CHART_CACHE_SLOTS, 12 * sizeof(long long), CHART_CACHE_TTL);

bool chart_cache_get(enum chart_scope k, long long id, int year, long long now,
                     long long secs[12])
{
	struct ttl_key key = {.kind = (int)k, .n = year, .id = id};
	return ttl_cache_get(&cache, &key, now, secs);
}

void chart_cache_put(enum chart_scope k, long long id, int year, long long now,
                     const long long secs[12])
{
	struct ttl_key key = {.kind = (int)k, .n = year, .id = id};
	ttl_cache_put(&cache, &key, now, secs);
}

void chart_cache_clear(void)
{
	ttl_cache_clear(&cache);
}
