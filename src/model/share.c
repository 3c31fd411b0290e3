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

/* Columns of ST_SHARE_BY_KEY. */
enum {
	C_ID, C_PROJECT, C_CUSTOMER, C_KEY, C_PASSWORD, C_MERGE, C_USER_VIS, C_RATE_VIS,
	C_ANNUAL, C_MONTHLY, C_BUDGET, C_TIME_BUDGET, C_CUST_ID, C_CUST_NAME, C_TZ,
	C_CURRENCY, C_PROJECT_NAME, C_WINDOW_FROM, C_WINDOW_TO,
};

int share_load(const struct mctx *mc, const char *key, struct share *s, struct perr *e)
{
	struct dbval p[2] = {dbv_text(key), dbv_text(key)};
	struct dbrows rs;
	char shortkey[16];
	memset(s, 0, sizeof(*s));
	if (db_exec(mc->db, ST_SHARE_BY_KEY, p, 2, mc->a, &rs, e))
		return -1;
	/* A share whose project or customer vanished is as good as unknown. */
	if (rs.nrows == 0 || dbr_isnull(&rs, 0, C_CUST_ID))
		return PERR(e, PERR_NOT_FOUND, "no share %s", log_short(key, shortkey));
	s->id = dbr_int(&rs, 0, C_ID, 0);
	s->project_id = dbr_int(&rs, 0, C_PROJECT, 0);
	s->is_customer = !dbr_isnull(&rs, 0, C_CUSTOMER);
	s->customer_id = dbr_int(&rs, 0, C_CUST_ID, 0);
	s->key = dbr_text(&rs, 0, C_KEY);
	s->password_hash = dbr_text(&rs, 0, C_PASSWORD);
	if (s->password_hash && !*s->password_hash)
		s->password_hash = NULL;
	s->merge = merge_mode_parse(dbr_text(&rs, 0, C_MERGE));
	s->user_visible = dbr_int(&rs, 0, C_USER_VIS, 0) != 0;
	s->rate_visible = dbr_int(&rs, 0, C_RATE_VIS, 0) != 0;
	s->annual_chart = dbr_int(&rs, 0, C_ANNUAL, 0) != 0;
	s->monthly_chart = dbr_int(&rs, 0, C_MONTHLY, 0) != 0;
	s->budget_stats = dbr_int(&rs, 0, C_BUDGET, 0) != 0;
	s->time_budget_stats = dbr_int(&rs, 0, C_TIME_BUDGET, 0) != 0;
	s->customer_name = dbr_text(&rs, 0, C_CUST_NAME);
	s->timezone = dbr_text(&rs, 0, C_TZ);
	s->currency = dbr_text(&rs, 0, C_CURRENCY);
	s->project_name = dbr_text(&rs, 0, C_PROJECT_NAME);
	s->window_from = share_window_parse(dbr_text(&rs, 0, C_WINDOW_FROM));
	s->window_to = share_window_parse(dbr_text(&rs, 0, C_WINDOW_TO));
	if (!s->is_customer && s->project_id == 0)
		return PERR(e, PERR_NOT_FOUND, "share %s has neither project nor customer",
		            log_short(key, shortkey));
	return 0;
}
