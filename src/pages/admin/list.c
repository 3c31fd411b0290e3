/* GET /{lang}/admin/customer-portal: every share the admin may manage,
 * with its public URL (and a copy button), password yes/no, merge mode and
 * visibility options, and the edit and delete actions (docs/design.md, "Admin pages"). */
#include <stdio.h>

#include "admin_extras.h"
#include "admin_page.h"
#include "admin_signoffs.h"
#include "routes.h"
#include "signoff.h"

/* Message keys of the merge modes, in enum merge_mode order. */
static const char *const merge_msgs[MERGE__MAX] = {
	[MERGE_NONE]  = "admin.merge_none",
	[MERGE_ALL]   = "admin.merge_merge",
	[MERGE_FIRST] = "admin.merge_first",
	[MERGE_LAST]  = "admin.merge_last",
};

static const char *const done_msgs[] = { "admin.created", "admin.saved", "admin.deleted",
                                         "admin.rotated" };

static void set_share(struct req *r, size_t i, const struct share *s)
{
	char pre[64];

	snprintf(pre, sizeof(pre), "Admin.Shares.%zu.", i);
#define SET(k, v) rset(r, arena_printf(r->a, "%s%s", pre, (k)), (v))
	SET("Type", s->is_customer ? "customer" : "project");
	SET("Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		SET("Customer", s->customer_name);
	SET("Key", s->key);
	SET("Url", url_public(r, (struct url){.page = URL_SHARE, .key = s->key}));
	struct url u = {.page = URL_ADMIN_EDIT, .id = s->id, .key = s->key};
	SET("EditUrl", url_for(r, u));
	u.page = URL_ADMIN_DELETE;
	SET("DeleteUrl", url_for(r, u));
	/* Kimai's own page of the customer or project */
	SET("KimaiUrl", url_for(r, (struct url){
		.page = s->is_customer ? URL_KIMAI_CUSTOMER : URL_KIMAI_PROJECT,
		.id = s->is_customer ? s->customer_id : s->project_id}));
	SET("HasPassword", s->has_password ? "1" : "0");
	SET("Merge", s->merge == MERGE_NONE ? "0" : "1");
	SET("MergeLabel", msg(r, merge_msgs[s->merge]));
	for (int f = 0; f < AF__MAX; f++)
		SET(arena_printf(r->a, "Flags.%s", admin_flag_names[f]), s->flags[f] ? "1" : "0");
#undef SET
	admin_extras_list_row(r, pre, s);
}

int page_admin_list(struct req *r, struct perr *e)
{
	struct share *shares = NULL;
	size_t n = 0, nsign = 0;
	long long *sign = NULL;

	if (admin_guard(r, e) < 0)
		return -1;
	struct mctx mc = req_model_primary(r);
	struct share_viewer who = admin_viewer(r);

	if (admin_shares_list(&mc, &who, &shares, &n, e) < 0)
		return -1;
	if (admin_signoff_ids(r, &sign, &nsign, e) < 0)
		return -1;
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, "admin.title"));
	struct url create = {.page = URL_ADMIN_CREATE, .query = "?type=customer"};
	rset(r, "Admin.CreateCustomerUrl", url_for(r, create));
	create.query = "?type=project";
	rset(r, "Admin.CreateProjectUrl", url_for(r, create));
	rseti(r, "Admin.Count", (long long)n);
	if (r->p[P_ADM_DONE].set && r->p[P_ADM_DONE].i >= 0 &&
	    r->p[P_ADM_DONE].i < (long long)(sizeof(done_msgs) / sizeof(done_msgs[0])))
		rset(r, "Admin.Done", msg(r, done_msgs[r->p[P_ADM_DONE].i]));
	for (size_t i = 0; i < n; i++) {
		set_share(r, i, &shares[i]);
		if (admin_signoff_list_row(r, arena_printf(r->a, "Admin.Shares.%zu.", i), &shares[i],
		                           signoff_id_in(sign, nsign, shares[i].id), e) < 0)
			return -1;
	}
	return render(r, "admin_list.cs", e);
}
