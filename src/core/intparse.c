/* The one integer parser (intparse.h). */
#include <limits.h>
#include <stdbool.h>

#include "intparse.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t int_digit_span(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && is_digit(s[n]))
		n++;
	return n;
}

int int_parse(const char *s, size_t len, long long min, long long max, unsigned flags,
              long long *out)
{
	bool neg = false;
	size_t i = 0;

	if (!s || len == 0 || min > max)
		return -1;
	if ((flags & INT_SIGNED) && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len || ((flags & INT_NO_LEAD0) && s[i] == '0'))
		return -1;
	/* The magnitude grows with each digit: stop as soon as it passes the
	 * bound the sign allows, so nothing overflows. */
	unsigned long long lim, u = 0;
	if (neg)
		lim = min < 0 ? 0ULL - (unsigned long long)min : 0;
	else
		lim = max > 0 ? (unsigned long long)max : 0;
	for (; i < len; i++) {
		if (!is_digit(s[i]))
			return -1;
		unsigned d = (unsigned)(s[i] - '0');
		if (u > lim / 10 || (u == lim / 10 && d > lim % 10))
			return -1;
		u = u * 10 + d;
	}
	long long v = !neg ? (long long)u :
	              u > (unsigned long long)LLONG_MAX ? LLONG_MIN : -(long long)u;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* A loop of its own, not int_parse: dates and times are read with it,
 * six fields per DATETIME value of every record of a page, and nine
 * digits cannot overflow an int. */
int int_digits(const char *s, size_t n)
{
	int v = 0;
	if (!s || n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
