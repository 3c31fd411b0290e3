/* tz_local() remembers a zone's offset until its next transition (tz.c,
 * struct zone_memo): its answers must equal ICU's own calendar fields for
 * every instant, around transitions, in odd zones, in any order. */
#include <stdint.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "check.h"
#include "tz.h"

static const char *const zones[] = {
	"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
	"Pacific/Chatham", "America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca",
	"Europe/Amsterdam", "America/St_Johns", "Asia/Kathmandu", "Pacific/Apia",
	"UTC",
};

/* ICU's fields of `epoch` in `zone`, straight from a calendar. */
static int icu_fields(const char *zone, long long epoch, struct tm_local *out)
{
	UChar uz[64];
	UErrorCode st = U_ZERO_ERROR;
	u_uastrncpy(uz, zone, 63);
	uz[63] = 0;
	UCalendar *cal = ucal_open(uz, -1, "en_US@calendar=gregorian", UCAL_GREGORIAN, &st);
	if (U_FAILURE(st))
		return -1;
	ucal_setMillis(cal, (UDate)epoch * 1000.0, &st);
	out->year = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	out->month = ucal_get(cal, UCAL_MONTH, &st) + 1;
	out->day = ucal_get(cal, UCAL_DATE, &st);
	out->hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
	out->min = ucal_get(cal, UCAL_MINUTE, &st);
	out->sec = ucal_get(cal, UCAL_SECOND, &st);
	out->wday = (ucal_get(cal, UCAL_DAY_OF_WEEK, &st) + 5) % 7 + 1;
	ucal_close(cal);
	return U_FAILURE(st) ? -1 : 0;
}

static int mismatches;

static void same(struct tzctx *c, const char *zone, long long epoch)
{
	struct tm_local a, b;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	int rc = tz_local(c, zone, epoch, &a);
	if (rc != TZ_OK || icu_fields(zone, epoch, &b) != 0 || memcmp(&a, &b, sizeof(a)) != 0) {
		if (mismatches++ < 10)
			fprintf(stderr, "%s @%lld: %04d-%02d-%02d %02d:%02d:%02d w%d vs "
			        "%04d-%02d-%02d %02d:%02d:%02d w%d (rc %d)\n", zone, epoch,
			        a.year, a.month, a.day, a.hour, a.min, a.sec, a.wday,
			        b.year, b.month, b.day, b.hour, b.min, b.sec, b.wday, rc);
	}
}

/* Every transition of `zone` between two instants, probed on both sides. */
static void around_transitions(struct tzctx *c, const char *zone, long long from,
                               long long to)
{
	UChar uz[64];
	UErrorCode st = U_ZERO_ERROR;
	u_uastrncpy(uz, zone, 63);
	uz[63] = 0;
	UCalendar *cal = ucal_open(uz, -1, "en_US", UCAL_GREGORIAN, &st);
	UDate t = (UDate)from * 1000.0;
	for (int i = 0; i < 400 && U_SUCCESS(st); i++) {
		ucal_setMillis(cal, t, &st);
		UDate next;
		if (!ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_NEXT, &next, &st) ||
		    next / 1000.0 > (double)to)
			break;
		long long s = (long long)(next / 1000.0);
		for (long long d = -2; d <= 2; d++)
			same(c, zone, s + d);
		same(c, zone, s - 3600);
		same(c, zone, s + 3600);
		t = next;
	}
	ucal_close(cal);
}

int main(void)
{
	struct tzctx *c = tz_new();
	uint64_t x = 0x9E3779B97F4A7C15ull;

	/* 1600 .. 2100 at random, zones interleaved (the memo is small). */
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		long long epoch = -11676096000LL + (long long)(x % 15778800000ull);
		same(c, zones[i % (sizeof(zones) / sizeof(zones[0]))], epoch);
	}
	/* A month of records: the common case, in order. */
	for (long long t = 1790000000LL; t < 1790000000LL + 31 * 86400; t += 1800)
		same(c, "Europe/Berlin", t);
	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++)
		around_transitions(c, zones[z], 0, 2147483647LL);
	CHECK(mismatches == 0);

	/* Unknown and empty zones are UTC, reported as a fallback. */
	struct tm_local a, b;
	CHECK(tz_local(c, "Bad/Zone", 1790000000LL, &a) == TZ_FALLBACK);
	CHECK(tz_local(c, "UTC", 1790000000LL, &b) == TZ_OK);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	CHECK(tz_local(c, "", 1790000000LL, &a) == TZ_FALLBACK);
	CHECK(tz_local(c, NULL, 1790000000LL, &a) == TZ_FALLBACK);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	/* Before 1600 ICU's own (Julian) calendar answers. */
	CHECK(tz_local(c, "UTC", -12219292800LL - 86400, &a) == TZ_OK);
	CHECK(a.year == 1582 && a.month == 10 && a.day == 4);

	tz_free(c);
	return check_done();
}
