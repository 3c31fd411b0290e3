/* Budget figures and the annual chart's months as Kimai computes them
 * (budget.h). */
#include <math.h>
#include <string.h>
#include <time.h>

#include "budget.h"
#include "budget_cache.h"
#include "chart_cache.h"
#include "clock.h"
#include "db.h"
#include "mctx.h"
#include "share.h"
#include "tz.h"

const char *const budget_level_names[3] = {
	[BUDGET_OK] = "ok", [BUDGET_WARNING] = "warn", [BUDGET_OVER] = "over",
};

/* ---- budget arithmetic ---------------------------------------------- */

int budget_compute(double spent, double budget, struct budget_calc *out)
{
	memset(out, 0, sizeof(*out));
	if (!isfinite(budget) || budget <= 0 || !isfinite(spent))
		return -1;
	/* The level follows the percentage as shown (one decimal), so a bar
	 * labelled "100.0%" is never drawn as merely "warning". */
	out->percent = round(spent / budget * 1000.0) / 10.0;
	out->meter = out->percent < 0 ? 0 : out->percent > 100 ? 100 : out->percent;
	out->left = budget > spent ? budget - spent : 0;
	out->exceeded = spent > budget ? spent - budget : 0;
	out->level = out->percent >= BUDGET_OVER_PERCENT    ? BUDGET_OVER
	           : out->percent >= BUDGET_WARNING_PERCENT ? BUDGET_WARNING
	                                                    : BUDGET_OK;
	return 0;
}

/* ---- budget figures of one entity ----------------------------------- */


/* Budgets of a customer or project and what was spent in the budget's
 * period, from the cache when fresh.  `zone` is the customer's zone, in
 * which the month `y`-`m` is cut: a monthly budget counts the month the
 * page shows (the current one unless the client picked another). */
int budget_figures_load(const struct mctx *mc, enum budget_kind kind, long long id,
                          const char *zone, int y, int m, struct budget_figures *f,
                          struct perr *e)
{
	struct dbrows rs;
	long long month_start = 0, month_end = 0, now = clock_mono_s();
	memset(f, 0, sizeof(*f));
	if (tz_month_bounds(mc->tz, zone, y, m, &month_start, &month_end) < 0)
		return PERR(e, PERR_INTERNAL, "no bounds of %04d-%02d in the customer's zone", y, m);
	if (budget_cache_get(kind, id, now, month_start, f))
		return 0;

	struct dbval key = dbv_int(id);
	if (db_exec(mc->db, kind == BUDGET_CUSTOMER ? ST_STATS_CUSTOMER_BUDGET
	                                               : ST_STATS_PROJECT_BUDGET,
	            &key, 1, mc->a, &rs, e))
		return -1;
	if (rs.nrows == 1) {
		const char *type = dbr_text(&rs, 0, STATS_BUDGET_TYPE);
		f->budget = dbr_double(&rs, 0, STATS_BUDGET_BUDGET, 0);
		f->time_budget = dbr_int(&rs, 0, STATS_BUDGET_TIME_BUDGET, 0);
		f->monthly = type && strcmp(type, "month") == 0;
	}
	if (f->budget > 0 || f->time_budget > 0) {
		/* Kimai: a monthly budget counts the month's records (future ones
		 * of the month too); an all-time budget every record up to now. */
		long long from = 0, to = (long long)time(NULL) + 1;
		if (f->monthly) {
			from = month_start;
			to = month_end;
			f->period_start = month_start;
		}
		struct dbval p[3] = {dbv_int(id), dbv_int(from), dbv_int(to)};
		if (db_exec(mc->db, kind == BUDGET_CUSTOMER ? ST_STATS_CUSTOMER_SPENT
		                                               : ST_STATS_PROJECT_SPENT,
		            p, 3, mc->a, &rs, e))
			return -1;
		if (rs.nrows == 1) {
			f->spent = dbr_double(&rs, 0, STATS_SPENT_RATE, 0);
			f->spent_seconds = dbr_int(&rs, 0, STATS_SPENT_DURATION, 0);
		}
	}
	budget_cache_put(kind, id, now, f);
	return 0;
}

/* Seconds per month of `year` (months cut in the customer's zone) over the
 * same records as the table: stopped records of the same projects. */
int year_seconds_load(const struct mctx *mc, const struct share *s, long long project_id,
                          int year, long long secs[12], struct perr *e)
{
	struct dbval p[14];
	struct dbrows rs;
	long long bounds[13];
	for (int m = 1; m <= 12; m++) {
		long long end;
		if (tz_month_bounds(mc->tz, s->timezone, year, m, &bounds[m - 1], &end) < 0)
			return PERR(e, PERR_INTERNAL, "no bounds for %04d-%02d", year, m);
		if (m == 12)
			bounds[12] = end;
	}
	for (int i = 0; i < 11; i++)
		p[i] = dbv_int(bounds[i + 1]);
	if (!project_id && !s->is_customer)
		project_id = s->project_id;
	/* A year of records is summed at most once per CHART_CACHE_TTL. */
	enum chart_scope scope = project_id ? CHART_PROJECT : CHART_CUSTOMER;
	long long id = project_id ? project_id : s->customer_id, now = clock_mono_s();
	if (chart_cache_get(scope, id, year, now, secs))
		return 0;
	p[11] = dbv_int(id);
	p[12] = dbv_int(bounds[0]);
	p[13] = dbv_int(bounds[12]);
	if (db_exec(mc->db, project_id ? ST_STATS_YEAR_PROJECT : ST_STATS_YEAR_CUSTOMER,
	            p, 14, mc->a, &rs, e))
		return -1;
	memset(secs, 0, 12 * sizeof(secs[0]));
	for (size_t i = 0; i < rs.nrows; i++) {
		long long m = dbr_int(&rs, i, STATS_YEAR_MONTH, -1);
		if (m >= 0 && m < 12)
			secs[m] += dbr_int(&rs, i, STATS_YEAR_DURATION, 0);
	}
	chart_cache_put(scope, id, year, now, secs);
	return 0;
}

