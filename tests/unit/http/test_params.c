/* The validator table: ranges, enums, repeats, encodings. */
#include "arena.h"
#include "check.h"
#include "params.h"

static int parse(struct arena *a, const char *q, struct param_value *pv)
{
	struct perr e = {0};
	for (int i = 0; i < P__MAX; i++)
		pv[i] = (struct param_value){0};
	return params_parse(q, strlen(q), PS_QUERY, a, pv, &e);
}

int main(void)
{
	struct arena a;
	struct param_value pv[P__MAX];
	arena_init(&a);

	CHECK(parse(&a, "year=2026&month=3&details=chart", pv) == 0);
	CHECK(pv[P_YEAR].set && pv[P_YEAR].i == 2026);
	CHECK(pv[P_MONTH].i == 3);
	CHECK(pv[P_DETAILS].i == 1);
	CHECK(parse(&a, "", pv) == 0 && !pv[P_YEAR].set);
	CHECK(parse(&a, "unknown=1&&x", pv) == 0);
	CHECK(parse(&a, "month=13", pv) == -1);
	CHECK(parse(&a, "month=0", pv) == -1);
	CHECK(parse(&a, "month=", pv) == -1);
	CHECK(parse(&a, "month=+3", pv) == -1);
	CHECK(parse(&a, "month=3x", pv) == -1);
	CHECK(parse(&a, "year=1969", pv) == -1);
	CHECK(parse(&a, "year=2101", pv) == -1);
	CHECK(parse(&a, "year=99999999999999999999999", pv) == -1);
	CHECK(parse(&a, "month=1&month=2", pv) == -1);
	CHECK(parse(&a, "details=pie", pv) == -1);
	CHECK(parse(&a, "details=%74able", pv) == 0 && pv[P_DETAILS].i == 0);
	CHECK(parse(&a, "details=%zz", pv) == -1);
	CHECK(parse(&a, "details=%7", pv) == -1);
	CHECK(parse(&a, "details=tab%00le", pv) == -1);

	char *out = NULL;
	size_t n = 0;
	CHECK(url_decode("a+b%20c", 7, true, &a, &out, &n) == 0);
	CHECK_STR(out, "a b c");
	CHECK(url_decode("a+b", 3, false, &a, &out, &n) == 0);
	CHECK_STR(out, "a+b");

	CHECK(utf8_valid("h\xc3\xa9llo \xe6\x97\xa5", 10));
	CHECK(!utf8_valid("\xc3", 1));
	CHECK(!utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
	CHECK(!utf8_valid("\xff", 1));
	arena_free(&a);
	return check_done();
}
