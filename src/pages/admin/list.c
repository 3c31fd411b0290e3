/* GET /{lang}/admin/customer-portal: the shares the admin may manage, 50
 * a page, searched, filtered and sorted by the database, each with its
 * public URL (and a copy button), a link to Kimai's page of its customer or
 * project, password yes/no, merge mode and visibility options, and the edit
 * and delete actions (docs/design.md, "Admin pages"). */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "fmt.h"

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
	SET("ShowActivity", s->show_activity ? "1" : "0");
	SET("ShowTags", s->show_tags ? "1" : "0");
#undef SET
	admin_extras_list_row(r, pre, s);
}

/* The list's state from the request: validated parameters only (params.c);
 * the search without the blanks around it. */
static struct admin_list_query list_query(const struct req *r)
{
	struct admin_list_query q = {.page = 1};
	const struct param_value *p = r->p;

	if (p[P_ADM_Q].set) {
		const char *s = p[P_ADM_Q].s;
		size_t n = p[P_ADM_Q].len;
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		q.q = arena_strndup(r->a, s, n);
	}
	/* the filters' enums count the parameters' choices from 1 (0: any) */
	if (p[P_ADM_TYPE].set)
		q.type = (enum admin_list_type)(p[P_ADM_TYPE].i + 1);
	if (p[P_ADM_PW_FILTER].set)
		q.password = (enum admin_list_pw)(p[P_ADM_PW_FILTER].i + 1);
	if (p[P_ADM_STATUS].set)
		q.status = (enum admin_list_status)(p[P_ADM_STATUS].i + 1);
	if (p[P_ADM_SORT].set)
		q.sort = (enum admin_list_sort)p[P_ADM_SORT].i;
	if (p[P_ADM_PAGE].set)
		q.page = p[P_ADM_PAGE].i;
	return q;
}

/* The value of filter parameter `p` for the filter's enum value v (0: any,
 * ""), as params.c spells it. */
static const char *choice(enum param p, int v)
{
	return v ? param_defs[p].choices[v - 1] : "";
}

/* The list's URL for page `page` of query q: only the parameters that
 * differ from the defaults, the search percent-encoded. */
static const char *list_url(struct req *r, const struct admin_list_query *q, long long page)
{
	struct buf b;
	const char *out;

	buf_init(&b);
	if (q->q && *q->q) {
		buf_puts(&b, "&q=");
		esc_url(&b, q->q, NULL, 3 * 400);
	}
	if (q->type)
		buf_printf(&b, "&type=%s", choice(P_ADM_TYPE, q->type));
	if (q->password)
		buf_printf(&b, "&password=%s", choice(P_ADM_PW_FILTER, q->password));
	if (q->status)
		buf_printf(&b, "&status=%s", choice(P_ADM_STATUS, q->status));
	if (q->sort != ALSORT_NAME)
		buf_printf(&b, "&sort=%s", param_defs[P_ADM_SORT].choices[q->sort]);
	if (page > 1)
		buf_printf(&b, "&page=%lld", page);
	if (b.len)
		b.data[0] = '?';
	out = url_for(r, (struct url){.page = URL_ADMIN_LIST, .query = arena_strdup(r->a, buf_cstr(&b))});
	buf_free(&b);
	return out;
}

/* The search form's state and the pager: the count, previous/next and the
 * page numbers Kimai shows (the first, the last and two either side of the
 * current one, gaps marked). */
static void set_controls(struct req *r, const struct admin_list_query *q,
                         const struct admin_list_page *pg)
{
	char a[FMT_BUF], b[FMT_BUF], c[FMT_BUF];

	rset(r, "Admin.List.Q", q->q ? q->q : "");
	rset(r, "Admin.List.Type", choice(P_ADM_TYPE, q->type));
	rset(r, "Admin.List.Password", choice(P_ADM_PW_FILTER, q->password));
	rset(r, "Admin.List.Status", choice(P_ADM_STATUS, q->status));
	rset(r, "Admin.List.Sort", param_defs[P_ADM_SORT].choices[q->sort]);
	if ((q->q && *q->q) || q->type || q->password || q->status || q->sort)
		rset(r, "Admin.List.Filtered", "1");
	rseti(r, "Admin.List.Total", pg->total);
	rseti(r, "Admin.List.Page", pg->page);
	rseti(r, "Admin.List.Pages", pg->pages);
	long long from = (pg->page - 1) * ADMIN_LIST_PAGE_SIZE + 1, to = from + (long long)pg->n - 1;
	fmt_number(r->fmt, r->lang, (double)from, 0, a, sizeof(a));
	fmt_number(r->fmt, r->lang, (double)to, 0, b, sizeof(b));
	fmt_number(r->fmt, r->lang, (double)pg->total, 0, c, sizeof(c));
	const char *args[] = {a, b, c};
	rset(r, "Admin.List.Showing", pg->total ? msg_subst(r, msg(r, "admin.list.showing"), args, 3) : "");
	if (pg->pages < 2)
		return;
	if (pg->page > 1)
		rset(r, "Admin.List.PrevUrl", list_url(r, q, pg->page - 1));
	if (pg->page < pg->pages)
		rset(r, "Admin.List.NextUrl", list_url(r, q, pg->page + 1));
	HDF *items = rnode(r, "Admin.List.Items");
	size_t k = 0;
	long long last = 0;
	for (long long i = 1; i <= pg->pages; i++) {
		if (i != 1 && i != pg->pages && (i < pg->page - 2 || i > pg->page + 2))
			continue;
		HDF *it = rnode_at(items, k++);
		if (last && i > last + 1)
			rset_in(it, "Gap", "1");
		last = i;
		fmt_number(r->fmt, r->lang, (double)i, 0, a, sizeof(a));
		rset_in(it, "Label", a);
		rseti_in(it, "Page", i);
		rset_in(it, "Url", list_url(r, q, i));
		if (i == pg->page)
			rset_in(it, "Current", "1");
	}
}

int page_admin_list(struct req *r, struct perr *e)
{
	struct admin_list_page pg;
	size_t nsign = 0;
	long long *sign = NULL;

	if (admin_guard(r, e) < 0)
		return -1;
	struct mctx mc = req_model_primary(r);
	struct share_viewer who = admin_viewer(r);
	struct admin_list_query q = list_query(r);

	if (admin_shares_page(&mc, &who, &q, &pg, e) < 0)
		return -1;
	if (admin_signoff_ids(r, &sign, &nsign, e) < 0)
		return -1;
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, "admin.title"));
	struct url create = {.page = URL_ADMIN_CREATE, .query = "?type=customer"};
	rset(r, "Admin.CreateCustomerUrl", url_for(r, create));
	create.query = "?type=project";
	rset(r, "Admin.CreateProjectUrl", url_for(r, create));
	rseti(r, "Admin.Count", (long long)pg.n);
	set_controls(r, &q, &pg);
	if (r->p[P_ADM_DONE].set && r->p[P_ADM_DONE].i >= 0 &&
	    r->p[P_ADM_DONE].i < (long long)(sizeof(done_msgs) / sizeof(done_msgs[0])))
		rset(r, "Admin.Done", msg(r, done_msgs[r->p[P_ADM_DONE].i]));
	for (size_t i = 0; i < pg.n; i++) {
		set_share(r, i, &pg.shares[i]);
		if (admin_signoff_list_row(r, arena_printf(r->a, "Admin.Shares.%zu.", i), &pg.shares[i],
		                           signoff_id_in(sign, nsign, pg.shares[i].id), e) < 0)
			return -1;
	}
	return render(r, "admin_list.cs", e);
}
