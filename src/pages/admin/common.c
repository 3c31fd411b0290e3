/* What the admin pages share: their URLs, template scaffolding, the
 * confirmation gate and the guards (admin_page.h). */
#include "admin_page.h"
#include "admin_gate.h"
#include "auth.h"
#include "i18n.h"
#include "req.h"

struct share_viewer admin_viewer(const struct req *r)
{
	return (struct share_viewer){ .user_id = r->auth->id,
	                              .view_all_data = r->auth->view_all_data };
}

void admin_page_setup(struct req *r)
{
	rset(r, "Admin.Base", url_for(r, (struct url){.page = URL_ADMIN_LIST}));
	rset(r, "Admin.Csrf", req_csrf_token(r));
}

static int confirm_page(struct req *r, const struct share *s,
                        const struct admin_confirm *c, struct perr *e)
{
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, c->title));
	rset(r, "Confirm.Action", c->action);
	rset(r, "Confirm.Title", msg(r, c->title));
	rset(r, "Confirm.Warning", msg(r, c->warning));
	rset(r, "Confirm.Button", msg(r, c->button));
	rset(r, "Confirm.Type", s->is_customer ? "customer" : "project");
	rset(r, "Confirm.Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		rset(r, "Confirm.Customer", s->customer_name);
	rset(r, "Confirm.Url", url_public(r, (struct url){.page = URL_SHARE, .key = s->key}));
	rset(r, "Admin.ListUrl", url_for(r, (struct url){.page = URL_ADMIN_LIST}));
	return render(r, "admin_confirm.cs", e);
}

int admin_confirm_gate(struct req *r, const struct admin_confirm *c, struct share *s,
                       bool *confirmed, struct perr *e)
{
	*confirmed = false;
	if (admin_guard(r, e) < 0)
		return -1;
	struct mctx mc = req_model_primary(r);
	struct share_viewer who = admin_viewer(r);

	if (admin_share_get(&mc, &who, r->args.id, r->args.share_key, s, e) < 0)
		return -1;
	if (r->method != HTTP_POST)
		return confirm_page(r, s, c, e);
	if (admin_guard_post(r, e) < 0)
		return -1;
	*confirmed = true;
	return 0;
}

int admin_guard(struct req *r, struct perr *e)
{
	r->no_store = true;
	if (r->auth)
		return 0;
	return req_require_admin(r, e);
}

int admin_guard_post(struct req *r, struct perr *e)
{
	if (admin_guard(r, e) < 0)
		return -1;
	return req_check_csrf(r, e);
}
