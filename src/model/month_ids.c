/* The id range of a period's timesheets, cached (month_ids.h). */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "db.h"
#include "month_ids.h"

#define BOUND_LEN 19   /* "YYYY-MM-DD HH:MM:SS" */

struct slot {
	bool             used;
	char             from[BOUND_LEN + 1], to[BOUND_LEN + 1];
	long long        at;      /* monotonic seconds when computed */
	struct month_ids v;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot     slots[MONTH_IDS_SLOTS];

static bool bound_ok(const char *s)
{
	return s && strlen(s) == BOUND_LEN;
}

static size_t slot_of(const char *from, const char *to)
{
	/* FNV-1a over both bounds: months of different zones spread out. */
	uint64_t h = 0xcbf29ce484222325ull;
	for (const char *p = from; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
	for (const char *p = to; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
	return (size_t)(h % MONTH_IDS_SLOTS);
}

bool month_ids_cached(const char *from, const char *to, long long now,
                      struct month_ids *out)
{
	bool hit = false;
	if (!bound_ok(from) || !bound_ok(to))
		return false;
	pthread_mutex_lock(&lock);
	const struct slot *s = &slots[slot_of(from, to)];
	if (s->used && strcmp(s->from, from) == 0 && strcmp(s->to, to) == 0 &&
	    now >= s->at && now - s->at < MONTH_IDS_TTL) {
		*out = s->v;
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void month_ids_store(const char *from, const char *to, long long now,
                     const struct month_ids *in)
{
	if (!bound_ok(from) || !bound_ok(to))
		return;
	pthread_mutex_lock(&lock);
	struct slot *s = &slots[slot_of(from, to)];
	s->used = true;
	memcpy(s->from, from, BOUND_LEN + 1);
	memcpy(s->to, to, BOUND_LEN + 1);
	s->at = now;
	s->v = *in;
	pthread_mutex_unlock(&lock);
}

void month_ids_clear(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&lock);
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
