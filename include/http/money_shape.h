/* How a language writes amounts of a currency (fmt.c learns it from ICU
 * once and checks it against ICU on probe amounts): so that amounts of
 * whole cents, two per table row, need no ICU call. */
#ifndef PORTAL_MONEY_SHAPE_H
#define PORTAL_MONEY_SHAPE_H

#include <stddef.h>

struct i18n_lang;

/* How a language writes amounts of a currency, learnt from ICU once: the
 * text before and after the number, the grouping and decimal separators.
 * Used only when ICU's own output for a set of probe amounts is exactly
 * what the shape gives (ASCII digits, groups of three from 1,000 on, two
 * decimals); otherwise every amount goes to ICU (ok = 0). */
struct money_shape {
	const struct i18n_lang *lang;   /* NULL = empty */
	char                    cur[4];
	int                     ok;
	char                    prefix[32], group[8], decimal[8], suffix[32];
};

/* Splits ICU's text of 1234567.89 ("1,234,567.89" with whatever surrounds
 * it) into sh's prefix, group and decimal separators and suffix; -1 when it
 * is not of that form (other digits, other grouping). */
int money_shape_parse(struct money_shape *sh, const char *s);
/* Whole cents c >= 0 written in sh's shape; NULL if it does not fit. */
const char *money_shape_write(const struct money_shape *sh, long long c, char *out,
                              size_t outsz);

#endif
