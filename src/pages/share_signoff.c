/* POST /{lang}/auth/customer-portal/{key}/signoff?year=Y&month=M: a client
 * confirms the hours of a month (docs/signoff.md).
 *
 * Only for a share with the option, a month inside its browse window that
 * has ended or is the current one, a same-origin POST, after the unlock of
 * a protected share.  What is stored is what the form was shown with: the
 * form carries the fingerprint of the records on the page, and when the
 * records differ by now nothing is stored and the client is asked to look
 * again.  At most SIGNOFF_PER_HOUR sign-offs per share and hour. */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "origin.h"
#include "records.h"
#include "routes.h"
#include "share.h"
#include "share_view.h"
#include "signoff_view.h"
#include "unlock.h"
#include "url.h"

static int back(struct req *r, const struct share *s, const struct share_view *v,
                const char *what)
{
	const char *q = arena_printf(r->a, "%s&signoff=%s#signoff",
	                             share_query(r, v->year, v->month, NULL), what);
	req_redirect(r, 303, url_for(r, (struct url){.page = URL_SHARE, .key = s->key,
	                                             .query = q}));
	return 0;
}

static int throttled(struct req *r, long long retry_after, struct perr *e)
{
	long long minutes = (retry_after + 59) / 60;
	const char *text = msg(r, "signoff.throttled_text");
	const char *at = strstr(text, "%d");

	r->status = 429;
	req_header(r, "Retry-After", arena_printf(r->a, "%lld", retry_after));
	rseti(r, "Error.Status", 429);
	rset(r, "Error.Title", msg(r, "signoff.throttled_title"));
	rset(r, "Error.Text", at ? arena_printf(r->a, "%.*s%lld%s", (int)(at - text), text,
	                                        minutes, at + 2) : text);
	return render(r, "error.cs", e);
}

int page_share_signoff(struct req *r, struct perr *e)
{
	struct mctx mc = req_model_primary(r);
	struct share_month m = {0};
	struct share_view *v = &m.v;
	struct signoff so = {0}, cur;
	struct signoff_sum now;
	char net[SIGNOFF_NET_MAX];
	long long count = 0, retry = 0;
	bool on = false, found = false;

	if (!req_same_origin(r))
		return PERR(e, PERR_FORBIDDEN, "sign-off POST from another origin");
	if (share_load(&mc, r->args.share_key, &m.s, e))
		return -1;
	if (!unlock_ok(r, &m.s))
		return PERR(e, PERR_FORBIDDEN, "sign-off of share %lld without its unlock", m.s.id);
	if (signoff_enabled(&mc, m.s.id, &on, e))
		return -1;
	if (!on)
		return PERR(e, PERR_NOT_FOUND, "share %lld does not offer sign-off", m.s.id);
	if (!r->p[P_YEAR].set || !r->p[P_MONTH].set)
		return PERR(e, PERR_BAD_INPUT, "sign-off without a month");
	v->s = &m.s;
	if (share_view_month(r, v, e))
		return -1;
	if (!signoff_month_open(v))
		return PERR(e, PERR_NOT_FOUND, "sign-off of a month to come");

	so.name = signoff_clean_text(&mc, r->p[P_SIGNOFF_NAME].s, r->p[P_SIGNOFF_NAME].len, 1,
	                             SIGNOFF_NAME_MAX, false);
	so.comment = signoff_clean_text(&mc, r->p[P_SIGNOFF_COMMENT].s,
	                                r->p[P_SIGNOFF_COMMENT].len, 0, SIGNOFF_COMMENT_MAX, true);
	if (!so.name || !so.comment)
		return back(r, &m.s, v, "invalid");

	if (signoff_recent(&mc, m.s.id, &count, &retry, e))
		return -1;
	if (count >= SIGNOFF_PER_HOUR) {
		log_info("sign-off: share %lld: %lld sign-offs within the hour", m.s.id, count);
		return throttled(r, retry, e);
	}
	if (records_month(&mc, &m.s, 0, v->year, v->month, &m.rl, e))
		return -1;
	signoff_summarize(&m.rl, &now);
	/* The records changed since the page was shown: nothing is stored. */
	if (!r->p[P_SIGNOFF_FP].set || strcmp(r->p[P_SIGNOFF_FP].s, now.fp) != 0)
		return back(r, &m.s, v, "stale");
	/* Already confirmed as it is: no second row. */
	if (signoff_current(&mc, m.s.id, v->year, v->month, &cur, &found, e))
		return -1;
	if (found && signoff_state_of(&cur, &now) == SIGNOFF_CONFIRMED)
		return back(r, &m.s, v, "confirmed");

	signoff_client_net(r->remote_addr, net);
	so.share_id = m.s.id;
	so.year = v->year;
	so.month = v->month;
	so.client_net = net;
	so.currency = m.s.currency;
	so.sum = now;
	if (signoff_insert(&mc, &so, e))
		return -1;
	log_info("sign-off: share %lld: %04d-%02d confirmed (sign-off %lld)", m.s.id, v->year,
	         v->month, so.id);
	return back(r, &m.s, v, "confirmed");
}
