/* The id range of a period's timesheets, cached (month_ids.h). */
#include <string.h>
#include <time.h>

#include "clock.h"
#include "db.h"
#include "month_ids.h"
#include "ttl_cache.h"

#define BOUND_LEN 19   /* "YYYY-MM-DD HH:MM:SS" */
_Static_assert(2 * (BOUND_LEN + 1) <= TTL_KEY_TEXT, "both bounds fit a cache key");

TTL_CACHE_DEFINE(cache, MONTH_IDS_SLOTS, sizeof(struct month_ids), MONTH_IDS_TTL);

static bool bound_ok(const char *s)
{
	return s && strlen(s) == BOUND_LEN;
}

/* The key: both bounds, NUL-terminated, side by side in the text. */
static struct ttl_key key_of(const char *from, const char *to)
{
	struct ttl_key k;
	memset(&k, 0, sizeof(k));
	memcpy(k.text, from, BOUND_LEN);
	memcpy(k.text + BOUND_LEN + 1, to, BOUND_LEN);
	return k;
}

bool month_ids_cached(const char *from, const char *to, long long now,
                      struct month_ids *out)
{
	if (!bound_ok(from) || !bound_ok(to))
		return false;
	struct ttl_key k = key_of(from, to);
	return ttl_cache_get(&cache, &k, now, out);
}

void month_ids_store(const char *from, const char *to, long long now,
                     const struct month_ids *in)
{
	if (!bound_ok(from) || !bound_ok(to))
		return;
	struct ttl_key k = key_of(from, to);
	ttl_cache_put(&cache, &k, now, in);
}

void month_ids_clear(void)
{
	ttl_cache_clear(&cache);
}


int month_ids_get(struct db *db, struct arena *a, const char *from, const char *to,
                  struct month_ids *out, struct perr *e)
{
	struct dbrows rs;
	long long now = clock_mono_s();
	memset(out, 0, sizeof(*out));
	if (!bound_ok(from) || !bound_ok(to))
		return PERR(e, PERR_INTERNAL, "malformed period bounds");
	if (month_ids_cached(from, to, now, out))
		return 0;
	struct dbval p[2] = {dbv_text(from), dbv_text(to)};
	if (db_exec(db, ST_RECORDS_ID_RANGE, p, 2, a, &rs, e))
		return -1;
	if (rs.nrows != 1)
		return PERR(e, PERR_INTERNAL, "id range: %zu rows", rs.nrows);
	out->lo = dbr_int(&rs, 0, RECORDS_ID_RANGE_LO, 0);
	out->hi = dbr_int(&rs, 0, RECORDS_ID_RANGE_HI, 0);
	out->max = dbr_int(&rs, 0, RECORDS_ID_RANGE_MAX, 0);
	month_ids_store(from, to, now, out);
	return 0;
}
