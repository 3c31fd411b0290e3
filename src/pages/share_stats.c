/* Budget statistics and charts of a share page (see share_stats.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "fmt.h"
#include "records.h"
#include "req.h"
#include "share.h"
#include "share_stats.h"
#include "share_window.h"
#include "svg_chart.h"

static void setp(struct req *r, const char *prefix, const char *key, const char *value)
{
	rset(r, arena_printf(r->a, "%s.%s", prefix, key), value);
}

/* A budget line is one sentence around a formatted figure ("25.4 % used
 * this month", "exceeded by €120.00"): message `key` holds "%s" where the
 * figure goes and, when `arg` is given, a second "%s" for it (a month).
 * The parts around the figure become <prefix>.<name>Before and
 * .<name>After, so the template can mark the figure up; every part stays
 * text, escaped by the template.  Translations are data, never a format. */
static void set_sentence(struct req *r, const char *prefix, const char *name, const char *key,
                         const char *arg)
{
	const char *m = msg(r, key);
	const char *at = strstr(m, "%s");
	const char *after = at ? at + 2 : "";
	if (arg) {
		const char *at2 = strstr(after, "%s");
		if (at2)
			after = arena_printf(r->a, "%.*s%s%s", (int)(at2 - after), after, arg, at2 + 2);
	}
	setp(r, prefix, arena_printf(r->a, "%sBefore", name),
	     at ? arena_strndup(r->a, m, (size_t)(at - m)) : m);
	setp(r, prefix, arena_printf(r->a, "%sAfter", name), after);
}

/* The lines under a block's bar: how much is used (all time; monthly
 * blocks say their month in set_period) and what is left or exceeded. */
static void set_sentences(struct req *r, const char *prefix)
{
	set_sentence(r, prefix, "Used", "share.budget.used_total", NULL);
	set_sentence(r, prefix, "Left", "share.budget.left", NULL);
	set_sentence(r, prefix, "Exceeded", "share.budget.exceeded", NULL);
}

/* One budget block (<prefix>.Visible, .Spent, …; see share_stats.h). */
static void set_money_block(struct req *r, const struct share *s, const char *prefix,
                            const struct budget_figures *f)
{
	struct budget_calc c;
	char b[FMT_BUF];
	if (budget_compute(f->spent, f->budget, &c))
		return;   /* no budget: no bar at all */
	setp(r, prefix, "Visible", "1");
	setp(r, prefix, "Monthly", f->monthly ? "1" : "0");
	setp(r, prefix, "Spent", fmt_money(r->fmt, r->lang, s->currency, f->spent, b, sizeof(b)));
	setp(r, prefix, "Total", fmt_money(r->fmt, r->lang, s->currency, f->budget, b, sizeof(b)));
	setp(r, prefix, "Left", fmt_money(r->fmt, r->lang, s->currency, c.left, b, sizeof(b)));
	setp(r, prefix, "Exceeded",
	     fmt_money(r->fmt, r->lang, s->currency, c.exceeded, b, sizeof(b)));
	setp(r, prefix, "Over", c.exceeded > 0 ? "1" : "0");
	setp(r, prefix, "Percent", fmt_percent(r->fmt, r->lang, c.percent, b, sizeof(b)));
	setp(r, prefix, "Meter", arena_printf(r->a, "%.1f", c.meter));
	setp(r, prefix, "Level", budget_level_names[c.level]);
	set_sentences(r, prefix);
}

static void set_time_block(struct req *r, const char *prefix, const struct budget_figures *f)
{
	struct budget_calc c;
	char b[FMT_BUF];
	long long left = f->time_budget > f->spent_seconds ? f->time_budget - f->spent_seconds : 0;
	long long over = f->spent_seconds > f->time_budget ? f->spent_seconds - f->time_budget : 0;
	if (budget_compute((double)f->spent_seconds, (double)f->time_budget, &c))
		return;
	setp(r, prefix, "Visible", "1");
	setp(r, prefix, "Monthly", f->monthly ? "1" : "0");
	setp(r, prefix, "Spent", fmt_duration(f->spent_seconds, b, sizeof(b)));
	setp(r, prefix, "Total", fmt_duration(f->time_budget, b, sizeof(b)));
	setp(r, prefix, "Left", fmt_duration(left, b, sizeof(b)));
	setp(r, prefix, "Exceeded", fmt_duration(over, b, sizeof(b)));
	setp(r, prefix, "Over", over > 0 ? "1" : "0");
	setp(r, prefix, "Percent", fmt_percent(r->fmt, r->lang, c.percent, b, sizeof(b)));
	setp(r, prefix, "Meter", arena_printf(r->a, "%.1f", c.meter));
	setp(r, prefix, "Level", budget_level_names[c.level]);
	set_sentences(r, prefix);
}

static const char *msg_arg(struct req *r, const char *key, const char *arg);

/* Which month a monthly block counts, labelled so that a past or future
 * month is never mistaken for the current one:
 *   .Period "2026-08", .PeriodCurrent 0|1, .PeriodMonth "August 2026",
 *   and the sentence .UsedBefore/.UsedAfter around the percentage ("…
 *   used this month", "… used in August 2026"). */
static void set_period(struct req *r, const char *prefix, int y, int m, bool current)
{
	char b[FMT_BUF];
	const char *month = arena_strdup(r->a, fmt_month_year(r->fmt, r->lang, y, m, b,
	                                                      sizeof(b)));
	setp(r, prefix, "Period", arena_printf(r->a, "%04d-%02d", y, m));
	setp(r, prefix, "PeriodCurrent", current ? "1" : "0");
	setp(r, prefix, "PeriodMonth", month);
	if (current)
		set_sentence(r, prefix, "Used", "share.budget.used_month", NULL);
	else
		set_sentence(r, prefix, "Used", "share.budget.used_in", month);
}

/* Fills <prefix>.Budget and <prefix>.TimeBudget for the month `y`-`m`
 * shown; *shown tells whether either block exists. */
static int set_budget_blocks(struct req *r, const struct share *s, enum budget_kind kind,
                             long long id, int y, int m, const char *prefix, bool *shown,
                             struct perr *e)
{
	struct mctx mc = req_model(r);
	struct budget_figures f;
	int now_y = 0, now_m = 0;
	*shown = false;
	if (!s->flags[AF_BUDGET_STATS] && !s->flags[AF_TIME_BUDGET_STATS])
		return 0;
	if (tz_now_month(r->tz, s->timezone, &now_y, &now_m) < 0)
		return PERR(e, PERR_INTERNAL, "no current month in the customer's zone");
	if (budget_figures_load(&mc, kind, id, s->timezone, y, m, &f, e))
		return -1;
	bool current = y == now_y && m == now_m;
	if (s->flags[AF_BUDGET_STATS] && f.budget > 0) {
		const char *p = arena_printf(r->a, "%s.Budget", prefix);
		set_money_block(r, s, p, &f);
		if (f.monthly)
			set_period(r, p, y, m, current);
		*shown = true;
	}
	if (s->flags[AF_TIME_BUDGET_STATS] && f.time_budget > 0) {
		const char *p = arena_printf(r->a, "%s.TimeBudget", prefix);
		set_time_block(r, p, &f);
		if (f.monthly)
			set_period(r, p, y, m, current);
		*shown = true;
	}
	return 0;
}

int share_stats_project_row(struct req *r, const struct share *s, long long project_id,
                            int year, int month, const char *hdf_prefix, struct perr *e)
{
	bool shown;
	return set_budget_blocks(r, s, BUDGET_PROJECT, project_id, year, month, hdf_prefix,
	                         &shown, e);
}

/* ---- charts --------------------------------------------------------- */

/* Message `key` with its "%s" replaced by `arg`.  Translations are data,
 * never handed to printf as a format. */
static const char *msg_arg(struct req *r, const char *key, const char *arg)
{
	const char *m = msg(r, key);
	const char *at = strstr(m, "%s");
	if (!at)
		return m;
	return arena_printf(r->a, "%.*s%s%s", (int)(at - m), m, arg, at + 2);
}

/* Renders `c` into a fresh string of the request's arena. */
static const char *chart_svg(struct req *r, const struct chart *c, struct perr *e)
{
	struct buf b;
	const char *svg = NULL;
	buf_init(&b);
	if (svg_bar_chart(&b, c) == 0)
		svg = arena_strndup(r->a, buf_cstr(&b), b.len);
	buf_free(&b);
	if (!svg)
		PERR(e, PERR_INTERNAL, "chart %s: malformed", c->id);
	return svg;
}

/* Template data of one bar under `node` ("Chart.Annual.Bars.3"), for the
 * hidden table that repeats the chart's figures. */
static void set_bar(struct req *r, const char *node, const struct chart_bar *bar)
{
	setp(r, node, "Label", bar->label);
	setp(r, node, "Duration", bar->value);
	setp(r, node, "Seconds", arena_printf(r->a, "%lld", bar->seconds));
}

/* Completes chart `c` (id, title and bars set) with its description and
 * axis, renders it and sets under `node` ("Chart.Annual"): Visible, Title,
 * Total, TotalSeconds and Svg. */
static int set_chart(struct req *r, const char *node, struct chart *c, long long total,
                     struct perr *e)
{
	char b[FMT_BUF];
	const char *tot = arena_strdup(r->a, fmt_duration(total, b, sizeof(b)));
	c->desc = arena_printf(r->a, "%s: %s", msg(r, "table.total"), tot);
	c->axis_label = msg(r, "chart.hours");
	const char *svg = chart_svg(r, c, e);
	if (!svg)
		return -1;
	setp(r, node, "Visible", "1");
	setp(r, node, "Title", c->title);
	setp(r, node, "Total", tot);
	setp(r, node, "TotalSeconds", arena_printf(r->a, "%lld", total));
	setp(r, node, "Svg", svg);
	return 0;
}

static int annual_chart(struct req *r, const struct share *s, long long project_id,
                        int year, const struct record_list *recs, struct perr *e)
{
	struct mctx mc = req_model(r);
	long long secs[12], total = 0;
	struct chart_bar bars[12];
	char b[FMT_BUF];
	if (year_seconds_load(&mc, s, project_id, year, secs, e))
		return -1;
	/* The shown month from the table's own records: never behind it. */
	if (recs && recs->year == year && recs->month >= 1 && recs->month <= 12)
		secs[recs->month - 1] = recs->total_duration;
	/* Months outside the share's browse window show nothing. */
	for (int i = 0; i < 12; i++)
		if (!share_month_allowed(s, year, i + 1))
			secs[i] = 0;
	for (int i = 0; i < 12; i++) {
		const char *prefix = arena_printf(r->a, "Chart.Annual.Bars.%d", i + 1);
		bars[i] = (struct chart_bar){
			.label = arena_strdup(r->a, fmt_month_name(r->fmt, r->lang, i + 1, b,
			                                           sizeof(b))),
			.value = arena_strdup(r->a, fmt_duration(secs[i], b, sizeof(b))),
			.seconds = secs[i],
		};
		bars[i].title = arena_printf(r->a, "%s %d: %s", bars[i].label, year, bars[i].value);
		total += secs[i];
		set_bar(r, prefix, &bars[i]);
	}
	struct chart c = {
		.id = "chart-annual",
		.title = msg_arg(r, "chart.annual_title", arena_printf(r->a, "%d", year)),
		.bars = bars,
		.nbars = 12,
	};
	if (set_chart(r, "Chart.Annual", &c, total, e))
		return -1;
	rseti(r, "Chart.Annual.Year", year);
	return 0;
}

/* Daily bars from the table's own records: they add up to its total. */
static int monthly_chart(struct req *r, const struct record_list *recs, struct perr *e)
{
	struct chart_bar bars[31];
	long long secs[31] = {0};
	char b[FMT_BUF], wd[FMT_BUF];
	int ndays = days_in_month(recs->year, recs->month);
	if (ndays < 28 || ndays > 31)
		return PERR(e, PERR_INTERNAL, "bad month %d-%d", recs->year, recs->month);
	for (size_t i = 0; i < recs->n; i++) {
		int d = recs->v[i].cust_day;
		if (d >= 1 && d <= ndays)
			secs[d - 1] += recs->v[i].duration;
	}
	for (int d = 1; d <= ndays; d++) {
		const char *prefix = arena_printf(r->a, "Chart.Monthly.Bars.%d", d);
		/* Noon UTC of the calendar day names its weekday in any zone. */
		long long noon = utc_epoch(recs->year, recs->month, d, 12, 0, 0);
		struct tm_local lt;
		bool weekend = tz_local(r->tz, "UTC", noon, &lt) >= 0 && lt.wday >= 6;
		fmt_weekday_short(r->fmt, r->lang, "UTC", noon, wd, sizeof(wd));
		const char *date = arena_strdup(r->a, fmt_date_ymd(r->fmt, r->lang, recs->year,
		                                                   recs->month, d, b, sizeof(b)));
		bars[d - 1] = (struct chart_bar){
			.label = arena_printf(r->a, "%d %s", d, wd),
			.value = arena_strdup(r->a, fmt_duration(secs[d - 1], b, sizeof(b))),
			.seconds = secs[d - 1],
			.cls = weekend ? "weekend" : NULL,
		};
		bars[d - 1].title = arena_printf(r->a, "%s: %s", date, bars[d - 1].value);
		set_bar(r, prefix, &bars[d - 1]);
		setp(r, prefix, "Date", date);
		setp(r, prefix, "Weekend", weekend ? "1" : "0");
	}
	struct chart c = {
		.id = "chart-monthly",
		.title = msg_arg(r, "chart.monthly_title",
		                 fmt_month_year(r->fmt, r->lang, recs->year, recs->month, b,
		                                sizeof(b))),
		.bars = bars,
		.nbars = (size_t)ndays,
	};
	return set_chart(r, "Chart.Monthly", &c, recs->total_duration, e);
}

int share_stats_fill(struct req *r, const struct share *s, long long project_id,
                     int year, int month, const struct record_list *recs,
                     bool chart_view, struct perr *e)
{
	bool shown = false;
	/* Statistics of what the page shows: the project of a project page,
	 * else the shared customer or project. */
	if (project_id || !s->is_customer) {
		long long pid = project_id ? project_id : s->project_id;
		if (set_budget_blocks(r, s, BUDGET_PROJECT, pid, year, month, "Stats", &shown, e))
			return -1;
	} else if (set_budget_blocks(r, s, BUDGET_CUSTOMER, s->customer_id, year, month, "Stats",
	                             &shown, e)) {
		return -1;
	}
	if (shown)
		rset(r, "Stats.Visible", "1");

	if (s->flags[AF_ANNUAL_CHART] && annual_chart(r, s, project_id, year, recs, e))
		return -1;
	if (s->flags[AF_MONTHLY_CHART]) {
		rset(r, "Chart.Switch.Visible", "1");
		rset(r, "Chart.Switch.Current", chart_view ? "chart" : "table");
		/* Query-only links resolve against the current path, so the switch
		 * stays on this page (a customer share's project page included). */
		rsetf(r, "Chart.Switch.TableUrl", "?year=%d&month=%d&details=table", year, month);
		rsetf(r, "Chart.Switch.ChartUrl", "?year=%d&month=%d&details=chart", year, month);
		if (chart_view && recs && monthly_chart(r, recs, e))
			return -1;
	}
	return 0;
}
