/* The language menu (lang_menu.c): links to the same page and month in
 * every language, built from validated values only. */
#include <stdbool.h>
#include <stdlib.h>

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
	return render_value(r, name);
}

/* The <li> of language `code` in the menu markup, "" when absent. */
static const char *item(struct req *r, const char *code, char *out, size_t outsz)
{
	const char *items = get(r, "Page.LangItems");
	char needle[48];
	const char *p, *end;

	out[0] = '\0';
	if (items == NULL)
		return out;
	/* each item carries lang="<html lang>" once */
	snprintf(needle, sizeof needle, "hreflang=\"%s\"", code);
	if ((p = strstr(items, needle)) == NULL)
		return out;
	while (p > items && strncmp(p, "<li>", 4) != 0)
		p--;
	end = strstr(p, "</li>");
	if (end != NULL && (size_t)(end - p) + 5 < outsz) {
		memcpy(out, p, (size_t)(end - p) + 5);
		out[end - p + 5] = '\0';
	}
	return out;
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (; s != NULL && (s = strstr(s, needle)) != NULL; s++)
		n++;
	return n;
}

static void test_share_page_with_month_and_view(void)
{
	struct req r;
	char b[512];

	req_new(&r, "de", "/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/51");
	r.p[P_YEAR] = (struct param_value){ .set = true, .i = 2026 };
	r.p[P_MONTH] = (struct param_value){ .set = true, .i = 4 };
	r.p[P_DETAILS] = (struct param_value){ .set = true, .i = 1, .s = "chart" };
	lang_menu(&r);
	CHECK_STR(get(&r, "Page.LangMenu"), "1");
	CHECK_STR(get(&r, "Page.LangName"), "Deutsch");
	CHECK_STR(item(&r, "ja", b, sizeof b),
	          "<li><a href=\"/ja/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/51?year=2026&amp;"
	          "month=4&amp;details=chart\" lang=\"ja\" hreflang=\"ja\">日本語</a></li>");
	CHECK_STR(item(&r, "de", b, sizeof b),
	          "<li><a href=\"/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt/p/51?year=2026&amp;"
	          "month=4&amp;details=chart\" lang=\"de\" hreflang=\"de\" aria-current=\"true\">"
	          "Deutsch</a></li>");
	/* every language once, by its own name, English first, one current */
	CHECK(count(get(&r, "Page.LangItems"), "<li>") == i18n_count());
	CHECK(count(get(&r, "Page.LangItems"), "aria-current") == 1);
	CHECK(strncmp(get(&r, "Page.LangItems"), "<li><a href=\"/en/", 17) == 0);
	CHECK(strstr(get(&r, "Page.LangItems"), ">العربية</a>") != NULL);
	CHECK(strstr(get(&r, "Page.LangItems"), ">繁體中文（台灣）</a>") != NULL);
	hdf_destroy(&r.hdf);
}

static void test_pt_br_and_no_query(void)
{
	struct req r;
	char b[512];

	req_new(&r, "pt_BR", "/pt_BR/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	lang_menu(&r);
	CHECK_STR(item(&r, "en", b, sizeof b),
	          "<li><a href=\"/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt\" lang=\"en\" "
	          "hreflang=\"en\">English</a></li>");
	CHECK(strstr(item(&r, "pt-BR", b, sizeof b), "aria-current") != NULL);
	CHECK(strstr(item(&r, "pt", b, sizeof b), "aria-current") == NULL);
	hdf_destroy(&r.hdf);

	req_new(&r, "en", "/en/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	r.p[P_MONTH] = (struct param_value){ .set = true, .i = 12 };
	lang_menu(&r);
	CHECK(strstr(item(&r, "de", b, sizeof b),
	             "href=\"/de/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt?month=12\"") != NULL);
	hdf_destroy(&r.hdf);
}

/* A regional locale keeps its region in its own language's link (and only
 * there); the others link to the languages. */
static void test_regional_locale(void)
{
	struct req r;
	char b[512];

	req_new(&r, "de_AT", "/de_AT/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	r.p[P_YEAR] = (struct param_value){ .set = true, .i = 2025 };
	lang_menu(&r);
	CHECK_STR(get(&r, "Page.LangName"), "Deutsch");
	CHECK_STR(item(&r, "de", b, sizeof b),
	          "<li><a href=\"/de_AT/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt?year=2025\" "
	          "lang=\"de\" hreflang=\"de\" aria-current=\"true\">Deutsch</a></li>");
	CHECK(strstr(item(&r, "de-CH", b, sizeof b), "href=\"/de_CH/auth/") != NULL);
	CHECK(strstr(item(&r, "fr", b, sizeof b), "href=\"/fr/auth/") != NULL);
	CHECK(count(get(&r, "Page.LangItems"), "/de_AT/") == 1);
	hdf_destroy(&r.hdf);

	req_new(&r, "zh_Hant_TW", "/zh_Hant_TW/auth/customer-portal/AbCdEfGhIjKlMnOpQrSt");
	lang_menu(&r);
	CHECK(strstr(item(&r, "zh-Hant-TW", b, sizeof b), "aria-current") != NULL);
	CHECK(strstr(item(&r, "zh-Hant", b, sizeof b), "href=\"/zh_Hant/auth/") != NULL);
	hdf_destroy(&r.hdf);

	/* every locale has a menu with exactly one current item */
	for (size_t i = 0; i < i18n_locale_count(); i++) {
		char *items = lang_menu_items(i18n_locale_at(i), "", "/x", NULL);

		CHECK(items != NULL && count(items, "aria-current") == 1 &&
		      count(items, "<li>") == i18n_count());
		free(items);
	}
	CHECK(lang_menu_items(NULL, "", "/x", NULL) == NULL);
	/* Under a base path every link starts with it. */
	char *based = lang_menu_items(i18n_find("de"), "/kimai", "/x", NULL);
	CHECK(based != NULL && strstr(based, "href=\"/kimai/en/x\"") != NULL &&
	      strstr(based, "href=\"/en/x\"") == NULL);
	free(based);
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
	test_regional_locale();
	test_left_out();
	arena_free(&a);
	return check_done();
}
