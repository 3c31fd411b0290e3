/* Share writes beyond the plugin's form (share_store.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin_share.h"
#include "db.h"
#include "tz.h"
#include "share_store.h"
#include "share_window.h"

#define NEW_KEY_TRIES    10

static int utc_text(long long epoch, char out[20])
{
	time_t t = (time_t)epoch;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		return -1;
	return 0;
}

int share_expiry_instant(struct tzctx *f, const char *zone, int year, int month, int day,
                         char out[20])
{
	long long start, end;
	if (tz_day_bounds(f, zone, year, month, day, &start, &end) < 0)
		return -1;
	return utc_text(end, out);
}

int share_expiry_date(struct tzctx *f, const char *zone, const char *stored,
                      int *year, int *month, int *day)
{
	long long t;
	struct tm_local lt;
	if (!stored || utc_parse_datetime(stored, &t) || tz_local(f, zone, t - 1, &lt) < 0)
		return -1;
	*year = lt.year;
	*month = lt.month;
	*day = lt.day;
	return 0;
}

void share_extras_of(struct tzctx *f, const struct share *s, struct share_extras *out)
{
	memset(out, 0, sizeof(*out));
	out->has_expiry = share_expiry_date(f, s->timezone, s->expires_at, &out->exp_year,
	                                    &out->exp_month, &out->exp_day) == 0;
	out->window_from = s->window_from;
	out->window_to = s->window_to;
}

int share_extras_save(struct db *db, struct tzctx *f, struct arena *a, long long id,
                      const struct share_extras *x, struct perr *e)
{
	struct dbrows rs;
	struct dbval p[4];
	char expires[20], from[32], to[32];

	p[0] = dbv_int(id);
	p[1] = p[2] = p[3] = dbv_null();
	if (x->has_expiry) {
		struct dbval k = dbv_int(id);
		if (db_exec(db, ST_SHARE_ZONE, &k, 1, a, &rs, e))
			return -1;
		if (rs.nrows != 1)
			return PERR(e, PERR_NOT_FOUND, "share %lld is gone", id);
		if (share_expiry_instant(f, dbr_text(&rs, 0, SHARE_ZONE_TZ), x->exp_year, x->exp_month,
		                         x->exp_day, expires))
			return PERR(e, PERR_BAD_INPUT, "expiry %04d-%02d-%02d out of range",
			            x->exp_year, x->exp_month, x->exp_day);
		p[1] = dbv_text(expires);
	}
	if (x->window_from) {
		snprintf(from, sizeof(from), "%04d-%02d-01", MONTH_YEAR(x->window_from),
		         MONTH_MONTH(x->window_from));
		p[2] = dbv_text(from);
	}
	if (x->window_to) {
		snprintf(to, sizeof(to), "%04d-%02d-01", MONTH_YEAR(x->window_to),
		         MONTH_MONTH(x->window_to));
		p[3] = dbv_text(to);
	}
	return db_exec(db, ST_SETTINGS_SAVE, p, 4, a, NULL, e);
}

int share_display_save(struct db *db, struct arena *a, long long id, bool show_activity,
                       bool show_tags, struct perr *e)
{
	struct dbval p[3] = {dbv_int(show_activity), dbv_int(show_tags), dbv_int(id)};
	return db_exec(db, ST_DISPLAY_SAVE, p, 3, a, NULL, e);
}

int share_rotate_key(struct db *db, struct arena *a, long long id, const char *old_key,
                     char new_key[SHARE_KEY_LEN + 1], struct perr *e)
{
	for (int tries = 0; tries < NEW_KEY_TRIES; tries++) {
		if (share_key_new(new_key, e))
			return -1;
		struct dbval p[3] = {dbv_text(new_key), dbv_int(id), dbv_text(old_key)};
		if (db_exec(db, ST_SHARE_ROTATE, p, 3, a, NULL, e) == 0) {
			if (db_affected(db) != 1)
				return PERR(e, PERR_NOT_FOUND, "share %lld with that key is gone", id);
			admin_order_clear();
			return 0;   /* the caller logs who rotated it */
		}
		/* Another share got this key meanwhile: draw again. */
		if (db_errno(db) != DB_ERR_DUP_ENTRY)
			return -1;
		perr_clear(e);
	}
	return PERR(e, PERR_INTERNAL, "no unique share key after %d tries", NEW_KEY_TRIES);
}

int share_set_password(struct db *db, struct arena *a, long long id, const char *hash,
                       struct perr *e)
{
	struct dbval p[2] = {dbv_text(hash), dbv_int(id)};
	if (db_exec(db, ST_SHARE_SET_PASSWORD, p, 2, a, NULL, e))
		return -1;
	admin_order_clear();
	/* An unchanged value also reports 0 rows: only a missing id is an error. */
	return 0;
}

int share_insert(struct db *db, struct arena *a, const struct share_new *n,
                 char key[SHARE_KEY_LEN + 1], long long *id, struct perr *e)
{
	for (int tries = 0; tries < NEW_KEY_TRIES; tries++) {
		struct dbval p[5 + AF__MAX];
		if (share_key_new(key, e))
			return -1;
		p[0] = n->project_id > 0 ? dbv_int(n->project_id) : dbv_null();
		p[1] = n->customer_id > 0 ? dbv_int(n->customer_id) : dbv_null();
		p[2] = dbv_text(key);
		p[3] = dbv_text(n->password_hash);
		p[4] = dbv_text(merge_mode_names[n->merge]);
		for (int k = 0; k < AF__MAX; k++)
			p[5 + k] = dbv_int(n->flags[k]);
		if (db_exec(db, ST_ADMIN_INSERT, p, 5 + AF__MAX, a, NULL, e) == 0) {
			*id = (long long)db_insert_id(db);
			admin_order_clear();
			return 0;
		}
		if (db_errno(db) != DB_ERR_DUP_ENTRY)
			return -1;
		perr_clear(e);
	}
	return PERR(e, PERR_INTERNAL, "no unique share key after %d tries", NEW_KEY_TRIES);
}
