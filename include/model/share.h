/* A share as stored in kimai2_customer_portals (the plugin's table), with
 * the names the pages need from the customer and project it points to. */
#ifndef PORTAL_SHARE_H
#define PORTAL_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct mctx;

enum merge_mode { MERGE_NONE, MERGE_ALL, MERGE_FIRST, MERGE_LAST, MERGE__MAX };
extern const char *const merge_mode_names[MERGE__MAX + 1];  /* "NONE", "MERGE", …, NULL */

/* The six visibility flags, in the plugin's column order. */
enum admin_flag {
	AF_USER_VISIBLE,
	AF_RATE_VISIBLE,
	AF_ANNUAL_CHART,
	AF_MONTHLY_CHART,
	AF_BUDGET_STATS,
	AF_TIME_BUDGET_STATS,
	AF__MAX
};
/* Column, form field and message key of each flag. */
extern const char *const admin_flag_names[AF__MAX];

/* One share, whoever reads it: the share pages (share_load), the admin
 * pages (admin_share.h) and the command line. */
struct share {
	long long       id;
	long long       project_id;     /* 0 for customer shares */
	long long       customer_id;    /* the customer (of the project for project shares) */
	bool            is_customer;    /* a customer share */
	const char     *key;
	/* Only share_load reads the hash (for the unlock gate); the admin and
	 * command line statements select NULL here, so it never reaches their
	 * pages: they see has_password.  Never logged. */
	const char     *password_hash;  /* NULL when not protected or not loaded */
	bool            has_password;
	enum merge_mode merge;
	bool            flags[AF__MAX];
	const char     *customer_name;
	const char     *timezone;       /* customer's IANA zone */
	const char     *currency;       /* customer's ISO 4217 code */
	const char     *project_name;   /* project shares */
	/* Browse window (share_window.h): the first and last month a client
	 * may view as month indexes (year * 12 + month - 1); 0 = open. */
	int             window_from, window_to;
	/* The portal's own settings and statistics (share_store.h, views.h),
	 * shown on the admin pages. */
	const char     *expires_at;     /* UTC DATETIME text; NULL = never */
	bool            expired;        /* by the database's clock */
	long long       views;
	const char     *last_view;      /* UTC DATETIME text; NULL = never */
	/* What the table shows beyond the plugin's flags (the portal's own
	 * options, kimai2_customer_portals_display): each record's activity
	 * and its visible tags.  Both off by default. */
	bool            show_activity;
	bool            show_tags;
	bool            signoff;        /* offers sign-off (read with the share) */
};

/* Loads the share with key `key` (exact, case-sensitive).  Unknown → 
 * PERR_NOT_FOUND; the caller answers every miss with the same 404. */
int share_load(const struct mctx *mc, const char *key, struct share *s, struct perr *e);
enum merge_mode merge_mode_parse(const char *s);

/* Row `i` of a statement selecting SQL_SHARE_COLS (sql.h): the one decoder
 * of share rows. */
struct dbrows;
void share_row(const struct dbrows *rs, size_t i, struct share *s);

#endif
