/* The share form (docs/design.md, "Admin pages"): create (?type=customer|project) and edit.
 *
 * Fields as the plugin's: the customer or project (visible and hidden ones,
 * projects grouped by customer, limited by Kimai's team rule), merge mode,
 * password, and the six visibility flags.  A form with errors is shown
 * again with messages and nothing is written.  Password semantics: blank
 * means no password; on edit the field carries a placeholder, and sending
 * it back untouched keeps the stored hash; "remove the password" clears it.
 * The hash itself never leaves the database on these pages. */
#include <string.h>

#include "admin_extras.h"
#include "admin_page.h"
#include "admin_signoffs.h"
#include "auth.h"
#include "crypto.h"
#include "db.h"
#include "intparse.h"
#include "log.h"
#include "routes.h"

/* What the edit form shows in the password field of a protected share (the
 * plugin's value, so both behave alike).  Sent back unchanged = keep. */
#define PASSWORD_UNCHANGED "__DO_NOT_CHANGE__"

#define NEW_KEY_TRIES    10

enum pw_action { PW_KEEP, PW_SET, PW_CLEAR };

struct form {
	bool                is_customer;
	bool                editing;
	struct share  cur;          /* edit: the stored share */
	long long           entity;       /* chosen customer or project id; 0 = none */
	enum merge_mode     merge;
	bool                flags[AF__MAX];
	enum pw_action      pw;
	const char         *pw_plain;     /* PW_SET */
	size_t              pw_len;
	const char         *err_entity;   /* message key of a field error */
	const char         *err_password; /* the same for the password */
	struct admin_extras_form extras;  /* expiry date, browse window */
	bool                sign_off;     /* the option "client sign-off" (admin_signoffs.h) */
};

static const enum param flag_params[AF__MAX] = {
	[AF_USER_VISIBLE]      = P_ADM_USER_VISIBLE,
	[AF_RATE_VISIBLE]      = P_ADM_RATE_VISIBLE,
	[AF_ANNUAL_CHART]      = P_ADM_ANNUAL_CHART,
	[AF_MONTHLY_CHART]     = P_ADM_MONTHLY_CHART,
	[AF_BUDGET_STATS]      = P_ADM_BUDGET_STATS,
	[AF_TIME_BUDGET_STATS] = P_ADM_TIME_BUDGET_STATS,
};

static const char *const merge_msgs[MERGE__MAX] = {
	[MERGE_NONE]  = "admin.merge_none",
	[MERGE_ALL]   = "admin.merge_merge",
	[MERGE_FIRST] = "admin.merge_first",
	[MERGE_LAST]  = "admin.merge_last",
};

/* A positive 32-bit id in decimal, nothing else ("" = not chosen). */
static long long parse_id(const struct param_value *v)
{
	long long x = 0;

	if (!v->set || v->len > 10 || int_parse(v->s, v->len, 0, 2147483647LL, 0, &x))
		return 0;
	return x;
}

/* ---------------------------------------------------------------- choosers */

/* One <option> under `pre` from row `i` of a chooser query, whose first
 * columns are id, name and visible (as in ST_ADMIN_CUSTOMERS). */
_Static_assert((int)ADMIN_PROJECTS_ID == ADMIN_CUSTOMERS_ID &&
               (int)ADMIN_PROJECTS_NAME == ADMIN_CUSTOMERS_NAME &&
               (int)ADMIN_PROJECTS_VISIBLE == ADMIN_CUSTOMERS_VISIBLE,
               "chooser columns");
static void set_option(struct req *r, const char *pre, const struct dbrows *rs, size_t i,
                       long long selected)
{
	long long id = dbr_int(rs, i, ADMIN_CUSTOMERS_ID, 0);

	rseti(r, arena_printf(r->a, "%sId", pre), id);
	rset(r, arena_printf(r->a, "%sName", pre), dbr_text(rs, i, ADMIN_CUSTOMERS_NAME));
	if (!dbr_int(rs, i, ADMIN_CUSTOMERS_VISIBLE, 1))
		rset(r, arena_printf(r->a, "%sHidden", pre), "1");
	if (id == selected)
		rset(r, arena_printf(r->a, "%sSelected", pre), "1");
}

static int set_customers(struct req *r, long long selected, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[3] = { dbv_int(r->auth->view_all_data), dbv_int(r->auth->id),
	                      dbv_int(r->auth->id) };

	if (db_exec(r->db, ST_ADMIN_CUSTOMERS, p, 3, r->a, &rs, e) < 0)
		return -1;
	for (size_t i = 0; i < rs.nrows; i++)
		set_option(r, arena_printf(r->a, "Admin.Customers.%zu.", i), &rs, i, selected);
	return 0;
}

/* Projects as <optgroup> per customer (rows come ordered by customer). */
static int set_projects(struct req *r, long long selected, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[3] = { dbv_int(r->auth->view_all_data), dbv_int(r->auth->id),
	                      dbv_int(r->auth->id) };
	long long last_customer = -1;
	size_t g = 0, m = 0;

	if (db_exec(r->db, ST_ADMIN_PROJECTS, p, 3, r->a, &rs, e) < 0)
		return -1;
	for (size_t i = 0; i < rs.nrows; i++) {
		long long cid = dbr_int(&rs, i, ADMIN_PROJECTS_CUSTOMER_ID, 0);

		if (cid != last_customer) {
			const char *gpre = NULL;

			if (last_customer != -1)
				g++;
			last_customer = cid;
			m = 0;
			gpre = arena_printf(r->a, "Admin.Groups.%zu.", g);
			rset(r, arena_printf(r->a, "%sName", gpre),
			     dbr_text(&rs, i, ADMIN_PROJECTS_CUSTOMER_NAME));
			if (!dbr_int(&rs, i, ADMIN_PROJECTS_CUSTOMER_VISIBLE, 1))
				rset(r, arena_printf(r->a, "%sHidden", gpre), "1");
		}
		set_option(r, arena_printf(r->a, "Admin.Groups.%zu.Projects.%zu.", g, m++), &rs, i,
		           selected);
	}
	return 0;
}

/* True when the admin may share entity `id` of the form's type. */
static int entity_allowed(struct req *r, const struct form *f, bool *ok, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[4] = { dbv_int(f->entity), dbv_int(r->auth->view_all_data),
	                      dbv_int(r->auth->id), dbv_int(r->auth->id) };

	*ok = false;
	if (f->entity <= 0)
		return 0;
	/* Both need four: the customer's own team rule and that of its projects. */
	if (db_exec(r->db, f->is_customer ? ST_ADMIN_CUSTOMER_OK : ST_ADMIN_PROJECT_OK,
	            p, 4, r->a, &rs, e) < 0)
		return -1;
	*ok = rs.nrows == 1;
	return 0;
}

/* ------------------------------------------------------------------- form */

static void form_from_share(struct form *f)
{
	f->entity = f->is_customer ? f->cur.customer_id : f->cur.project_id;
	f->merge = f->cur.merge;
	memcpy(f->flags, f->cur.flags, sizeof(f->flags));
	f->pw = PW_KEEP;
}

static void form_from_post(struct req *r, struct form *f)
{
	const struct param_value *pw = &r->p[P_ADM_PASSWORD];

	f->entity = parse_id(&r->p[f->is_customer ? P_ADM_CUSTOMER : P_ADM_PROJECT]);
	f->merge = r->p[P_ADM_MERGE].set ? (enum merge_mode)r->p[P_ADM_MERGE].i : MERGE_NONE;
	for (int k = 0; k < AF__MAX; k++)
		f->flags[k] = r->p[flag_params[k]].set && r->p[flag_params[k]].i;
	f->sign_off = admin_signoff_from_post(r);

	if (f->editing && r->p[P_ADM_PW_REMOVE].set && r->p[P_ADM_PW_REMOVE].i)
		f->pw = PW_CLEAR;
	else if (f->editing && (!pw->set || (pw->len == strlen(PASSWORD_UNCHANGED) &&
	                                    memcmp(pw->s, PASSWORD_UNCHANGED, pw->len) == 0)))
		f->pw = PW_KEEP;
	else if (!pw->set || pw->len == 0)
		f->pw = PW_CLEAR;
	else {
		f->pw = PW_SET;
		f->pw_plain = pw->s;
		f->pw_len = pw->len;
	}
}

static int show_form(struct req *r, const struct form *f, bool invalid, struct perr *e)
{
	admin_page_setup(r);
	rset(r, "Page.Title", msg(r, f->editing ? "admin.edit_title" : "admin.create_title"));
	rset(r, "Form.Type", f->is_customer ? "customer" : "project");
	if (f->editing) {
		rset(r, "Form.Editing", "1");
		rset(r, "Form.EntityName", f->cur.is_customer ? f->cur.customer_name :
		     arena_printf(r->a, "%s (%s)", f->cur.project_name ? f->cur.project_name : "",
		                  f->cur.customer_name ? f->cur.customer_name : ""));
		struct url u = {.page = URL_SHARE, .id = f->cur.id, .key = f->cur.key};
		rset(r, "Form.Url", url_public(r, u));
		u.page = URL_ADMIN_DELETE;
		rset(r, "Form.DeleteUrl", url_for(r, u));
		if (f->cur.has_password) {
			rset(r, "Form.HasPassword", "1");
			rset(r, "Form.PasswordPlaceholder", PASSWORD_UNCHANGED);
		}
	}
	if (invalid)
		rset(r, "Form.Invalid", "1");
	if (f->err_entity)
		rset(r, "Form.EntityError", msg(r, f->err_entity));
	if (f->err_password)
		rset(r, "Form.PasswordError", msg(r, f->err_password));
	for (int m = 0; m < MERGE__MAX; m++) {
		const char *pre = arena_printf(r->a, "Admin.MergeModes.%d.", m);
		rset(r, arena_printf(r->a, "%sValue", pre), merge_mode_names[m]);
		rset(r, arena_printf(r->a, "%sLabel", pre), msg(r, merge_msgs[m]));
		if ((int)f->merge == m)
			rset(r, arena_printf(r->a, "%sSelected", pre), "1");
	}
	for (int k = 0; k < AF__MAX; k++)
		if (f->flags[k])
			rset(r, arena_printf(r->a, "Form.Flags.%s", admin_flag_names[k]), "1");
	if (f->is_customer ? set_customers(r, f->entity, e) < 0 : set_projects(r, f->entity, e) < 0)
		return -1;
	admin_extras_show(r, &f->extras);
	if (admin_signoff_form(r, f->editing ? &f->cur : NULL, f->sign_off, e) < 0)
		return -1;
	rset(r, "Admin.ListUrl", url_for(r, (struct url){.page = URL_ADMIN_LIST}));
	return render(r, "admin_edit.cs", e);
}

/* ------------------------------------------------------------------ saving */

static struct dbval id_or_null(long long id)
{
	return id > 0 ? dbv_int(id) : dbv_null();
}

static int hash_password(struct req *r, const struct form *f, const char **hash,
                         struct perr *e)
{
	char *out = NULL;

	*hash = NULL;
	if (f->pw != PW_SET)
		return 0;
	out = arena_alloc(r->a, PASSWORD_HASH_MAX);
	if (password_hash_new(f->pw_plain, f->pw_len, out, PASSWORD_HASH_MAX, e) < 0)
		return -1;
	*hash = out;
	return 0;
}

static int insert_share(struct req *r, const struct form *f, const char *hash,
                        struct perr *e)
{
	char key[SHARE_KEY_LEN + 1];

	for (int tries = 0; tries < NEW_KEY_TRIES; tries++) {
		struct dbrows rs = {0};
		struct dbval p[5 + AF__MAX];

		if (share_key_new(key, e) < 0)
			return -1;
		p[0] = dbv_text(key);
		if (db_exec(r->db, ST_ADMIN_KEY_EXISTS, p, 1, r->a, &rs, e) < 0)
			return -1;
		if (rs.nrows)
			continue;
		p[0] = id_or_null(f->is_customer ? 0 : f->entity);
		p[1] = id_or_null(f->is_customer ? f->entity : 0);
		p[2] = dbv_text(key);
		p[3] = dbv_text(hash);
		p[4] = dbv_text(merge_mode_names[f->merge]);
		for (int k = 0; k < AF__MAX; k++)
			p[5 + k] = dbv_int(f->flags[k]);
		if (db_exec(r->db, ST_ADMIN_INSERT, p, 5 + AF__MAX, r->a, NULL, e) == 0) {
			admin_order_clear();
			log_info("admin: user %lld created share %lld", r->auth->id,
			         (long long)db_insert_id(r->db));
			return 0;
		}
		/* A key made between our check and the insert: draw another. */
		if (e->kind != PERR_INTERNAL || db_errno(r->db) != DB_ERR_DUP_ENTRY)
			return -1;
		perr_clear(e);
	}
	return PERR(e, PERR_INTERNAL, "no unique share key after %d tries", NEW_KEY_TRIES);
}

static int update_share(struct req *r, const struct form *f, const char *hash,
                        struct perr *e)
{
	struct dbval p[7 + AF__MAX];
	size_t n = 0;

	p[n++] = id_or_null(f->is_customer ? 0 : f->entity);
	p[n++] = id_or_null(f->is_customer ? f->entity : 0);
	p[n++] = dbv_int(f->pw == PW_KEEP);
	p[n++] = dbv_text(f->pw == PW_SET ? hash : NULL);
	p[n++] = dbv_text(merge_mode_names[f->merge]);
	for (int k = 0; k < AF__MAX; k++)
		p[n++] = dbv_int(f->flags[k]);
	p[n++] = dbv_int(f->cur.id);
	p[n++] = dbv_text(f->cur.key);
	if (db_exec(r->db, ST_ADMIN_UPDATE, p, n, r->a, NULL, e) < 0)
		return -1;
	admin_order_clear();
	log_info("admin: user %lld updated share %lld", r->auth->id, f->cur.id);
	return 0;
}

/* POST: validate, then write and redirect, or show the form again. */
static int submit(struct req *r, struct form *f, struct perr *e)
{
	const char *hash = NULL;
	bool ok = false;

	if (admin_guard_post(r, e) < 0)
		return -1;
	form_from_post(r, f);
	bool extras_ok = admin_extras_from_post(r, &f->extras);
	if (entity_allowed(r, f, &ok, e) < 0)
		return -1;
	if (!ok)
		f->err_entity = "admin.choose";
	/* Only a new password: a stored one, however short, is kept as is. */
	if (f->pw == PW_SET && !password_long_enough(f->pw_plain, f->pw_len))
		f->err_password = "admin.password_short";
	if (!ok || !extras_ok || f->err_password)
		return show_form(r, f, true, e);
	if (hash_password(r, f, &hash, e) < 0)
		return -1;
	if (f->editing ? update_share(r, f, hash, e) < 0 : insert_share(r, f, hash, e) < 0)
		return -1;
	/* The insert was this connection's last statement: its id is the new share's. */
	long long id = f->editing ? f->cur.id : (long long)db_insert_id(r->db);
	if (admin_extras_save(r, id, &f->extras, e) < 0)
		return -1;
	if (admin_signoff_save(r, id, f->sign_off, e) < 0)
		return -1;
	req_redirect(r, 303, url_for(r, (struct url){.page = URL_ADMIN_LIST,
	                       .query = f->editing ? "?done=saved" : "?done=created"}));
	return 0;
}

int page_admin_create(struct req *r, struct perr *e)
{
	struct form f;

	if (admin_guard(r, e) < 0)
		return -1;
	memset(&f, 0, sizeof(f));
	if (!r->p[P_ADM_TYPE].set) {
		/* As the plugin: no type, back to the list. */
		req_redirect(r, 303, url_for(r, (struct url){.page = URL_ADMIN_LIST}));
		return 0;
	}
	f.is_customer = r->p[P_ADM_TYPE].i == 0;
	f.merge = MERGE_NONE;
	f.pw = PW_CLEAR;
	if (r->method == HTTP_POST)
		return submit(r, &f, e);
	return show_form(r, &f, false, e);
}

int page_admin_edit(struct req *r, struct perr *e)
{
	struct form f;

	if (admin_guard(r, e) < 0)
		return -1;
	memset(&f, 0, sizeof(f));
	struct mctx mc = req_model_primary(r);
	struct share_viewer who = admin_viewer(r);

	if (admin_share_get(&mc, &who, r->args.id, r->args.share_key, &f.cur, e) < 0)
		return -1;
	f.editing = true;
	f.is_customer = f.cur.is_customer;
	form_from_share(&f);
	admin_extras_from_share(r, &f.cur, &f.extras);
	if (admin_signoff_enabled(r, f.cur.id, &f.sign_off, e) < 0)
		return -1;
	if (r->method == HTTP_POST)
		return submit(r, &f, e);
	return show_form(r, &f, false, e);
}
