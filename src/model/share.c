/* Loading a share by its key. */
#include <string.h>

#include "db.h"
#include "log.h"
#include "mctx.h"

#include "share.h"
#include "share_window.h"

const char *const merge_mode_names[MERGE__MAX + 1] = {
	[MERGE_NONE]  = "NONE",
	[MERGE_ALL]   = "MERGE",
	[MERGE_FIRST] = "MERGE_USE_FIRST_OF_DAY",
	[MERGE_LAST]  = "MERGE_USE_LAST_OF_DAY",
	[MERGE__MAX]  = NULL,   /* the list is also the choices of a form field */
};

enum merge_mode merge_mode_parse(const char *s)
{
	for (int i = 0; s && i < MERGE__MAX; i++)
		if (strcmp(s, merge_mode_names[i]) == 0)
			return (enum merge_mode)i;
	return MERGE_NONE;   /* the plugin treats anything else as no merging */
}

const char *const admin_flag_names[AF__MAX] = {
	[AF_USER_VISIBLE]      = "entry_user_visible",
	[AF_RATE_VISIBLE]      = "entry_rate_visible",
	[AF_ANNUAL_CHART]      = "annual_chart_visible",
	[AF_MONTHLY_CHART]     = "monthly_chart_visible",
	[AF_BUDGET_STATS]      = "budget_stats_visible",
	[AF_TIME_BUDGET_STATS] = "time_budget_stats_visible",
};

/* The flag columns of SQL_SHARE_COLS are the AF__MAX flags. */
_Static_assert(SHARE_CUST_ID == SHARE_FLAGS + AF__MAX, "share flag columns");

void share_row(const struct dbrows *rs, size_t i, struct share *s)
{
	memset(s, 0, sizeof(*s));
	s->id = dbr_int(rs, i, SHARE_ID, 0);
	s->project_id = dbr_int(rs, i, SHARE_PROJECT, 0);
	s->is_customer = !dbr_isnull(rs, i, SHARE_CUSTOMER);
	s->customer_id = dbr_int(rs, i, SHARE_CUST_ID, 0);
	s->key = dbr_text(rs, i, SHARE_KEY) ? dbr_text(rs, i, SHARE_KEY) : "";
	s->password_hash = dbr_text(rs, i, SHARE_PASSWORD);
	if (s->password_hash && !*s->password_hash)
		s->password_hash = NULL;
	s->has_password = dbr_int(rs, i, SHARE_HAS_PW, 0) != 0;
	s->merge = merge_mode_parse(dbr_text(rs, i, SHARE_MERGE));
	for (int f = 0; f < AF__MAX; f++)
		s->flags[f] = dbr_int(rs, i, (size_t)(SHARE_FLAGS + f), 0) != 0;
	s->customer_name = dbr_text(rs, i, SHARE_CUST_NAME);
	s->timezone = dbr_text(rs, i, SHARE_TZ);
	s->currency = dbr_text(rs, i, SHARE_CURRENCY);
	s->project_name = dbr_text(rs, i, SHARE_PROJECT_NAME);
	s->expires_at = dbr_text(rs, i, SHARE_EXPIRES);
	s->expired = dbr_int(rs, i, SHARE_EXPIRED, 0) != 0;
	s->window_from = share_window_parse(dbr_text(rs, i, SHARE_WINDOW_FROM));
	s->window_to = share_window_parse(dbr_text(rs, i, SHARE_WINDOW_TO));
	s->views = dbr_int(rs, i, SHARE_VIEWS, 0);
	s->last_view = dbr_text(rs, i, SHARE_LAST_VIEW);
	s->show_activity = dbr_int(rs, i, SHARE_SHOW_ACTIVITY, 0) != 0;
	s->show_tags = dbr_int(rs, i, SHARE_SHOW_TAGS, 0) != 0;
	s->signoff = dbr_int(rs, i, SHARE_SIGNOFF, 0) != 0;
}

int share_load(const struct mctx *mc, const char *key, struct share *s, struct perr *e)
{
	struct dbval p[2] = {dbv_text(key), dbv_text(key)};
	struct dbrows rs;
	char shortkey[16];
	memset(s, 0, sizeof(*s));
	if (db_exec(mc->db, ST_SHARE_BY_KEY, p, 2, mc->a, &rs, e))
		return -1;
	/* A share whose project or customer vanished is as good as unknown. */
	if (rs.nrows == 0 || dbr_isnull(&rs, 0, SHARE_CUST_ID))
		return PERR(e, PERR_NOT_FOUND, "no share %s", log_short(key, shortkey));
	share_row(&rs, 0, s);
	if (!s->is_customer && s->project_id == 0)
		return PERR(e, PERR_NOT_FOUND, "share %s has neither project nor customer",
		            log_short(key, shortkey));
	return 0;
}
