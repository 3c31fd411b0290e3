/* Month navigation of the share page (share_view.h). */
#include <string.h>

#include "fmt.h"
#include "req.h"
#include "share_view.h"
#include "share_window.h"

/* The year choices: a few years around both the shown and the current
 * year, inside the range the year parameter accepts. */
#define YEARS_AROUND 5
#define YEAR_MIN     1970
#define YEAR_MAX     2100

/* "Nav.Months.7.Value": the keys of the selects, without printf (they are
 * some sixty per page).  n is 1..9999. */
static const char *key(char out[48], const char *list, int n, const char *field)
{
	size_t a = strlen(list), b = strlen(field), k = 0;
	char digits[8];
	do
		digits[k++] = (char)('0' + n % 10);
	while ((n /= 10) != 0 && k < sizeof(digits));
	memcpy(out, list, a);
	while (k)
		out[a++] = digits[--k];
	memcpy(out + a, field, b + 1);
	return out;
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

	char k[48];
	for (int m = 1; m <= 12; m++) {
		if (!share_month_allowed(v->s, v->year, m))
			continue;
		fmt_month_name(r->fmt, r->lang, m, label, sizeof(label));
		rseti(r, key(k, "Nav.Months.", m, ".Value"), m);
		rset(r, key(k, "Nav.Months.", m, ".Name"), label);
		if (m == v->month)
			rset(r, key(k, "Nav.Months.", m, ".Selected"), "1");
	}
	int lo = (v->year < v->now_year ? v->year : v->now_year) - YEARS_AROUND;
	int hi = (v->year > v->now_year ? v->year : v->now_year) + YEARS_AROUND;
	/* A browse window bounds the years on offer as well. */
	if (v->s->window_from && lo < MONTH_YEAR(v->s->window_from))
		lo = MONTH_YEAR(v->s->window_from);
	if (v->s->window_to && hi > MONTH_YEAR(v->s->window_to))
		hi = MONTH_YEAR(v->s->window_to);
	lo = lo < YEAR_MIN ? YEAR_MIN : lo;
	hi = hi > YEAR_MAX ? YEAR_MAX : hi;
	for (int y = lo; y <= hi; y++) {
		rseti(r, key(k, "Nav.Years.", y, ".Value"), y);
		if (y == v->year)
			rset(r, key(k, "Nav.Years.", y, ".Selected"), "1");
	}
}
