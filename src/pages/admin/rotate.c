/* /{lang}/admin/customer-portal/{id}/{key}/rotate: a new key for a share
 * whose link went where it should not.  GET asks for confirmation; only a
 * POST with the session's CSRF token rotates.  Everything else about the
 * share stays (settings, password, view counts); the old link answers 404
 * from the moment of the commit, and unlock cookies made for it stop
 * working because they are bound to the key (crypto.h). */
#include "admin_page.h"
#include "auth.h"
#include "db.h"
#include "log.h"
#include "routes.h"
#include "share_store.h"

static const struct admin_confirm confirm = {
	"rotate", "admin.rotate_title", "admin.rotate_confirm", "admin.rotate",
};

int page_admin_rotate(struct req *r, struct perr *e)
{
	struct share s;
	bool confirmed = false;
	char key[SHARE_KEY_LEN + 1];

	if (admin_confirm_gate(r, &confirm, &s, &confirmed, e) < 0)
		return -1;
	if (!confirmed)
		return 0;
	if (share_rotate_key(r->db, r->a, s.id, s.key, key, e) < 0)
		return -1;
	log_info("admin: user %lld rotated the key of share %lld", r->auth->id, s.id);
	req_redirect(r, 303, url_for(r, (struct url){.page = URL_ADMIN_LIST,
	                                             .query = "?done=rotated"}));
	return 0;
}
