/* The shares an admin may manage (struct share, share.h, without the
 * password hash: only whether there is one), loaded by Kimai's team rule. */
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

/* Shares per page of the admin list (SQL_ADMIN_LIST_IDS in sql.h). */
#define ADMIN_LIST_PAGE_SIZE 50
/* Seconds a customer or project renamed in Kimai may keep its old place in
 * the list sorted by name (the rows always show the current names). */
#define ADMIN_ORDER_TTL 60
/* The share table's fingerprint, which tells a write of another process
 * (another portal host, the plugin, `portal share`), is a scan of the
 * table: read on every request up to ADMIN_ORDER_LARGE shares, so a small
 * installation's list is always exact; from there on at most once per
 * ADMIN_ORDER_RECHECK_MS, so the list of 10,000 shares costs what the list
 * of 50 costs, and such a write may take that long to appear.  Writes of
 * this process forget the order at once (admin_order_clear). */
#define ADMIN_ORDER_LARGE      1000
#define ADMIN_ORDER_RECHECK_MS 1000

/* What the admin list shows (docs/design.md, "Admin pages").  The filters'
 * values after "any" and the sorts are in the order of the list's
 * parameter choices (params.c). */
enum admin_list_type   { ALT_ANY, ALT_CUSTOMER, ALT_PROJECT };
enum admin_list_pw     { ALP_ANY, ALP_YES, ALP_NO };
enum admin_list_status { ALS_ANY, ALS_ACTIVE, ALS_EXPIRED };
enum admin_list_sort   { ALSORT_NAME, ALSORT_NEWEST };

struct admin_list_query {
	const char            *q;      /* part of a customer's or project's name or of
	                                * a share key; NULL or "" = every share */
	enum admin_list_type   type;
	enum admin_list_pw     password;
	enum admin_list_status status;
	enum admin_list_sort   sort;   /* name: the plugin's order (project name,
	                                * customer name, key); newest: by id, descending */
	long long              page;   /* 1-based; past the last page shows the last */
};

struct admin_list_page {
	struct share *shares;          /* at most ADMIN_LIST_PAGE_SIZE */
	size_t        n;
	long long     total;           /* shares matching the query */
	long long     page;            /* the page shown, 1..pages */
	long long     pages;           /* at least 1 */
};

/* One page of the shares the admin may manage that match `q`: the
 * matching is done by the database, a LIKE with each column's collation,
 * so case and accents do not count ('%' and '_' in q.q match themselves).
 * The list of an admin with view_all_data sorted by name, without search
 * or status filter, takes its order from one the process remembers
 * (admin_share.c). */
int admin_shares_page(const struct mctx *mc, const struct share_viewer *who,
                      const struct admin_list_query *q, struct admin_list_page *out,
                      struct perr *e);
/* Forgets the remembered order of the list: called after every write of a
 * share by this process, so its own admins see their change at once. */
void admin_order_clear(void);

/* The share `id` with exactly key `key`, if the admin may manage it;
 * otherwise PERR_NOT_FOUND. */
int admin_share_get(const struct mctx *mc, const struct share_viewer *who, long long id, const char *key,
                    struct share *out, struct perr *e);

#endif
