/* Budgets as Kimai computes them (docs/design.md, "Budgets"): only stopped,
 * billable records count; money spent is the sum of their `rate`, time
 * spent the sum of their `duration`.  A monthly budget (budget_type
 * 'month') counts the records that start in the month shown (cut in the
 * customer's time zone); an all-time budget every record started up to
 * now.  Customer figures cover all of the customer's projects, hidden ones
 * too (Kimai's rule).  Figures are cached process-wide for at most
 * BUDGET_CACHE_TTL seconds (budget_cache.h); the annual chart's months for
 * CHART_CACHE_TTL (chart_cache.h). */
#ifndef PORTAL_BUDGET_H
#define PORTAL_BUDGET_H

#include <stdbool.h>

#include "budget_cache.h"
#include "perr.h"

struct mctx;
struct share;

/* ---- budget arithmetic (pure, unit-tested) --------------------------- */

#define BUDGET_WARNING_PERCENT 80.0
#define BUDGET_OVER_PERCENT    100.0

enum budget_level { BUDGET_OK, BUDGET_WARNING, BUDGET_OVER };
extern const char *const budget_level_names[3];   /* "ok", "warn", "over" (CSS classes) */

struct budget_calc {
	double            percent;   /* spent / budget × 100, rounded to one decimal */
	double            meter;     /* percent capped to 0..100 */
	double            left;      /* max(budget − spent, 0) */
	double            exceeded;  /* max(spent − budget, 0) */
	enum budget_level level;     /* by the rounded percent */
};

/* -1 when there is no budget (budget <= 0 or not finite): show no bar. */
int budget_compute(double spent, double budget, struct budget_calc *out);

/* Budgets of a customer or project (`kind`, `id`) and what was spent in
 * the budget's period, from the cache when fresh.  `zone` is the customer's
 * zone, in which month `y`-`m` (the month the page shows) is cut. */
int budget_figures_load(const struct mctx *mc, enum budget_kind kind, long long id,
                        const char *zone, int y, int m, struct budget_figures *f,
                        struct perr *e);

/* Seconds worked per month of `year` (months cut in the customer's zone)
 * over the same records as the share's table: the share's projects, or
 * `project_id` of a customer share. */
int year_seconds_load(const struct mctx *mc, const struct share *s, long long project_id,
                      int year, long long secs[12], struct perr *e);

#endif
