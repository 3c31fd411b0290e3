/* What the share page, its CSV download and the sign-off share: the month
 * a request asks for (share, password gate, project, month, records) and
 * the links between those pages, so that no page calls another page. */
#include <string.h>

#include "db.h"
#include "merge.h"
#include "records.h"
#include "req.h"
#include "share.h"
#include "share_view.h"
#include "share_window.h"
#include "tz.h"
#include "unlock.h"
#include "url.h"

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

/* Share.CsvUrl: the CSV download of the shown month. */
void share_csv_link(struct req *r, const struct share_view *v)
{
	struct url csv = {.page = URL_SHARE_CSV, .key = v->s->key, .project_id = v->project_id,
	                  .query = share_query(r, v->year, v->month, NULL)};
	rset(r, "Share.CsvUrl", url_for(r, csv));
}
