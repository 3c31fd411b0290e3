/* Route matching: placeholders accept only their alphabet. */
#include "arena.h"
#include "check.h"
#include "routes.h"

static const struct route *m(struct arena *a, const char *path, struct route_args *args)
{
	return route_match(&routes, path, a, args);
}

int main(void)
{
	struct arena a;
	struct route_args args;
	arena_init(&a);
	const struct route *rt = m(&a, "/en/auth/customer-portal/AbC123", &args);
	CHECK(rt && rt->page == page_share);
	CHECK_STR(args.lang, "en");
	CHECK_STR(args.share_key, "AbC123");
	rt = m(&a, "/pt_BR/auth/customer-portal/k/p/42", &args);
	CHECK(rt && args.project_id == 42);
	CHECK_STR(args.lang, "pt_BR");
	/* the longest of Kimai's locale codes; one more letter is no locale */
	rt = m(&a, "/zh_Hant_TW/auth/customer-portal/k", &args);
	CHECK(rt && rt->page == page_share);
	CHECK_STR(args.lang, "zh_Hant_TW");
	CHECK(m(&a, "/zh_Hant_TWX/auth/customer-portal/k", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/k/p/0", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/k/p/012", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/k/p/2147483648", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/123456789012345678901", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/ab%00", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/ab-c", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/", &args) == NULL);
	CHECK(m(&a, "/en/auth/customer-portal/abc/", &args) == NULL);
	CHECK(m(&a, "/e1/auth/customer-portal/abc", &args) == NULL);
	CHECK(m(&a, "/../auth/customer-portal/abc", &args) == NULL);
	CHECK(m(&a, "/customer-portal/health", &args) != NULL);
	CHECK(m(&a, "/customer-portal/health/x", &args) == NULL);
	CHECK(m(&a, "", &args) == NULL);
	arena_free(&a);
	return check_done();
}
