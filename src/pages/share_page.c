/* The public share page (docs/design.md, "Share pages"): a customer or project share, or one
 * project of a customer share, for one month.  Also the loading of that
 * month (share, gate, project, records) which the CSV download reuses. */
#include <string.h>

#include "branding.h"
#include "db.h"
#include "fmt.h"
#include "i18n.h"
#include "lang_menu.h"
#include "merge.h"
#include "records.h"
#include "routes.h"
#include "share.h"
#include "share_stats.h"
#include "share_view.h"
#include "share_window.h"
#include "signoff_view.h"
#include "unlock.h"
#include "url.h"
#include "views.h"

/* The drill-down project must be a visible project of the shared
 * customer; anything else answers exactly like an unknown share. */
int share_view_project(struct req *r, struct share_view *v, struct perr *e)
{
	struct dbrows rs;
	const struct share *s = v->s;
	if (!s->is_customer)
		return PERR(e, PERR_NOT_FOUND, "project page of a project share");
	struct dbval p[2] = {dbv_int(r->args.project_id), dbv_int(s->customer_id)};
	if (db_exec(r->rdb, ST_SHARE_PROJECT, p, 2, r->a, &rs, e))
		return -1;
	if (rs.nrows == 0)
		return PERR(e, PERR_NOT_FOUND, "project %lld is not a visible project of the share",
		            r->args.project_id);
	v->project_id = r->args.project_id;
	v->project_name = dbr_text(&rs, 0, PROJECT_NAME_NAME);
	return 0;
}

/* Year and month from the query, defaulting to the current month where
 * the customer is (a client in Sydney sees their new month first). */
int share_view_month(struct req *r, struct share_view *v, struct perr *e)
{
	if (tz_now_month(r->tz, v->s->timezone, &v->now_year, &v->now_month) < 0)
		return PERR(e, PERR_INTERNAL, "no current month");
	v->details = r->p[P_DETAILS].set ? r->p[P_DETAILS].s : NULL;
	/* Inside the share's browse window, if it has one (share_window.h). */
	return share_month_select(v->s, r->p[P_YEAR].set ? (int)r->p[P_YEAR].i : 0, r->p[P_MONTH].set ? (int)r->p[P_MONTH].i : 0, v->now_year, v->now_month, &v->year, &v->month, e);
}

static void set_header(struct req *r, const struct share_view *v)
{
	const struct share *s = v->s;
	char label[FMT_BUF];
	const char *name = v->project_id ? v->project_name :
	                   s->is_customer ? s->customer_name : s->project_name;
	rset(r, "Share.Type", s->is_customer ? "customer" : "project");
	rset(r, "Share.Name", name);
	rset(r, "Share.Customer", s->customer_name);
	if (v->project_id) {
		rset(r, "Share.ProjectPage", "1");
		struct url back = {.page = URL_SHARE, .key = s->key,
		                   .query = share_query(r, v->year, v->month, v->details)};
		rset(r, "Share.BackUrl", url_for(r, back));
	}
	fmt_month_year(r->fmt, r->lang, v->year, v->month, label, sizeof(label));
	rsetf(r, "Page.Title", "%s – %s", name ? name : "", label);
}

int share_month_load(struct req *r, struct share_month *m, bool *shown, struct perr *e)
{
	struct mctx mc = req_model(r);
	*m = (struct share_month){0};
	*shown = false;
	if (share_load(&mc, r->args.share_key, &m->s, e))
		return -1;
	/* The password gate first: a locked share shows nothing else. */
	if (unlock_gate(r, &m->s, shown, e))
		return -1;
	if (!*shown)
		return 0;

	struct share_view *v = &m->v;
	v->s = &m->s;
	if (r->args.project_id && share_view_project(r, v, e))
		return -1;
	if (share_view_month(r, v, e))
		return -1;
	if (records_month(&mc, &m->s, v->project_id, v->year, v->month, &m->rl, e))
		return -1;
	merge_records(r->a, m->rl.v, m->rl.n, m->s.merge, &m->lines);
	return 0;
}

int page_share(struct req *r, struct perr *e)
{
	struct share_month m;
	bool shown = false;

	if (share_month_load(r, &m, &shown, e))
		return -1;
	if (!shown)
		return 0;

	const struct share *s = &m.s;
	const struct share_view *v = &m.v;
	set_header(r, v);
	share_nav_set(r, v);
	share_table_set(r, v, &m.rl, &m.lines);
	/* Charts and budgets from the same record list as the table. */
	bool chart_view = v->details && strcmp(v->details, "chart") == 0;
	if (share_stats_fill(r, s, v->project_id, v->year, v->month, &m.rl, chart_view, e))
		return -1;
	if (s->is_customer && !v->project_id && share_projects_set(r, v, e))
		return -1;
	lang_menu(r);
	share_csv_link(r, v);
	branding_apply(r);
	if (signoff_view_set(r, &m, e))
		return -1;
	if (render(r, "share.cs", e))
		return -1;
	/* Counted once the page is there; written later in bulk (views.h). */
	if (r->method == HTTP_GET)
		views_count(s->id);
	return 0;
}
