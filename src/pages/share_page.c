/* The public share page (docs/design.md, "Share pages"): a customer or project share, or one
 * project of a customer share, for one month (loaded by share_month.c). */
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
	if (s->is_customer && !v->project_id && share_projects_set(r, v, &m.rl, e))
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
