/* A share as stored in kimai2_customer_portals (the plugin's table), with
 * the names the pages need from the customer and project it points to. */
#ifndef PORTAL_SHARE_H
#define PORTAL_SHARE_H

#include <stdbool.h>

#include "perr.h"

struct mctx;

enum merge_mode { MERGE_NONE, MERGE_ALL, MERGE_FIRST, MERGE_LAST, MERGE__MAX };
extern const char *const merge_mode_names[MERGE__MAX + 1];  /* "NONE", "MERGE", …, NULL */

struct share {
	long long       id;
	long long       project_id;     /* 0 for customer shares */
	long long       customer_id;    /* the customer (of the project for project shares) */
	bool            is_customer;    /* a customer share */
	const char     *key;
	const char     *password_hash;  /* NULL when not protected; never logged */
	enum merge_mode merge;
	bool            user_visible, rate_visible;
	bool            annual_chart, monthly_chart;
	bool            budget_stats, time_budget_stats;
	const char     *customer_name;
	const char     *timezone;       /* customer's IANA zone */
	const char     *currency;       /* customer's ISO 4217 code */
	const char     *project_name;   /* project shares */
	/* Browse window (share_window.h): the first and last month a client
	 * may view as month indexes (year * 12 + month - 1); 0 = open. */
	int             window_from, window_to;
};

/* Loads the share with key `key` (exact, case-sensitive).  Unknown → 
 * PERR_NOT_FOUND; the caller answers every miss with the same 404. */
int share_load(const struct mctx *mc, const char *key, struct share *s, struct perr *e);
enum merge_mode merge_mode_parse(const char *s);

#endif
