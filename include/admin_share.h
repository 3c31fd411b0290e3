/* What the admin pages (page_admin_*.c) share: a share row as the admin
 * pages see it (never the password hash, only whether there is one), the
 * loaders honouring Kimai's team rule, and the page scaffolding. */
#ifndef PORTAL_ADMIN_SHARE_H
#define PORTAL_ADMIN_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"
#include "share.h"

struct req;

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
int admin_shares_list(struct req *r, struct admin_share **out, size_t *n,
                      struct perr *e);
/* The share `id` with exactly key `key`, if the admin may manage it;
 * otherwise PERR_NOT_FOUND. */
int admin_share_get(struct req *r, long long id, const char *key,
                    struct admin_share *out, struct perr *e);

/* Row `i` of a statement selecting SQL_ADMIN_SHARE_COLS (sql.h), for
 * callers without an admin session (the command line). */
struct dbrows;
void admin_share_row(const struct dbrows *rs, size_t i, struct admin_share *out);

/* /{lang}/admin/customer-portal plus `suffix` (path-absolute). */
const char *admin_url(struct req *r, const char *suffix);
/* The public URL of a share: scheme://host/{lang}/auth/customer-portal/KEY. */
const char *admin_share_public_url(struct req *r, const char *key);

/* Template data every admin page uses: Admin.Base and Admin.Csrf. */
void admin_page_setup(struct req *r);
/* An action on one share that needs a confirmation (delete, new link).
 * The three texts are message keys. */
struct admin_confirm {
	const char *action;     /* "delete", "rotate": names the card's title id */
	const char *title;      /* page and heading */
	const char *warning;    /* what happens when confirmed */
	const char *button;
};
/* Loads the share of the URL (admin_share_get) into `s`.  A GET answers
 * with the confirmation page (the share's type, name and public URL, the
 * warning and a button posting to the same URL with the CSRF token;
 * admin_confirm.cs) and leaves *confirmed false; a POST passes
 * admin_guard_post() and sets *confirmed: the caller acts. */
int admin_confirm_gate(struct req *r, const struct admin_confirm *c, struct admin_share *s,
                       bool *confirmed, struct perr *e);

/* Pages call this first: the dispatcher has already checked RF_ADMIN
 * routes, this makes each page safe on its own as well. */
int admin_guard(struct req *r, struct perr *e);
/* The same for POSTs: admin_guard() plus the CSRF check. */
int admin_guard_post(struct req *r, struct perr *e);

#endif
