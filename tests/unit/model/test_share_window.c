/* Browse windows, their parsers, and expiry dates (share_window.c,
 * share_store.c). */
#include "check.h"
#include "tz.h"
#include "share.h"
#include "share_store.h"
#include "share_window.h"

static void test_month_parse(void)
{
	int idx = 0;
	CHECK(share_month_parse("2026-03", 7, &idx) == 0 && idx == MONTH_INDEX(2026, 3));
	CHECK(MONTH_YEAR(idx) == 2026 && MONTH_MONTH(idx) == 3);
	CHECK(share_month_parse("1970-01", 7, &idx) == 0 && idx == MONTH_INDEX(1970, 1));
	CHECK(share_month_parse("2100-12", 7, &idx) == 0);
	const char *bad[] = {"", "2026-3", "2026-13", "2026-00", "1969-12", "2101-01", "26-03",
	                     "2026/03", "2026-03-01", "２０２６-03", "+026-03", "2026-0a", "-026-03"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(share_month_parse(bad[i], strlen(bad[i]), &idx) == -1);
	CHECK(share_month_parse(NULL, 0, &idx) == -1);
	/* The length bounds the read: "2026-03" inside a longer buffer. */
	CHECK(share_month_parse("2026-03-15", 7, &idx) == 0 && idx == MONTH_INDEX(2026, 3));
}

static void test_date_parse(void)
{
	int y, m, d;
	CHECK(share_date_parse("2026-08-31", 10, &y, &m, &d) == 0 && y == 2026 && m == 8 && d == 31);
	CHECK(share_date_parse("2028-02-29", 10, &y, &m, &d) == 0);
	CHECK(share_date_parse("2000-02-29", 10, &y, &m, &d) == 0);
	const char *bad[] = {"2026-02-29", "2100-02-29", "2026-04-31", "2026-01-00", "2026-1-01",
	                     "2026-01-1", "31.12.2026", "2026-12-31 ", "2026-12-31T00", "",
	                     "1969-12-31", "2026-13-01"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(share_date_parse(bad[i], strlen(bad[i]), &y, &m, &d) == -1);
}

static void test_window_parse_and_allowed(void)
{
	struct share s = {0};
	CHECK(share_window_parse(NULL) == 0);
	CHECK(share_window_parse("garbage") == 0);
	CHECK(share_window_parse("2026-03-01") == MONTH_INDEX(2026, 3));
	/* open window: everything */
	CHECK(share_month_allowed(&s, 1970, 1) && share_month_allowed(&s, 2100, 12));
	s.window_from = MONTH_INDEX(2025, 11);
	s.window_to = MONTH_INDEX(2026, 2);
	CHECK(!share_month_allowed(&s, 2025, 10));
	CHECK(share_month_allowed(&s, 2025, 11) && share_month_allowed(&s, 2025, 12));
	CHECK(share_month_allowed(&s, 2026, 1) && share_month_allowed(&s, 2026, 2));
	CHECK(!share_month_allowed(&s, 2026, 3));
	/* one open end */
	s.window_to = 0;
	CHECK(share_month_allowed(&s, 2100, 12) && !share_month_allowed(&s, 2025, 1));
}

static void test_expiry_instants(void)
{
	struct tzctx *f = tz_new();
	char out[20];
	int y, m, d;
	/* The last day works until midnight in the customer's zone. */
	CHECK(share_expiry_instant(f, "Europe/Berlin", 2026, 8, 31, out) == 0);
	CHECK_STR(out, "2026-08-31 22:00:00");
	CHECK(share_expiry_instant(f, "Europe/Berlin", 2026, 12, 31, out) == 0);
	CHECK_STR(out, "2026-12-31 23:00:00");
	CHECK(share_expiry_instant(f, "America/New_York", 2026, 3, 7, out) == 0);
	CHECK_STR(out, "2026-03-08 05:00:00");
	CHECK(share_expiry_instant(f, "UTC", 2026, 2, 28, out) == 0);
	CHECK_STR(out, "2026-03-01 00:00:00");
	/* and back to the day */
	CHECK(share_expiry_date(f, "Europe/Berlin", "2026-08-31 22:00:00", &y, &m, &d) == 0);
	CHECK(y == 2026 && m == 8 && d == 31);
	CHECK(share_expiry_date(f, "Asia/Tokyo", "2026-08-31 22:00:00", &y, &m, &d) == 0);
	CHECK(y == 2026 && m == 9 && d == 1);
	CHECK(share_expiry_date(f, "UTC", "nonsense", &y, &m, &d) == -1);
	CHECK(share_expiry_date(f, "UTC", NULL, &y, &m, &d) == -1);
	tz_free(f);
}

int main(void)
{
	test_month_parse();
	test_date_parse();
	test_window_parse_and_allowed();
	test_expiry_instants();
	return check_done();
}
