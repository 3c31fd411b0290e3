/* The language menu (lang_menu.h). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang_menu.h"
#include "req.h"

/* Routed paths hold language codes, fixed words, share keys and ids only;
 * anything else (percent escapes, quotes) means the menu is left out
 * rather than echoing odd bytes into links. */
static bool plain_path(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '/' || *s == '-' || *s == '_' ||
		      *s == '.'))
			return false;
	return true;
}

void lang_menu(struct req *r)
{
	const char *rest = NULL;
	char query[64] = "";
	size_t n = 0;

	if (r == NULL || r->lang == NULL || r->path == NULL || r->path[0] != '/')
		return;
	/* "/de/auth/customer-portal/KEY" -> "/auth/customer-portal/KEY" */
	rest = strchr(r->path + 1, '/');
	if (rest == NULL)
		rest = "";
	if (strlen(rest) > 512 || !plain_path(rest))
		return;

	/* Validated values only: they are numbers and one of two words. */
	if (r->p[P_YEAR].set)
		n += (size_t)snprintf(query + n, sizeof query - n, "%syear=%lld",
		                      n ? "&" : "?", r->p[P_YEAR].i);
	if (r->p[P_MONTH].set && n < sizeof query)
		n += (size_t)snprintf(query + n, sizeof query - n, "%smonth=%lld",
		                      n ? "&" : "?", r->p[P_MONTH].i);
	if (r->p[P_DETAILS].set && r->p[P_DETAILS].s != NULL && n < sizeof query)
		n += (size_t)snprintf(query + n, sizeof query - n, "%sdetails=%s",
		                      n ? "&" : "?", r->p[P_DETAILS].s);
	if (n >= sizeof query)
		query[0] = '\0';   /* cannot happen with validated values */

	rset(r, "Page.LangMenu", "1");
	for (size_t i = 0; i < i18n_count(); i++) {
		const struct i18n_lang *l = i18n_at(i);
		char key[48];

#define LANG_SET(field, value) do {                                           \
		snprintf(key, sizeof key, "Page.Langs.%zu." field, i);               \
		rset(r, key, (value));                                               \
	} while (0)
		LANG_SET("Code", l->code);
		LANG_SET("Name", l->name);
		LANG_SET("HtmlLang", l->html_lang);
		LANG_SET("Current", l == r->lang ? "1" : "");
		snprintf(key, sizeof key, "Page.Langs.%zu.Url", i);
		rsetf(r, key, "%s/%s%s%s", r->base ? r->base : "", l->code, rest, query);
#undef LANG_SET
	}
}
