/* Time zones through ICU: the wall clock of an instant in an IANA zone and
 * the instants that bound a local day or month (DST-correct).  Nothing
 * reads the TZ environment variable or calls localtime.
 *
 * Each worker thread owns one struct tzctx: ICU calendars cost much to
 * open, so the context keeps them (icu_cache.h) together with the offsets
 * of recently used zones.  Not shared between threads. */
#ifndef PORTAL_TZ_H
#define PORTAL_TZ_H

#include "civil.h"

struct tzctx;
struct icu_cache;

#define ZONE_MAX 64           /* longest IANA name is ~32 bytes */

struct tzctx     *tz_new(void);
void              tz_free(struct tzctx *c);      /* NULL is a no-op */
/* The context's ICU object cache, for formatters of the same thread. */
struct icu_cache *tz_cache(struct tzctx *c);

/* A moment's wall-clock fields in some zone. */
struct tm_local {
	int year;
	int month;    /* 1..12 */
	int day;      /* 1..31 */
	int hour;     /* 0..23 */
	int min;
	int sec;
	int wday;     /* ISO: 1 = Monday .. 7 = Sunday */
};

/* Results of the tz_* functions.  An unknown, empty or malformed zone is
 * not an error: UTC is used and TZ_FALLBACK returned, so the caller can log
 * the bad zone once and still answer. */
enum { TZ_OK = 0, TZ_FALLBACK = 1 };
/* Every function below returns -1 only for arguments out of range
 * (month 13, year 0, epoch beyond year 9999) or an ICU failure. */

/* 1 when `zone` is an IANA zone ICU knows ("Europe/Madrid", "UTC"), else 0. */
int tz_valid(struct tzctx *c, const char *zone);
/* The zone to use: `zone` when valid, else "UTC" with *fallback set to
 * TZ_FALLBACK (TZ_OK otherwise). */
const char *tz_zone_use(struct tzctx *c, const char *zone, int *fallback);
int tz_local(struct tzctx *c, const char *zone, long long epoch, struct tm_local *out);
/* [first instant of the month, first instant of the next month) in `zone`,
 * as Unix seconds.  On DST days local midnight is taken where it exists
 * (the earlier one if repeated, the first valid instant if skipped). */
int tz_month_bounds(struct tzctx *c, const char *zone, int year, int month,
                    long long *start_utc, long long *end_utc);
/* [first instant of the day, first instant of the next day) in `zone`:
 * 23 or 25 hours long on DST change days. */
int tz_day_bounds(struct tzctx *c, const char *zone, int year, int month, int day,
                  long long *start_utc, long long *end_utc);
/* Current year and month in `zone`. */
int tz_now_month(struct tzctx *c, const char *zone, int *year, int *month);

#endif
