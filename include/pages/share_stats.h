/* Charts and budget statistics of a share page (docs/design.md, "Share pages" and "Kimai facts"
 * §Budgets), rendered on the server: no JavaScript is needed to see them.
 *
 * Budget figures follow Kimai: only stopped, billable records count; money
 * spent is the sum of their `rate`, time spent the sum of their `duration`.
 * A monthly budget (budget_type 'month') counts the records that start in
 * the month the page shows (cut in the customer's time zone): the current
 * month by default, another one when the client browses to it, labelled
 * as such; an all-time budget counts every record that started up to now.  Customer figures cover all of the
 * customer's projects.
 *
 * All-time sums would otherwise be recomputed from every row on every page
 * view, so the figures of an entity are cached process-wide for at most
 * BUDGET_CACHE_TTL seconds (budget_cache.c); a page may show figures that
 * old, never older.  The annual chart's months likewise (chart_cache.h),
 * except the month shown, which comes from the page's own record list.
 *
 * Template data filled by share_stats_fill() (every value escaped by the
 * templates, except the two program-built SVG strings):
 *   Stats.Visible                 1 when any budget block below is shown
 *   Stats.Budget.*                money budget  (see "budget block")
 *   Stats.TimeBudget.*            time budget   (see "budget block")
 *   Chart.Annual.Visible          1 when the share shows the annual chart
 *   Chart.Annual.Year, .Title, .Total (h:mm), .TotalSeconds,
 *                 .Svg (raw SVG markup),
 *   Chart.Annual.Bars.<n>.Label, .Duration (h:mm), .Seconds   n = 1..12
 *   Chart.Monthly.Visible         1 when the monthly chart is shown
 *                                 (flag on and details=chart)
 *   Chart.Monthly.Title, .Total, .TotalSeconds, .Svg, .Bars.<n>.Label,
 *                 .Date, .Duration, .Seconds, .Weekend   n = 1..days of month
 *   Chart.Switch.Visible          1 when the share has a monthly chart
 *   Chart.Switch.Current          "table" or "chart"
 *   Chart.Switch.TableUrl, .ChartUrl   query-only relative links ("?year=…"),
 *                                 so they stay on the current page
 *
 * A budget block (Stats.Budget, Stats.TimeBudget, and <prefix>.Budget,
 * <prefix>.TimeBudget of project rows) exists only when the share's flag
 * is on and the entity has such a budget (> 0):
 *   .Visible 1, .Monthly 0|1, .Spent, .Total, .Left, .Exceeded (formatted
 *   money or h:mm), .Over 0|1, .Percent ("45.3%"), .Meter (0..100, one
 *   decimal, C locale, for <meter value>), .Level ("ok"|"warn"|"over");
 *   monthly blocks also .Period ("2026-08"), .PeriodCurrent 0|1,
 *   .PeriodMonth ("August 2026"); the sentences under the bar as the text
 *   before and after their figure: .UsedBefore/.UsedAfter around .Percent
 *   ("" / " used this month"), .LeftBefore/.LeftAfter around .Left,
 *   .ExceededBefore/.ExceededAfter around .Exceeded
 *
 * Templates: including cs_templates/share_stats.cs defines the macros
 * budget_stats() (the statistics card) and budget_bars(row) (bars of one
 * project row); including cs_templates/share_charts.cs defines
 * annual_chart(), chart_switch() and monthly_chart() (the figure shown in
 * the timesheet card instead of the table when Chart.Monthly.Visible). */
#ifndef PORTAL_SHARE_STATS_H
#define PORTAL_SHARE_STATS_H

#include <stdbool.h>

#include "budget.h"
#include "perr.h"

struct req;
struct share;
struct record_list;

/* Fills the template data above for the page of share `s` showing
 * `year`/`month`.  `project_id`: 0 for the share itself, else the project
 * page of a customer share (already checked to belong to it).  `recs` is
 * the month's record list of the table (records_month()); the daily bars
 * are built from it, so they add up to the table's total.  `chart_view`:
 * the request asked for details=chart. */
int share_stats_fill(struct req *r, const struct share *s, long long project_id,
                     int year, int month, const struct record_list *recs,
                     bool chart_view, struct perr *e);

/* Budget blocks of one project row of a customer share's project table:
 * fills <hdf_prefix>.Budget.* and <hdf_prefix>.TimeBudget.* (as above)
 * when the share's flags are on and the project has such budgets; a
 * monthly budget counts `year`-`month`, the month the page shows. */
int share_stats_project_row(struct req *r, const struct share *s, long long project_id,
                            int year, int month, const char *hdf_prefix, struct perr *e);

#endif
