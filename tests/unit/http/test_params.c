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

	/* the admin list: blank choices of its GET form mean "all"; other values are checked */
	CHECK(parse(&a, "q=&type=&password=&status=&sort=&page=", pv) == 0);
	CHECK(pv[P_ADM_Q].set && pv[P_ADM_Q].len == 0);
	CHECK(!pv[P_ADM_TYPE].set && !pv[P_ADM_PW_FILTER].set && !pv[P_ADM_STATUS].set &&
	      !pv[P_ADM_SORT].set && !pv[P_ADM_PAGE].set);
	CHECK(parse(&a, "q=caf%C3%A9+x&type=project&password=no&status=expired&sort=newest&page=7",
	            pv) == 0);
	CHECK_STR(pv[P_ADM_Q].s, "caf\xc3\xa9 x");
	CHECK(pv[P_ADM_TYPE].i == 1 && pv[P_ADM_PW_FILTER].i == 1 && pv[P_ADM_STATUS].i == 1 &&
	      pv[P_ADM_SORT].i == 1 && pv[P_ADM_PAGE].i == 7);
	CHECK(parse(&a, "page=0", pv) == -1);
	CHECK(parse(&a, "page=1000001", pv) == -1);
	CHECK(parse(&a, "page=x", pv) == -1);
	CHECK(parse(&a, "status=old", pv) == -1);
	CHECK(parse(&a, "password=1", pv) == -1);
	CHECK(parse(&a, "sort=key", pv) == -1);
	CHECK(parse(&a, "q=%FF", pv) == -1);
	CHECK(parse(&a, "type=&type=customer", pv) == 0 && pv[P_ADM_TYPE].i == 0);
	/* "password" of the share form is another parameter: a form body's is not the filter */
	{
		struct perr e = {0};
		for (int i = 0; i < P__MAX; i++)
			pv[i] = (struct param_value){0};
		CHECK(params_parse("password=secret1", 16, PS_FORM, &a, pv, &e) == 0);
		CHECK(pv[P_ADM_PASSWORD].set && !pv[P_ADM_PW_FILTER].set);
	}

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
