/* The process-wide cache of month id ranges (month_ids.h): exact keys, a
 * bounded lifetime, collisions replace, malformed bounds never match. */
#include "check.h"
#include "month_ids.h"

int main(void)
{
	struct month_ids in = {.lo = 100, .hi = 200, .max = 300}, out = {0};
	const char *from = "2026-09-30 22:00:00", *to = "2026-10-31 23:00:00";

	month_ids_clear();
	CHECK(!month_ids_cached(from, to, 1000, &out));
	month_ids_store(from, to, 1000, &in);
	CHECK(month_ids_cached(from, to, 1000, &out));
	CHECK(out.lo == 100 && out.hi == 200 && out.max == 300);
	CHECK(month_ids_cached(from, to, 1000 + MONTH_IDS_TTL - 1, &out));
	/* Expired, or a clock that went backwards: not used. */
	CHECK(!month_ids_cached(from, to, 1000 + MONTH_IDS_TTL, &out));
	CHECK(!month_ids_cached(from, to, 999, &out));
	/* The same month cut in another zone is another key. */
	CHECK(!month_ids_cached("2026-09-30 23:00:00", "2026-10-31 23:00:00", 1000, &out));
	CHECK(!month_ids_cached(from, "2026-10-31 22:00:00", 1000, &out));
	/* Malformed bounds are neither stored nor found. */
	month_ids_store("2026-09-30", to, 1000, &in);
	CHECK(!month_ids_cached("2026-09-30", to, 1000, &out));
	CHECK(!month_ids_cached(NULL, to, 1000, &out));
	/* Many periods: the table stays bounded, every hit is exact. */
	int wrong = 0;
	for (int i = 0; i < 4 * MONTH_IDS_SLOTS; i++) {
		char f[20], t[20];
		snprintf(f, sizeof f, "20%02d-%02d-01 00:00:00", 10 + i / 12 % 80, 1 + i % 12);
		snprintf(t, sizeof t, "20%02d-%02d-01 00:00:00", 10 + i / 12 % 80, 1 + i % 12);
		struct month_ids v = {.lo = i, .hi = i + 1, .max = i + 2};
		month_ids_store(f, t, 5000, &v);
		if (month_ids_cached(f, t, 5000, &out) && out.lo != i)
			wrong++;
	}
	CHECK(wrong == 0);
	month_ids_clear();
	CHECK(!month_ids_cached(from, to, 1000, &out));
	return check_done();
}
