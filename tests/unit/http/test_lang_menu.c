/* The language menu (lang_menu.c): links to the same page and month in
 * every language, built from validated values only. */
#include <stdbool.h>

#include "arena.h"
#include "check.h"
#include "i18n.h"
#include "lang_menu.h"
#include "req.h"

static struct arena a;

static void req_new(struct req *r, const char *lang, const char *path)
{
	memset(r, 0, sizeof *r);
	r->a = &a;
	r->lang = i18n_find(lang);
	r->path = path;
	hdf_init(&r->hdf);
}

static const char *get(struct req *r, const char *name)
{
	return hdf_get_value(r->hdf, name, NULL);
}

static void test_share_page_with_month_and_view(void)
{
	struct req r;
	size_t de = 0, ja = 0;

	req_new(&r, "de", "/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/51");
	r.p[P_YEAR] = (struct param_value){ .set = true, .i = 2026 };
	r.p[P_MONTH] = (struct param_value){ .set = true, .i = 4 };
	r.p[P_DETAILS] = (struct param_value){ .set = true, .i = 1, .s = "chart" };
	lang_menu(&r);
	CHECK_STR(get(&r, "Page.LangMenu"), "1");
	for (size_t i = 0; i < i18n_count(); i++) {
		if (strcmp(i18n_at(i)->code, "de") == 0)
			de = i;
		if (strcmp(i18n_at(i)->code, "ja") == 0)
			ja = i;
	}
	CHECK_STR(hdf_get_valuef(r.hdf, "Page.Langs.%zu.Url", ja),
	          "/ja/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/51?year=2026&month=4&details=chart");
	CHECK_STR(hdf_get_valuef(r.hdf, "Page.Langs.%zu.Name", ja), "日本語");
	CHECK_STR(hdf_get_valuef(r.hdf, "Page.Langs.%zu.Current", de), "1");
	CHECK_STR(hdf_get_valuef(r.hdf, "Page.Langs.%zu.Current", ja), "");
	CHECK_STR(get(&r, "Page.Langs.0.Code"), "en");
	CHECK(hdf_get_valuef(r.hdf, "Page.Langs.%zu.Code", i18n_count()) == NULL);
	hdf_destroy(&r.hdf);
}

static void test_pt_br_and_no_query(void)
{
	struct req r;

	req_new(&r, "pt_BR", "/pt_BR/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	lang_menu(&r);
	CHECK_STR(get(&r, "Page.Langs.0.Url"), "/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	hdf_destroy(&r.hdf);

	req_new(&r, "en", "/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	r.p[P_MONTH] = (struct param_value){ .set = true, .i = 12 };
	lang_menu(&r);
	CHECK_STR(get(&r, "Page.Langs.1.Url"),
	          "/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt?month=12");
	CHECK_STR(get(&r, "Page.Langs.1.HtmlLang"), "de");
	hdf_destroy(&r.hdf);
}

static void test_left_out(void)
{
	struct req r;

	/* no language (e.g. the 404 of an unknown one) */
	req_new(&r, "xx", "/xx/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	lang_menu(&r);
	CHECK(get(&r, "Page.LangMenu") == NULL);
	hdf_destroy(&r.hdf);

	/* odd bytes in the path are never echoed into links */
	req_new(&r, "en", "/en/auth/customer-portal/%22onmouseover%3D");
	lang_menu(&r);
	CHECK(get(&r, "Page.LangMenu") == NULL);
	hdf_destroy(&r.hdf);
	req_new(&r, "en", "/en/a\"b");
	lang_menu(&r);
	CHECK(get(&r, "Page.LangMenu") == NULL);
	hdf_destroy(&r.hdf);
	lang_menu(NULL);
}

int main(void)
{
	arena_init(&a);
	test_share_page_with_month_and_view();
	test_pt_br_and_no_query();
	test_left_out();
	arena_free(&a);
	return check_done();
}
