/* Client sign-off on the admin pages (admin_signoffs.h), and
 * POST /{lang}/admin/customer-portal/{id}/{key}/withdraw: an admin
 * withdraws a sign-off.  It is kept, marked with who withdrew it and when;
 * only deleting the share deletes its sign-offs. */
#include <stdio.h>

#include "admin_page.h"
#include "admin_signoffs.h"
#include "auth.h"
#include "fmt.h"
#include "log.h"
#include "origin.h"
#include "req.h"
#include "routes.h"
#include "share.h"
#include "signoff_view.h"

/* Months a list row shows; the share's page shows them all. */
#define LIST_MONTHS 3

int admin_signoff_ids(struct req *r, long long **ids, size_t *n, struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	return signoff_enabled_ids(&mc, ids, n, e);
}

int admin_signoff_enabled(struct req *r, long long id, bool *on, struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	return signoff_enabled(&mc, id, on, e);
}

bool admin_signoff_from_post(struct req *r)
{
	return r->p[P_ADM_SIGN_OFF].set && r->p[P_ADM_SIGN_OFF].i;
}

int admin_signoff_save(struct req *r, long long id, bool on, struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	return signoff_set_enabled(&mc, id, on, e);
}

/* One sign-off under `node`: month, name, time, state. */
static int set_row(struct req *r, HDF *node, const struct share *s, const struct signoff *so,
                   struct perr *e)
{
	char b[FMT_BUF];
	enum signoff_state st;
	struct signoff_sum now;

	if (signoff_state_now(r, s, so, &st, &now, e))
		return -1;
	rseti_in(node, "Id", so->id);
	rset_in(node, "Month", fmt_month_year(r->fmt, r->lang, so->year, so->month, b,
	                                      sizeof(b)));
	rset_in(node, "MonthIso", arena_printf(r->a, "%04d-%02d", so->year, so->month));
	rset_in(node, "Name", so->name);
	rset_in(node, "Comment", so->comment);
	rset_in(node, "When", signoff_when_utc(r, so));
	rset_in(node, "At", so->signed_at);
	rset_in(node, "State", signoff_state_names[st]);
	rset_in(node, "StateLabel", msg(r, signoff_state_msg(st)));
	rset_in(node, "Net", so->client_net);
	rset_in(node, "Fingerprint", so->sum.fp);
	rset_in(node, "Duration", fmt_duration(so->sum.duration, b, sizeof(b)));
	rset_in(node, "NowDuration", fmt_duration(now.duration, b, sizeof(b)));
	rset_in(node, "Money", fmt_money(r->fmt, r->lang, so->currency ? so->currency :
	                                 s->currency, so->sum.money, b, sizeof(b)));
	rset_in(node, "NowMoney", fmt_money(r->fmt, r->lang, s->currency, now.money, b,
	                                    sizeof(b)));
	rseti_in(node, "Count", so->sum.count);
	rseti_in(node, "NowCount", now.count);
	if (so->withdrawn_at) {
		long long at = 0;
		char t[FMT_BUF];
		utc_parse_datetime(so->withdrawn_at, &at);
		fmt_date(r->fmt, r->lang, "UTC", at, b, sizeof(b));
		fmt_time(r->fmt, r->lang, "UTC", at, t, sizeof(t));
		rset_in(node, "Withdrawn", signoff_subst(r, msg(r, "signoff.withdrawn_by"),
		                                         so->withdrawn_by,
		                                         arena_printf(r->a, "%s %s UTC", b, t)));
	}
	return 0;
}

int admin_signoff_list_row(struct req *r, const char *pre, const struct share *s, bool on,
                           struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	struct signoff *v = NULL;
	size_t n = 0;

	if (!on)
		return 0;
	rset(r, arena_printf(r->a, "%sSignOff", pre), "1");
	if (signoff_last_per_month(&mc, s->id, &v, &n, e))
		return -1;
	HDF *list = rnode(r, arena_printf(r->a, "%sSignoffs", pre));
	for (size_t i = 0; i < n && i < LIST_MONTHS; i++)
		if (set_row(r, rnode_at(list, i), s, &v[i], e))
			return -1;
	return 0;
}

static const char *const done_keys[] = {NULL, NULL, NULL, "signoff.done_withdrawn"};

int admin_signoff_form(struct req *r, const struct share *s, bool on, struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	struct signoff *v = NULL;
	size_t n = 0;

	if (on)
		rset(r, "Form.SignOff", "1");
	if (!s)
		return 0;
	if (signoff_last_per_month(&mc, s->id, &v, &n, e))
		return -1;
	rseti(r, "Admin.SignoffCount", (long long)n);
	rset(r, "Admin.WithdrawUrl", url_for(r, (struct url){.page = URL_ADMIN_WITHDRAW,
	                                                     .id = s->id, .key = s->key}));
	if (r->p[P_SIGNOFF_MSG].set && r->p[P_SIGNOFF_MSG].i == 3)
		rset(r, "Admin.SignoffDone", msg(r, done_keys[3]));
	HDF *list = rnode(r, "Admin.Signoffs");
	for (size_t i = 0; i < n; i++)
		if (set_row(r, rnode_at(list, i), s, &v[i], e))
			return -1;
	return 0;
}

int page_admin_withdraw(struct req *r, struct perr *e)
{
	struct share s;

	if (admin_guard_post(r, e) < 0)
		return -1;
	if (!req_same_origin(r))
		return PERR(e, PERR_FORBIDDEN, "withdraw POST from another origin");
	if (!r->p[P_SIGNOFF_ID].set)
		return PERR(e, PERR_BAD_INPUT, "withdraw without a sign-off");
	struct mctx mc = req_model_primary(r);
	struct share_viewer who = admin_viewer(r);
	if (admin_share_get(&mc, &who, r->args.id, r->args.share_key, &s, e) < 0)
		return -1;
	if (signoff_withdraw(&mc, s.id, r->p[P_SIGNOFF_ID].i, r->auth->username, e))
		return -1;
	log_info("admin: user %lld withdrew sign-off %lld of share %lld", r->auth->id,
	         r->p[P_SIGNOFF_ID].i, s.id);
	req_redirect(r, 303, url_for(r, (struct url){.page = URL_ADMIN_EDIT, .id = s.id,
	                                             .key = s.key,
	                                             .query = "?signoff=withdrawn#signoffs"}));
	return 0;
}
