/* The timesheet table and the project list of the share page
 * (share_view.h).  Columns the share hides are left out of the template
 * data altogether, so no template mistake can show them. */
#include <stdio.h>

#include "db.h"
#include "fmt.h"
#include "req.h"
#include "server.h"
#include "share_stats.h"
#include "share_view.h"

const char *share_decimal(struct req *r, double amount)
{
	/* Whole cents first: "%.2f" of a sum of doubles could print -0.00, and
	 * printf's radix would follow a locale if one were ever set. */
	double scaled = amount * 100.0;
	if (!(scaled > -9e15 && scaled < 9e15))
		scaled = 0;    /* NaN or absurd: never undefined behaviour below */
	long long cents = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	const char *sign = cents < 0 ? "-" : "";
	unsigned long long c = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	return arena_printf(r->a, "%s%llu.%02llu", sign, c / 100, c % 100);
}

static const char *money(struct req *r, const struct share *s, double amount)
{
	char out[FMT_BUF];
	return arena_strdup(r->a, fmt_money(r->w->fmt, r->lang, s->currency, amount, out,
	                                    sizeof(out)));
}

static const char *duration(struct req *r, long long seconds)
{
	char out[FMT_BUF];
	return arena_strdup(r->a, fmt_duration(seconds, out, sizeof(out)));
}

static void set_rates(struct req *r, const struct share *s, const char *row,
                      const struct line *l)
{
	rset(r, arena_printf(r->a, "%s.Rate", row), money(r, s, l->rate));
	rset(r, arena_printf(r->a, "%s.RateRaw", row), share_decimal(r, l->rate));
	rset(r, arena_printf(r->a, "%s.BillableRateRaw", row), share_decimal(r, l->billable_rate));
	if (l->nbillable && l->nbillable < l->nrecords)
		rset(r, arena_printf(r->a, "%s.NonBillableRate", row),
		     money(r, s, l->rate - l->billable_rate));
	/* One rate: the rate alone.  Several (or one rate both billable and
	 * not): each with the time worked at it. */
	if (l->nparts == 1) {
		rset(r, arena_printf(r->a, "%s.HourlyRate", row), money(r, s, l->parts[0].hourly_rate));
		return;
	}
	for (size_t k = 0; k < l->nparts; k++) {
		const struct rate_part *p = &l->parts[k];
		const char *part = arena_printf(r->a, "%s.Parts.%zu", row, k);
		rset(r, arena_printf(r->a, "%s.Rate", part), money(r, s, p->hourly_rate));
		rset(r, arena_printf(r->a, "%s.Duration", part), duration(r, p->duration));
		if (!p->billable)
			rset(r, arena_printf(r->a, "%s.NotBillable", part), "1");
	}
}

void share_table_set(struct req *r, const struct share_view *v, const struct record_list *rl,
                     const struct line_list *lines)
{
	const struct share *s = v->s;
	char date[FMT_BUF];
	/* The project column helps only where several projects are listed. */
	bool project_col = s->is_customer && !v->project_id;
	if (s->user_visible)
		rset(r, "Table.ShowUser", "1");
	if (project_col)
		rset(r, "Table.ShowProject", "1");
	if (s->rate_visible)
		rset(r, "Table.ShowRates", "1");
	rseti(r, "Table.Count", (long long)lines->n);
	/* Columns before the duration: date, [user], [project], description. */
	rseti(r, "Table.LeadCols", 2 + s->user_visible + project_col);

	for (size_t i = 0; i < lines->n; i++) {
		const struct line *l = &lines->v[i];
		const char *row = arena_printf(r->a, "Table.Rows.%zu", i);
		fmt_date_ymd(r->w->fmt, r->lang, l->year, l->month, l->day, date, sizeof(date));
		rset(r, arena_printf(r->a, "%s.Date", row), date);
		rsetf(r, arena_printf(r->a, "%s.IsoDate", row), "%04d-%02d-%02d",
		      l->year, l->month, l->day);
		if (s->user_visible)
			rset(r, arena_printf(r->a, "%s.User", row), l->user_name);
		if (project_col)
			for (size_t k = 0; k < l->nprojects; k++)
				rset(r, arena_printf(r->a, "%s.Projects.%zu", row, k), l->projects[k]);
		rset(r, arena_printf(r->a, "%s.Description", row), l->description);
		rset(r, arena_printf(r->a, "%s.Duration", row), duration(r, l->duration));
		rseti(r, arena_printf(r->a, "%s.DurationSec", row), l->duration);
		rset(r, arena_printf(r->a, "%s.Billable", row),
		     l->nbillable == l->nrecords ? "1" : l->nbillable ? "mixed" : "0");
		if (s->rate_visible)
			set_rates(r, s, row, l);
	}

	rset(r, "Table.TotalDuration", duration(r, rl->total_duration));
	rseti(r, "Table.TotalDurationSec", rl->total_duration);
	if (s->rate_visible) {
		rset(r, "Table.TotalRate", money(r, s, rl->total_billable_rate));
		rset(r, "Table.TotalRateRaw", share_decimal(r, rl->total_billable_rate));
	}
}

int share_projects_set(struct req *r, const struct share_view *v, struct perr *e)
{
	struct dbrows rs;
	struct dbval p[1] = {dbv_int(v->s->customer_id)};
	if (db_exec(r->w->rdb, ST_SHARE_PROJECTS, p, 1, r->a, &rs, e))
		return -1;
	rseti(r, "Projects.Count", (long long)rs.nrows);
	if (v->s->budget_stats || v->s->time_budget_stats)
		rset(r, "Projects.ShowBudgets", "1");
	const char *q = share_query(r, v->year, v->month, v->details);
	for (size_t i = 0; i < rs.nrows; i++) {
		long long id = dbr_int(&rs, i, 0, 0);
		const char *row = arena_printf(r->a, "Projects.List.%zu", i);
		rseti(r, arena_printf(r->a, "%s.Id", row), id);
		rset(r, arena_printf(r->a, "%s.Name", row), dbr_text(&rs, i, 1));
		rsetf(r, arena_printf(r->a, "%s.Url", row), "%s/p/%lld%s", v->base, id, q);
		if (share_stats_project_row(r, v->s, id, v->year, v->month, row, e))
			return -1;
	}
	return 0;
}
