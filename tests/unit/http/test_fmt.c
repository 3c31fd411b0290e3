/* ICU formats and time-zone arithmetic (fmt.c).  Expected strings are what
 * ICU 72 gives with Kimai's patterns; "\u00a0" and "\u202f" are the
 * no-break spaces ICU puts into numbers and money. */
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fmt.h"
#include "i18n.h"

static struct fmtctx *c;
static char b[FMT_BUF];

#define L(code) i18n_find(code)
#define UTC(y, mo, d, h, mi, s) utc_epoch((y), (mo), (d), (h), (mi), (s))

static void test_dates(void)
{
	long long t = UTC(2026, 3, 5, 14, 7, 0);

	CHECK_STR(fmt_date(c, L("en"), "UTC", t, b, sizeof b), "3/5/2026");
	CHECK_STR(fmt_date(c, L("de"), "UTC", t, b, sizeof b), "05.03.2026");
	CHECK_STR(fmt_date(c, L("fr"), "UTC", t, b, sizeof b), "05/03/2026");
	CHECK_STR(fmt_date(c, L("ja"), "UTC", t, b, sizeof b), "2026/03/05");
	CHECK_STR(fmt_date(c, L("es"), "UTC", t, b, sizeof b), "5/3/2026");
	CHECK_STR(fmt_date(c, L("nl"), "UTC", t, b, sizeof b), "05-03-2026");
	CHECK_STR(fmt_date(c, L("pl"), "UTC", t, b, sizeof b), "5.03.2026");
	CHECK_STR(fmt_date(c, L("sv"), "UTC", t, b, sizeof b), "2026-03-05");
	CHECK_STR(fmt_date(c, L("zh_CN"), "UTC", t, b, sizeof b), "2026/3/5");
	CHECK_STR(fmt_date(c, NULL, "UTC", t, b, sizeof b), "3/5/2026");

	CHECK_STR(fmt_date_ymd(c, L("de"), 2026, 12, 31, b, sizeof b), "31.12.2026");
	CHECK_STR(fmt_date_ymd(c, L("en"), 2024, 2, 29, b, sizeof b), "2/29/2024");

	CHECK_STR(fmt_time(c, L("en"), "UTC", t, b, sizeof b), "2:07 PM");
	CHECK_STR(fmt_time(c, L("de"), "UTC", t, b, sizeof b), "14:07");
	CHECK_STR(fmt_time(c, L("da"), "UTC", t, b, sizeof b), "14.07");
	CHECK_STR(fmt_time(c, L("de"), "Europe/Berlin", t, b, sizeof b), "15:07");

	/* A record's date is its start in its own zone: 23:30 UTC on the 31st
	 * is already April 1st in Madrid, still March 31st in New York. */
	t = UTC(2026, 3, 31, 23, 30, 0);
	CHECK_STR(fmt_date(c, L("en"), "Europe/Madrid", t, b, sizeof b), "4/1/2026");
	CHECK_STR(fmt_date(c, L("en"), "America/New_York", t, b, sizeof b), "3/31/2026");
}

static void test_month_names(void)
{
	CHECK_STR(fmt_month_name(c, L("en"), 3, b, sizeof b), "March");
	CHECK_STR(fmt_month_name(c, L("de"), 3, b, sizeof b), "März");
	CHECK_STR(fmt_month_name(c, L("fr"), 2, b, sizeof b), "février");
	CHECK_STR(fmt_month_name(c, L("ja"), 3, b, sizeof b), "3月");
	CHECK_STR(fmt_month_name(c, L("ru"), 1, b, sizeof b), "январь");
	CHECK_STR(fmt_month_name(c, L("en"), 13, b, sizeof b), "13");

	CHECK_STR(fmt_month_year(c, L("en"), 2026, 3, b, sizeof b), "March 2026");
	CHECK_STR(fmt_month_year(c, L("de"), 2026, 3, b, sizeof b), "März 2026");
	CHECK_STR(fmt_month_year(c, L("fr"), 2026, 3, b, sizeof b), "mars 2026");
	CHECK_STR(fmt_month_year(c, L("ja"), 2026, 3, b, sizeof b), "2026年3月");
	CHECK_STR(fmt_month_year(c, L("zh_CN"), 2026, 12, b, sizeof b), "2026年12月");

	/* 2026-03-29 is a Sunday. */
	CHECK_STR(fmt_weekday_short(c, L("en"), "UTC", UTC(2026, 3, 29, 12, 0, 0), b, sizeof b),
	          "Sun");
	CHECK_STR(fmt_weekday_short(c, L("de"), "UTC", UTC(2026, 3, 29, 12, 0, 0), b, sizeof b),
	          "So.");
	CHECK_STR(fmt_weekday_short(c, L("ja"), "UTC", UTC(2026, 3, 29, 12, 0, 0), b, sizeof b),
	          "日");
}

static void test_numbers(void)
{
	CHECK_STR(fmt_money(c, L("en"), "EUR", 1234.5, b, sizeof b), "€1,234.50");
	CHECK_STR(fmt_money(c, L("de"), "EUR", 1234.5, b, sizeof b), "1.234,50\u00a0€");
	CHECK_STR(fmt_money(c, L("fr"), "EUR", 1234.5, b, sizeof b), "1\u202f234,50\u00a0€");
	CHECK_STR(fmt_money(c, L("ja"), "EUR", 1234.5, b, sizeof b), "€1,234.50");
	CHECK_STR(fmt_money(c, L("en"), "USD", -1234.5, b, sizeof b), "-$1,234.50");
	CHECK_STR(fmt_money(c, L("de"), "usd", 0, b, sizeof b), "0,00\u00a0$");
	CHECK_STR(fmt_money(c, L("ja"), "JPY", 1234, b, sizeof b), "￥1,234");
	/* Unknown, empty, missing or malformed currency: a plain number. */
	CHECK_STR(fmt_money(c, L("en"), "ZZZ", 1234.5, b, sizeof b), "1,234.50");
	CHECK_STR(fmt_money(c, L("de"), "", 1234.5, b, sizeof b), "1.234,50");
	CHECK_STR(fmt_money(c, L("de"), NULL, 1234.5, b, sizeof b), "1.234,50");
	CHECK_STR(fmt_money(c, L("en"), "EURO", 1, b, sizeof b), "1.00");
	CHECK_STR(fmt_money(c, L("en"), "E1R", 1, b, sizeof b), "1.00");
	CHECK_STR(fmt_money(c, L("en"), "XXX", 1, b, sizeof b), "1.00");
	CHECK_STR(fmt_money(c, L("en"), "EUR", NAN, b, sizeof b), "–");

	CHECK_STR(fmt_number(c, L("en"), 1234567.891, 2, b, sizeof b), "1,234,567.89");
	CHECK_STR(fmt_number(c, L("de"), 1234567.891, 0, b, sizeof b), "1.234.568");
	CHECK_STR(fmt_number(c, L("fr"), 0.5, 1, b, sizeof b), "0,5");

	CHECK_STR(fmt_percent(c, L("en"), 45.26, b, sizeof b), "45.3%");
	CHECK_STR(fmt_percent(c, L("de"), 45.26, b, sizeof b), "45,3\u00a0%");
	CHECK_STR(fmt_percent(c, L("en"), 100, b, sizeof b), "100.0%");
	CHECK_STR(fmt_percent(c, L("en"), INFINITY, b, sizeof b), "–");

	CHECK_STR(fmt_duration(21600, b, sizeof b), "6:00");
	CHECK_STR(fmt_duration(300, b, sizeof b), "0:05");
	CHECK_STR(fmt_duration(451800, b, sizeof b), "125:30");
	CHECK_STR(fmt_duration(359, b, sizeof b), "0:05");
	CHECK_STR(fmt_duration(0, b, sizeof b), "0:00");
	CHECK_STR(fmt_duration(-300, b, sizeof b), "-0:05");
	CHECK_STR(fmt_duration(-59, b, sizeof b), "0:00");
	CHECK_STR(fmt_duration(-3660, b, sizeof b), "-1:01");
	CHECK(fmt_duration(LLONG_MIN, b, sizeof b)[0] == '-');

	/* A tiny buffer is truncated, never overrun; no buffer gives "". */
	{
		char small[4];

		fmt_money(c, L("en"), "EUR", 1234.5, small, sizeof small);
		CHECK(strlen(small) < sizeof small);
		CHECK_STR(fmt_date(c, L("en"), "UTC", 0, small, 0), "");
	}
}

static void test_zones(void)
{
	struct tm_local t;
	long long s, e;
	int y, m;

	CHECK(tz_valid(fmtctx_tz(c), "Europe/Madrid"));
	CHECK(tz_valid(fmtctx_tz(c), "America/New_York"));
	CHECK(tz_valid(fmtctx_tz(c), "UTC"));
	CHECK(!tz_valid(fmtctx_tz(c), "Mars/Olympus_Mons"));
	CHECK(!tz_valid(fmtctx_tz(c), "Etc/Unknown"));
	CHECK(!tz_valid(fmtctx_tz(c), ""));
	CHECK(!tz_valid(fmtctx_tz(c), NULL));
	CHECK(!tz_valid(fmtctx_tz(c), "Europe/Madrid\n"));
	CHECK(!tz_valid(fmtctx_tz(c), "../../etc/passwd"));

	/* Europe/Madrid, spring forward: 02:00 CET -> 03:00 CEST. */
	CHECK(tz_local(fmtctx_tz(c), "Europe/Madrid", UTC(2026, 3, 29, 0, 59, 59), &t) == TZ_OK);
	CHECK(t.hour == 1 && t.min == 59 && t.day == 29 && t.wday == 7);
	CHECK(tz_local(fmtctx_tz(c), "Europe/Madrid", UTC(2026, 3, 29, 1, 0, 0), &t) == TZ_OK);
	CHECK(t.hour == 3 && t.min == 0);
	CHECK(tz_day_bounds(fmtctx_tz(c), "Europe/Madrid", 2026, 3, 29, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 3, 28, 23, 0, 0) && e == UTC(2026, 3, 29, 22, 0, 0));
	CHECK(e - s == 23 * 3600);
	/* ... and back: 03:00 CEST -> 02:00 CET, the 25-hour day. */
	CHECK(tz_local(fmtctx_tz(c), "Europe/Madrid", UTC(2026, 10, 25, 0, 30, 0), &t) == TZ_OK);
	CHECK(t.hour == 2 && t.min == 30);
	CHECK(tz_local(fmtctx_tz(c), "Europe/Madrid", UTC(2026, 10, 25, 1, 30, 0), &t) == TZ_OK);
	CHECK(t.hour == 2 && t.min == 30);
	CHECK(tz_day_bounds(fmtctx_tz(c), "Europe/Madrid", 2026, 10, 25, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 10, 24, 22, 0, 0) && e == UTC(2026, 10, 25, 23, 0, 0));
	CHECK(e - s == 25 * 3600);
	/* Months: March starts in CET and ends in CEST; October the reverse. */
	CHECK(tz_month_bounds(fmtctx_tz(c), "Europe/Madrid", 2026, 3, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 2, 28, 23, 0, 0) && e == UTC(2026, 3, 31, 22, 0, 0));
	CHECK(tz_month_bounds(fmtctx_tz(c), "Europe/Madrid", 2026, 10, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 9, 30, 22, 0, 0) && e == UTC(2026, 10, 31, 23, 0, 0));
	CHECK(tz_month_bounds(fmtctx_tz(c), "Europe/Madrid", 2026, 12, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 11, 30, 23, 0, 0) && e == UTC(2026, 12, 31, 23, 0, 0));

	/* America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT;
	 * 2026-11-01 02:00 EDT -> 01:00 EST. */
	CHECK(tz_local(fmtctx_tz(c), "America/New_York", UTC(2026, 3, 8, 6, 59, 59), &t) == TZ_OK);
	CHECK(t.hour == 1 && t.min == 59 && t.day == 8);
	CHECK(tz_local(fmtctx_tz(c), "America/New_York", UTC(2026, 3, 8, 7, 0, 0), &t) == TZ_OK);
	CHECK(t.hour == 3 && t.min == 0);
	CHECK(tz_day_bounds(fmtctx_tz(c), "America/New_York", 2026, 3, 8, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 3, 8, 5, 0, 0) && e == UTC(2026, 3, 9, 4, 0, 0));
	CHECK(tz_day_bounds(fmtctx_tz(c), "America/New_York", 2026, 11, 1, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 11, 1, 4, 0, 0) && e == UTC(2026, 11, 2, 5, 0, 0));
	CHECK(e - s == 25 * 3600);
	CHECK(tz_local(fmtctx_tz(c), "America/New_York", UTC(2026, 11, 1, 5, 30, 0), &t) == TZ_OK);
	CHECK(t.hour == 1 && t.min == 30);
	CHECK(tz_local(fmtctx_tz(c), "America/New_York", UTC(2026, 11, 1, 6, 30, 0), &t) == TZ_OK);
	CHECK(t.hour == 1 && t.min == 30);
	CHECK(tz_month_bounds(fmtctx_tz(c), "America/New_York", 2026, 11, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 11, 1, 4, 0, 0) && e == UTC(2026, 12, 1, 5, 0, 0));
	/* Times on the DST days themselves. */
	CHECK_STR(fmt_time(c, L("de"), "America/New_York", UTC(2026, 11, 1, 5, 30, 0), b, sizeof b),
	          "01:30");
	CHECK_STR(fmt_time(c, L("de"), "America/New_York", UTC(2026, 11, 1, 6, 30, 0), b, sizeof b),
	          "01:30");
	CHECK_STR(fmt_date(c, L("en"), "America/New_York", UTC(2026, 3, 8, 4, 59, 0), b, sizeof b),
	          "3/7/2026");

	/* A zone where the clock jumps at midnight (Cuba, second Sunday of
	 * March: 00:00 -> 01:00): the day starts at its first valid instant. */
	CHECK(tz_day_bounds(fmtctx_tz(c), "America/Havana", 2026, 3, 8, &s, &e) == TZ_OK);
	CHECK(s == UTC(2026, 3, 8, 5, 0, 0) && e == UTC(2026, 3, 9, 4, 0, 0));

	/* Unknown zone: UTC, reported as a fallback. */
	CHECK(tz_month_bounds(fmtctx_tz(c), "Nowhere/Special", 2026, 2, &s, &e) == TZ_FALLBACK);
	CHECK(s == UTC(2026, 2, 1, 0, 0, 0) && e == UTC(2026, 3, 1, 0, 0, 0));
	CHECK(tz_local(fmtctx_tz(c), NULL, UTC(2026, 1, 1, 0, 0, 0), &t) == TZ_FALLBACK);
	CHECK(t.year == 2026 && t.month == 1 && t.day == 1 && t.wday == 4);
	CHECK_STR(fmt_date(c, L("de"), "Nowhere/Special", UTC(2026, 1, 1, 23, 0, 0), b, sizeof b),
	          "01.01.2026");

	/* Out-of-range arguments. */
	CHECK(tz_month_bounds(fmtctx_tz(c), "UTC", 2026, 13, &s, &e) == -1);
	CHECK(tz_month_bounds(fmtctx_tz(c), "UTC", 2026, 0, &s, &e) == -1);
	CHECK(tz_day_bounds(fmtctx_tz(c), "UTC", 2026, 2, 29, &s, &e) == -1);
	CHECK(tz_day_bounds(fmtctx_tz(c), "UTC", 2026, 12, 31, &s, &e) == TZ_OK);
	CHECK(e == UTC(2027, 1, 1, 0, 0, 0));
	CHECK(tz_local(fmtctx_tz(c), "UTC", 1000000000000000LL, &t) == -1);

	CHECK(tz_now_month(fmtctx_tz(c), "Europe/Madrid", &y, &m) == TZ_OK);
	CHECK(y >= 2024 && y <= 2100 && m >= 1 && m <= 12);
}

static void test_calendar(void)
{
	long long t;

	CHECK(days_in_month(2024, 2) == 29);
	CHECK(days_in_month(2026, 2) == 28);
	CHECK(days_in_month(2000, 2) == 29);
	CHECK(days_in_month(2100, 2) == 28);
	CHECK(days_in_month(2026, 4) == 30);
	CHECK(days_in_month(2026, 13) == 0);
	CHECK(utc_epoch(1970, 1, 1, 0, 0, 0) == 0);
	CHECK(utc_epoch(2026, 3, 29, 1, 0, 0) == 1774746000LL);
	CHECK(utc_epoch(1969, 12, 31, 23, 59, 59) == -1);

	CHECK(utc_parse_datetime("2026-03-29 01:00:00", &t) == 0 && t == 1774746000LL);
	CHECK(utc_parse_datetime("2026-03-29", &t) == 0 && t == 1774742400LL);
	CHECK(utc_parse_datetime("2026-02-29 00:00:00", &t) == -1);
	CHECK(utc_parse_datetime("2026-03-29T01:00:00", &t) == -1);
	CHECK(utc_parse_datetime("2026-03-29 24:00:00", &t) == -1);
	CHECK(utc_parse_datetime("2026-03-29 01:00:00x", &t) == -1);
	CHECK(utc_parse_datetime("2026-3-29", &t) == -1);
	CHECK(utc_parse_datetime("", &t) == -1);
	CHECK(utc_parse_datetime(NULL, &t) == -1);
}

/* After warm-up the cache answers everything: formatting the same things
 * again in a loop must not grow it past its fixed size (checked under
 * valgrind/ASan by the CI run of this test) and must stay correct. */
static void test_cache_churn(void)
{
	static const char *const zones[] = {
		"Europe/Madrid", "America/New_York", "Asia/Tokyo", "Europe/Berlin",
		"Australia/Sydney", "UTC", "Bad/Zone", "America/Sao_Paulo",
	};
	int ok = 1;

	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < i18n_count(); i++)
			for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
				fmt_date(c, i18n_at(i), zones[z], UTC(2026, 6, 15, 12, 0, 0), b, sizeof b);
				if (b[0] == '\0')
					ok = 0;
				fmt_money(c, i18n_at(i), "EUR", 1.5, b, sizeof b);
			}
	CHECK(ok);
	CHECK_STR(fmt_date(c, L("de"), "Asia/Tokyo", UTC(2026, 6, 15, 20, 0, 0), b, sizeof b),
	          "16.06.2026");
	CHECK_STR(fmt_money(c, L("en"), "EUR", 1234.5, b, sizeof b), "€1,234.50");
}

/* One context per thread, no locks: two threads formatting different
 * zones and languages at once must each get their own right answers. */
struct thread_job {
	const char *lang, *zone, *date, *money;
	int         month;
	long long   start;
	int         bad;
};

static void *thread_run(void *arg)
{
	struct thread_job *j = arg;
	struct fmtctx *tc = fmtctx_new();
	char tb[FMT_BUF];
	long long s, e;

	for (int i = 0; i < 2000; i++) {
		if (strcmp(fmt_date(tc, L(j->lang), j->zone, UTC(2026, 3, 31, 23, 30, 0), tb,
		                    sizeof tb), j->date) != 0)
			j->bad++;
		if (strcmp(fmt_money(tc, L(j->lang), "EUR", 1234.5, tb, sizeof tb), j->money) != 0)
			j->bad++;
		if (tz_month_bounds(fmtctx_tz(tc), j->zone, 2026, j->month, &s, &e) != TZ_OK || s != j->start)
			j->bad++;
	}
	fmtctx_free(tc);
	return NULL;
}

static void test_threads(void)
{
	struct thread_job jobs[2] = {
		{ "de", "Europe/Madrid", "01.04.2026", "1.234,50\u00a0€", 3,
		  UTC(2026, 2, 28, 23, 0, 0), 0 },
		{ "en", "America/New_York", "3/31/2026", "€1,234.50", 11,
		  UTC(2026, 11, 1, 4, 0, 0), 0 },
	};
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		CHECK(pthread_create(&t[i], NULL, thread_run, &jobs[i]) == 0);
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		CHECK(jobs[i].bad == 0);
	}
}

/* Formats follow the exact locale, not only its language: Kimai's date
 * pattern for it, ICU's months, numbers, money and digits for it. */
static void test_exact_locale(void)
{
	long long t = UTC(2026, 3, 2, 9, 0, 0);

	CHECK_STR(fmt_date(c, L("en_GB"), "UTC", t, b, sizeof b), "02/03/2026");
	CHECK_STR(fmt_date(c, L("de_CH"), "UTC", t, b, sizeof b), "02.03.2026");
	CHECK_STR(fmt_date(c, L("hu"), "UTC", t, b, sizeof b), "2026. 03. 02.");
	CHECK_STR(fmt_date(c, L("ko"), "UTC", t, b, sizeof b), "2026. 3. 2.");
	CHECK_STR(fmt_date(c, L("fr_CA"), "UTC", t, b, sizeof b), "2026-03-02");
	CHECK_STR(fmt_date(c, L("en_GB"), "UTC", t, b, sizeof b), "02/03/2026");
	CHECK_STR(fmt_money(c, L("de_CH"), "CHF", 1234.5, b, sizeof b), "CHF\u00a01\u2019234.50");
	CHECK_STR(fmt_money(c, L("de_AT"), "EUR", 1234.5, b, sizeof b), "\u20ac\u00a01.234,50");
	CHECK_STR(fmt_money(c, L("pt"), "EUR", 1234.5, b, sizeof b), "\u20ac\u00a01.234,50");
	CHECK_STR(fmt_money(c, L("pt_PT"), "EUR", 1234.5, b, sizeof b), "1\u00a0234,50\u00a0\u20ac");
	CHECK_STR(fmt_money(c, L("fr_CA"), "CAD", 1234.5, b, sizeof b), "1\u00a0234,50\u00a0$");
	CHECK_STR(fmt_money(c, L("en_IN"), "INR", 123456.5, b, sizeof b), "\u20b91,23,456.50");
	CHECK_STR(fmt_month_name(c, L("de_AT"), 1, b, sizeof b), "J\u00e4nner");
	CHECK_STR(fmt_month_name(c, L("zh_Hant_TW"), 3, b, sizeof b), "3\u6708");
	/* the locale's own digits where ICU uses them */
	CHECK_STR(fmt_date(c, L("ar"), "UTC", t, b, sizeof b),
	          "\u0662\u200f/\u0663\u200f/\u0662\u0660\u0662\u0666");
	/* Gregorian dates everywhere: the month shown is the month of the URL. */
	CHECK_STR(fmt_date(c, L("fa"), "UTC", t, b, sizeof b), "\u06f2\u06f0\u06f2\u06f6/\u06f3/\u06f2");
	CHECK_STR(fmt_month_year(c, L("fa_IR"), 2026, 3, b, sizeof b), "\u0645\u0627\u0631\u0633 \u06f2\u06f0\u06f2\u06f6");
}

/* Amounts written from a learnt shape are exactly ICU's, in every
 * language, for currencies with and without decimals and odd amounts. */
static void test_money_shapes(void)
{
	static const char *cur[] = {"EUR", "USD", "CHF", "JPY", "INR", "GBP", "SEK", "BRL", "XXX",
	                            "eur", "ZZZ"};
	static const double amounts[] = {
		0, 0.01, 0.1, 0.25, 1, 9.99, 10, 12.5, 99.5, 100, 999.99, 1000, 1000.01, 1500.5,
		9999.99, 12345.67, 100000, 123456.7, 999999.99, 1234567.8, 12345678.9, 99999999.99,
		1e9, 123456789012.34, 0.125, 2.675, 1.005, 33.333333, -5, -1234.5, 1e-9,
	};
	struct fmtctx *icu = fmtctx_new();
	char a[FMT_BUF], b[FMT_BUF];
	fmtctx_money_shapes(icu, false);
	for (size_t i = 0; i < i18n_count(); i++)
		for (size_t k = 0; k < sizeof(cur) / sizeof(cur[0]); k++)
			for (size_t j = 0; j < sizeof(amounts) / sizeof(amounts[0]); j++) {
				fmt_money(c, i18n_at(i), cur[k], amounts[j], a, sizeof a);
				fmt_money(icu, i18n_at(i), cur[k], amounts[j], b, sizeof b);
				if (strcmp(a, b) != 0)
					fprintf(stderr, "%s %s %.17g: \"%s\" vs ICU \"%s\"\n",
					        i18n_at(i)->code, cur[k], amounts[j], a, b);
				CHECK(strcmp(a, b) == 0);
			}
	fmtctx_free(icu);
}

int main(void)
{
	c = fmtctx_new();
	test_exact_locale();
	test_dates();
	test_month_names();
	test_numbers();
	test_zones();
	test_calendar();
	test_cache_churn();
	test_threads();
	test_money_shapes();
	fmtctx_free(c);
	fmtctx_free(NULL);
	return check_done();
}
