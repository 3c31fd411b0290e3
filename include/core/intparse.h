/* The one integer parser: decimal digits of a bounded string into a number
 * within a range, strtonum-style.  Every caller that reads a number from
 * text (request paths and parameters, configuration, cookies, dates,
 * database text) goes through it; a caller's extra rules (a digit count, a
 * sign) are flags or checks around the call. */
#ifndef PORTAL_INTPARSE_H
#define PORTAL_INTPARSE_H

#include <stddef.h>

enum {
	INT_SIGNED     = 1 << 0,  /* one leading '-' or '+' is allowed */
	INT_NO_LEAD0   = 1 << 1,  /* the first digit is not '0' (a lone "0" neither) */
};

/* The whole of s[0..len) must be the number: at least one digit, nothing
 * else but the sign INT_SIGNED allows.  0 and *out set when the value lies
 * in [min, max]; -1 otherwise (out of range included: no overflow). */
int int_parse(const char *s, size_t len, long long min, long long max, unsigned flags,
              long long *out);

/* Exactly `n` ASCII digits (n <= 9) at s, as a number; -1 otherwise.  For
 * fixed-width fields such as the parts of "YYYY-MM-DD". */
int int_digits(const char *s, size_t n);

/* How many ASCII digits s[0..len) starts with. */
size_t int_digit_span(const char *s, size_t len);

#endif
