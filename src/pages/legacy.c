/* The plugin's old share URLs (docs/design.md, "Share pages", "Legacy"): links sent to clients
 * years ago keep working by moving them, permanently, to today's URL.  The
 * ids in the old URL must match the share, otherwise the answer is the same
 * 404 as for an unknown key. */
#include <stdbool.h>

#include "db.h"
#include "i18n.h"
#include "routes.h"
#include "share.h"
#include "url.h"

/* The query goes along unchanged when it is plain printable ASCII (what a
 * browser sends); anything else is dropped rather than put in a header. */
static const char *keep_query(struct req *r)
{
	const char *q = r->query;
	for (const char *c = q; c && *c; c++)
		if ((unsigned char)*c < 0x21 || (unsigned char)*c > 0x7e)
			return "";
	return url_query(r->a, q);
}

static int move_to(struct req *r, const struct share *s, long long project_id)
{
	req_redirect(r, 301, url_for(r, (struct url){.page = URL_SHARE, .key = s->key,
	                                             .project_id = project_id,
	                                             .query = keep_query(r)}));
	return 0;
}

/* /{lang}/auth/shared-project-timesheets/{pid}/{key} */
int page_legacy_project(struct req *r, struct perr *e)
{
	struct mctx mc = req_model(r);
	struct share s;
	if (share_load(&mc, r->args.share_key, &s, e))
		return -1;
	if (s.is_customer || s.project_id != r->args.project_id)
		return PERR(e, PERR_NOT_FOUND, "legacy project URL does not match the share");
	return move_to(r, &s, 0);
}

/* /{lang}/auth/shared-project-timesheets/customer/{cid}/{key} and
 * …/customer/{cid}/{key}/project/{pid} */
int page_legacy_customer(struct req *r, struct perr *e)
{
	struct mctx mc = req_model(r);
	struct share s;
	if (share_load(&mc, r->args.share_key, &s, e))
		return -1;
	if (!s.is_customer || s.customer_id != r->args.customer_id)
		return PERR(e, PERR_NOT_FOUND, "legacy customer URL does not match the share");
	if (r->args.project_id) {
		struct dbrows rs;
		struct dbval p[2] = {dbv_int(r->args.project_id), dbv_int(s.customer_id)};
		if (db_exec(r->rdb, ST_SHARE_PROJECT, p, 2, r->a, &rs, e))
			return -1;
		if (rs.nrows == 0)
			return PERR(e, PERR_NOT_FOUND, "legacy URL names another customer's project");
	}
	return move_to(r, &s, r->args.project_id);
}
