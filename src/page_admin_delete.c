/* /{lang}/admin/customer-portal/{id}/{key}/delete: GET asks for
 * confirmation, only a POST with the session's CSRF token deletes. */
#include "admin_share.h"
#include "auth.h"
#include "db.h"
#include "log.h"
#include "routes.h"
#include "server.h"

static int confirm_page(struct req *r, const struct admin_share *s, struct perr *e)
{
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, "admin.delete_title"));
	rset(r, "Delete.Type", s->is_customer ? "customer" : "project");
	rset(r, "Delete.Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		rset(r, "Delete.Customer", s->customer_name);
	rset(r, "Delete.Url", admin_share_public_url(r, s->key));
	rset(r, "Admin.ListUrl", admin_url(r, NULL));
	return render(r, "admin_delete.cs", e);
}

int page_admin_delete(struct req *r, struct perr *e)
{
	struct admin_share s;
	struct dbval p[2];

	if (admin_guard(r, e) < 0)
		return -1;
	if (admin_share_get(r, r->args.id, r->args.share_key, &s, e) < 0)
		return -1;
	if (r->method != HTTP_POST)
		return confirm_page(r, &s, e);
	if (admin_guard_post(r, e) < 0)
		return -1;
	p[0] = dbv_int(s.id);
	p[1] = dbv_text(s.key);
	if (db_exec(r->w->db, ST_ADMIN_DELETE, p, 2, r->a, NULL, e) < 0)
		return -1;
	log_info("admin: user %lld deleted share %lld", r->auth->id, s.id);
	req_redirect(r, 303, admin_url(r, "?done=deleted"));
	return 0;
}
