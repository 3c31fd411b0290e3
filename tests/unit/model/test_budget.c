/* Budget arithmetic (percent, left, level) and the budget figures cache. */
#include <math.h>

#include "budget_cache.h"
#include "check.h"
#include "budget.h"

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void test_compute(void)
{
	struct budget_calc c;
	/* no budget: no bar (the plugin once crashed here) */
	CHECK(budget_compute(10, 0, &c) == -1);
	CHECK(budget_compute(10, -5, &c) == -1);
	CHECK(budget_compute(10, NAN, &c) == -1);
	CHECK(budget_compute(NAN, 100, &c) == -1);

	CHECK(budget_compute(0, 1000, &c) == 0);
	CHECK(near(c.percent, 0) && near(c.left, 1000) && c.level == BUDGET_OK);

	/* 452.5 of 1000: 45.25 % → 45.3 (one decimal, half up) */
	CHECK(budget_compute(452.5, 1000, &c) == 0);
	CHECK(near(c.percent, 45.3) && near(c.meter, 45.3));
	CHECK(near(c.left, 547.5) && near(c.exceeded, 0));
	CHECK(c.level == BUDGET_OK);

	/* 1:20 h of 3 h: 44.444… % → 44.4 */
	CHECK(budget_compute(4800, 10800, &c) == 0);
	CHECK(near(c.percent, 44.4));

	CHECK(budget_compute(79.94, 100, &c) == 0);
	CHECK(near(c.percent, 79.9) && c.level == BUDGET_OK);
	CHECK(budget_compute(79.96, 100, &c) == 0);
	CHECK(near(c.percent, 80.0) && c.level == BUDGET_WARNING);
	CHECK(budget_compute(99.94, 100, &c) == 0);
	CHECK(c.level == BUDGET_WARNING);
	/* shown as 100.0 %: drawn as over, never as warning */
	CHECK(budget_compute(99.96, 100, &c) == 0);
	CHECK(near(c.percent, 100.0) && c.level == BUDGET_OVER);

	/* over budget: left 0, meter capped, exceeded amount */
	CHECK(budget_compute(1500, 1000, &c) == 0);
	CHECK(near(c.percent, 150.0) && near(c.meter, 100.0));
	CHECK(near(c.left, 0) && near(c.exceeded, 500) && c.level == BUDGET_OVER);
	CHECK_STR(budget_level_names[c.level], "over");
}

static void test_cache(void)
{
	struct budget_figures f = {.budget = 1000, .time_budget = 36000, .monthly = false,
	                           .spent = 250.5, .spent_seconds = 7200};
	struct budget_figures got;
	budget_cache_clear();
	CHECK(!budget_cache_get(BUDGET_CUSTOMER, 7, 100, 0, &got));
	budget_cache_put(BUDGET_CUSTOMER, 7, 100, &f);
	CHECK(budget_cache_get(BUDGET_CUSTOMER, 7, 100, 0, &got));
	CHECK(near(got.spent, 250.5) && got.spent_seconds == 7200);
	/* the same id of the other kind is another entity */
	CHECK(!budget_cache_get(BUDGET_PROJECT, 7, 100, 0, &got));
	/* fresh for less than the TTL, never longer */
	CHECK(budget_cache_get(BUDGET_CUSTOMER, 7, 100 + BUDGET_CACHE_TTL - 1, 0, &got));
	CHECK(!budget_cache_get(BUDGET_CUSTOMER, 7, 100 + BUDGET_CACHE_TTL, 0, &got));
	/* a clock going backwards never makes an entry fresh */
	CHECK(!budget_cache_get(BUDGET_CUSTOMER, 7, 99, 0, &got));

	/* a monthly entry is for its month only */
	struct budget_figures m = f;
	m.monthly = true;
	m.period_start = 1700000000;
	budget_cache_put(BUDGET_PROJECT, 3, 500, &m);
	CHECK(budget_cache_get(BUDGET_PROJECT, 3, 510, 1700000000, &got));
	CHECK(!budget_cache_get(BUDGET_PROJECT, 3, 510, 1702592000, &got));

	/* bounded: many entities, every lookup still answers correctly */
	for (long long id = 1; id <= 3 * BUDGET_CACHE_SLOTS; id++) {
		struct budget_figures x = f;
		x.spent = (double)id;
		budget_cache_put(BUDGET_PROJECT, id, 1000, &x);
	}
	int hits = 0, wrong = 0;
	for (long long id = 1; id <= 3 * BUDGET_CACHE_SLOTS; id++) {
		if (budget_cache_get(BUDGET_PROJECT, id, 1001, 0, &got)) {
			hits++;
			if (!near(got.spent, (double)id))
				wrong++;
		}
	}
	CHECK(wrong == 0);
	CHECK(hits > 0 && hits <= BUDGET_CACHE_SLOTS);
	budget_cache_clear();
	CHECK(!budget_cache_get(BUDGET_PROJECT, 3 * BUDGET_CACHE_SLOTS, 1001, 0, &got));
}

int main(void)
{
	test_compute();
	test_cache();
	return check_done();
}
