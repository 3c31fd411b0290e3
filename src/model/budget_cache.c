/* Budget figures cache (see budget_cache.h), a ttl_cache. */
#include "budget_cache.h"
#include "ttl_cache.h"

TTL_CACHE_DEFINE(cache, BUDGET_CACHE_SLOTS, sizeof(struct budget_figures), BUDGET_CACHE_TTL);

bool budget_cache_get(enum budget_kind k, long long id, long long now,
                      long long month_start, struct budget_figures *out)
{
	struct ttl_key key = {.kind = (int)k, .id = id};
	struct budget_figures f;
	/* A monthly entry counts only for the month it was computed for. */
	if (!ttl_cache_get(&cache, &key, now, &f) || (f.monthly && f.period_start != month_start))
		return false;
	*out = f;
	return true;
}

void budget_cache_put(enum budget_kind k, long long id, long long now,
                      const struct budget_figures *f)
{
	struct ttl_key key = {.kind = (int)k, .id = id};
	ttl_cache_put(&cache, &key, now, f);
}

void budget_cache_clear(void)
{
	ttl_cache_clear(&cache);
}
