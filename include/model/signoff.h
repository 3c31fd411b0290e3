/* Client sign-off (docs/signoff.md): a client confirms the hours of a
 * month on the share page.  Stored in the portal's own tables
 * (schema/003_signoff.sql): whether a share offers it, and every
 * confirmation with the month's totals and a fingerprint of the exact
 * records shown.  A sign-off is a record of what the client saw; it never
 * locks or changes Kimai's timesheets. */
#ifndef PORTAL_SIGNOFF_H
#define PORTAL_SIGNOFF_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct db;
struct mctx;
struct record_list;

/* Bounds of what a client may send, in characters (code points). */
#define SIGNOFF_NAME_MAX     100
#define SIGNOFF_COMMENT_MAX  1000
/* At most this many sign-offs per share within one hour. */
#define SIGNOFF_PER_HOUR     10
/* SHA-256 in lower-case hex. */
#define SIGNOFF_FP_LEN       64
/* "203.0.113.0/24", "2001:db8:1::/48". */
#define SIGNOFF_NET_MAX      64

/* What a confirmation covers: the month's totals and fingerprint. */
struct signoff_sum {
	long long duration;        /* seconds */
	double    money;           /* billable money */
	long long count;           /* records */
	char      fp[SIGNOFF_FP_LEN + 1];
};

/* One stored sign-off. */
struct signoff {
	long long       id;
	long long       share_id;
	int             year, month;
	const char     *name;
	const char     *comment;       /* "" when none */
	const char     *signed_at;     /* UTC DATETIME text */
	long long       signed_epoch;
	const char     *client_net;
	const char     *currency;      /* the customer's at the time; may be NULL */
	struct signoff_sum sum;
	const char     *withdrawn_at;  /* NULL while it stands */
	const char     *withdrawn_by;  /* Kimai user name of the admin */
};

/* What a month shows now against its standing sign-off. */
enum signoff_state { SIGNOFF_NONE, SIGNOFF_CONFIRMED, SIGNOFF_CHANGED, SIGNOFF_WITHDRAWN };
extern const char *const signoff_state_names[];   /* "none", "confirmed", "changed", "withdrawn" */

/* Totals and fingerprint of a month's records.  The fingerprint is SHA-256
 * over a canonical encoding of the records in id order: per record its id,
 * start and end (Unix seconds), duration, money, hourly rate, billable,
 * user, activity and project ids and the description (length-prefixed), so
 * any change of what the client saw gives another value. */
void signoff_summarize(const struct record_list *rl, struct signoff_sum *out);

/* The client's network: IPv4 cut to /24, IPv6 to /48 ("…/24", "…/48");
 * anything else "unknown". */
void signoff_client_net(const char *addr, char out[SIGNOFF_NET_MAX]);

/* A signer's name or comment as posted: surrounding white space removed,
 * then checked for 1..max characters (min_chars 0 allows empty), valid
 * text without control characters (a comment may hold line breaks).
 * Returns the cleaned text in the arena, or NULL when it does not fit. */
const char *signoff_clean_text(const struct mctx *mc, const char *s, size_t len,
                               size_t min_chars, size_t max_chars, bool multiline);

/* The option of share `id`. */
int signoff_enabled(const struct mctx *mc, long long share_id, bool *on, struct perr *e);
int signoff_set_enabled(const struct mctx *mc, long long share_id, bool on,
                        struct perr *e);
/* Ids of every share with the option, ascending (*n of them). */
int signoff_enabled_ids(const struct mctx *mc, long long **ids, size_t *n, struct perr *e);
bool signoff_id_in(const long long *ids, size_t n, long long id);

/* Sign-offs of share `share_id` within the last hour, and the seconds
 * until the oldest of them leaves that hour. */
int signoff_recent(const struct mctx *mc, long long share_id, long long *count,
                   long long *retry_after, struct perr *e);

/* Stores a new sign-off (id set on return). */
int signoff_insert(const struct mctx *mc, struct signoff *so, struct perr *e);

/* The month's standing sign-off (the newest not withdrawn): *found false
 * when there is none. */
int signoff_current(const struct mctx *mc, long long share_id, int year, int month,
                    struct signoff *out, bool *found, struct perr *e);
/* The newest sign-off of each month (withdrawn ones too), newest month
 * first, at most 120. */
int signoff_last_per_month(const struct mctx *mc, long long share_id, struct signoff **out,
                           size_t *n, struct perr *e);
/* Every sign-off of a share, oldest first. */
int signoff_all(const struct mctx *mc, long long share_id, struct signoff **out, size_t *n,
                struct perr *e);
/* Marks sign-off `id` of share `share_id` withdrawn by `who`; it is kept.
 * PERR_NOT_FOUND when there is no such standing sign-off. */
int signoff_withdraw(const struct mctx *mc, long long share_id, long long id, const char *who,
                     struct perr *e);

/* The state of a month whose records now sum to `now`. */
enum signoff_state signoff_state_of(const struct signoff *so, const struct signoff_sum *now);

#endif
