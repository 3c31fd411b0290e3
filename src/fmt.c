/* ICU formatters and calendars behind fmt.h, cached per thread. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "arena.h"
#include "fmt.h"
#include "i18n.h"

/* 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: wider than any date Kimai
 * stores, narrow enough that milliseconds stay exact in a double. */
#define EPOCH_MIN (-62135596800LL)
#define EPOCH_MAX 253402300799LL

#define ZONE_MAX 64           /* longest IANA name is ~32 bytes */
#define EN_DASH "\xe2\x80\x93"

/* ---- the per-thread cache ------------------------------------------- */

enum fkind {
	FK_DATE,      /* UDateFormat: locale|pattern|zone ("@skeleton" allowed) */
	FK_DECIMAL,   /* UNumberFormat: locale */
	FK_MONEY,     /* UNumberFormat: locale|currency */
	FK_PERCENT,   /* UNumberFormat: locale */
	FK_CAL,       /* UCalendar: zone (its mere presence means "valid zone") */
	FK_BAD,       /* remembered rejection, no object: "zone:X" or "cur:X" */
};

/* A handful of zones x languages x kinds; a share page uses fewer than 20. */
#define FMT_SLOTS 64
#define KEY_MAX   128

struct fent {
	uint32_t       hash;     /* of kind and key; 0 = empty slot */
	enum fkind     kind;
	void          *obj;
	unsigned long  used;     /* LRU clock */
	char           key[KEY_MAX];
};

/* Formatted short dates by (language, local date): a month of records
 * repeats the same few dates, and formatting a date through ICU costs
 * several times more than finding its local day. */
#define DATE_MEMO 64

struct date_memo {
	const struct i18n_lang *lang;   /* NULL = empty */
	int                     ymd;    /* y * 10000 + m * 100 + d */
	char                    s[40];
};

/* Formatted amounts by (language, currency, amount): a month's table
 * repeats the same hourly rates and many totals, and each ICU currency
 * format costs thousands of instructions. */
#define MONEY_MEMO 256

struct money_memo {
	const struct i18n_lang *lang;   /* NULL = empty */
	char                    cur[4]; /* the currency exactly as given */
	double                  amount;
	char                    s[48];
};

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

struct fmtctx {
	struct fent       e[FMT_SLOTS];
	unsigned long     tick;
	struct date_memo  dates[DATE_MEMO];
	struct money_memo money[MONEY_MEMO];
	struct zone_memo  zones[ZONE_MEMO];
	unsigned          zone_next;   /* round-robin victim */
};

static uint32_t key_hash(enum fkind k, const char *key)
{
	uint32_t h = 2166136261u ^ (uint32_t)k;   /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h ? h : 1;
}

static void obj_close(enum fkind k, void *obj)
{
	if (obj == NULL)
		return;
	switch (k) {
	case FK_DATE:
		udat_close(obj);
		break;
	case FK_DECIMAL:
	case FK_MONEY:
	case FK_PERCENT:
		unum_close(obj);
		break;
	case FK_CAL:
		ucal_close(obj);
		break;
	case FK_BAD:
		break;
	}
}

struct fmtctx *fmtctx_new(void)
{
	return xcalloc(1, sizeof(struct fmtctx));
}

void fmtctx_free(struct fmtctx *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < FMT_SLOTS; i++)
		obj_close(c->e[i].kind, c->e[i].obj);
	free(c);
}

static struct fent *cache_find(struct fmtctx *c, enum fkind k, const char *key)
{
	uint32_t h = key_hash(k, key);

	for (size_t i = 0; i < FMT_SLOTS; i++) {
		struct fent *f = &c->e[i];

		if (f->hash == h && f->kind == k && strcmp(f->key, key) == 0) {
			f->used = ++c->tick;
			return f;
		}
	}
	return NULL;
}

/* Stores `obj` (ownership passes to the cache), evicting the least
 * recently used entry when full.  Keys longer than KEY_MAX cannot occur:
 * callers build them from bounded parts and check for truncation. */
static void cache_put(struct fmtctx *c, enum fkind k, const char *key, void *obj)
{
	struct fent *victim = &c->e[0];

	for (size_t i = 0; i < FMT_SLOTS; i++) {
		if (c->e[i].hash == 0) {
			victim = &c->e[i];
			break;
		}
		if (c->e[i].used < victim->used)
			victim = &c->e[i];
	}
	obj_close(victim->kind, victim->obj);
	victim->hash = key_hash(k, key);
	victim->kind = k;
	victim->obj = obj;
	victim->used = ++c->tick;
	snprintf(victim->key, sizeof victim->key, "%s", key);
}

/* Builds a cache key; -1 when it would not fit (never with valid inputs). */
static int make_key(char key[KEY_MAX], const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int make_key(char key[KEY_MAX], const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(key, KEY_MAX, fmt, ap);
	va_end(ap);
	return n < 0 || n >= KEY_MAX ? -1 : 0;
}

/* ---- small helpers -------------------------------------------------- */

static const struct i18n_lang *lang_or_default(const struct i18n_lang *l)
{
	return l != NULL ? l : i18n_default();
}

/* ASCII-only text (locale ids, patterns, zone names) to UTF-16. */
static int ascii_to_u16(const char *s, UChar *u, size_t cap)
{
	size_t n = strlen(s);

	if (n >= cap)
		return -1;
	u_uastrncpy(u, s, (int32_t)n);
	u[n] = 0;
	return 0;
}

/* UTF-16 result to UTF-8 `out`; NULL when it does not fit. */
static const char *u16_to_out(const UChar *u, int32_t n, char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len = 0;
	int32_t cap = outsz > INT32_MAX ? INT32_MAX : (int32_t)outsz;

	u_strToUTF8(out, cap, &len, u, n, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || len >= cap)
		return NULL;
	return out;
}

static const char *put_ascii(char *out, size_t outsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static const char *put_ascii(char *out, size_t outsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, outsz, fmt, ap);   /* truncation is acceptable here */
	va_end(ap);
	return out;
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (the classic era-based civil calendar arithmetic). */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static long long floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int days_in_month(int year, int month)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap;

	if (month < 1 || month > 12)
		return 0;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return dim[month - 1] + (month == 2 && leap);
}

long long utc_epoch(int year, int month, int day, int hour, int min, int sec)
{
	return days_from_civil(year, month, day) * 86400LL + hour * 3600LL + min * 60LL + sec;
}

/* Exactly `n` ASCII digits at s, as a number; -1 otherwise. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int utc_parse_datetime(const char *s, long long *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	size_t n;

	if (s == NULL || out == NULL)
		return -1;
	n = strnlen(s, 20);
	if (n != 10 && n != 19)
		return -1;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (s[4] != '-' || s[7] != '-' || y < 1 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, mo))
		return -1;
	if (n == 19) {
		h = digits(s + 11, 2);
		mi = digits(s + 14, 2);
		se = digits(s + 17, 2);
		if (s[10] != ' ' || s[13] != ':' || s[16] != ':' || h < 0 || h > 23 ||
		    mi < 0 || mi > 59 || se < 0 || se > 59)
			return -1;
	}
	*out = utc_epoch(y, mo, d, h, mi, se);
	return 0;
}

/* ISO "YYYY-MM-DD" of an instant in UTC: the fallback when ICU fails. */
static const char *put_iso_date(long long epoch, char *out, size_t outsz)
{
	int y, m, d;

	civil_from_days(floor_div(epoch, 86400), &y, &m, &d);
	return put_ascii(out, outsz, "%04d-%02d-%02d", y, m, d);
}

/* ---- time zones ----------------------------------------------------- */

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

	if (ascii_to_u16(zone, uz, ZONE_MAX) != 0)
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

	if (ascii_to_u16(zone, uz, ZONE_MAX) != 0)
		return 0;
	n = ucal_getCanonicalTimeZoneID(uz, -1, canon, ZONE_MAX, &is_system, &st);
	if (U_FAILURE(st) || !is_system || n <= 0 || n >= ZONE_MAX)
		return 0;
	canon[n] = 0;
	return u_strcmp(canon, unknown) != 0;
}

int tz_valid(struct fmtctx *c, const char *zone)
{
	char key[KEY_MAX];
	UCalendar *cal = NULL;

	if (c == NULL || !zone_syntax_ok(zone))
		return 0;
	if (cache_find(c, FK_CAL, zone) != NULL)
		return 1;
	if (make_key(key, "zone:%s", zone) != 0 || cache_find(c, FK_BAD, key) != NULL)
		return 0;
	if (!zone_known_to_icu(zone) || (cal = cal_open(zone)) == NULL) {
		cache_put(c, FK_BAD, key, NULL);
		return 0;
	}
	cache_put(c, FK_CAL, zone, cal);
	return 1;
}

/* The zone to use: `zone` when valid, else "UTC" with *fallback set. */
static const char *zone_use(struct fmtctx *c, const char *zone, int *fallback)
{
	if (tz_valid(c, zone)) {
		*fallback = TZ_OK;
		return zone;
	}
	*fallback = TZ_FALLBACK;
	return "UTC";
}

/* Calendar of a resolved zone. */
static UCalendar *cal_get(struct fmtctx *c, const char *zone)
{
	struct fent *f = cache_find(c, FK_CAL, zone);
	UCalendar *cal = NULL;

	if (f != NULL)
		return f->obj;
	if ((cal = cal_open(zone)) == NULL)
		return NULL;
	cache_put(c, FK_CAL, zone, cal);
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

static const struct zone_memo *zone_memo_get(struct fmtctx *c, const char *zone,
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
	const char *use = zone_use(c, zone, &fb);
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

int tz_local(struct fmtctx *c, const char *zone, long long epoch, struct tm_local *out)
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
	zone = zone_use(c, zone, &fb);
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

static int ymd_ok(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

int tz_month_bounds(struct fmtctx *c, const char *zone, int year, int month,
                    long long *start_utc, long long *end_utc)
{
	UCalendar *cal = NULL;
	int fb;

	if (c == NULL || start_utc == NULL || end_utc == NULL || !ymd_ok(year, month, 1))
		return -1;
	zone = zone_use(c, zone, &fb);
	if ((cal = cal_get(c, zone)) == NULL)
		return -1;
	if (local_midnight(cal, year, month, 1, start_utc) != 0 ||
	    local_midnight(cal, month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1,
	                   end_utc) != 0)
		return -1;
	return fb;
}

int tz_day_bounds(struct fmtctx *c, const char *zone, int year, int month, int day,
                  long long *start_utc, long long *end_utc)
{
	UCalendar *cal = NULL;
	int ny = year, nm = month, nd = day + 1, fb;

	if (c == NULL || start_utc == NULL || end_utc == NULL || !ymd_ok(year, month, day))
		return -1;
	if (nd > days_in_month(year, month)) {
		nd = 1;
		if (++nm > 12) {
			nm = 1;
			ny++;
		}
	}
	zone = zone_use(c, zone, &fb);
	if ((cal = cal_get(c, zone)) == NULL)
		return -1;
	if (local_midnight(cal, year, month, day, start_utc) != 0 ||
	    local_midnight(cal, ny, nm, nd, end_utc) != 0)
		return -1;
	return fb;
}

int tz_now_month(struct fmtctx *c, const char *zone, int *year, int *month)
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

/* ---- dates ---------------------------------------------------------- */

/* A date formatter for (locale, pattern, zone).  A pattern starting with
 * '@' is a skeleton resolved to the locale's own pattern ("@yMMMM" ->
 * "MMMM y" in en, "y年M月" in ja).  `zone` must be resolved already. */
static UDateFormat *datefmt_get(struct fmtctx *c, const char *locale, const char *pattern,
                                const char *zone)
{
	char key[KEY_MAX];
	UErrorCode st = U_ZERO_ERROR;
	UChar uz[ZONE_MAX], upat[64], best[64];
	const UChar *pat = upat;
	UDateTimePatternGenerator *gen = NULL;
	UDateFormat *df = NULL;
	struct fent *f;

	if (make_key(key, "%s|%s|%s", locale, pattern, zone) != 0)
		return NULL;
	if ((f = cache_find(c, FK_DATE, key)) != NULL)
		return f->obj;
	if (ascii_to_u16(zone, uz, ZONE_MAX) != 0)
		return NULL;
	if (pattern[0] == '@') {
		int32_t n;

		if (ascii_to_u16(pattern + 1, upat, 64) != 0)
			return NULL;
		gen = udatpg_open(locale, &st);
		n = udatpg_getBestPattern(gen, upat, -1, best, 64, &st);
		udatpg_close(gen);
		if (U_FAILURE(st) || n <= 0 || n >= 64)
			return NULL;
		best[n] = 0;
		pat = best;
	} else {
		/* Kimai's patterns may hold non-ASCII marks (ar's U+200F), so
		 * they are read as UTF-8. */
		u_strFromUTF8(upat, 64, NULL, pattern, -1, &st);
		if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
			return NULL;
	}
	df = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, uz, -1, pat, -1, &st);
	if (U_FAILURE(st)) {
		udat_close(df);
		return NULL;
	}
	cache_put(c, FK_DATE, key, df);
	return df;
}

/* Formats `epoch` with (lang, pattern, zone); NULL on failure. */
static const char *format_date(struct fmtctx *c, const struct i18n_lang *l,
                               const char *pattern, const char *zone, long long epoch,
                               char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[FMT_BUF];
	UDateFormat *df = NULL;
	int32_t n;

	if (c == NULL || epoch < EPOCH_MIN || epoch > EPOCH_MAX)
		return NULL;
	if ((df = datefmt_get(c, l->icu_locale, pattern, zone)) == NULL)
		return NULL;
	n = udat_format(df, (UDate)epoch * 1000.0, buf, FMT_BUF, NULL, &st);
	if (U_FAILURE(st) || n >= FMT_BUF)
		return NULL;
	return u16_to_out(buf, n, out, outsz);
}

#define OUT_OK(out, outsz) ((out) != NULL && (outsz) > 0)

const char *fmt_date_ymd(struct fmtctx *c, const struct i18n_lang *lang,
                         int year, int month, int day, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	struct date_memo *m = NULL;
	int ymd = year * 10000 + month * 100 + day;

	if (!OUT_OK(out, outsz))
		return "";
	if (!ymd_ok(year, month, day))
		return put_ascii(out, outsz, "%d-%d-%d", year, month, day);
	if (c != NULL) {
		m = &c->dates[((unsigned)ymd * 31u + (unsigned)((uintptr_t)l >> 4)) % DATE_MEMO];
		if (m->lang == l && m->ymd == ymd)
			return put_ascii(out, outsz, "%s", m->s);
	}
	/* Noon UTC formatted in UTC is that calendar date everywhere. */
	if (format_date(c, l, l->date_pattern, "UTC", utc_epoch(year, month, day, 12, 0, 0),
	                out, outsz) == NULL)
		return put_ascii(out, outsz, "%04d-%02d-%02d", year, month, day);
	if (m != NULL && strlen(out) < sizeof m->s) {
		m->lang = l;
		m->ymd = ymd;
		memcpy(m->s, out, strlen(out) + 1);
	}
	return out;
}

const char *fmt_date(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz)
{
	struct tm_local t;

	if (!OUT_OK(out, outsz))
		return "";
	/* Kimai's date patterns hold no time fields: the local calendar day
	 * decides the text, so the (memoised) day formatter does the rest. */
	if (c != NULL && tz_local(c, zone, epoch, &t) >= 0)
		return fmt_date_ymd(c, lang, t.year, t.month, t.day, out, outsz);
	return put_iso_date(epoch, out, outsz);
}

const char *fmt_time(struct fmtctx *c, const struct i18n_lang *lang, const char *zone,
                     long long epoch, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	int fb;

	if (!OUT_OK(out, outsz))
		return "";
	if (c != NULL && format_date(c, l, l->time_pattern, zone_use(c, zone, &fb), epoch,
	                             out, outsz) != NULL)
		return out;
	/* UTC wall clock: floor_div keeps both fields non-negative. */
	return put_ascii(out, outsz, "%02lld:%02lld",
	                 floor_div(epoch, 3600) - floor_div(epoch, 86400) * 24,
	                 floor_div(epoch, 60) - floor_div(epoch, 3600) * 60);
}

const char *fmt_month_name(struct fmtctx *c, const struct i18n_lang *lang, int month,
                           char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	if (!OUT_OK(out, outsz))
		return "";
	if (month >= 1 && month <= 12 &&
	    format_date(c, l, "LLLL", "UTC", utc_epoch(2000, month, 15, 12, 0, 0), out,
	                outsz) != NULL)
		return out;
	return put_ascii(out, outsz, "%d", month);
}

const char *fmt_month_year(struct fmtctx *c, const struct i18n_lang *lang, int year,
                           int month, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	if (!OUT_OK(out, outsz))
		return "";
	if (ymd_ok(year, month, 1) &&
	    format_date(c, l, "@yMMMM", "UTC", utc_epoch(year, month, 15, 12, 0, 0), out,
	                outsz) != NULL)
		return out;
	return put_ascii(out, outsz, "%04d-%02d", year, month);
}

const char *fmt_weekday_short(struct fmtctx *c, const struct i18n_lang *lang,
                              const char *zone, long long epoch, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	int fb;

	if (!OUT_OK(out, outsz))
		return "";
	if (c != NULL && format_date(c, l, "EEE", zone_use(c, zone, &fb), epoch, out,
	                             outsz) != NULL)
		return out;
	out[0] = '\0';
	return out;
}

/* ---- numbers -------------------------------------------------------- */

static UNumberFormat *numfmt_open(enum fkind k, const char *locale, const UChar *currency)
{
	UErrorCode st = U_ZERO_ERROR;
	UNumberFormat *nf = NULL;

	switch (k) {
	case FK_MONEY:
		nf = unum_open(UNUM_CURRENCY, NULL, 0, locale, NULL, &st);
		if (U_SUCCESS(st))
			unum_setTextAttribute(nf, UNUM_CURRENCY_CODE, currency, 3, &st);
		break;
	case FK_PERCENT:
		nf = unum_open(UNUM_PERCENT, NULL, 0, locale, NULL, &st);
		if (U_SUCCESS(st)) {
			unum_setAttribute(nf, UNUM_MIN_FRACTION_DIGITS, 1);
			unum_setAttribute(nf, UNUM_MAX_FRACTION_DIGITS, 1);
		}
		break;
	default:
		nf = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &st);
		break;
	}
	if (U_FAILURE(st)) {
		unum_close(nf);
		return NULL;
	}
	return nf;
}

static UNumberFormat *numfmt_get(struct fmtctx *c, enum fkind k, const char *locale,
                                 const char *currency)
{
	char key[KEY_MAX];
	UChar ucur[4] = { 0 };
	UNumberFormat *nf = NULL;
	struct fent *f;

	if (make_key(key, "%s|%s", locale, currency ? currency : "") != 0)
		return NULL;
	if ((f = cache_find(c, k, key)) != NULL)
		return f->obj;
	if (currency != NULL)
		u_uastrncpy(ucur, currency, 3);
	if ((nf = numfmt_open(k, locale, ucur)) == NULL)
		return NULL;
	cache_put(c, k, key, nf);
	return nf;
}

static const char *format_number(UNumberFormat *nf, double v, char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[FMT_BUF];
	int32_t n;

	if (nf == NULL)
		return NULL;
	n = unum_formatDouble(nf, v, buf, FMT_BUF, NULL, &st);
	if (U_FAILURE(st) || n >= FMT_BUF)
		return NULL;
	return u16_to_out(buf, n, out, outsz);
}

/* An ISO 4217 code ICU knows, upper-cased into `code`; 0 if not. */
static int currency_ok(struct fmtctx *c, const char *currency, char code[4])
{
	char key[KEY_MAX];
	UErrorCode st = U_ZERO_ERROR;
	UChar ucur[4];
	UBool known;

	if (currency == NULL || strnlen(currency, 4) != 3)
		return 0;
	for (int i = 0; i < 3; i++) {
		char ch = currency[i];

		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch < 'A' || ch > 'Z')
			return 0;
		code[i] = ch;
	}
	code[3] = '\0';
	/* XXX means "no currency" in ISO 4217: shown as a plain number. */
	if (strcmp(code, "XXX") == 0)
		return 0;
	if (make_key(key, "cur:%s", code) != 0 || cache_find(c, FK_BAD, key) != NULL)
		return 0;
	u_uastrncpy(ucur, code, 3);
	ucur[3] = 0;
	known = ucurr_isAvailable(ucur, U_DATE_MIN, U_DATE_MAX, &st);
	if (U_FAILURE(st) || !known) {
		cache_put(c, FK_BAD, key, NULL);
		return 0;
	}
	return 1;
}

const char *fmt_number(struct fmtctx *c, const struct i18n_lang *lang, double v,
                       int decimals, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	UNumberFormat *nf = NULL;

	if (!OUT_OK(out, outsz))
		return "";
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (!isfinite(v))
		return put_ascii(out, outsz, "%s", EN_DASH);
	if (c != NULL && (nf = numfmt_get(c, FK_DECIMAL, l->icu_locale, NULL)) != NULL) {
		unum_setAttribute(nf, UNUM_MIN_FRACTION_DIGITS, decimals);
		unum_setAttribute(nf, UNUM_MAX_FRACTION_DIGITS, decimals);
		if (format_number(nf, v, out, outsz) != NULL)
			return out;
	}
	return put_ascii(out, outsz, "%.*f", decimals, v);
}

static const char *fmt_money_icu(struct fmtctx *c, const struct i18n_lang *l,
                                 const char *currency, double amount, char *out,
                                 size_t outsz)
{
	char code[4];

	if (c != NULL && currency_ok(c, currency, code) &&
	    format_number(numfmt_get(c, FK_MONEY, l->icu_locale, code), amount, out,
	                  outsz) != NULL)
		return out;
	return fmt_number(c, l, amount, 2, out, outsz);
}

const char *fmt_money(struct fmtctx *c, const struct i18n_lang *lang, const char *currency,
                      double amount, char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);
	struct money_memo *m = NULL;

	if (!OUT_OK(out, outsz))
		return "";
	if (!isfinite(amount))
		return put_ascii(out, outsz, "%s", EN_DASH);
	/* The result depends on nothing but these three: remember it. */
	if (c != NULL && currency != NULL && strnlen(currency, 4) == 3) {
		uint64_t bits;
		memcpy(&bits, &amount, sizeof(bits));
		uint64_t h = (bits ^ (bits >> 29) ^ (uint64_t)(uintptr_t)l ^
		              ((uint64_t)(unsigned char)currency[0] << 16 |
		               (uint64_t)(unsigned char)currency[1] << 8 |
		               (unsigned char)currency[2])) * 0x9E3779B97F4A7C15ull;
		m = &c->money[(h >> 32) % MONEY_MEMO];
		if (m->lang == l && m->amount == amount && memcmp(m->cur, currency, 4) == 0 &&
		    signbit(m->amount) == signbit(amount)) {
			size_t n = strlen(m->s);
			if (n < outsz) {
				memcpy(out, m->s, n + 1);
				return out;
			}
		}
	}
	const char *r = fmt_money_icu(c, l, currency, amount, out, outsz);
	/* Only whole results (FMT_BUF is always enough), never truncated ones. */
	if (m != NULL && r == out && outsz >= FMT_BUF && strlen(out) < sizeof(m->s)) {
		m->lang = l;
		memcpy(m->cur, currency, 4);
		m->amount = amount;
		memcpy(m->s, out, strlen(out) + 1);
	}
	return r;
}

const char *fmt_percent(struct fmtctx *c, const struct i18n_lang *lang, double pct_value,
                        char *out, size_t outsz)
{
	const struct i18n_lang *l = lang_or_default(lang);

	if (!OUT_OK(out, outsz))
		return "";
	if (!isfinite(pct_value))
		return put_ascii(out, outsz, "%s", EN_DASH);
	/* ICU's percent style multiplies by 100. */
	if (c != NULL && format_number(numfmt_get(c, FK_PERCENT, l->icu_locale, NULL),
	                               pct_value / 100.0, out, outsz) != NULL)
		return out;
	return put_ascii(out, outsz, "%.1f%%", pct_value);
}

const char *fmt_duration(long long seconds, char *out, size_t outsz)
{
	unsigned long long s;

	if (!OUT_OK(out, outsz))
		return "";
	/* Negative durations (clock skew, manual edits) keep their sign, as in
	 * Kimai only from a whole minute on, so -30 s is "0:00", not "-0:00".
	 * The unsigned negation is defined even for LLONG_MIN. */
	s = seconds < 0 ? 0ULL - (unsigned long long)seconds : (unsigned long long)seconds;
	/* Digits by hand: a table has one or two durations per row. */
	char tmp[32], *p = tmp + sizeof(tmp);
	unsigned long long h = s / 3600, m = (s / 60) % 60;
	*--p = '\0';
	*--p = (char)('0' + m % 10);
	*--p = (char)('0' + m / 10);
	*--p = ':';
	do
		*--p = (char)('0' + h % 10);
	while ((h /= 10) != 0);
	if (seconds <= -60)
		*--p = '-';
	size_t n = (size_t)(tmp + sizeof(tmp) - 1 - p);
	if (n >= outsz)
		n = outsz - 1;   /* truncation is acceptable here, as in put_ascii */
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}
