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
	unsigned long long c = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	/* Digits by hand: two per row of a long table, printf costs too much. */
	char tmp[32], *p = tmp + sizeof(tmp);
	*--p = '\0';
	*--p = (char)('0' + c % 10);
	*--p = (char)('0' + c / 10 % 10);
	*--p = '.';
	c /= 100;
	do
		*--p = (char)('0' + c % 10);
	while ((c /= 10) != 0);
	if (cents < 0)
		*--p = '-';
	return arena_strndup(r->a, p, (size_t)(tmp + sizeof(tmp) - 1 - p));
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

/* "2026-08-05" for the machine-readable attributes; years 0-9999. */
static const char *iso_date(int y, int m, int d, char out[16])
{
	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
		snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
		return out;
	}
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10);
	out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
	out[7] = '-', out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

/* Rows are set through their node (req.h rnode_at): a month can have
 * hundreds of rows, each with a dozen values. */
static void set_rates(struct req *r, const struct share *s, HDF *row, const struct line *l)
{
	rset_in(row, "Rate", money(r, s, l->rate));
	rset_in(row, "RateRaw", share_decimal(r, l->rate));
	/* Only where it differs from RateRaw (the template falls back to it):
	 * a row node with more than ten values gets a hash table in
	 * ClearSilver, which costs more than the rest of the row. */
	if (l->nbillable != l->nrecords)
		rset_in(row, "BillableRateRaw", share_decimal(r, l->billable_rate));
	if (l->nbillable && l->nbillable < l->nrecords)
		rset_in(row, "NonBillableRate", money(r, s, l->rate - l->billable_rate));
	/* One rate: the rate alone.  Several (or one rate both billable and
	 * not): each with the time worked at it. */
	if (l->nparts == 1) {
		rset_in(row, "HourlyRate", money(r, s, l->parts[0].hourly_rate));
		return;
	}
	HDF *parts = l->nparts ? rnode_in(row, "Parts") : NULL;
	for (size_t k = 0; k < l->nparts; k++) {
		const struct rate_part *p = &l->parts[k];
		HDF *part = rnode_at(parts, k);
		rset_in(part, "Rate", money(r, s, p->hourly_rate));
		rset_in(part, "Duration", duration(r, p->duration));
		if (!p->billable)
			rset_in(part, "NotBillable", "1");
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

	HDF *rows = lines->n ? rnode(r, "Table.Rows") : NULL;
	for (size_t i = 0; i < lines->n; i++) {
		const struct line *l = &lines->v[i];
		HDF *row = rnode_at(rows, i);
		char iso[16];
		fmt_date_ymd(r->w->fmt, r->lang, l->year, l->month, l->day, date, sizeof(date));
		rset_in(row, "Date", date);
		rset_in(row, "IsoDate", iso_date(l->year, l->month, l->day, iso));
		if (s->user_visible)
			rset_in(row, "User", l->user_name);
		if (project_col && l->nprojects) {
			HDF *projects = rnode_in(row, "Projects");
			for (size_t k = 0; k < l->nprojects; k++)
				rset_in(rnode_at(projects, k), "", l->projects[k]);   /* the node itself */
		}
		rset_in(row, "Description", l->description);
		rset_in(row, "Duration", duration(r, l->duration));
		rseti_in(row, "DurationSec", l->duration);
		rset_in(row, "Billable", l->nbillable == l->nrecords ? "1" : l->nbillable ? "mixed" : "0");
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
