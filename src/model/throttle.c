/* Failed-unlock throttling in the database (throttle.h).  One row per
 * client bucket and share holds the failures of a fixed window that starts
 * at the first failure; the limit applies to the sum over all shares, so
 * guessing across many shares is no cheaper than guessing one. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "throttle.h"

void throttle_key(const char *addr, char out[THROTTLE_KEY_MAX])
{
	unsigned char b[16];
	char text[INET6_ADDRSTRLEN];

	if (addr && inet_pton(AF_INET, addr, b) == 1 &&
	    inet_ntop(AF_INET, b, out, THROTTLE_KEY_MAX)) {
		return;
	}
	if (!addr || inet_pton(AF_INET6, addr, b) != 1) {
		snprintf(out, THROTTLE_KEY_MAX, "unknown");
		return;
	}
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (memcmp(b, mapped, sizeof mapped) == 0) {
		if (!inet_ntop(AF_INET, b + 12, out, THROTTLE_KEY_MAX))
			snprintf(out, THROTTLE_KEY_MAX, "unknown");
		return;
	}
	memset(b + 8, 0, 8);
	if (!inet_ntop(AF_INET6, b, text, sizeof text)) {
		snprintf(out, THROTTLE_KEY_MAX, "unknown");
		return;
	}
	snprintf(out, THROTTLE_KEY_MAX, "%s/64", text);
}

/* Failures of the bucket of `addr` within the window, and seconds until
 * the oldest of its windows ends. */
static int count(struct db *db, struct arena *a, const char *addr,
                 long long *failures, long long *retry_after, struct perr *e)
{
	char key[THROTTLE_KEY_MAX];
	struct dbrows rs;

	throttle_key(addr, key);
	struct dbval p[3] = {dbv_int(THROTTLE_WINDOW_S), dbv_text(key),
	                     dbv_int(THROTTLE_WINDOW_S)};
	if (db_exec(db, ST_THROTTLE_COUNT, p, 3, a, &rs, e))
		return -1;
	*failures = rs.nrows ? dbr_int(&rs, 0, THROTTLE_COUNT_FAILURES, 0) : 0;
	*retry_after = rs.nrows ? dbr_int(&rs, 0, THROTTLE_COUNT_RETRY_AFTER, 0) : 0;
	if (*retry_after < 1)
		*retry_after = 1;
	if (*retry_after > THROTTLE_WINDOW_S)
		*retry_after = THROTTLE_WINDOW_S;
	return 0;
}

int throttle_check(struct db *db, struct arena *a, const char *addr,
                   bool *over, long long *retry_after, struct perr *e)
{
	long long failures;

	if (count(db, a, addr, &failures, retry_after, e))
		return -1;
	*over = failures >= THROTTLE_MAX_FAILURES;
	return 0;
}

int throttle_fail(struct db *db, struct arena *a, const char *addr,
                  long long share_id, struct perr *e)
{
	char key[THROTTLE_KEY_MAX];

	throttle_key(addr, key);
	struct dbval p[4] = {dbv_text(key), dbv_int(share_id),
	                     dbv_int(THROTTLE_WINDOW_S), dbv_int(THROTTLE_WINDOW_S)};
	if (db_exec(db, ST_THROTTLE_FAIL, p, 4, a, NULL, e))
		return -1;
	/* Failures are rare (a handful per address and hour), so purging a
	 * bounded batch here keeps the table small without a cron job. */
	struct dbval q[1] = {dbv_int(THROTTLE_WINDOW_S)};
	return db_exec(db, ST_THROTTLE_PURGE, q, 1, a, NULL, e);
}

int throttle_attempt(struct db *db, struct arena *a, const char *addr,
                     long long share_id, bool *over, long long *retry_after,
                     struct perr *e)
{
	long long failures;

	if (throttle_fail(db, a, addr, share_id, e))
		return -1;
	if (count(db, a, addr, &failures, retry_after, e))
		return -1;
	/* This attempt is already counted: it is the (MAX + 1)th that is over. */
	*over = failures > THROTTLE_MAX_FAILURES;
	return 0;
}

int throttle_reset(struct db *db, struct arena *a, const char *addr,
                   long long share_id, struct perr *e)
{
	char key[THROTTLE_KEY_MAX];

	throttle_key(addr, key);
	struct dbval p[2] = {dbv_text(key), dbv_int(share_id)};
	return db_exec(db, ST_THROTTLE_RESET, p, 2, a, NULL, e);
}
