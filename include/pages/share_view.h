/* What the share pages have in common (docs/design.md, "Share pages"): the
 * month a request shows (share_month.c), and its template data split by
 * part of the page: month navigation (share_nav.c), the timesheet table and
 * the customer's project list (share_table.c).  Only what the share allows is ever put
 * into the template data: hidden columns never reach the HTML. */
#ifndef PORTAL_SHARE_VIEW_H
#define PORTAL_SHARE_VIEW_H

#include "merge.h"
#include "perr.h"
#include "records.h"
#include "share.h"

struct req;

/* What the request selected, after defaults. */
struct share_view {
	const struct share *s;
	long long    project_id;    /* drill-down project of a customer share, else 0 */
	const char  *project_name;  /* its name */
	int          year, month;
	int          now_year, now_month;   /* in the customer's zone (year choices) */
	const char  *details;       /* "table", "chart" or NULL when not given */
};

/* What the share page and its CSV download both start from. */
struct share_month {
	struct share       s;
	struct share_view  v;       /* v.s points at s: use the struct in place, never copy it */
	struct record_list rl;      /* the month's records (records.h) */
	struct line_list   lines;   /* rl merged by the share's merge mode */
};

/* Loads the share of r->args.share_key, passes it through the password
 * gate (unlock.h), then picks the drill-down project and the month and
 * loads their records.  *shown is false when the gate has answered the
 * request itself (unlock form or redirect): the caller adds nothing. */
int share_month_load(struct req *r, struct share_month *m, bool *shown, struct perr *e);

/* The drill-down project r->args.project_id of a customer share, checked
 * to be a visible project of that customer (else PERR_NOT_FOUND). */
int share_view_project(struct req *r, struct share_view *v, struct perr *e);
/* now_year/now_month in the customer's zone, then year, month and details
 * from the query, inside the share's browse window (share_window.h). */
int share_view_month(struct req *r, struct share_view *v, struct perr *e);

/* Share.CsvUrl: the CSV download of the shown month. */
void share_csv_link(struct req *r, const struct share_view *v);

/* "?year=2026&month=3" plus "&details=…" when the request carried it, so
 * every link keeps the chosen view. */
const char *share_query(struct req *r, int year, int month, const char *details);

/* Nav.*: current month label, previous/next month (rolling over the
 * year), the month and year choices of the GET form. */
void share_nav_set(struct req *r, const struct share_view *v);

/* Table.*: one row per line, totals, and the columns the share shows. */
void share_table_set(struct req *r, const struct share_view *v, const struct record_list *rl,
                     const struct line_list *lines);

/* Projects.*: the visible projects of a customer share, each linking to
 * its page for the same month. */
int share_projects_set(struct req *r, const struct share_view *v, const struct record_list *rl,
                       struct perr *e);

/* Money as a plain decimal with a dot and two decimals ("1234.50"), for
 * machine-readable attributes; independent of any locale. */
const char *share_decimal(struct req *r, double amount);

#endif
