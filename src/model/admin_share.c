/* The shares an admin may manage (admin_share.h).
 * Every query carries the admin's view_all_data flag and user id, so the
 * team rule of Kimai's choosers (SQL_*_TEAM_OK in sql.h) decides what a
 * team lead sees and may touch. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "admin_share.h"
#include "alloc.h"
#include "clock.h"
#include "db.h"
#include "mctx.h"

/* view_all_data, then the user id once per team condition. */
static size_t access_params(const struct share_viewer *who, struct dbval *p)
{
	p[0] = dbv_int(who->view_all_data ? 1 : 0);
	p[1] = dbv_int(who->user_id);
	p[2] = dbv_int(who->user_id);
	p[3] = dbv_int(who->user_id);
	p[4] = dbv_int(who->user_id);
	return 5;
}

/* "%q%" with '!' escaping the LIKE wildcards and itself (ESCAPE '!' in
 * SQL_ADMIN_LIST_FILTER). */
static const char *like_pattern(struct arena *a, const char *q)
{
	size_t n = q ? strlen(q) : 0;
	char *p = arena_alloc(a, 2 * n + 3), *d = p;

	*d++ = '%';
	for (size_t i = 0; i < n; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '!')
			*d++ = '!';
		*d++ = q[i];
	}
	*d++ = '%';
	*d = '\0';
	return p;
}

/* The access parameters, then the filter's (SQL_ADMIN_LIST_FILTER). */
static size_t list_params(const struct mctx *mc, const struct share_viewer *who,
                          const struct admin_list_query *q, struct dbval *p)
{
	size_t np = access_params(who, p);
	const char *like = like_pattern(mc->a, q->q);

	p[np++] = dbv_text(like);
	p[np++] = dbv_text(like);
	p[np++] = dbv_text(like);
	p[np++] = dbv_int(q->type);
	p[np++] = dbv_int(q->password);
	p[np++] = dbv_int(q->status);
	return np;
}

/* ---- the remembered order of the plain list ------------------------------
 *
 * The list of an admin with view_all_data sorted by name, without search or
 * status filter, is the page most opened; its order needs Kimai's customer
 * and project name of every share, which no index gives.  So the order of
 * all shares (ids, with the type and the password flag the plain filters
 * need) is read once and kept by the process, shared by the workers behind
 * one mutex, and a request reads only the 50 rows of its page and the
 * table's fingerprint (ST_ADMIN_ORDER_STAMP, a scan of the share table):
 * any insert, delete or edit of a share by another process changes it and
 * the order is read again.  From ADMIN_ORDER_LARGE shares on, the scan is
 * the larger part of the page's cost, so it is read at most once per
 * ADMIN_ORDER_RECHECK_MS; this process's own writes forget the order at
 * once (admin_order_clear).  A
 * customer or project renamed in Kimai moves in the order within
 * ADMIN_ORDER_TTL seconds (the rows always show the current names). */

struct order_entry {
	long long id;
	bool      customer, has_pw;
};

static struct {
	pthread_mutex_t     lock;
	struct order_entry *e;
	size_t              n;
	long long           count, max_id, sum;   /* the fingerprint it was read with */
	long long           at;                   /* monotonic seconds; 0: none */
	long long           checked_ms;           /* when the fingerprint last matched */
} order = {.lock = PTHREAD_MUTEX_INITIALIZER};

void admin_order_clear(void)
{
	pthread_mutex_lock(&order.lock);
	free(order.e);
	order.e = NULL;
	order.n = 0;
	order.at = 0;
	pthread_mutex_unlock(&order.lock);
}

static bool order_match(const struct order_entry *o, const struct admin_list_query *q)
{
	return (q->type == ALT_ANY || (q->type == ALT_CUSTOMER) == o->customer) &&
	       (q->password == ALP_ANY || (q->password == ALP_YES) == o->has_pw);
}

/* Copies page q->page (clamped) of the remembered order into ids[] and sets
 * out's total, page and pages; false when the order is not fresh: read with
 * another fingerprint than fp, or, without fp, a small table's (whose
 * fingerprint is read every time) or one last checked too long ago. */
static bool order_page(const long long fp[3], long long now, long long now_ms,
                       const struct admin_list_query *q, long long *ids, size_t *nids,
                       struct admin_list_page *out)
{
	bool ok = false;

	pthread_mutex_lock(&order.lock);
	bool fresh = order.at && now - order.at < ADMIN_ORDER_TTL &&
	             (fp ? order.count == fp[0] && order.max_id == fp[1] && order.sum == fp[2]
	                 : order.n >= ADMIN_ORDER_LARGE &&
	                       now_ms - order.checked_ms < ADMIN_ORDER_RECHECK_MS);
	if (fresh && fp)
		order.checked_ms = now_ms;
	if (fresh) {
		long long total = 0;
		for (size_t i = 0; i < order.n; i++)
			total += order_match(&order.e[i], q);
		out->total = total;
		out->pages = total ? (total + ADMIN_LIST_PAGE_SIZE - 1) / ADMIN_LIST_PAGE_SIZE : 1;
		out->page = q->page < 1 ? 1 : q->page > out->pages ? out->pages : q->page;
		long long skip = (out->page - 1) * ADMIN_LIST_PAGE_SIZE;
		*nids = 0;
		for (size_t i = 0; i < order.n && *nids < ADMIN_LIST_PAGE_SIZE; i++) {
			if (!order_match(&order.e[i], q))
				continue;
			if (skip > 0)
				skip--;
			else
				ids[(*nids)++] = order.e[i].id;
		}
		ok = true;
	}
	pthread_mutex_unlock(&order.lock);
	return ok;
}

static int order_load(const struct mctx *mc, const long long fp[3], long long now,
                      long long now_ms, struct perr *e)
{
	struct dbrows rs = {0};

	if (db_exec(mc->db, ST_ADMIN_ORDER, NULL, 0, mc->a, &rs, e) < 0)
		return -1;
	struct order_entry *v = xcalloc(rs.nrows ? rs.nrows : 1, sizeof(*v));
	for (size_t i = 0; i < rs.nrows; i++) {
		v[i].id = dbr_int(&rs, i, ADMIN_ORDER_ID, 0);
		v[i].customer = dbr_int(&rs, i, ADMIN_ORDER_CUSTOMER, 0) != 0;
		v[i].has_pw = dbr_int(&rs, i, ADMIN_ORDER_HAS_PW, 0) != 0;
	}
	pthread_mutex_lock(&order.lock);
	free(order.e);
	order.e = v;
	order.n = rs.nrows;
	order.count = fp[0];
	order.max_id = fp[1];
	order.sum = fp[2];
	order.at = now ? now : 1;
	order.checked_ms = now_ms;
	pthread_mutex_unlock(&order.lock);
	return 0;
}

/* The plain list sorted by name through the remembered order. */
static int plain_by_name(const struct mctx *mc, const struct admin_list_query *q,
                         struct admin_list_page *out, struct perr *e)
{
	struct dbrows rs = {0};
	long long fp[3], ids[ADMIN_LIST_PAGE_SIZE];
	size_t nids = 0;
	long long now_ms = clock_mono_ms(), now = now_ms / 1000;

	if (!order_page(NULL, now, now_ms, q, ids, &nids, out)) {
		if (db_exec(mc->db, ST_ADMIN_ORDER_STAMP, NULL, 0, mc->a, &rs, e) < 0)
			return -1;
		fp[0] = rs.nrows ? dbr_int(&rs, 0, ADMIN_ORDER_STAMP_COUNT, 0) : 0;
		fp[1] = rs.nrows ? dbr_int(&rs, 0, ADMIN_ORDER_STAMP_MAX_ID, 0) : 0;
		fp[2] = rs.nrows ? dbr_int(&rs, 0, ADMIN_ORDER_STAMP_SUM, 0) : 0;
		if (!order_page(fp, now, now_ms, q, ids, &nids, out)) {
			if (order_load(mc, fp, now, now_ms, e) < 0)
				return -1;
			order_page(fp, now, now_ms, q, ids, &nids, out);
		}
	}
	if (!nids)
		return 0;
	struct dbval p[SQL_ADMIN_LIST_IDS];
	for (size_t i = 0; i < SQL_ADMIN_LIST_IDS; i++)
		p[i] = dbv_int(ids[i < nids ? i : 0]);
	if (db_exec(mc->db, ST_ADMIN_LIST_IDS, p, SQL_ADMIN_LIST_IDS, mc->a, &rs, e) < 0)
		return -1;
	/* in the page's order; a share deleted meanwhile is left out */
	out->shares = arena_calloc(mc->a, nids, sizeof(*out->shares));
	for (size_t k = 0; k < nids; k++)
		for (size_t i = 0; i < rs.nrows; i++)
			if (dbr_int(&rs, i, SHARE_ID, 0) == ids[k]) {
				share_row(&rs, i, &out->shares[out->n++]);
				break;
			}
	return 0;
}

int admin_shares_page(const struct mctx *mc, const struct share_viewer *who,
                      const struct admin_list_query *q, struct admin_list_page *out,
                      struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[14];
	size_t np = 0;
	/* nothing to search, no status, no team rule: the _PLAIN statements */
	bool plain = who->view_all_data && (!q->q || !*q->q) && q->status == ALS_ANY;

	memset(out, 0, sizeof(*out));
	if (plain && q->sort == ALSORT_NAME)
		return plain_by_name(mc, q, out, e);
	p[np++] = dbv_int(q->sort == ALSORT_NEWEST ? 1 : 0);
	if (plain) {
		p[np++] = dbv_int(q->type);
		p[np++] = dbv_int(q->password);
	} else {
		np += list_params(mc, who, q, p + np);
	}
	/* the count's parameters: the same without the sort's */
	if (db_exec(mc->db, plain ? ST_ADMIN_LIST_COUNT_PLAIN : ST_ADMIN_LIST_COUNT, p + 1,
	            np - 1, mc->a, &rs, e) < 0)
		return -1;
	out->total = rs.nrows ? dbr_int(&rs, 0, ADMIN_LIST_COUNT_COUNT, 0) : 0;
	out->pages = out->total ? (out->total + ADMIN_LIST_PAGE_SIZE - 1) / ADMIN_LIST_PAGE_SIZE : 1;
	out->page = q->page < 1 ? 1 : q->page > out->pages ? out->pages : q->page;
	if (!out->total)
		return 0;
	p[np++] = dbv_int(ADMIN_LIST_PAGE_SIZE);
	p[np++] = dbv_int((out->page - 1) * ADMIN_LIST_PAGE_SIZE);
	if (db_exec(mc->db, plain ? ST_ADMIN_LIST_PLAIN : ST_ADMIN_LIST, p, np, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows)
		out->shares = arena_calloc(mc->a, rs.nrows, sizeof(*out->shares));
	for (size_t i = 0; i < rs.nrows; i++)
		share_row(&rs, i, &out->shares[i]);
	out->n = rs.nrows;
	return 0;
}

int admin_share_get(const struct mctx *mc, const struct share_viewer *who, long long id, const char *key,
                    struct share *out, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[8];

	if (!key)
		return PERR(e, PERR_NOT_FOUND, "no share key");
	p[0] = dbv_int(id);
	p[1] = dbv_text(key);
	p[2] = dbv_text(key);
	size_t np = 3 + access_params(who, p + 3);
	if (db_exec(mc->db, ST_ADMIN_SHARE, p, np, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows != 1)
		return PERR(e, PERR_NOT_FOUND, "share %lld not found or not manageable", id);
	share_row(&rs, 0, out);
	return 0;
}

