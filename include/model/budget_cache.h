/* Process-wide cache of budget figures (docs/design.md, "Share pages", performance): an
 * all-time budget sums every record of a customer or project, which must
 * not happen on every page view.  Shared by all worker threads behind one
 * mutex; bounded (direct-mapped slots, a collision replaces the older
 * entry); an entry is used for at most BUDGET_CACHE_TTL seconds, so a page
 * shows figures at most that old.  A monthly entry is also dropped as soon
 * as the current month it was computed for is over. */
#ifndef PORTAL_BUDGET_CACHE_H
#define PORTAL_BUDGET_CACHE_H

#include <stdbool.h>

#define BUDGET_CACHE_TTL   60     /* seconds: the most a budget figure may lag */
#define BUDGET_CACHE_SLOTS 1024

enum budget_kind { BUDGET_CUSTOMER, BUDGET_PROJECT };

/* What Kimai shows for one entity: its budgets and what was spent in the
 * budget's period (this month, or everything up to now). */
struct budget_figures {
	double    budget;         /* money; <= 0: none */
	long long time_budget;    /* seconds; <= 0: none */
	bool      monthly;        /* budget_type = 'month' */
	long long period_start;   /* monthly: first instant of the month (UTC); else 0 */
	double    spent;          /* sum of rate of stopped billable records */
	long long spent_seconds;  /* sum of their duration */
};

/* `now` is a monotonic clock in seconds; `month_start` the first instant
 * of the current month in the entity's customer zone.  True and *out
 * filled when a fresh entry exists. */
bool budget_cache_get(enum budget_kind k, long long id, long long now,
                      long long month_start, struct budget_figures *out);
void budget_cache_put(enum budget_kind k, long long id, long long now,
                      const struct budget_figures *f);
/* Forgets everything (tests). */
void budget_cache_clear(void);

#endif
