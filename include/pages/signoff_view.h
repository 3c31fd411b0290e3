/* Client sign-off on the share pages (docs/signoff.md): the block of the
 * month page (signoff.cs), the closing rows of the CSV download, and what
 * the sign-off POST (page_share_signoff.c) and the admin pages share. */
#ifndef PORTAL_SIGNOFF_VIEW_H
#define PORTAL_SIGNOFF_VIEW_H

#include <stdbool.h>

#include "perr.h"
#include "signoff.h"

struct buf;
struct req;
struct share;
struct share_month;
struct share_view;

/* True when the month may be signed off: it has ended or is the current
 * one in the customer's zone (v->now_year/now_month). */
bool signoff_month_open(const struct share_view *v);

/* Signoff.*: the option's block of a share's month page (not on the
 * project pages of a customer share, which show only part of the month).
 * Nothing when the share does not offer sign-off. */
int signoff_view_set(struct req *r, const struct share_month *m, struct perr *e);

/* The closing rows of the month's CSV when it has a standing sign-off:
 * state, who, when (UTC) and the fingerprint. */
int signoff_csv_rows(struct req *r, const struct share_month *m, struct buf *b,
                     struct perr *e);

/* "<date> <time> UTC" of a sign-off for admins; the date alone in the
 * customer's zone for clients. */
const char *signoff_when_utc(struct req *r, const struct signoff *so);
const char *signoff_date(struct req *r, const struct signoff *so, const char *zone);

/* The state of the newest sign-off `so` of a month of share `s` against
 * that month's records now (a withdrawn one stays withdrawn). */
int signoff_state_now(struct req *r, const struct share *s, const struct signoff *so,
                      enum signoff_state *state, struct signoff_sum *now, struct perr *e);

/* Message key of a state ("signoff.state_confirmed", …). */
const char *signoff_state_msg(enum signoff_state st);

/* `text` with its first two "%s" replaced by a and b, by plain
 * substitution (a translation is never a printf format). */
const char *signoff_subst(struct req *r, const char *text, const char *a, const char *b);

#endif
