/* The URL builder (url.c): every kind of link, path-absolute and absolute,
 * in the request's language or a given one. */
#include "arena.h"
#include "check.h"
#include "i18n.h"
#include "req.h"
#include "url.h"

static struct arena a;

static void test_share_links(void)
{
	struct url u = {.page = URL_SHARE, .lang = "de", .key = "AbC123"};
	CHECK_STR(url_build(&a, NULL, &u), "/de/auth/customer-portal/AbC123");
	CHECK_STR(url_build(&a, "", &u), "/de/auth/customer-portal/AbC123");
	CHECK_STR(url_build(&a, "https://kimai.example", &u),
	          "https://kimai.example/de/auth/customer-portal/AbC123");
	u.project_id = 12;
	u.query = "?year=2026&month=3";
	CHECK_STR(url_build(&a, NULL, &u), "/de/auth/customer-portal/AbC123/p/12?year=2026&month=3");
	u.page = URL_SHARE_CSV;
	CHECK_STR(url_build(&a, NULL, &u),
	          "/de/auth/customer-portal/AbC123/p/12/csv?year=2026&month=3");
	u.project_id = 0;
	u.query = "";
	CHECK_STR(url_build(&a, NULL, &u), "/de/auth/customer-portal/AbC123/csv");
	u.lang = NULL;   /* the default language */
	CHECK_STR(url_build(&a, NULL, &u), "/en/auth/customer-portal/AbC123/csv");
}

static void test_admin_links(void)
{
	struct url u = {.page = URL_ADMIN_LIST, .lang = "en"};
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal");
	u.query = "?done=saved";
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal?done=saved");
	u.page = URL_ADMIN_CREATE;
	u.query = "?type=project";
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal/create?type=project");
	u = (struct url){.page = URL_ADMIN_EDIT, .lang = "en", .id = 7, .key = "K1"};
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal/7/K1");
	u.page = URL_ADMIN_DELETE;
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal/7/K1/delete");
	u.page = URL_ADMIN_ROTATE;
	CHECK_STR(url_build(&a, NULL, &u), "/en/admin/customer-portal/7/K1/rotate");
	u = (struct url){.page = URL_KIMAI_LOGIN, .lang = "fr"};
	CHECK_STR(url_build(&a, NULL, &u), "/fr/login");
}

static void test_language_and_query(void)
{
	CHECK_STR(url_query(&a, NULL), "");
	CHECK_STR(url_query(&a, ""), "");
	CHECK_STR(url_query(&a, "a=1"), "?a=1");
	CHECK_STR(url_lang(&a, "", "ja", "/auth/customer-portal/K", "?year=2026"),
	          "/ja/auth/customer-portal/K?year=2026");
	CHECK_STR(url_lang(&a, NULL, "en", "/auth/customer-portal/K", ""), "/en/auth/customer-portal/K");
	CHECK_STR(url_lang(&a, "/kimai", "en", "/auth/x", ""), "/kimai/en/auth/x");
}

static void test_kimai_pages(void)
{
	struct url u = {.page = URL_KIMAI_CUSTOMER, .lang = "de", .id = 7};
	CHECK_STR(url_build(&a, "", &u), "/de/admin/customer/7/details");
	u.page = URL_KIMAI_PROJECT;
	CHECK_STR(url_build(&a, "/kimai", &u), "/kimai/de/admin/project/7/details");
}

static void test_request_forms(void)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.a = &a;
	r.host = "portal.example";
	r.server_port = 8443;
	r.https = true;
	/* Before {lang} is validated: the default language. */
	CHECK_STR(url_for(&r, (struct url){.page = URL_KIMAI_LOGIN}), "/en/login");
	r.lang = i18n_find("de");
	CHECK(r.lang != NULL);
	CHECK_STR(url_for(&r, (struct url){.page = URL_SHARE, .key = "K"}),
	          "/de/auth/customer-portal/K");
	CHECK_STR(url_for(&r, (struct url){.page = URL_SHARE, .lang = "en", .key = "K"}),
	          "/en/auth/customer-portal/K");
	CHECK_STR(url_public(&r, (struct url){.page = URL_SHARE, .key = "K"}),
	          "https://portal.example:8443/de/auth/customer-portal/K");
}

int main(void)
{
	arena_init(&a);
	test_share_links();
	test_admin_links();
	test_language_and_query();
	test_kimai_pages();
	test_request_forms();
	arena_free(&a);
	return check_done();
}
