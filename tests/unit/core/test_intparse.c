/* The integer parser: whole-string digits, ranges, signs, no overflow. */
#include <limits.h>
#include <string.h>

#include "check.h"
#include "intparse.h"

static int p(const char *s, long long min, long long max, unsigned flags, long long *v)
{
	return int_parse(s, strlen(s), min, max, flags, v);
}

int main(void)
{
	long long v = 0;

	CHECK(p("0", 0, 10, 0, &v) == 0 && v == 0);
	CHECK(p("007", 0, 10, 0, &v) == 0 && v == 7);
	CHECK(p("10", 0, 10, 0, &v) == 0 && v == 10);
	CHECK(p("11", 0, 10, 0, &v) < 0);
	CHECK(p("", 0, 10, 0, &v) < 0);
	CHECK(p(" 1", 0, 10, 0, &v) < 0 && p("1 ", 0, 10, 0, &v) < 0);
	CHECK(p("-1", -5, 10, 0, &v) < 0 && p("+1", 0, 10, 0, &v) < 0);
	CHECK(p("-1", -5, 10, INT_SIGNED, &v) == 0 && v == -1);
	CHECK(p("+1", 0, 10, INT_SIGNED, &v) == 0 && v == 1);
	CHECK(p("-", -5, 10, INT_SIGNED, &v) < 0);
	CHECK(p("-6", -5, 10, INT_SIGNED, &v) < 0);
	CHECK(p("-0", 0, 10, INT_SIGNED, &v) == 0 && v == 0);
	CHECK(p("01", 0, 10, INT_NO_LEAD0, &v) < 0 && p("0", 0, 10, INT_NO_LEAD0, &v) < 0);
	CHECK(p("9223372036854775807", 0, LLONG_MAX, 0, &v) == 0 && v == LLONG_MAX);
	CHECK(p("9223372036854775808", 0, LLONG_MAX, 0, &v) < 0);
	CHECK(p("-9223372036854775808", LLONG_MIN, LLONG_MAX, INT_SIGNED, &v) == 0 &&
	      v == LLONG_MIN);
	CHECK(p("-9223372036854775809", LLONG_MIN, LLONG_MAX, INT_SIGNED, &v) < 0);
	CHECK(p("99999999999999999999999", 0, LLONG_MAX, 0, &v) < 0);
	CHECK(p("00000000000000000000001", 0, 5, 0, &v) == 0 && v == 1);
	CHECK(int_parse("123", 2, 0, 99, 0, &v) == 0 && v == 12);
	CHECK(int_parse(NULL, 0, 0, 99, 0, &v) < 0);

	CHECK(int_digits("2026", 4) == 2026 && int_digits("07", 2) == 7);
	CHECK(int_digits("2a", 2) == -1 && int_digits("-1", 2) == -1);
	CHECK(int_digit_span("12ab", 4) == 2 && int_digit_span("12", 1) == 1);
	return check_done();
}
