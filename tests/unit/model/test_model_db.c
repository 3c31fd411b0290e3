/* Model code on a real MariaDB: the share model (share_load and the admin
 * loaders, one decoder), the month's records, budgets and the annual
 * chart's seconds, each called directly with a database handle, an arena
 * and plain values.
 *
 * The database (PORTAL_TEST_DATABASE_URL, a DATABASE_URL) holds Kimai's
 * kimai-2.45-rates.sql dump, the portal's tables and the rows that
 * tests/integration/test_model.py adds, which runs this program.  Without
 * the variable the test is skipped (exit status 77).
 *
 * From the dump: customer 1 "Acme1" (Europe/Brussels, EUR) with project 1
 * "Server", whose billable records are 2026-02-23 (1:00, 40.00) and, in
 * March 2026, 03-02 (2:00, 80.00), 03-08 (3:00, 120.00) and 03-08 (1:00,
 * 40.00): 3 records, 6:00 h, 240.00 in March. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "admin_share.h"
#include "arena.h"
#include "budget.h"
#include "check.h"
#include "config.h"
#include "db.h"
#include "mctx.h"
#include "records.h"
#include "share.h"
#include "share_window.h"
#include "tz.h"

/* The shares test_model.py inserts. */
#define KEY_PROJECT  "ModelTestProject0001"   /* project 1, MERGE, locked, all flags */
#define KEY_CUSTOMER "ModelTestCustomer001"   /* customer 1, no flags */
#define KEY_EXPIRED  "ModelTestExpired0001"   /* project 1, expired yesterday */
#define PW_HASH      "$argon2id$v=19$m=65536,t=4,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"

static bool near(double a, double b)
{
	return fabs(a - b) < 0.005;
}

static void test_share_load(const struct mctx *mc)
{
	struct share s;
	struct perr e = {0};

	CHECK(share_load(mc, KEY_PROJECT, &s, &e) == 0);
	CHECK(!s.is_customer);
	CHECK(s.project_id == 1);
	CHECK(s.customer_id == 1);
	CHECK_STR(s.key, KEY_PROJECT);
	CHECK_STR(s.password_hash, PW_HASH);
	CHECK(s.has_password);
	CHECK(s.merge == MERGE_ALL);
	for (int f = 0; f < AF__MAX; f++)
		CHECK(s.flags[f]);
	CHECK_STR(s.customer_name, "Acme1");
	CHECK_STR(s.project_name, "Server");
	CHECK_STR(s.timezone, "Europe/Brussels");
	CHECK_STR(s.currency, "EUR");
	CHECK(s.window_from == MONTH_INDEX(2026, 1));
	CHECK(s.window_to == MONTH_INDEX(2026, 12));
	CHECK(s.views == 7);
	CHECK_STR(s.last_view, "2026-03-09 10:00:00");
	CHECK(s.show_activity && s.show_tags);

	CHECK(share_load(mc, KEY_CUSTOMER, &s, &e) == 0);
	CHECK(s.is_customer);
	CHECK(s.customer_id == 1 && s.project_id == 0);
	CHECK(s.password_hash == NULL && !s.has_password);
	CHECK(s.merge == MERGE_NONE);
	for (int f = 0; f < AF__MAX; f++)
		CHECK(!s.flags[f]);
	CHECK(s.window_from == 0 && s.window_to == 0);
	CHECK(s.views == 0 && s.last_view == NULL);
	CHECK(!s.show_activity && !s.show_tags);

	/* Unknown, wrong case and expired keys are all simply not there. */
	CHECK(share_load(mc, "NoSuchKey", &s, &e) == -1 && e.kind == PERR_NOT_FOUND);
	CHECK(share_load(mc, "modeltestproject0001", &s, &e) == -1 && e.kind == PERR_NOT_FOUND);
	CHECK(share_load(mc, KEY_EXPIRED, &s, &e) == -1 && e.kind == PERR_NOT_FOUND);
}

static void test_records(const struct mctx *mc)
{
	struct share s;
	struct record_list rl;
	struct perr e = {0};

	CHECK(share_load(mc, KEY_PROJECT, &s, &e) == 0);
	CHECK(records_month(mc, &s, 0, 2026, 3, &rl, &e) == 0);
	CHECK(rl.n == 3);
	CHECK(rl.year == 2026 && rl.month == 3);
	CHECK(rl.total_duration == 6 * 3600);
	CHECK(near(rl.total_billable_rate, 240.0));
	/* Every record billable: the billable totals are the month's totals. */
	CHECK(rl.n_nonbillable == 0 && rl.total_billable_duration == rl.total_duration);
	CHECK(near(rl.total_rate, 240.0));
	if (rl.n == 3) {
		static const long long dur[3] = {7200, 10800, 3600};
		static const double rate[3] = {80.0, 120.0, 40.0};
		static const int day[3] = {2, 8, 8};
		for (size_t i = 0; i < 3; i++) {
			CHECK(rl.v[i].duration == dur[i]);
			CHECK(near(rl.v[i].rate, rate[i]));
			CHECK(rl.v[i].year == 2026 && rl.v[i].month == 3 && rl.v[i].day == day[i]);
			CHECK(rl.v[i].billable);
			CHECK(rl.v[i].project_id == 1);
			CHECK_STR(rl.v[i].user_name, "admin");
		}
		CHECK_STR(rl.v[0].description, "Install Nextcloud Coolify");
		/* The share shows activities and tags: names, and visible tags by name. */
		CHECK_STR(rl.v[0].activity_name, "Server config / programming");
		CHECK_STR(rl.v[1].activity_name, "Server config / programming");
		CHECK_STR(rl.v[2].activity_name, "Admin");
		CHECK(rl.v[0].ntags == 1 && rl.v[1].ntags == 2 && rl.v[2].ntags == 0);
		if (rl.v[0].ntags == 1 && rl.v[1].ntags == 2) {
			CHECK_STR(rl.v[0].tags[0], "ops");
			CHECK_STR(rl.v[1].tags[0], "alpha");
			CHECK_STR(rl.v[1].tags[1], "ops");
		}
	}
	CHECK(records_month(mc, &s, 0, 2026, 2, &rl, &e) == 0);
	CHECK(rl.n == 1 && rl.total_duration == 3600 && near(rl.total_billable_rate, 40.0));
	CHECK(rl.n == 1 && rl.v[0].ntags == 1 && strcmp(rl.v[0].activity_name, "Meeting") == 0);
	CHECK(records_month(mc, &s, 0, 2026, 4, &rl, &e) == 0);
	CHECK(rl.n == 0 && rl.total_duration == 0);

	/* The customer share: the same records, through its projects. */
	CHECK(share_load(mc, KEY_CUSTOMER, &s, &e) == 0);
	CHECK(records_month(mc, &s, 0, 2026, 3, &rl, &e) == 0);
	CHECK(rl.n == 3 && rl.total_duration == 21600 && near(rl.total_billable_rate, 240.0));
	/* without the options, neither is read */
	for (size_t i = 0; i < rl.n; i++)
		CHECK(rl.v[i].activity_name == NULL && rl.v[i].tags == NULL && rl.v[i].ntags == 0);
	CHECK(records_month(mc, &s, 1, 2026, 3, &rl, &e) == 0);
	CHECK(rl.n == 3);
}

static void test_budgets(const struct mctx *mc)
{
	struct budget_figures f;
	struct perr e = {0};
	long long start = 0, end = 0;

	/* Project 1: all-time budget 1000.00 and 10 h (test_model.py): every
	 * billable record so far, 7:00 h and 280.00. */
	CHECK(budget_figures_load(mc, BUDGET_PROJECT, 1, "Europe/Brussels", 2026, 3, &f, &e) == 0);
	CHECK(near(f.budget, 1000.0) && f.time_budget == 36000);
	CHECK(!f.monthly && f.period_start == 0);
	CHECK(near(f.spent, 280.0) && f.spent_seconds == 25200);

	/* Customer 1: a monthly budget of 500.00: March only. */
	CHECK(tz_month_bounds(mc->tz, "Europe/Brussels", 2026, 3, &start, &end) == 0);
	CHECK(start == 1772319600);   /* 2026-03-01 00:00 CET */
	CHECK(budget_figures_load(mc, BUDGET_CUSTOMER, 1, "Europe/Brussels", 2026, 3, &f, &e) == 0);
	CHECK(near(f.budget, 500.0) && f.time_budget == 0);
	CHECK(f.monthly && f.period_start == start);
	CHECK(near(f.spent, 240.0) && f.spent_seconds == 21600);
}

static void test_year_seconds(const struct mctx *mc)
{
	struct share s;
	struct perr e = {0};
	long long secs[12];

	CHECK(share_load(mc, KEY_PROJECT, &s, &e) == 0);
	CHECK(year_seconds_load(mc, &s, 0, 2026, secs, &e) == 0);
	for (int m = 0; m < 12; m++)
		CHECK(secs[m] == (m == 1 ? 3600 : m == 2 ? 21600 : 0));
	CHECK(year_seconds_load(mc, &s, 0, 2025, secs, &e) == 0);
	for (int m = 0; m < 12; m++)
		CHECK(secs[m] == 0);
}

static void test_admin_shares(const struct mctx *mc)
{
	struct share_viewer all = {.user_id = 1, .view_all_data = true};
	struct share *v = NULL, s;
	size_t n = 0;
	struct perr e = {0};
	struct admin_list_query q = {.page = 1};
	struct admin_list_page pg;

	/* Ordered by project name (customer shares have none), customer name, key. */
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0);
	v = pg.shares;
	n = pg.n;
	CHECK(pg.total == 3 && pg.page == 1 && pg.pages == 1);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(v[0].key, KEY_CUSTOMER);
		CHECK_STR(v[1].key, KEY_EXPIRED);
		CHECK_STR(v[2].key, KEY_PROJECT);
		CHECK(v[0].is_customer && !v[1].is_customer && !v[2].is_customer);
		CHECK(!v[0].expired && v[1].expired && !v[2].expired);
		CHECK(v[1].expires_at != NULL && v[0].expires_at == NULL);
		/* Whether there is a password, never the hash. */
		for (size_t i = 0; i < n; i++)
			CHECK(v[i].password_hash == NULL);
		CHECK(v[2].has_password && !v[0].has_password);
	}

	CHECK(n == 3 && admin_share_get(mc, &all, v[2].id, KEY_PROJECT, &s, &e) == 0);
	CHECK(s.id == v[2].id);
	CHECK(s.has_password && s.password_hash == NULL);
	CHECK(s.merge == MERGE_ALL);
	for (int f = 0; f < AF__MAX; f++)
		CHECK(s.flags[f]);
	CHECK_STR(s.project_name, "Server");
	CHECK_STR(s.customer_name, "Acme1");
	CHECK_STR(s.timezone, "Europe/Brussels");
	CHECK(s.window_from == MONTH_INDEX(2026, 1) && s.window_to == MONTH_INDEX(2026, 12));
	CHECK(s.views == 7);
	CHECK_STR(s.last_view, "2026-03-09 10:00:00");
	CHECK_STR(s.expires_at, "2099-12-31 23:00:00");
	CHECK(!s.expired);

	/* The id and the exact key must both match. */
	CHECK(n == 3 && admin_share_get(mc, &all, v[2].id, KEY_CUSTOMER, &s, &e) == -1 &&
	      e.kind == PERR_NOT_FOUND);
	CHECK(admin_share_get(mc, &all, 999999, KEY_PROJECT, &s, &e) == -1 &&
	      e.kind == PERR_NOT_FOUND);
	CHECK(admin_share_get(mc, &all, n ? v[2].id : 0, "modeltestproject0001", &s, &e) == -1);

	/* Filters, search and sort, done by the database. */
	q = (struct admin_list_query){.page = 1, .type = ALT_CUSTOMER};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.total == 1 && pg.n == 1);
	q = (struct admin_list_query){.page = 1, .status = ALS_EXPIRED};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.n == 1 &&
	      strcmp(pg.shares[0].key, KEY_EXPIRED) == 0);
	q = (struct admin_list_query){.page = 1, .password = ALP_YES};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.n == 1 &&
	      strcmp(pg.shares[0].key, KEY_PROJECT) == 0);
	q = (struct admin_list_query){.page = 1, .q = "SERV"};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.total >= 1);
	q = (struct admin_list_query){.page = 1, .q = "%"};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.total == 0 && pg.n == 0 &&
	      pg.pages == 1 && pg.page == 1);
	q = (struct admin_list_query){.page = 9, .sort = ALSORT_NEWEST};
	CHECK(admin_shares_page(mc, &all, &q, &pg, &e) == 0 && pg.page == 1 && pg.n == 3 &&
	      pg.shares[0].id > pg.shares[1].id && pg.shares[1].id > pg.shares[2].id);
}

int main(void)
{
	const char *url = getenv("PORTAL_TEST_DATABASE_URL");
	struct dburl du = {0};
	struct perr e = {0};
	struct arena a;

	if (!url || !*url) {
		fprintf(stderr, "PORTAL_TEST_DATABASE_URL is not set: skipped\n");
		return 77;
	}
	if (db_library_init() || dburl_parse(url, &du, &e)) {
		fprintf(stderr, "no database: %s\n", e.msg);
		return 1;
	}
	arena_init(&a);
	struct mctx mc = {.db = db_open(&du, 10), .a = &a, .tz = tz_new()};
	if (db_connect(mc.db, &e)) {
		fprintf(stderr, "cannot connect: %s\n", e.msg);
		return 1;
	}
	test_share_load(&mc);
	test_records(&mc);
	test_budgets(&mc);
	test_year_seconds(&mc);
	test_admin_shares(&mc);

	db_close(mc.db);
	tz_free(mc.tz);
	arena_free(&a);
	dburl_free(&du);
	db_library_end();
	return check_done();
}
