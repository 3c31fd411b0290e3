/* Writing shares beyond the plugin's form: the portal's own settings of a
 * share (expiry date, browse window; kimai2_customer_portals_settings),
 * key rotation, and the few writes the command line needs (new share,
 * password).  Used by the admin pages and by `portal share`; every
 * statement runs on the connection given, which is always the primary. */
#ifndef PORTAL_SHARE_STORE_H
#define PORTAL_SHARE_STORE_H

#include <stdbool.h>

#include "admin_share.h"
#include "random.h"
#include "perr.h"

struct arena;
struct db;
struct tzctx;

/* The portal's own settings of a share. */
struct share_extras {
	bool has_expiry;
	int  exp_year, exp_month, exp_day;  /* the last day the link works */
	int  window_from, window_to;        /* month indexes (share_window.h), 0 = open */
};

/* The expiry date is a calendar day in the customer's time zone: the link
 * works through that whole day and is gone from the next midnight there.
 * Stored is that midnight as a UTC DATETIME ("YYYY-MM-DD HH:MM:SS"), which
 * the share query compares with the database's UTC clock. */
int share_expiry_instant(struct tzctx *f, const char *zone, int year, int month, int day,
                         char out[20]);
/* The day back from a stored instant; -1 when it is unreadable. */
int share_expiry_date(struct tzctx *f, const char *zone, const char *stored,
                      int *year, int *month, int *day);

/* Settings of a share as the form edits them. */
void share_extras_of(struct tzctx *f, const struct share *s, struct share_extras *out);

/* Stores the settings of share `id` (one upsert; the customer's zone is
 * looked up for the expiry instant). */
int share_extras_save(struct db *db, struct tzctx *f, struct arena *a, long long id,
                      const struct share_extras *x, struct perr *e);

/* Stores the options "show activity" and "show tags" of share `id` (one
 * upsert into kimai2_customer_portals_display; a share deleted meanwhile
 * gets no row). */
int share_display_save(struct db *db, struct arena *a, long long id, bool show_activity,
                       bool show_tags, struct perr *e);

/* A new random key for share `id` whose key is `old_key`; every setting,
 * view count and id stays.  The old URL is dead with the commit, and the
 * unlock cookies made for it no longer verify (they are bound to the
 * key).  PERR_NOT_FOUND when no share has that id and key. */
int share_rotate_key(struct db *db, struct arena *a, long long id, const char *old_key,
                     char new_key[SHARE_KEY_LEN + 1], struct perr *e);

/* Sets (hash) or removes (NULL) the password of share `id`. */
int share_set_password(struct db *db, struct arena *a, long long id, const char *hash,
                       struct perr *e);

/* What a new share is made of (the plugin's columns). */
struct share_new {
	long long       project_id;     /* exactly one of the two is set */
	long long       customer_id;
	const char     *password_hash;  /* NULL: none */
	enum merge_mode merge;
	bool            flags[AF__MAX];
};

/* Inserts a share under a fresh random key; *id is its row id. */
int share_insert(struct db *db, struct arena *a, const struct share_new *n,
                 char key[SHARE_KEY_LEN + 1], long long *id, struct perr *e);

#endif
