/* A share row as the admin pages and the command line see it (never the
 * password hash, only whether there is one), and the loaders honouring
 * Kimai's team rule. */
#ifndef PORTAL_ADMIN_SHARE_H
#define PORTAL_ADMIN_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"
#include "share.h"

struct mctx;

/* Who asks: a Kimai user id and whether they may see all data; without
 * view_all_data Kimai's team rule decides what they see. */
struct share_viewer {
	long long user_id;
	bool      view_all_data;
};

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

struct admin_share {
	long long        id;
	long long        project_id;     /* 0 for customer shares */
	long long        customer_id;    /* 0 for project shares */
	bool             is_customer;
	const char      *key;
	bool             has_password;
	enum merge_mode  merge;
	bool             flags[AF__MAX];
	const char      *project_name;   /* project shares */
	const char      *customer_name;  /* the customer (of the project) */
	/* The portal's own settings and statistics (share_store.h, views.h). */
	const char      *timezone;       /* the customer's zone: expiry dates */
	const char      *expires_at;     /* UTC DATETIME text; NULL = never */
	bool             expired;        /* by the database's clock */
	const char      *window_from;    /* DATE text (day 1); NULL = open */
	const char      *window_to;
	long long        views;
	const char      *last_view;      /* UTC DATETIME text; NULL = never */
};

/* Every share the admin may manage, in the plugin's order (project name,
 * customer name, key). */
int admin_shares_list(const struct mctx *mc, const struct share_viewer *who,
                      struct admin_share **out, size_t *n,
                      struct perr *e);
/* The share `id` with exactly key `key`, if the admin may manage it;
 * otherwise PERR_NOT_FOUND. */
int admin_share_get(const struct mctx *mc, const struct share_viewer *who, long long id, const char *key,
                    struct admin_share *out, struct perr *e);

/* Row `i` of a statement selecting SQL_ADMIN_SHARE_COLS (sql.h), for
 * callers without an admin session (the command line). */
struct dbrows;
void admin_share_row(const struct dbrows *rs, size_t i, struct admin_share *out);

#endif
