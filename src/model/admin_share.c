/* The shares an admin may manage (admin_share.h).
 * Every query carries the admin's view_all_data flag and user id, so the
 * team rule of Kimai's choosers (SQL_*_TEAM_OK in sql.h) decides what a
 * team lead sees and may touch. */
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

int admin_shares_list(const struct mctx *mc, const struct share_viewer *who,
                      struct share **out, size_t *n,
                      struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[5];
	size_t np = access_params(who, p);

	*out = NULL;
	*n = 0;
	if (db_exec(mc->db, ST_ADMIN_LIST, p, np, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows)
		*out = arena_calloc(mc->a, rs.nrows, sizeof(**out));
	for (size_t i = 0; i < rs.nrows; i++)
		share_row(&rs, i, &(*out)[i]);
	*n = rs.nrows;
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

