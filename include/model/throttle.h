/* Throttling of failed unlock attempts (docs/design.md, "Share pages"): at most
 * THROTTLE_MAX_FAILURES per client address within THROTTLE_WINDOW_S,
 * counted in the database (kimai2_customer_portals_attempts) so that every
 * worker and every host sees the same count.  Times come from the database
 * server's clock, so hosts with skewed clocks still agree. */
#ifndef PORTAL_THROTTLE_H
#define PORTAL_THROTTLE_H

#include <stdbool.h>

#include "perr.h"

struct arena;
struct db;

#define THROTTLE_MAX_FAILURES 10
#define THROTTLE_WINDOW_S     3600
/* Longest client key: an IPv6 prefix in text plus "/64". */
#define THROTTLE_KEY_MAX      64

/* The bucket an address counts into: IPv4 addresses as they are (IPv4-
 * mapped IPv6 too), IPv6 addresses by their /64 prefix, because one
 * subscriber routinely holds a whole /64.  Anything unparsable shares one
 * bucket. */
void throttle_key(const char *addr, char out[THROTTLE_KEY_MAX]);

/* Whether `addr` has used up its failures (≥ THROTTLE_MAX_FAILURES in the
 * window); if so, `*retry_after` is the number of seconds until the oldest
 * failures leave the window (at least 1). */
int throttle_check(struct db *db, struct arena *a, const char *addr,
                   bool *over, long long *retry_after, struct perr *e);

/* Counts one failure of `addr` on share `share_id` (atomic upsert; a
 * window older than THROTTLE_WINDOW_S starts over), and purges a few
 * expired rows so the table stays small. */
int throttle_fail(struct db *db, struct arena *a, const char *addr,
                  long long share_id, struct perr *e);

/* Counts this attempt before the password is checked, then tells whether
 * it is over the limit.  Counting first means concurrent guesses on many
 * workers or hosts cannot slip past the limit between a check and the
 * increment.  A correct password then calls throttle_reset(). */
int throttle_attempt(struct db *db, struct arena *a, const char *addr,
                     long long share_id, bool *over, long long *retry_after,
                     struct perr *e);

/* Forgets the failures of `addr` on `share_id` (after a correct password). */
int throttle_reset(struct db *db, struct arena *a, const char *addr,
                   long long share_id, struct perr *e);

#endif
