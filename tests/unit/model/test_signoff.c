/* Sign-off fingerprints, client networks and posted text (signoff.h). */
#include <string.h>

#include "arena.h"
#include "check.h"
#include "mctx.h"
#include "records.h"
#include "signoff.h"

static struct record rec(long long id, long long dur, double rate, bool billable, const char *d)
{
	return (struct record){.id = id, .user_id = 60, .project_id = 51, .activity_id = 1,
	                       .start_utc = 1775800000 + id, .end_utc = 1775800000 + id + dur,
	                       .duration = dur, .rate = rate, .hourly_rate = 60,
	                       .has_hourly_rate = true, .billable = billable, .description = d};
}

static void test_fingerprint(void)
{
	struct record a[3] = {rec(3, 3600, 60, true, "one"), rec(1, 1800, 30, false, "two"),
	                      rec(2, 900, 15, true, "three")};
	struct record b[3] = {a[1], a[2], a[0]};   /* shown in another order */
	struct record_list la = {.v = a, .n = 3}, lb = {.v = b, .n = 3};
	struct signoff_sum sa, sb, sc, empty;

	signoff_summarize(&la, &sa);
	signoff_summarize(&lb, &sb);
	CHECK(strlen(sa.fp) == SIGNOFF_FP_LEN);
	CHECK_STR(sa.fp, sb.fp);           /* the order shown does not matter */
	CHECK(sa.duration == 6300 && sa.count == 3);
	CHECK(sa.money > 74.99 && sa.money < 75.01);   /* billable only */

	/* Any field of any record changes the fingerprint. */
	a[0].description = "one!";
	signoff_summarize(&la, &sc);
	CHECK(strcmp(sa.fp, sc.fp) != 0);
	a[0].description = "one";
	a[0].activity_id = 2;
	signoff_summarize(&la, &sc);
	CHECK(strcmp(sa.fp, sc.fp) != 0);
	a[0].activity_id = 1;
	a[0].billable = false;
	signoff_summarize(&la, &sc);
	CHECK(strcmp(sa.fp, sc.fp) != 0);
	a[0].billable = true;
	signoff_summarize(&la, &sc);
	CHECK_STR(sa.fp, sc.fp);
	/* Length prefixes: moving text between descriptions is a change. */
	a[0].description = "on";
	a[1].description = "etwo";
	signoff_summarize(&la, &sc);
	CHECK(strcmp(sa.fp, sc.fp) != 0);

	struct record_list none = {.v = a, .n = 0};
	signoff_summarize(&none, &empty);
	CHECK(empty.count == 0 && empty.duration == 0 && strlen(empty.fp) == SIGNOFF_FP_LEN);
	CHECK(strcmp(empty.fp, sa.fp) != 0);
}

static void test_client_net(void)
{
	char n[SIGNOFF_NET_MAX];
	signoff_client_net("203.0.113.77", n);
	CHECK_STR(n, "203.0.113.0/24");
	signoff_client_net("2001:db8:abcd:12:1:2:3:4", n);
	CHECK_STR(n, "2001:db8:abcd::/48");
	signoff_client_net("unknown", n);
	CHECK_STR(n, "unknown");
	signoff_client_net(NULL, n);
	CHECK_STR(n, "unknown");
}

static void test_clean_text(void)
{
	struct arena a;
	arena_init(&a);
	struct mctx mc = {.a = &a};
	char big[402];

	CHECK_STR(signoff_clean_text(&mc, "  Dana Client \n", 15, 1, 100, false), "Dana Client");
	CHECK(signoff_clean_text(&mc, "   ", 3, 1, 100, false) == NULL);
	CHECK(signoff_clean_text(&mc, "a\nb", 3, 1, 100, false) == NULL);
	CHECK_STR(signoff_clean_text(&mc, "a\nb", 3, 0, 1000, true), "a\nb");
	CHECK_STR(signoff_clean_text(&mc, NULL, 0, 0, 1000, true), "");
	/* 100 characters of three bytes each fit, 101 do not. */
	for (int i = 0; i < 101; i++)
		memcpy(big + 3 * i, "\xe5\xb1\xb1", 3);
	CHECK(signoff_clean_text(&mc, big, 300, 1, 100, false) != NULL);
	CHECK(signoff_clean_text(&mc, big, 303, 1, 100, false) == NULL);
	arena_free(&a);
}

int main(void)
{
	test_fingerprint();
	test_client_net();
	test_clean_text();
	return check_done();
}
