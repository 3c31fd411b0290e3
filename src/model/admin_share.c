/* Share rows as the admin pages and the command line see them.
 * Every query carries the admin's view_all_data flag and user id, so the
 * team rule of Kimai's choosers (SQL_*_TEAM_OK in sql.h) decides what a
 * team lead sees and may touch. */
#include <string.h>

#include "admin_share.h"
#include "db.h"
#include "mctx.h"

const char *const admin_flag_names[AF__MAX] = {
	[AF_USER_VISIBLE]      = "entry_user_visible",
	[AF_RATE_VISIBLE]      = "entry_rate_visible",
	[AF_ANNUAL_CHART]      = "annual_chart_visible",
	[AF_MONTHLY_CHART]     = "monthly_chart_visible",
	[AF_BUDGET_STATS]      = "budget_stats_visible",
	[AF_TIME_BUDGET_STATS] = "time_budget_stats_visible",
};

/* The flag columns of SQL_ADMIN_SHARE_COLS are the AF__MAX flags. */
_Static_assert(ADMIN_SHARE_PROJECT_NAME == ADMIN_SHARE_FLAGS + AF__MAX, "admin share flags");

static void from_row(const struct dbrows *rs, size_t i, struct admin_share *s)
{
	memset(s, 0, sizeof(*s));
	s->id = dbr_int(rs, i, ADMIN_SHARE_ID, 0);
	s->project_id = dbr_int(rs, i, ADMIN_SHARE_PROJECT, 0);
	s->customer_id = dbr_int(rs, i, ADMIN_SHARE_CUSTOMER, 0);
	s->is_customer = !dbr_isnull(rs, i, ADMIN_SHARE_CUSTOMER);
	s->key = dbr_text(rs, i, ADMIN_SHARE_KEY) ? dbr_text(rs, i, ADMIN_SHARE_KEY) : "";
	s->has_password = dbr_int(rs, i, ADMIN_SHARE_HAS_PW, 0) != 0;
	s->merge = merge_mode_parse(dbr_text(rs, i, ADMIN_SHARE_MERGE));
	for (int f = 0; f < AF__MAX; f++)
		s->flags[f] = dbr_int(rs, i, (size_t)(ADMIN_SHARE_FLAGS + f), 0) != 0;
	s->project_name = dbr_text(rs, i, ADMIN_SHARE_PROJECT_NAME);
	s->customer_name = dbr_text(rs, i, ADMIN_SHARE_CUSTOMER_NAME);
	s->timezone = dbr_text(rs, i, ADMIN_SHARE_ZONE);
	s->expires_at = dbr_text(rs, i, ADMIN_SHARE_EXPIRES);
	s->expired = dbr_int(rs, i, ADMIN_SHARE_EXPIRED, 0) != 0;
	s->window_from = dbr_text(rs, i, ADMIN_SHARE_WINDOW_FROM);
	s->window_to = dbr_text(rs, i, ADMIN_SHARE_WINDOW_TO);
	s->views = dbr_int(rs, i, ADMIN_SHARE_VIEWS, 0);
	s->last_view = dbr_text(rs, i, ADMIN_SHARE_LAST_VIEW);
}

void admin_share_row(const struct dbrows *rs, size_t i, struct admin_share *out)
{
	from_row(rs, i, out);
}

/* view_all_data, then the user id once per team condition. */
static size_t access_params(const struct share_viewer *who, struct dbval *p)
{
	p[0] = dbv_int(who->view_all_data ? 1 : 0);
	p[1] = dbv_int(who->user_id);
	p[2] = dbv_int(who->user_id);
	p[3] = dbv_int(who->user_id);
	return 4;
}

int admin_shares_list(const struct mctx *mc, const struct share_viewer *who,
                      struct admin_share **out, size_t *n,
                      struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[4];
	size_t np = access_params(who, p);

	*out = NULL;
	*n = 0;
	if (db_exec(mc->db, ST_ADMIN_LIST, p, np, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows)
		*out = arena_calloc(mc->a, rs.nrows, sizeof(**out));
	for (size_t i = 0; i < rs.nrows; i++)
		from_row(&rs, i, &(*out)[i]);
	*n = rs.nrows;
	return 0;
}

int admin_share_get(const struct mctx *mc, const struct share_viewer *who, long long id, const char *key,
                    struct admin_share *out, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[7];

	if (!key)
		return PERR(e, PERR_NOT_FOUND, "no share key");
	p[0] = dbv_int(id);
	p[1] = dbv_text(key);
	p[2] = dbv_text(key);
	access_params(who, p + 3);
	if (db_exec(mc->db, ST_ADMIN_SHARE, p, 7, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows != 1)
		return PERR(e, PERR_NOT_FOUND, "share %lld not found or not manageable", id);
	from_row(&rs, 0, out);
	return 0;
}

