/* The browse window of a share: an optional first and last month a client
 * may view (kimai2_customer_portals_settings.window_from / window_to).
 * Everything that picks or offers a month — the share page, its month
 * navigation, the annual chart and the CSV download — asks here, so a
 * month outside the window is never shown, linked or downloadable. */
#ifndef PORTAL_SHARE_WINDOW_H
#define PORTAL_SHARE_WINDOW_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct share;

/* Months as one comparable number; year 1970 gives 23640, so 0 never
 * names a real month and means "no bound". */
#define MONTH_INDEX(y, m) ((y) * 12 + (m) - 1)
#define MONTH_YEAR(idx)   ((idx) / 12)
#define MONTH_MONTH(idx)  ((idx) % 12 + 1)

/* Years a window bound may name (the range of the year parameter). */
#define WINDOW_YEAR_MIN 1970
#define WINDOW_YEAR_MAX 2100

/* A DATE column ("YYYY-MM-DD", day ignored) as a month index; NULL or
 * malformed gives 0 (open). */
int share_window_parse(const char *date);

/* Strict parsers of admin and command-line input: exactly "YYYY-MM" (a
 * month of WINDOW_YEAR_MIN..MAX) and exactly "YYYY-MM-DD" (a real day of
 * such a year).  0 ok, -1 anything else. */
int share_month_parse(const char *s, size_t len, int *index);
int share_date_parse(const char *s, size_t len, int *year, int *month, int *day);

/* True when the share lets a client view `year`-`month`. */
bool share_month_allowed(const struct share *s, int year, int month);

/* The month a share request shows: the year/month parameters, else the
 * customer's current month (`now_year`/`now_month`) moved into the window
 * when it lies outside.  A requested month outside the window is
 * PERR_NOT_FOUND, like any other page that is not there. */
int share_month_select(const struct share *s, int req_year, int req_month, int now_year,
                       int now_month, int *year, int *month, struct perr *e);

#endif
