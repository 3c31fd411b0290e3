/* Merge modes, grouping and order of the share table (merge.c). */
#include "arena.h"
#include "check.h"
#include "merge.h"

static struct record rec(long long id, long long user, const char *name, int day,
                         long long start, long long dur, double hourly, double rate,
                         bool billable, const char *desc)
{
	return (struct record){
		.id = id, .user_id = user, .user_name = name, .project_id = 1,
		.project_name = "Server", .start_utc = start, .end_utc = start + dur,
		.timezone = "Europe/Brussels", .year = 2026, .month = 3, .day = day,
		.cust_day = day, .duration = dur, .rate = rate, .hourly_rate = hourly,
		.has_hourly_rate = hourly > 0, .billable = billable, .description = desc,
	};
}

/* The "Server" project of the rates dump, March 2026. */
static void rates_dump(struct arena *a)
{
	struct record v[] = {
		rec(2, 1, "admin", 8, 1772949600, 10800, 40, 120, true, "Portal"),
		rec(3, 1, "admin", 2, 1772438400, 7200, 40, 80, true, "Install Nextcloud Coolify"),
		rec(4, 1, "admin", 8, 1772960400, 3600, 40, 40, true, "Document progress"),
	};
	struct line_list l;

	merge_records(a, v, 3, MERGE_NONE, &l);
	CHECK(l.n == 3);
	CHECK(l.v[0].first_id == 3 && l.v[1].first_id == 2 && l.v[2].first_id == 4);
	CHECK(l.v[1].duration == 10800 && l.v[1].rate == 120);
	CHECK_STR(l.v[2].description, "Document progress");

	merge_records(a, v, 3, MERGE_ALL, &l);
	CHECK(l.n == 2);
	CHECK(l.v[0].day == 2 && l.v[0].duration == 7200 && l.v[0].rate == 80);
	CHECK(l.v[1].day == 8 && l.v[1].duration == 14400 && l.v[1].rate == 160);
	CHECK(l.v[1].billable_rate == 160 && l.v[1].nrecords == 2 && l.v[1].nbillable == 2);
	CHECK_STR(l.v[1].description, "Portal\nDocument progress");
	/* one hourly rate: a single entry with the whole time */
	CHECK(l.v[1].nparts == 1 && l.v[1].parts[0].hourly_rate == 40 &&
	      l.v[1].parts[0].duration == 14400);

	merge_records(a, v, 3, MERGE_FIRST, &l);
	CHECK(l.n == 2);
	CHECK_STR(l.v[1].description, "Portal");
	merge_records(a, v, 3, MERGE_LAST, &l);
	CHECK_STR(l.v[1].description, "Document progress");
}

/* Users are grouped by id: same display name, separate lines; order by
 * date, name, start, id. */
static void same_name(struct arena *a)
{
	struct record v[] = {
		rec(10, 7, "Alex", 5, 5000, 600, 0, 0, true, "b"),
		rec(11, 8, "Alex", 5, 4000, 600, 0, 0, true, "a"),
		rec(12, 7, "Alex", 5, 6000, 600, 0, 0, true, "c"),
		rec(13, 9, "bob", 5, 1000, 600, 0, 0, true, "d"),
		rec(14, 9, "Bob", 4, 9000, 600, 0, 0, true, "e"),
	};
	struct line_list l;
	merge_records(a, v, 5, MERGE_ALL, &l);
	CHECK(l.n == 4);
	CHECK(l.v[0].day == 4 && l.v[0].user_id == 9);
	/* day 5: the two Alexes (user 8 starts first), then bob */
	CHECK(l.v[1].user_id == 8 && l.v[1].duration == 600);
	CHECK(l.v[2].user_id == 7 && l.v[2].duration == 1200);
	CHECK_STR(l.v[2].description, "b\nc");
	CHECK(l.v[3].user_id == 9 && l.v[3].day == 5);

	merge_records(a, v, 5, MERGE_NONE, &l);
	CHECK(l.n == 5);
	CHECK(l.v[1].first_id == 11 && l.v[2].first_id == 10 && l.v[3].first_id == 12 &&
	      l.v[4].first_id == 13);
}

/* Empty descriptions are skipped by MERGE; FIRST/LAST take the record's
 * own (possibly empty) description; several rates are listed; money of
 * non-billable records stays out of the billable sum. */
static void rates_and_descriptions(struct arena *a)
{
	struct record v[] = {
		rec(1, 1, "U", 3, 100, 3600, 50, 50, true, ""),
		rec(2, 1, "U", 3, 4000, 1800, 80, 40, true, "second"),
		rec(3, 1, "U", 3, 9000, 3600, 50, 50, false, "third"),
		rec(4, 1, "U", 3, 20000, 0, 0, 30, true, ""),   /* fixed rate */
	};
	struct line_list l;
	merge_records(a, v, 4, MERGE_ALL, &l);
	CHECK(l.n == 1);
	CHECK_STR(l.v[0].description, "second\nthird");
	CHECK(l.v[0].duration == 9000);
	CHECK(l.v[0].rate == 170 && l.v[0].billable_rate == 120);
	CHECK(l.v[0].nrecords == 4 && l.v[0].nbillable == 3);
	CHECK(l.v[0].nparts == 3);
	CHECK(l.v[0].parts[0].hourly_rate == 50 && l.v[0].parts[0].duration == 3600 &&
	      l.v[0].parts[0].billable);
	CHECK(l.v[0].parts[1].hourly_rate == 80 && l.v[0].parts[1].duration == 1800);
	CHECK(l.v[0].parts[2].hourly_rate == 50 && !l.v[0].parts[2].billable);

	merge_records(a, v, 4, MERGE_FIRST, &l);
	CHECK_STR(l.v[0].description, "");
	merge_records(a, v, 4, MERGE_LAST, &l);
	CHECK_STR(l.v[0].description, "");
	merge_records(a, v, 3, MERGE_LAST, &l);
	CHECK_STR(l.v[0].description, "third");
}

/* Customer shares: a merged line lists each project once. */
static void projects(struct arena *a)
{
	struct record v[] = {
		rec(1, 1, "U", 3, 100, 60, 0, 0, true, ""),
		rec(2, 1, "U", 3, 200, 60, 0, 0, true, ""),
		rec(3, 1, "U", 3, 300, 60, 0, 0, true, ""),
	};
	v[1].project_id = 2;
	v[1].project_name = "User poll";
	struct line_list l;
	merge_records(a, v, 3, MERGE_ALL, &l);
	CHECK(l.n == 1 && l.v[0].nprojects == 2);
	CHECK_STR(l.v[0].projects[0], "Server");
	CHECK_STR(l.v[0].projects[1], "User poll");

	merge_records(a, v, 0, MERGE_ALL, &l);
	CHECK(l.n == 0);
}

/* Activities and tags (shares showing them): a merged line lists each
 * distinct one once, first seen first (records in the order worked, a
 * record's tags as given); without them the line has none. */
static void activities_and_tags(struct arena *a)
{
	const char *t1[] = {"urgent", "backend"};
	const char *t2[] = {"backend", "<b>&\"x\"</b>"};
	const char *t3[] = {"urgent"};
	struct record v[] = {
		rec(31, 1, "admin", 9, 3000, 600, 0, 0, true, "c"),
		rec(30, 1, "admin", 9, 2000, 600, 0, 0, true, "b"),
		rec(29, 1, "admin", 9, 1000, 600, 0, 0, true, "a"),
		rec(32, 2, "zoe", 9, 500, 600, 0, 0, true, "z"),
	};
	v[0].activity_name = "Support", v[0].tags = t3, v[0].ntags = 1;
	v[1].activity_name = "Development", v[1].tags = t2, v[1].ntags = 2;
	v[2].activity_name = "Support", v[2].tags = t1, v[2].ntags = 2;
	v[3].activity_name = "Support";   /* no tags */
	struct line_list l;

	merge_records(a, v, 4, MERGE_ALL, &l);
	CHECK(l.n == 2);
	CHECK(l.v[0].user_id == 1 && l.v[0].nrecords == 3);
	CHECK(l.v[0].nactivities == 2);
	CHECK_STR(l.v[0].activities[0], "Support");
	CHECK_STR(l.v[0].activities[1], "Development");
	CHECK(l.v[0].ntags == 3);
	CHECK_STR(l.v[0].tags[0], "urgent");
	CHECK_STR(l.v[0].tags[1], "backend");
	CHECK_STR(l.v[0].tags[2], "<b>&\"x\"</b>");
	CHECK(l.v[1].user_id == 2 && l.v[1].nactivities == 1 && l.v[1].ntags == 0);

	/* FIRST and LAST pick a description, never a subset of the rest */
	merge_records(a, v, 4, MERGE_LAST, &l);
	CHECK(l.n == 2 && l.v[0].nactivities == 2 && l.v[0].ntags == 3);
	CHECK_STR(l.v[0].description, "c");

	/* unmerged: each record its own */
	merge_records(a, v, 4, MERGE_NONE, &l);
	CHECK(l.n == 4);
	CHECK(l.v[0].first_id == 29 && l.v[0].nactivities == 1 && l.v[0].ntags == 2);
	CHECK(l.v[1].first_id == 30 && l.v[1].ntags == 2);
	CHECK_STR(l.v[1].activities[0], "Development");
	CHECK(l.v[2].first_id == 31 && l.v[2].ntags == 1);

	/* the same input in another order: the same lines */
	struct record w[] = {v[3], v[1], v[0], v[2]};
	merge_records(a, w, 4, MERGE_ALL, &l);
	CHECK(l.n == 2 && l.v[0].ntags == 3 && l.v[0].nactivities == 2);
	CHECK_STR(l.v[0].activities[0], "Support");
	CHECK_STR(l.v[0].tags[0], "urgent");
	CHECK_STR(l.v[0].tags[2], "<b>&\"x\"</b>");

	/* shares without the options: records carry no activity name and no
	 * tags, and the lines none */
	struct record u[] = {rec(40, 1, "admin", 9, 1000, 600, 0, 0, true, "a"),
	                     rec(41, 1, "admin", 9, 2000, 600, 0, 0, true, "b")};
	merge_records(a, u, 2, MERGE_ALL, &l);
	CHECK(l.n == 1 && l.v[0].nactivities == 0 && l.v[0].ntags == 0);
	CHECK(l.v[0].activities == NULL && l.v[0].tags == NULL);
}

int main(void)
{
	struct arena a;
	arena_init(&a);
	rates_dump(&a);
	same_name(&a);
	rates_and_descriptions(&a);
	projects(&a);
	activities_and_tags(&a);
	arena_free(&a);
	return check_done();
}
