/* GET /{lang}/admin/customer-portal: every share the admin may manage,
 * with its public URL (and a copy button), password yes/no, merge mode and
 * visibility options, and the edit and delete actions (DESIGN §5). */
#include <stdio.h>

#include "admin_extras.h"
#include "admin_share.h"
#include "i18n.h"
#include "routes.h"

/* Message keys of the merge modes, in enum merge_mode order. */
static const char *const merge_msgs[MERGE__MAX] = {
	[MERGE_NONE]  = "admin.merge_none",
	[MERGE_ALL]   = "admin.merge_merge",
	[MERGE_FIRST] = "admin.merge_first",
	[MERGE_LAST]  = "admin.merge_last",
};

static const char *const done_msgs[] = { "admin.created", "admin.saved", "admin.deleted",
                                         "admin.rotated" };

static void set_share(struct req *r, size_t i, const struct admin_share *s)
{
	char pre[64];
	const char *suffix = NULL;

	snprintf(pre, sizeof(pre), "Admin.Shares.%zu.", i);
#define SET(k, v) rset(r, arena_printf(r->a, "%s%s", pre, (k)), (v))
	SET("Type", s->is_customer ? "customer" : "project");
	SET("Name", s->is_customer ? s->customer_name : s->project_name);
	if (!s->is_customer)
		SET("Customer", s->customer_name);
	SET("Key", s->key);
	/* Kimai's own page of the customer or project */
	SET("KimaiUrl", req_url(r, s->is_customer
		? arena_printf(r->a, "/%s/admin/customer/%lld/details", r->lang->code, s->customer_id)
		: arena_printf(r->a, "/%s/admin/project/%lld/details", r->lang->code, s->project_id)));
	SET("Url", admin_share_public_url(r, s->key));
	suffix = arena_printf(r->a, "/%lld/%s", s->id, s->key);
	SET("EditUrl", admin_url(r, suffix));
	SET("DeleteUrl", admin_url(r, arena_printf(r->a, "%s/delete", suffix)));
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
	struct admin_share *shares = NULL;
	size_t n = 0;

	if (admin_guard(r, e) < 0)
		return -1;
	if (admin_shares_list(r, &shares, &n, e) < 0)
		return -1;
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, "admin.title"));
	rset(r, "Admin.CreateCustomerUrl", admin_url(r, "/create?type=customer"));
	rset(r, "Admin.CreateProjectUrl", admin_url(r, "/create?type=project"));
	rseti(r, "Admin.Count", (long long)n);
	if (r->p[P_ADM_DONE].set && r->p[P_ADM_DONE].i >= 0 &&
	    r->p[P_ADM_DONE].i < (long long)(sizeof(done_msgs) / sizeof(done_msgs[0])))
		rset(r, "Admin.Done", msg(r, done_msgs[r->p[P_ADM_DONE].i]));
	for (size_t i = 0; i < n; i++)
		set_share(r, i, &shares[i]);
	return render(r, "admin_list.cs", e);
}
