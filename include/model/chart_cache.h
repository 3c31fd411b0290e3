/* Process-wide cache of the annual chart's figures (docs/design.md, "Share pages", performance):
 * the seconds worked per month of a year sum a whole year of a customer's
 * or project's records, which must not happen on every page view.  Like
 * the budget figures (budget_cache.h): shared by all worker threads behind
 * one mutex, bounded (direct-mapped slots, a collision replaces the older
 * entry), and an entry is used for at most CHART_CACHE_TTL seconds.  The
 * month the page shows is always taken from its own, fresh, record list
 * (share_stats.c), so the bar beside the table agrees with it exactly. */
#ifndef PORTAL_CHART_CACHE_H
#define PORTAL_CHART_CACHE_H

#include <stdbool.h>

#define CHART_CACHE_TTL   60     /* seconds: the most another month's bar may lag */
#define CHART_CACHE_SLOTS 512

enum chart_scope { CHART_CUSTOMER, CHART_PROJECT };

/* `now`: monotonic seconds.  True and secs[] filled when a fresh entry for
 * the scope, entity and year exists. */
bool chart_cache_get(enum chart_scope k, long long id, int year, long long now,
                     long long secs[12]);
void chart_cache_put(enum chart_scope k, long long id, int year, long long now,
                     const long long secs[12]);
/* Forgets everything (tests). */
void chart_cache_clear(void);

#endif
