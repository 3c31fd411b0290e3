/* The language menu of share pages (docs/design.md, "Languages"): the page being shown, in
 * every supported language, keeping the selected month and view. */
#ifndef PORTAL_LANG_MENU_H
#define PORTAL_LANG_MENU_H

#include <stddef.h>

struct i18n_lang;
struct req;

/* Sets Page.LangMenu = 1, Page.LangName (the own name of the request's
 * language) and Page.LangItems: the menu's <li> items, one link per
 * language in menu order, by its own name, with lang/hreflang, the link of
 * the request's language marked aria-current.  Each link is the request's
 * path with its first segment replaced by the language code (by the
 * request's locale for its own language, so "/de_AT/…" stays "/de_AT/…"),
 * plus year, month and details when the request gave them valid values
 * (rebuilt from r->p, never copied from the raw query).  Page.LangItems is
 * markup built here from our own constants and validated values only: the
 * template writes it raw.  Does nothing when the request has no language or
 * its path is not plain URL characters. */
void lang_menu(struct req *r);

/* The items for locale `lang` linking to `base` (the base path, "" or NULL
 * for none) + "/" + a language code + `rest` (path and query after the
 * locale, already safe as an attribute value), in a malloc'd string the
 * caller frees; its length in *len_out when not NULL.  The markup of each
 * language is built once, on first use.  NULL when `lang` is NULL. */
char *lang_menu_items(const struct i18n_lang *lang, const char *base, const char *rest,
                      size_t *len_out);

#endif
