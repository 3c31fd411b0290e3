/* Client sign-off on the share pages (signoff_view.h). */
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "fmt.h"
#include "records.h"
#include "req.h"
#include "share.h"
#include "share_csv.h"
#include "share_view.h"
#include "signoff_view.h"
#include "url.h"

bool signoff_month_open(const struct share_view *v)
{
	return v->year < v->now_year || (v->year == v->now_year && v->month <= v->now_month);
}

const char *signoff_state_msg(enum signoff_state st)
{
	static const char *const keys[] = {
		[SIGNOFF_NONE]      = "signoff.state_none",
		[SIGNOFF_CONFIRMED] = "signoff.state_confirmed",
		[SIGNOFF_CHANGED]   = "signoff.state_changed",
		[SIGNOFF_WITHDRAWN] = "signoff.state_withdrawn",
	};
	return keys[st];
}

const char *signoff_subst(struct req *r, const char *text, const char *a, const char *b)
{
	const char *args[2] = {a, b};
	return msg_subst(r, text, args, 2);
}

const char *signoff_when_utc(struct req *r, const struct signoff *so)
{
	char d[FMT_BUF], t[FMT_BUF];
	fmt_date(r->fmt, r->lang, "UTC", so->signed_epoch, d, sizeof(d));
	fmt_time(r->fmt, r->lang, "UTC", so->signed_epoch, t, sizeof(t));
	return arena_printf(r->a, "%s %s UTC", d, t);
}

const char *signoff_date(struct req *r, const struct signoff *so, const char *zone)
{
	char d[FMT_BUF];
	return arena_strdup(r->a, fmt_date(r->fmt, r->lang, zone ? zone : "UTC",
	                                   so->signed_epoch, d, sizeof(d)));
}

int signoff_state_now(struct req *r, const struct share *s, const struct signoff *so,
                      enum signoff_state *state, struct signoff_sum *now, struct perr *e)
{
	struct record_list rl;
	struct mctx mc = req_model(r);

	if (records_month(&mc, s, 0, so->year, so->month, &rl, e))
		return -1;
	signoff_summarize(&rl, now);
	*state = signoff_state_of(so, now);
	return 0;
}

/* Duration, money and count of a sum under `pre` ("Signoff.Then."). */
static void set_sum(struct req *r, const char *pre, const struct signoff_sum *sum,
                    const char *currency, bool money)
{
	char b[FMT_BUF];
	rset(r, arena_printf(r->a, "%sDuration", pre), fmt_duration(sum->duration, b, sizeof(b)));
	rseti(r, arena_printf(r->a, "%sDurationSec", pre), sum->duration);
	rseti(r, arena_printf(r->a, "%sCount", pre), sum->count);
	if (money) {
		rset(r, arena_printf(r->a, "%sMoney", pre),
		     fmt_money(r->fmt, r->lang, currency, sum->money, b, sizeof(b)));
		rset(r, arena_printf(r->a, "%sMoneyRaw", pre), share_decimal(r, sum->money));
	}
}

static const char *const done_msgs[] = {
	"signoff.done_confirmed", "signoff.done_invalid", "signoff.done_stale", NULL,
};

int signoff_view_set(struct req *r, const struct share_month *m, struct perr *e)
{
	const struct share *s = &m->s;
	const struct share_view *v = &m->v;
	struct signoff so;
	struct signoff_sum now;
	bool on = false, found = false;
	enum signoff_state st = SIGNOFF_NONE;
	bool money = s->flags[AF_RATE_VISIBLE];

	if (v->project_id)
		return 0;
	on = s->signoff;   /* read with the share: no statement of its own */
	if (!on)
		return 0;
	/* Straight after a sign-off the replica may lag: read the primary. */
	struct mctx pmc = req_model_primary(r);
	if (signoff_current(&pmc, s->id, v->year, v->month, &so, &found, e))
		return -1;
	signoff_summarize(&m->rl, &now);
	if (found)
		st = signoff_state_of(&so, &now);

	rset(r, "Signoff.Enabled", "1");
	rset(r, "Signoff.State", signoff_state_names[st]);
	if (money)
		rset(r, "Signoff.ShowMoney", "1");
	if (r->p[P_SIGNOFF_MSG].set && r->p[P_SIGNOFF_MSG].i >= 0 && r->p[P_SIGNOFF_MSG].i < 3)
		rset(r, "Signoff.Message", msg(r, done_msgs[r->p[P_SIGNOFF_MSG].i]));
	if (r->p[P_SIGNOFF_MSG].set && r->p[P_SIGNOFF_MSG].i != 0)
		rset(r, "Signoff.MessageError", "1");
	if (found) {
		rset(r, "Signoff.By", signoff_subst(r, msg(r, "signoff.confirmed_by"), so.name,
		                                    signoff_date(r, &so, s->timezone)));
		rset(r, "Signoff.Name", so.name);
		rset(r, "Signoff.At", so.signed_at);
		rset(r, "Signoff.Comment", so.comment);
		rset(r, "Signoff.Fingerprint", so.sum.fp);
		set_sum(r, "Signoff.Then.", &so.sum, so.currency ? so.currency : s->currency, money);
		set_sum(r, "Signoff.Now.", &now, s->currency, money);
	}
	if (signoff_month_open(v) && st != SIGNOFF_CONFIRMED) {
		rset(r, "Signoff.Open", "1");
		rset(r, "Signoff.Fp", now.fp);
		rset(r, "Signoff.ActionUrl",
		     url_for(r, (struct url){.page = URL_SHARE_SIGNOFF, .key = s->key,
		                             .query = share_query(r, v->year, v->month, NULL)}));
		set_sum(r, "Signoff.Now.", &now, s->currency, money);
	}
	return 0;
}

static void row2(struct buf *b, const char *label, const char *value, bool text)
{
	csv_field(b, label, false);
	buf_putc(b, ',');
	csv_field(b, value, text);
	buf_puts(b, "\r\n");
}

int signoff_csv_rows(struct req *r, const struct share_month *m, struct buf *b,
                     struct perr *e)
{
	const struct share *s = &m->s;
	struct mctx mc = req_model(r);
	struct signoff so;
	struct signoff_sum now;
	bool on = false, found = false;

	if (m->v.project_id)
		return 0;
	on = s->signoff;   /* read with the share: no statement of its own */
	if (!on)
		return 0;
	if (signoff_current(&mc, s->id, m->v.year, m->v.month, &so, &found, e))
		return -1;
	if (!found)
		return 0;
	signoff_summarize(&m->rl, &now);
	enum signoff_state st = signoff_state_of(&so, &now);
	buf_puts(b, "\r\n");
	row2(b, msg(r, "signoff.title"), signoff_state_names[st], false);
	row2(b, msg(r, "signoff.by"), so.name, true);
	row2(b, msg(r, "signoff.when"), arena_printf(r->a, "%s UTC", so.signed_at), false);
	row2(b, msg(r, "signoff.fingerprint"), so.sum.fp, false);
	return 0;
}
