/* The view counters (views.c) without a database: counting never blocks,
 * and a full table drops views instead of growing or waiting. */
#include "check.h"
#include "views.h"

int main(void)
{
	CHECK(views_pending() == 0);
	views_count(12);
	views_count(12);
	views_count(7);
	views_count(0);      /* not a share: ignored */
	views_count(-3);
	CHECK(views_pending() == 3);
	/* Far more distinct shares than slots: bounded, no crash, no wait. */
	for (long long id = 1000; id < 1000 + 2 * VIEWS_SLOTS; id++)
		views_count(id);
	/* One slot always stays free; the two shares above keep theirs. */
	CHECK(views_pending() == 3 + (VIEWS_SLOTS - 1 - 2));
	views_count(12);     /* a share already counted still counts */
	CHECK(views_pending() == 4 + (VIEWS_SLOTS - 1 - 2));
	/* Without views_start() nothing runs; stopping is still safe. */
	views_stop();
	return check_done();
}
