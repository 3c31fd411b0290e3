/* The language menu of share pages (docs/design.md, "Languages"): the page being shown, in
 * every supported language, keeping the selected month and view. */
#ifndef PORTAL_LANG_MENU_H
#define PORTAL_LANG_MENU_H

struct req;

/* Sets Page.LangMenu = 1 and, for each language i in menu order,
 * Page.Langs.<i>.Code ("pt_BR"), .Name ("Português (Brasil)"), .HtmlLang
 * ("pt-BR"), .Url and .Current ("1" for the request's language).  Url is
 * the request's path with its first segment replaced by the language code,
 * plus year, month and details when the request gave them valid values
 * (rebuilt from r->p, never copied from the raw query).  Does nothing when
 * the request has no language or its path is not plain URL characters. */
void lang_menu(struct req *r);

#endif
