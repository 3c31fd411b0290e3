/* Lines of the share table from the month's records (docs/design.md, "Share pages" "Merge
 * modes"): one line per record, or one per (local date, user id) whose
 * description is all, the first or the last of the day's descriptions.
 * Users are told apart by id, never by display name: two people called
 * "Alex" keep separate lines.  Pure functions, no I/O: unit-tested. */
#ifndef PORTAL_MERGE_H
#define PORTAL_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "records.h"
#include "share.h"

struct arena;

/* Records of one hourly rate within a line.  Billable and non-billable
 * work at the same rate stay apart, so each can be labelled. */
struct rate_part {
	double    hourly_rate;
	long long duration;
	bool      billable;
};

struct line {
	int               year, month, day;   /* local date of its records */
	long long         user_id;
	const char       *user_name;
	const char      **projects;           /* distinct names, first seen first */
	size_t            nprojects;
	const char       *description;        /* "" when none */
	/* Distinct activity names and tags of the records, first seen first
	 * (records in the order they were worked, a record's tags by name);
	 * empty when the share does not show them. */
	const char      **activities;
	size_t            nactivities;
	const char      **tags;
	size_t            ntags;
	long long         duration;           /* every record */
	double            rate;               /* money of every record */
	double            billable_rate;      /* money of the billable ones only */
	size_t            nrecords, nbillable;
	struct rate_part *parts;              /* records with an hourly rate > 0 */
	size_t            nparts;
	long long         start_utc;          /* first record: order key */
	long long         first_id;
};

struct line_list {
	struct line *v;
	size_t       n;
};

/* Groups `v[0..n)` by `mode` and orders the lines by date, user display
 * name, start time and id.  Everything is allocated in `a`; `v` is not
 * modified and must outlive the lines (strings are shared). */
void merge_records(struct arena *a, const struct record *v, size_t n, enum merge_mode mode,
                   struct line_list *out);

#endif
