/* Month navigation of the share page (share_view.h). */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "fmt.h"
#include "req.h"
#include "share_view.h"
#include "share_window.h"

/* The year choices: a few years around both the shown and the current
 * year, inside the range the year parameter accepts. */
#define YEARS_AROUND 5
#define YEAR_MIN     1970
#define YEAR_MAX     2100

/* Decimal digits of 0 <= n < 10000, without printf. */
static void put_num(struct buf *b, int n)
{
	char d[8], *p = d + sizeof(d);
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0 && p > d);
	buf_put(b, p, (size_t)(d + sizeof(d) - p));
}

/* One <option> of a select, as share.cs wrote them; `text` escaped. */
static void put_option(struct buf *b, int value, bool selected, const char *text)
{
	buf_put(b, "<option value=\"", 15);
	put_num(b, value);
	if (selected)
		buf_put(b, "\" selected>", 11);
	else
		buf_put(b, "\">", 2);
	esc_html(b, text);
	buf_put(b, "</option>", 9);
}

/* The finished <option>s into `name` (render_markup: no copy into the
 * template data, no node per option). */
static void set_options(struct req *r, const char *name, struct buf *b)
{
	render_markup(r, name, arena_strndup(r->a, b->data ? b->data : "", b->len), b->len);
	buf_free(b);
}

const char *share_query(struct req *r, int year, int month, const char *details)
{
	return arena_printf(r->a, "?year=%d&month=%d%s%s", year, month,
	                    details ? "&details=" : "", details ? details : "");
}

static void set_link(struct req *r, const struct share_view *v, const char *prefix,
                     int year, int month)
{
	char label[FMT_BUF];
	if (year < YEAR_MIN || year > YEAR_MAX)
		return;    /* the parameter would be rejected: no link */
	if (!share_month_allowed(v->s, year, month))
		return;    /* outside the share's browse window: a 404 */
	fmt_month_year(r->fmt, r->lang, year, month, label, sizeof(label));
	rset(r, arena_printf(r->a, "%s.Url", prefix), share_query(r, year, month, v->details));
	rset(r, arena_printf(r->a, "%s.Label", prefix), label);
}

void share_nav_set(struct req *r, const struct share_view *v)
{
	char label[FMT_BUF];
	fmt_month_year(r->fmt, r->lang, v->year, v->month, label, sizeof(label));
	rset(r, "Nav.Label", label);
	rseti(r, "Nav.Year", v->year);
	rseti(r, "Nav.Month", v->month);
	if (v->details)
		rset(r, "Nav.Details", v->details);

	set_link(r, v, "Nav.Prev", v->month == 1 ? v->year - 1 : v->year,
	         v->month == 1 ? 12 : v->month - 1);
	set_link(r, v, "Nav.Next", v->month == 12 ? v->year + 1 : v->year,
	         v->month == 12 ? 1 : v->month + 1);

	struct buf b;
	buf_init(&b);
	for (int m = 1; m <= 12; m++) {
		if (!share_month_allowed(v->s, v->year, m))
			continue;
		fmt_month_name(r->fmt, r->lang, m, label, sizeof(label));
		put_option(&b, m, m == v->month, label);
	}
	set_options(r, "Nav.MonthOptions", &b);
	int lo = (v->year < v->now_year ? v->year : v->now_year) - YEARS_AROUND;
	int hi = (v->year > v->now_year ? v->year : v->now_year) + YEARS_AROUND;
	/* A browse window bounds the years on offer as well. */
	if (v->s->window_from && lo < MONTH_YEAR(v->s->window_from))
		lo = MONTH_YEAR(v->s->window_from);
	if (v->s->window_to && hi > MONTH_YEAR(v->s->window_to))
		hi = MONTH_YEAR(v->s->window_to);
	lo = lo < YEAR_MIN ? YEAR_MIN : lo;
	hi = hi > YEAR_MAX ? YEAR_MAX : hi;
	buf_init(&b);
	for (int y = lo; y <= hi; y++) {
		char num[8];
		int n = y, i = (int)sizeof(num) - 1;
		num[i] = '\0';
		do
			num[--i] = (char)('0' + n % 10);
		while ((n /= 10) != 0 && i > 0);
		put_option(&b, y, y == v->year, num + i);
	}
	set_options(r, "Nav.YearOptions", &b);
}
