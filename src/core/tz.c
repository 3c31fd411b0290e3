/* Time zones through ICU calendars (tz.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "arena.h"
#include "icu_cache.h"
#include "tz.h"

/* A zone's UTC offset with the interval it holds for: from the zone's
 * transition before to its next one (ICU gives both), so a month of
 * records is dated with one ICU call per zone instead of one per record. */
#define ZONE_MEMO 8

struct zone_memo {
	char      zone[ZONE_MAX];   /* as given ("" = empty slot) */
	int       fallback;         /* TZ_OK or TZ_FALLBACK (zone_use) */
	long long from, to;         /* Unix seconds, [from, to) */
	long long off_ms;           /* raw + DST offset, milliseconds */
};

struct tzctx {
	struct icu_cache *cache;
	struct zone_memo  zones[ZONE_MEMO];
	unsigned          zone_next;   /* round-robin victim */
};

struct tzctx *tz_new(void)
{
	struct tzctx *c = xcalloc(1, sizeof(*c));

	c->cache = icu_cache_new();
	return c;
}

void tz_free(struct tzctx *c)
{
	if (c == NULL)
		return;
	icu_cache_free(c->cache);
	free(c);
}

struct icu_cache *tz_cache(struct tzctx *c)
{
	return c->cache;
}

/* IANA names are short ASCII: letters, digits, '/', '_', '-', '+'.
 * Checked before ICU sees them, so cache keys stay bounded. */
static int zone_syntax_ok(const char *zone)
{
	size_t n;

	if (zone == NULL)
		return 0;
	n = strnlen(zone, ZONE_MAX);
	if (n == 0 || n >= ZONE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = zone[i];

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || ch == '/' || ch == '_' || ch == '-' ||
		      ch == '+'))
			return 0;
	}
	return 1;
}

static UCalendar *cal_open(const char *zone)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar uz[ZONE_MAX];
	UCalendar *cal = NULL;

	if (icu_ascii_to_u16(zone, uz, ZONE_MAX) != 0)
		return NULL;
	cal = ucal_open(uz, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
	if (U_FAILURE(st)) {
		ucal_close(cal);
		return NULL;
	}
	/* Local midnight on a DST day: the first one when the hour repeats,
	 * the first valid instant when it is skipped (tz_day_bounds). */
	ucal_setAttribute(cal, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
	ucal_setAttribute(cal, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_NEXT_VALID);
	return cal;
}

/* ICU maps any unknown name to "Etc/Unknown" (GMT) silently; accept only
 * the IDs of its zone database. */
static int zone_known_to_icu(const char *zone)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar uz[ZONE_MAX], canon[ZONE_MAX];
	UChar unknown[] = u"Etc/Unknown";
	UBool is_system = 0;
	int32_t n;

	if (icu_ascii_to_u16(zone, uz, ZONE_MAX) != 0)
		return 0;
	n = ucal_getCanonicalTimeZoneID(uz, -1, canon, ZONE_MAX, &is_system, &st);
	if (U_FAILURE(st) || !is_system || n <= 0 || n >= ZONE_MAX)
		return 0;
	canon[n] = 0;
	return u_strcmp(canon, unknown) != 0;
}

int tz_valid(struct tzctx *c, const char *zone)
{
	char key[ICU_KEY_MAX];
	UCalendar *cal = NULL;

	if (c == NULL || !zone_syntax_ok(zone))
		return 0;
	if (icu_cache_find(c->cache, ICU_CAL, zone) != NULL)
		return 1;
	if (icu_key(key, "zone:%s", zone) != 0 || icu_cache_find(c->cache, ICU_BAD, key) != NULL)
		return 0;
	if (!zone_known_to_icu(zone) || (cal = cal_open(zone)) == NULL) {
		icu_cache_put(c->cache, ICU_BAD, key, NULL);
		return 0;
	}
	icu_cache_put(c->cache, ICU_CAL, zone, cal);
	return 1;
}

/* The zone to use: `zone` when valid, else "UTC" with *fallback set. */
const char *tz_zone_use(struct tzctx *c, const char *zone, int *fallback)
{
	if (tz_valid(c, zone)) {
		*fallback = TZ_OK;
		return zone;
	}
	*fallback = TZ_FALLBACK;
	return "UTC";
}

/* Calendar of a resolved zone. */
static UCalendar *cal_get(struct tzctx *c, const char *zone)
{
	struct icu_entry *f = icu_cache_find(c->cache, ICU_CAL, zone);
	UCalendar *cal = NULL;

	if (f != NULL)
		return f->obj;
	if ((cal = cal_open(zone)) == NULL)
		return NULL;
	icu_cache_put(c->cache, ICU_CAL, zone, cal);
	return cal;
}

/* From 1600 on ICU's calendar is the proleptic Gregorian one that the
 * arithmetic below computes (earlier it switches to Julian dates). */
#define ZONE_MEMO_MIN (-11676096000LL)   /* 1600-01-01T00:00:00Z */

/* Local fields of `epoch` at a fixed offset, as ICU computes them. */
static void local_fields(long long epoch, long long off_ms, struct tm_local *out)
{
	long long local = floor_div(epoch * 1000 + off_ms, 1000);
	long long days = floor_div(local, 86400), sod = local - days * 86400;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(sod / 3600);
	out->min = (int)(sod / 60 % 60);
	out->sec = (int)(sod % 60);
	/* 1970-01-01 was a Thursday (ISO 4). */
	out->wday = (int)(days + 3 - floor_div(days + 3, 7) * 7) + 1;
}

static const struct zone_memo *zone_memo_get(struct tzctx *c, const char *zone,
                                             long long epoch)
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *cal = NULL;
	UDate prev = 0, next = 0;
	size_t n = strlen(zone);
	int fb;

	if (n >= ZONE_MAX)
		return NULL;
	for (size_t i = 0; i < ZONE_MEMO; i++) {
		const struct zone_memo *m = &c->zones[i];
		if (m->zone[0] && epoch >= m->from && epoch < m->to && strcmp(m->zone, zone) == 0)
			return m;
	}
	const char *use = tz_zone_use(c, zone, &fb);
	if ((cal = cal_get(c, use)) == NULL)
		return NULL;
	ucal_setMillis(cal, (UDate)epoch * 1000.0, &st);
	long long off = (long long)ucal_get(cal, UCAL_ZONE_OFFSET, &st) +
	                ucal_get(cal, UCAL_DST_OFFSET, &st);
	UBool has_prev = ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_PREVIOUS_INCLUSIVE,
	                                                &prev, &st);
	UBool has_next = ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_NEXT, &next, &st);
	if (U_FAILURE(st))
		return NULL;
	struct zone_memo *m = &c->zones[c->zone_next++ % ZONE_MEMO];
	memcpy(m->zone, zone, n + 1);
	m->fallback = fb;
	m->off_ms = off;
	/* Whole seconds s with prev <= s * 1000 < next. */
	m->from = has_prev ? (long long)ceil(prev / 1000.0) : EPOCH_MIN;
	m->to = has_next ? (long long)ceil(next / 1000.0) : EPOCH_MAX + 1;
	if (!(epoch >= m->from && epoch < m->to)) {
		m->zone[0] = '\0';   /* ICU disagrees with itself: never trust it */
		return NULL;
	}
	return m;
}

int tz_local(struct tzctx *c, const char *zone, long long epoch, struct tm_local *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *cal = NULL;
	int fb;

	if (c == NULL || out == NULL || epoch < EPOCH_MIN || epoch > EPOCH_MAX)
		return -1;
	if (zone != NULL && epoch >= ZONE_MEMO_MIN) {
		const struct zone_memo *m = zone_memo_get(c, zone, epoch);
		if (m != NULL) {
			local_fields(epoch, m->off_ms, out);
			return m->fallback;
		}
	}
	zone = tz_zone_use(c, zone, &fb);
	if ((cal = cal_get(c, zone)) == NULL)
		return -1;
	ucal_setMillis(cal, (UDate)epoch * 1000.0, &st);
	out->year = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	out->month = ucal_get(cal, UCAL_MONTH, &st) + 1;
	out->day = ucal_get(cal, UCAL_DATE, &st);
	out->hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
	out->min = ucal_get(cal, UCAL_MINUTE, &st);
	out->sec = ucal_get(cal, UCAL_SECOND, &st);
	/* ICU: 1 = Sunday .. 7 = Saturday; ISO: 1 = Monday .. 7 = Sunday. */
	out->wday = (ucal_get(cal, UCAL_DAY_OF_WEEK, &st) + 5) % 7 + 1;
	return U_FAILURE(st) ? -1 : fb;
}

/* First instant of local day y-m-d in the calendar's zone. */
static int local_midnight(UCalendar *cal, int y, int m, int d, long long *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UDate ms;

	ucal_clear(cal);
	ucal_setDateTime(cal, y, m - 1, d, 0, 0, 0, &st);
	ms = ucal_getMillis(cal, &st);
	if (U_FAILURE(st))
		return -1;
	*out = (long long)floor(ms / 1000.0);
	return 0;
}


int tz_month_bounds(struct tzctx *c, const char *zone, int year, int month,
                    long long *start_utc, long long *end_utc)
{
	UCalendar *cal = NULL;
	int fb;

	if (c == NULL || start_utc == NULL || end_utc == NULL || !civil_ymd_ok(year, month, 1))
		return -1;
	zone = tz_zone_use(c, zone, &fb);
	if ((cal = cal_get(c, zone)) == NULL)
		return -1;
	if (local_midnight(cal, year, month, 1, start_utc) != 0 ||
	    local_midnight(cal, month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1,
	                   end_utc) != 0)
		return -1;
	return fb;
}

int tz_day_bounds(struct tzctx *c, const char *zone, int year, int month, int day,
                  long long *start_utc, long long *end_utc)
{
	UCalendar *cal = NULL;
	int ny = year, nm = month, nd = day + 1, fb;

	if (c == NULL || start_utc == NULL || end_utc == NULL || !civil_ymd_ok(year, month, day))
		return -1;
	if (nd > days_in_month(year, month)) {
		nd = 1;
		if (++nm > 12) {
			nm = 1;
			ny++;
		}
	}
	zone = tz_zone_use(c, zone, &fb);
	if ((cal = cal_get(c, zone)) == NULL)
		return -1;
	if (local_midnight(cal, year, month, day, start_utc) != 0 ||
	    local_midnight(cal, ny, nm, nd, end_utc) != 0)
		return -1;
	return fb;
}

int tz_now_month(struct tzctx *c, const char *zone, int *year, int *month)
{
	struct tm_local t;
	int rc;

	if (year == NULL || month == NULL)
		return -1;
	rc = tz_local(c, zone, (long long)floor(ucal_getNow() / 1000.0), &t);
	if (rc < 0)
		return -1;
	*year = t.year;
	*month = t.month;
	return rc;
}
