/* What fmt.h writes without ICU: durations (h:mm, as Kimai writes them in
 * every language) and amounts of whole cents in a money shape learnt from
 * ICU (money_shape.h).  A table has a few of each per row. */
#include <string.h>

#include "fmt.h"
#include "money_shape.h"

/* Whole cents c >= 0 written in `sh`'s shape; NULL if it does not fit. */
const char *money_shape_write(const struct money_shape *sh, long long c, char *out,
                              size_t outsz)
{
	char digits[24], *d = digits + sizeof(digits);
	long long whole = c / 100;
	size_t nd = 0, np = strlen(sh->prefix), ng = strlen(sh->group),
	       nde = strlen(sh->decimal), ns = strlen(sh->suffix);
	do
		*--d = (char)('0' + whole % 10), nd++;
	while ((whole /= 10) != 0);
	size_t groups = nd > 3 ? (nd - 1) / 3 : 0;
	size_t len = np + nd + groups * ng + nde + 2 + ns;
	if (len + 1 > outsz)
		return NULL;
	char *o = out;
	memcpy(o, sh->prefix, np), o += np;
	for (size_t i = 0; i < nd; i++) {
		if (i && (nd - i) % 3 == 0)
			memcpy(o, sh->group, ng), o += ng;
		*o++ = d[i];
	}
	memcpy(o, sh->decimal, nde), o += nde;
	*o++ = (char)('0' + c / 10 % 10);
	*o++ = (char)('0' + c % 10);
	memcpy(o, sh->suffix, ns), o += ns;
	*o = '\0';
	return out;
}

/* Splits ICU's "1,234,567.89" (with whatever surrounds it) into the shape. */
int money_shape_parse(struct money_shape *sh, const char *s)
{
	const char *one = strchr(s, '1');
	if (!one || (size_t)(one - s) >= sizeof sh->prefix)
		return -1;
	for (const char *p = s; p < one; p++)
		if (*p >= '0' && *p <= '9')
			return -1;
	memcpy(sh->prefix, s, (size_t)(one - s));
	sh->prefix[one - s] = '\0';
	/* 1 G 234 G 567 D 89 */
	const char *p = one + 1, *g = p;
	while (*p && (*p < '0' || *p > '9'))
		p++;
	if ((size_t)(p - g) == 0 || (size_t)(p - g) >= sizeof sh->group ||
	    strncmp(p, "234", 3) != 0)
		return -1;
	memcpy(sh->group, g, (size_t)(p - g));
	sh->group[p - g] = '\0';
	p += 3;
	if (strncmp(p, sh->group, strlen(sh->group)) != 0)
		return -1;
	p += strlen(sh->group);
	if (strncmp(p, "567", 3) != 0)
		return -1;
	p += 3;
	const char *dd = p;
	while (*p && (*p < '0' || *p > '9'))
		p++;
	if ((size_t)(p - dd) == 0 || (size_t)(p - dd) >= sizeof sh->decimal ||
	    strncmp(p, "89", 2) != 0)
		return -1;
	memcpy(sh->decimal, dd, (size_t)(p - dd));
	sh->decimal[p - dd] = '\0';
	p += 2;
	if (strlen(p) >= sizeof sh->suffix)
		return -1;
	for (const char *q = p; *q; q++)
		if (*q >= '0' && *q <= '9')
			return -1;
	strcpy(sh->suffix, p);
	return 0;
}

const char *fmt_duration(long long seconds, char *out, size_t outsz)
{
	unsigned long long s;

	if (out == NULL || outsz == 0)
		return "";
	/* Negative durations (clock skew, manual edits) keep their sign, as in
	 * Kimai only from a whole minute on, so -30 s is "0:00", not "-0:00".
	 * The unsigned negation is defined even for LLONG_MIN. */
	s = seconds < 0 ? 0ULL - (unsigned long long)seconds : (unsigned long long)seconds;
	/* Digits by hand: a table has one or two durations per row. */
	char tmp[32], *p = tmp + sizeof(tmp);
	unsigned long long h = s / 3600, m = (s / 60) % 60;
	*--p = '\0';
	*--p = (char)('0' + m % 10);
	*--p = (char)('0' + m / 10);
	*--p = ':';
	do
		*--p = (char)('0' + h % 10);
	while ((h /= 10) != 0);
	if (seconds <= -60)
		*--p = '-';
	size_t n = (size_t)(tmp + sizeof(tmp) - 1 - p);
	if (n >= outsz)
		n = outsz - 1;   /* truncation is acceptable here */
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}