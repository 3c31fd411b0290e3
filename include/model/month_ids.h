/* Which timesheet ids a period's records can have, so that the records of
 * one month of one project (or a customer's projects) are found without an
 * index on (project_id, start_time), which Kimai lacks and we must not add.
 *
 * Kimai gives ids in the order records are entered, and records are mostly
 * entered around the time they start, so the records starting in a month
 * occupy a narrow id range.  The index on project_id holds (project_id, id):
 * with `project_id IN (…) AND (id BETWEEN lo AND hi OR id > max)` MariaDB
 * reads just the project's entries of that range, instead of either every
 * record the project ever had or every record of the month of every
 * project (the two plans it has otherwise; both grow with the database).
 *
 * The range is computed from the index on start_time (a covering scan of
 * the period) and cached process-wide for MONTH_IDS_TTL seconds, like the
 * budget figures.  Records added later have ids above `max` and are always
 * found.  Only a record whose start time is later moved into the period
 * from outside its id range can be missed, and only until the entry
 * expires: a page may lag such an edit by at most MONTH_IDS_TTL seconds. */
#ifndef PORTAL_MONTH_IDS_H
#define PORTAL_MONTH_IDS_H

#include <stdbool.h>

#include "arena.h"
#include "perr.h"

#define MONTH_IDS_TTL   60     /* seconds: the most an edited start may lag */
#define MONTH_IDS_SLOTS 256

struct db;

struct month_ids {
	long long lo, hi;   /* ids of the period's records (0, 0: none) */
	long long max;      /* the highest id of the table when computed */
};

/* Ids of the records starting in [from, to): UTC DATETIME texts
 * "YYYY-MM-DD HH:MM:SS", end exclusive.  From the cache when fresh. */
int month_ids_get(struct db *db, struct arena *a, const char *from, const char *to,
                  struct month_ids *out, struct perr *e);

/* The cache alone (`now`: monotonic seconds), for month_ids_get and tests. */
bool month_ids_cached(const char *from, const char *to, long long now,
                      struct month_ids *out);
void month_ids_store(const char *from, const char *to, long long now,
                     const struct month_ids *in);
void month_ids_clear(void);

#endif
