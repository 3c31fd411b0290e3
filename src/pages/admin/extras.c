/* The portal's own fields on the admin pages (admin_extras.h). */
#include <stdio.h>
#include <string.h>

#include "admin_extras.h"
#include "admin_page.h"
#include "fmt.h"
#include "req.h"
#include "share_window.h"

static const char *month_text(struct req *r, int idx)
{
	return idx ? arena_printf(r->a, "%04d-%02d", MONTH_YEAR(idx), MONTH_MONTH(idx)) : "";
}

void admin_extras_from_share(struct req *r, const struct share *s,
                             struct admin_extras_form *f)
{
	memset(f, 0, sizeof(*f));
	share_extras_of(r->tz, s, &f->x);
	f->expires = f->x.has_expiry ? arena_printf(r->a, "%04d-%02d-%02d", f->x.exp_year,
	                                            f->x.exp_month, f->x.exp_day) : "";
	f->window_from = month_text(r, f->x.window_from);
	f->window_to = month_text(r, f->x.window_to);
	f->show_activity = s->show_activity;
	f->show_tags = s->show_tags;
}

static const char *field(const struct req *r, enum param p)
{
	return r->p[p].set ? r->p[p].s : "";
}

bool admin_extras_from_post(struct req *r, struct admin_extras_form *f)
{
	memset(f, 0, sizeof(*f));
	f->expires = field(r, P_ADM_EXPIRES);
	f->window_from = field(r, P_ADM_WINDOW_FROM);
	f->window_to = field(r, P_ADM_WINDOW_TO);
	f->show_activity = r->p[P_ADM_SHOW_ACTIVITY].set && r->p[P_ADM_SHOW_ACTIVITY].i;
	f->show_tags = r->p[P_ADM_SHOW_TAGS].set && r->p[P_ADM_SHOW_TAGS].i;
	if (*f->expires) {
		f->x.has_expiry = share_date_parse(f->expires, strlen(f->expires), &f->x.exp_year,
		                                   &f->x.exp_month, &f->x.exp_day) == 0;
		if (!f->x.has_expiry)
			f->err_expires = "admin.expires_invalid";
	}
	if ((*f->window_from &&
	     share_month_parse(f->window_from, strlen(f->window_from), &f->x.window_from)) ||
	    (*f->window_to &&
	     share_month_parse(f->window_to, strlen(f->window_to), &f->x.window_to)) ||
	    (f->x.window_from && f->x.window_to && f->x.window_from > f->x.window_to))
		f->err_window = "admin.window_invalid";
	return !f->err_expires && !f->err_window;
}

void admin_extras_show(struct req *r, const struct admin_extras_form *f)
{
	rset(r, "Form.Expires", f->expires);
	rset(r, "Form.WindowFrom", f->window_from);
	rset(r, "Form.WindowTo", f->window_to);
	if (f->err_expires)
		rset(r, "Form.ExpiresError", msg(r, f->err_expires));
	if (f->err_window)
		rset(r, "Form.WindowError", msg(r, f->err_window));
	if (f->show_activity)
		rset(r, "Form.ShowActivity", "1");
	if (f->show_tags)
		rset(r, "Form.ShowTags", "1");
}

int admin_extras_save(struct req *r, long long id, const struct admin_extras_form *f,
                      struct perr *e)
{
	if (share_extras_save(r->db, r->tz, r->a, id, &f->x, e))
		return -1;
	return share_display_save(r->db, r->a, id, f->show_activity, f->show_tags, e);
}

static void setk(struct req *r, const char *pre, const char *key, const char *value)
{
	rset(r, arena_printf(r->a, "%s%s", pre, key), value);
}

void admin_extras_list_row(struct req *r, const char *pre, const struct share *s)
{
	struct share_extras x;
	char b[FMT_BUF], t[FMT_BUF];
	long long at;

	share_extras_of(r->tz, s, &x);
	setk(r, pre, "Status", s->expired ? "expired" : "active");
	setk(r, pre, "StatusLabel", msg(r, s->expired ? "admin.expired" : "admin.active"));
	if (x.has_expiry) {
		setk(r, pre, "Expires", fmt_date_ymd(r->fmt, r->lang, x.exp_year, x.exp_month,
		                                     x.exp_day, b, sizeof(b)));
		setk(r, pre, "ExpiresIso", arena_printf(r->a, "%04d-%02d-%02d", x.exp_year,
		                                         x.exp_month, x.exp_day));
	}
	if (x.window_from || x.window_to) {
		const char *from = x.window_from ?
			arena_strdup(r->a, fmt_month_year(r->fmt, r->lang, MONTH_YEAR(x.window_from),
			                                  MONTH_MONTH(x.window_from), b, sizeof(b))) : "…";
		const char *to = x.window_to ?
			arena_strdup(r->a, fmt_month_year(r->fmt, r->lang, MONTH_YEAR(x.window_to),
			                                  MONTH_MONTH(x.window_to), b, sizeof(b))) : "…";
		setk(r, pre, "Window", arena_printf(r->a, "%s – %s", from, to));
	}
	setk(r, pre, "Views", arena_printf(r->a, "%lld", s->views));
	if (s->last_view && utc_parse_datetime(s->last_view, &at) == 0) {
		fmt_date(r->fmt, r->lang, "UTC", at, b, sizeof(b));
		fmt_time(r->fmt, r->lang, "UTC", at, t, sizeof(t));
		setk(r, pre, "LastView", arena_printf(r->a, "%s %s UTC", b, t));
		setk(r, pre, "LastViewIso", s->last_view);
	}
	setk(r, pre, "RotateUrl", url_for(r, (struct url){.page = URL_ADMIN_ROTATE, .id = s->id,
	                                                  .key = s->key}));
}
