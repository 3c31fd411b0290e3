/* The language menu (lang_menu.h). */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
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

/* The menu's items are the same for every page in a language, apart from
 * the path and query they link to and the code of the current locale (a
 * regional URL keeps its region in its own language's link).  So they are
 * built once per language as markup with gaps, and a request only fills in
 * the gaps: the menu costs one copy of its bytes whatever the number of
 * languages. */
enum gap { GAP_NONE, GAP_BASE, GAP_CODE, GAP_REST };

struct part {
	unsigned short off, len;   /* text in menu.text */
	unsigned char  gap;        /* what follows the text */
};

#define MENU_TEXT  8192
#define MENU_PARTS 96

struct menu {
	char        text[MENU_TEXT];
	size_t      used;
	struct part parts[MENU_PARTS];
	size_t      nparts;
	size_t      text_len;      /* sum of the parts' lengths */
	size_t      nbase, ncode, nrest;  /* gaps of each kind */
	int         ok;
};

static struct menu *menus;   /* one per language, in i18n_at() order */
static pthread_once_t menus_once = PTHREAD_ONCE_INIT;

static void put_text(struct menu *m, const char *s)
{
	size_t n = strlen(s);

	if (m->used + n >= MENU_TEXT) {
		m->ok = 0;
		return;
	}
	if (m->nparts == 0 || m->parts[m->nparts - 1].gap != GAP_NONE) {
		if (m->nparts == MENU_PARTS) {
			m->ok = 0;
			return;
		}
		m->parts[m->nparts++] = (struct part){ .off = (unsigned short)m->used };
	}
	memcpy(m->text + m->used, s, n);
	m->used += n;
	m->parts[m->nparts - 1].len = (unsigned short)(m->parts[m->nparts - 1].len + n);
	m->text_len += n;
}

static void put_gap(struct menu *m, enum gap g)
{
	if (m->nparts == 0)
		put_text(m, "");
	if (m->nparts == 0 || m->parts[m->nparts - 1].gap != GAP_NONE) {
		m->ok = 0;
		return;
	}
	m->parts[m->nparts - 1].gap = (unsigned char)g;
	if (g == GAP_BASE)
		m->nbase++;
	else if (g == GAP_CODE)
		m->ncode++;
	else
		m->nrest++;
	/* the next text starts a new part */
	if (m->nparts < MENU_PARTS)
		m->parts[m->nparts++] = (struct part){ .off = (unsigned short)m->used };
	else
		m->ok = 0;
}

/* Names and codes are our own constants: no markup characters in them
 * (the unit test checks), so they go in as they are. */
static void build_menus(void)
{
	size_t n = i18n_count();

	menus = calloc(n, sizeof *menus);
	if (menus == NULL)
		return;
	for (size_t cur = 0; cur < n; cur++) {
		struct menu *m = &menus[cur];

		m->ok = 1;
		for (size_t i = 0; i < n; i++) {
			const struct i18n_lang *l = i18n_at(i);

			put_text(m, "<li><a href=\"");
			put_gap(m, GAP_BASE);
			put_text(m, "/");
			if (i == cur)
				put_gap(m, GAP_CODE);
			else
				put_text(m, l->code);
			put_gap(m, GAP_REST);
			put_text(m, "\" lang=\"");
			put_text(m, l->html_lang);
			put_text(m, "\" hreflang=\"");
			put_text(m, l->html_lang);
			put_text(m, i == cur ? "\" aria-current=\"true\">" : "\">");
			put_text(m, l->name);
			put_text(m, "</a></li>\n");
		}
	}
}

char *lang_menu_items(const struct i18n_lang *lang, const char *base, const char *rest,
                      size_t *len_out)
{
	const struct menu *m = NULL;
	size_t base_len, code_len, rest_len, len;
	char *out, *p;

	pthread_once(&menus_once, build_menus);
	if (menus == NULL || lang == NULL || lang->base == NULL || rest == NULL)
		return NULL;
	for (size_t i = 0; i < i18n_count(); i++)
		if (i18n_at(i) == lang->base)
			m = &menus[i];
	if (m == NULL || !m->ok)
		return NULL;
	base_len = base ? strlen(base) : 0;
	code_len = strlen(lang->code);
	rest_len = strlen(rest);
	len = m->text_len + m->nbase * base_len + m->ncode * code_len + m->nrest * rest_len;
	out = p = xmalloc(len + 1);
	for (size_t i = 0; i < m->nparts; i++) {
		const struct part *pt = &m->parts[i];

		memcpy(p, m->text + pt->off, pt->len);
		p += pt->len;
		if (pt->gap == GAP_BASE) {
			if (base_len)   /* base may be NULL: no prefix */
				memcpy(p, base, base_len);
			p += base_len;
		} else if (pt->gap == GAP_CODE) {
			memcpy(p, lang->code, code_len);
			p += code_len;
		} else if (pt->gap == GAP_REST) {
			memcpy(p, rest, rest_len);
			p += rest_len;
		}
	}
	*p = '\0';
	if (len_out != NULL)
		*len_out = len;
	return out;
}

void lang_menu(struct req *r)
{
	const char *rest = NULL;
	char link[640];
	size_t n = 0, rn;
	char *items;

	if (r == NULL || r->lang == NULL || r->path == NULL || r->path[0] != '/')
		return;
	/* "/de/auth/customer-portal/KEY" -> "/auth/customer-portal/KEY" */
	rest = strchr(r->path + 1, '/');
	if (rest == NULL)
		rest = "";
	if ((rn = strlen(rest)) > 512 || !plain_path(rest))
		return;
	memcpy(link, rest, rn);
	n = rn;

	/* Validated values only: they are numbers and one of two words.  The
	 * items are markup: the query's '&' is written as "&amp;". */
	if (r->p[P_YEAR].set)
		n += (size_t)snprintf(link + n, sizeof link - n, "%syear=%lld",
		                      n > rn ? "&amp;" : "?", r->p[P_YEAR].i);
	if (r->p[P_MONTH].set && n < sizeof link)
		n += (size_t)snprintf(link + n, sizeof link - n, "%smonth=%lld",
		                      n > rn ? "&amp;" : "?", r->p[P_MONTH].i);
	if (r->p[P_DETAILS].set && r->p[P_DETAILS].s != NULL && n < sizeof link)
		n += (size_t)snprintf(link + n, sizeof link - n, "%sdetails=%s",
		                      n > rn ? "&amp;" : "?", r->p[P_DETAILS].s);
	if (n >= sizeof link)
		n = rn;   /* cannot happen with validated values */
	link[n] = '\0';

	/* Written by reference (render_markup), so it lives in the arena. */
	if ((items = lang_menu_items(r->lang, r->base, link, &n)) == NULL)
		return;
	render_markup(r, "Page.LangItems", arena_strndup(r->a, items, n), n);
	free(items);
	rset(r, "Page.LangMenu", "1");
	rset(r, "Page.LangName", r->lang->name);
}
