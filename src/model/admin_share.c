/* The shares an admin may manage (admin_share.h).
 * Every query carries the admin's view_all_data flag and user id, so the
 * team rule of Kimai's choosers (SQL_*_TEAM_OK in sql.h) decides what a
 * team lead sees and may touch. */
#include <stdbool.h>
#include <string.h>

#include "admin_share.h"
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
	if (plain) {
		p[np++] = dbv_int(q->sort == ALSORT_NEWEST ? 1 : 0);
		p[np++] = dbv_int(q->type);
		p[np++] = dbv_int(q->password);
	} else {
		p[np++] = dbv_int(q->sort == ALSORT_NEWEST ? 1 : 0);
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

