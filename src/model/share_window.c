/* Browse windows of shares (share_window.h). */
#include "intparse.h"
#include "share.h"
#include "share_window.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

int share_month_parse(const char *s, size_t len, int *index)
{
	if (!s || len != 7 || s[4] != '-')
		return -1;
	int y = int_digits(s, 4), m = int_digits(s + 5, 2);
	if (y < 0 || m < 0 || y < WINDOW_YEAR_MIN || y > WINDOW_YEAR_MAX || m < 1 || m > 12)
		return -1;
	*index = MONTH_INDEX(y, m);
	return 0;
}

int share_date_parse(const char *s, size_t len, int *year, int *month, int *day)
{
	int idx;
	if (!s || len != 10 || s[7] != '-' || int_digits(s + 8, 2) < 0 ||
	    share_month_parse(s, 7, &idx))
		return -1;
	int y = MONTH_YEAR(idx), m = MONTH_MONTH(idx), d = int_digits(s + 8, 2);
	if (d < 1 || d > month_days(y, m))
		return -1;
	*year = y;
	*month = m;
	*day = d;
	return 0;
}

int share_window_parse(const char *date)
{
	int idx = 0;
	/* The database gives "YYYY-MM-DD"; only the month counts. */
	if (!date || share_month_parse(date, 7, &idx))
		return 0;
	return idx;
}

bool share_month_allowed(const struct share *s, int year, int month)
{
	int idx = MONTH_INDEX(year, month);
	if (s->window_from && idx < s->window_from)
		return false;
	if (s->window_to && idx > s->window_to)
		return false;
	return true;
}

int share_month_select(const struct share *s, int req_year, int req_month, int now_year,
                       int now_month, int *year, int *month, struct perr *e)
{
	bool given = req_year || req_month;
	int y = req_year ? req_year : now_year;
	int m = req_month ? req_month : now_month;
	if (!given) {
		int idx = MONTH_INDEX(y, m);
		if (s->window_to && idx > s->window_to)
			idx = s->window_to;
		if (s->window_from && idx < s->window_from)
			idx = s->window_from;
		y = MONTH_YEAR(idx);
		m = MONTH_MONTH(idx);
	}
	/* Also catches a window whose bounds were stored the wrong way round:
	 * nothing is inside it. */
	if (!share_month_allowed(s, y, m)) {
		return PERR(e, PERR_NOT_FOUND, "share %lld: %04d-%02d is outside its browse window",
		            s->id, y, m);
	}
	*year = y;
	*month = m;
	return 0;
}
