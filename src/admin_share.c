/* Share rows for the admin pages and the scaffolding those pages share.
 * Every query carries the admin's view_all_data flag and user id, so the
 * team rule of Kimai's choosers (SQL_*_TEAM_OK in sql.h) decides what a
 * team lead sees and may touch. */
#include <string.h>

#include "admin_share.h"
#include "auth.h"
#include "db.h"
#include "i18n.h"
#include "req.h"
#include "server.h"

const char *const admin_flag_names[AF__MAX] = {
	[AF_USER_VISIBLE]      = "entry_user_visible",
	[AF_RATE_VISIBLE]      = "entry_rate_visible",
	[AF_ANNUAL_CHART]      = "annual_chart_visible",
	[AF_MONTHLY_CHART]     = "monthly_chart_visible",
	[AF_BUDGET_STATS]      = "budget_stats_visible",
	[AF_TIME_BUDGET_STATS] = "time_budget_stats_visible",
};

/* Columns of SQL_ADMIN_SHARE_COLS. */
enum {
	C_ID, C_PROJECT, C_CUSTOMER, C_KEY, C_HAS_PW, C_MERGE,
	C_FLAGS,                      /* AF__MAX flag columns from here */
	C_PROJECT_NAME = C_FLAGS + AF__MAX, C_CUSTOMER_NAME,
	C_ZONE, C_EXPIRES, C_EXPIRED, C_WINDOW_FROM, C_WINDOW_TO, C_VIEWS, C_LAST_VIEW,
};

static void from_row(const struct dbrows *rs, size_t i, struct admin_share *s)
{
	memset(s, 0, sizeof(*s));
	s->id = dbr_int(rs, i, C_ID, 0);
	s->project_id = dbr_int(rs, i, C_PROJECT, 0);
	s->customer_id = dbr_int(rs, i, C_CUSTOMER, 0);
	s->is_customer = !dbr_isnull(rs, i, C_CUSTOMER);
	s->key = dbr_text(rs, i, C_KEY) ? dbr_text(rs, i, C_KEY) : "";
	s->has_password = dbr_int(rs, i, C_HAS_PW, 0) != 0;
	s->merge = merge_mode_parse(dbr_text(rs, i, C_MERGE));
	for (int f = 0; f < AF__MAX; f++)
		s->flags[f] = dbr_int(rs, i, (size_t)(C_FLAGS + f), 0) != 0;
	s->project_name = dbr_text(rs, i, C_PROJECT_NAME);
	s->customer_name = dbr_text(rs, i, C_CUSTOMER_NAME);
	s->timezone = dbr_text(rs, i, C_ZONE);
	s->expires_at = dbr_text(rs, i, C_EXPIRES);
	s->expired = dbr_int(rs, i, C_EXPIRED, 0) != 0;
	s->window_from = dbr_text(rs, i, C_WINDOW_FROM);
	s->window_to = dbr_text(rs, i, C_WINDOW_TO);
	s->views = dbr_int(rs, i, C_VIEWS, 0);
	s->last_view = dbr_text(rs, i, C_LAST_VIEW);
}

void admin_share_row(const struct dbrows *rs, size_t i, struct admin_share *out)
{
	from_row(rs, i, out);
}

/* view_all_data, then the user id once per team condition. */
static size_t access_params(const struct req *r, struct dbval *p)
{
	p[0] = dbv_int(r->auth->view_all_data ? 1 : 0);
	p[1] = dbv_int(r->auth->id);
	p[2] = dbv_int(r->auth->id);
	p[3] = dbv_int(r->auth->id);
	return 4;
}

int admin_shares_list(struct req *r, struct admin_share **out, size_t *n,
                      struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[4];
	size_t np = access_params(r, p);

	*out = NULL;
	*n = 0;
	if (db_exec(r->w->db, ST_ADMIN_LIST, p, np, r->a, &rs, e) < 0)
		return -1;
	if (rs.nrows)
		*out = arena_calloc(r->a, rs.nrows, sizeof(**out));
	for (size_t i = 0; i < rs.nrows; i++)
		from_row(&rs, i, &(*out)[i]);
	*n = rs.nrows;
	return 0;
}

int admin_share_get(struct req *r, long long id, const char *key,
                    struct admin_share *out, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[7];

	if (!key)
		return PERR(e, PERR_NOT_FOUND, "no share key");
	p[0] = dbv_int(id);
	p[1] = dbv_text(key);
	p[2] = dbv_text(key);
	access_params(r, p + 3);
	if (db_exec(r->w->db, ST_ADMIN_SHARE, p, 7, r->a, &rs, e) < 0)
		return -1;
	if (rs.nrows != 1)
		return PERR(e, PERR_NOT_FOUND, "share %lld not found or not manageable", id);
	from_row(&rs, 0, out);
	return 0;
}

static const char *lang_code(const struct req *r)
{
	return r->lang ? r->lang->code : I18N_DEFAULT;
}

const char *admin_url(struct req *r, const char *suffix)
{
	return arena_printf(r->a, "%s/%s/admin/customer-portal%s", r->base ? r->base : "", lang_code(r),
	                    suffix ? suffix : "");
}

const char *admin_share_public_url(struct req *r, const char *key)
{
	return arena_printf(r->a, "%s/%s/auth/customer-portal/%s", req_base_url(r),
	                    lang_code(r), key);
}

void admin_page_setup(struct req *r)
{
	rset(r, "Admin.Base", admin_url(r, NULL));
	rset(r, "Admin.Csrf", auth_csrf_token(r));
}

static int confirm_page(struct req *r, const struct admin_share *s,
                        const struct admin_confirm *c, struct perr *e)
{
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, c->title));
	rset(r, "Confirm.Action", c->action);
	rset(r, "Confirm.Title", msg(r, c->title));
	rset(r, "Confirm.Warning", msg(r, c->warning));
	rset(r, "Confirm.Button", msg(r, c->button));
	rset(r, "Confirm.Type", s->is_customer ? "customer" : "project");
	rset(r, "Confirm.Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		rset(r, "Confirm.Customer", s->customer_name);
	rset(r, "Confirm.Url", admin_share_public_url(r, s->key));
	rset(r, "Admin.ListUrl", admin_url(r, NULL));
	return render(r, "admin_confirm.cs", e);
}

int admin_confirm_gate(struct req *r, const struct admin_confirm *c, struct admin_share *s,
                       bool *confirmed, struct perr *e)
{
	*confirmed = false;
	if (admin_guard(r, e) < 0)
		return -1;
	if (admin_share_get(r, r->args.id, r->args.share_key, s, e) < 0)
		return -1;
	if (r->method != HTTP_POST)
		return confirm_page(r, s, c, e);
	if (admin_guard_post(r, e) < 0)
		return -1;
	*confirmed = true;
	return 0;
}

int admin_guard(struct req *r, struct perr *e)
{
	r->no_store = true;
	if (r->auth)
		return 0;
	return auth_require_admin(r, e);
}

int admin_guard_post(struct req *r, struct perr *e)
{
	if (admin_guard(r, e) < 0)
		return -1;
	return auth_check_csrf(r, e);
}
