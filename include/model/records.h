/* The timesheet records a share shows for one month (docs/design.md, "Share pages" "Which
 * records"): stopped records of the share's projects (or of one project)
 * whose start lies in the month, the month computed in the customer's time
 * zone.  The table, the monthly chart and the CSV download all use exactly
 * this set, so their totals agree. */
#ifndef PORTAL_RECORDS_H
#define PORTAL_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct mctx;
struct share;

struct record {
	long long   id;
	long long   user_id;
	const char *user_name;     /* alias when not empty, else username */
	long long   project_id;
	const char *project_name;
	long long   activity_id;
	long long   start_utc;     /* Unix seconds */
	long long   end_utc;
	const char *timezone;      /* the record's own zone (kimai2_timesheet.timezone) */
	int         year, month, day;   /* local date of the start in the record's zone */
	int         cust_day;      /* day of month of the start in the customer's zone */
	long long   duration;      /* seconds */
	double      rate;          /* total money of the record */
	double      hourly_rate;   /* NaN-free: 0 when NULL */
	bool        has_hourly_rate;
	bool        billable;
	const char *description;   /* "" when NULL */
	/* Read only for shares that show them (share.h): NULL otherwise. */
	const char *activity_name; /* kimai2_activities.name; NULL when not read */
	const char **tags;         /* visible tag names, in name order */
	size_t      ntags;
};

/* Users' display names are remembered process-wide for at most this many
 * seconds (records.c): the most a renamed user's old name may still show. */
#define USER_NAMES_TTL   60
#define USER_NAMES_SLOTS 1024
#define USER_NAME_MAX    256     /* bytes with the NUL; longer names are not kept */
/* Forgets the remembered names (tests). */
void records_user_names_clear(void);

/* A project the records come from. */
struct record_project {
	long long   id;
	const char *name;
};

struct record_list {
	struct record *v;
	size_t         n;
	/* The projects asked for, by name then id: a customer share's visible
	 * projects (its project list, with no statement of its own), or one. */
	const struct record_project *projects;
	size_t         nprojects;
	int            year, month;
	long long      month_start_utc, month_end_utc;   /* customer's zone */
	/* Totals over every record, and over the billable ones: a record's
	 * money shows in its row either way, so a page that shows the billable
	 * total also shows what the rest adds up to (docs/design.md "Share pages"). */
	long long      total_duration;
	double         total_rate;
	long long      total_billable_duration;
	double         total_billable_rate;
	double         total_nonbillable_rate;
	size_t         n_nonbillable;
};

/* project_id 0 = every visible project of the share (customer shares) or
 * the share's project (project shares). */
int records_month(const struct mctx *mc, const struct share *s, long long project_id,
                  int year, int month, struct record_list *out, struct perr *e);

#endif
