/* /{lang}/admin/customer-portal/{id}/{key}/rotate: a new key for a share
 * whose link went where it should not.  GET asks for confirmation; only a
 * POST with the session's CSRF token rotates.  Everything else about the
 * share stays (settings, password, view counts); the old link answers 404
 * from the moment of the commit, and unlock cookies made for it stop
 * working because they are bound to the key (crypto.h). */
#include "admin_share.h"
#include "auth.h"
#include "db.h"
#include "log.h"
#include "routes.h"
#include "server.h"
#include "share_store.h"

static int confirm_page(struct req *r, const struct admin_share *s, struct perr *e)
{
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, "admin.rotate_title"));
	rset(r, "Rotate.Type", s->is_customer ? "customer" : "project");
	rset(r, "Rotate.Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		rset(r, "Rotate.Customer", s->customer_name);
	rset(r, "Rotate.Url", admin_share_public_url(r, s->key));
	rset(r, "Admin.ListUrl", admin_url(r, NULL));
	return render(r, "admin_rotate.cs", e);
}

int page_admin_rotate(struct req *r, struct perr *e)
{
	struct admin_share s;
	char key[SHARE_KEY_LEN + 1];

	if (admin_guard(r, e) < 0)
		return -1;
	if (admin_share_get(r, r->args.id, r->args.share_key, &s, e) < 0)
		return -1;
	if (r->method != HTTP_POST)
		return confirm_page(r, &s, e);
	if (admin_guard_post(r, e) < 0)
		return -1;
	if (share_rotate_key(r->w->db, r->a, s.id, s.key, key, e) < 0)
		return -1;
	log_info("admin: user %lld rotated the key of share %lld", r->auth->id, s.id);
	req_redirect(r, 303, admin_url(r, "?done=rotated"));
	return 0;
}
