/* Calendar arithmetic behind civil.h. */
#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "intparse.h"

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (the classic era-based civil calendar arithmetic). */
long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

long long floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int days_in_month(int year, int month)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap;

	if (month < 1 || month > 12)
		return 0;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return dim[month - 1] + (month == 2 && leap);
}

long long utc_epoch(int year, int month, int day, int hour, int min, int sec)
{
	return days_from_civil(year, month, day) * 86400LL + hour * 3600LL + min * 60LL + sec;
}

/* Two ASCII digits as a number, -1 otherwise: inline, as every record of a
 * page has two DATETIME values of six fields each. */
static inline int two_digits(const char *s)
{
	unsigned a = (unsigned char)s[0] - '0', b = (unsigned char)s[1] - '0';
	return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

int utc_parse_datetime(const char *s, long long *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, yh, yl;
	size_t n;

	if (s == NULL || out == NULL)
		return -1;
	n = strnlen(s, 20);
	if (n != 10 && n != 19)
		return -1;
	yh = two_digits(s);
	yl = two_digits(s + 2);
	y = yh < 0 || yl < 0 ? -1 : yh * 100 + yl;
	mo = two_digits(s + 5);
	d = two_digits(s + 8);
	if (s[4] != '-' || s[7] != '-' || y < 1 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, mo))
		return -1;
	if (n == 19) {
		h = two_digits(s + 11);
		mi = two_digits(s + 14);
		se = two_digits(s + 17);
		if (s[10] != ' ' || s[13] != ':' || s[16] != ':' || h < 0 || h > 23 ||
		    mi < 0 || mi > 59 || se < 0 || se > 59)
			return -1;
	}
	*out = utc_epoch(y, mo, d, h, mi, se);
	return 0;
}

const char *civil_iso_date(long long epoch, char *out, size_t outsz)
{
	int y, m, d;

	civil_from_days(floor_div(epoch, 86400), &y, &m, &d);
	snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	return out;
}

bool civil_ymd_ok(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

/* ---- time zones ----------------------------------------------------- */
