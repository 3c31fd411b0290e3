/* /{lang}/admin/customer-portal/{id}/{key}/delete: GET asks for
 * confirmation, only a POST with the session's CSRF token deletes. */
#include "admin_page.h"
#include "auth.h"
#include "db.h"
#include "log.h"
#include "routes.h"

static const struct admin_confirm confirm = {
	"delete", "admin.delete_title", "admin.delete_confirm", "admin.delete",
};

int page_admin_delete(struct req *r, struct perr *e)
{
	struct share s;
	bool confirmed = false;
	struct dbval p[2];

	if (admin_confirm_gate(r, &confirm, &s, &confirmed, e) < 0)
		return -1;
	if (!confirmed)
		return 0;
	p[0] = dbv_int(s.id);
	p[1] = dbv_text(s.key);
	if (db_exec(r->db, ST_ADMIN_DELETE, p, 2, r->a, NULL, e) < 0)
		return -1;
	admin_order_clear();
	log_info("admin: user %lld deleted share %lld", r->auth->id, s.id);
	req_redirect(r, 303, url_for(r, (struct url){.page = URL_ADMIN_LIST,
	                                             .query = "?done=deleted"}));
	return 0;
}
