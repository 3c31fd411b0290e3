/* Locales and languages (docs/design.md, "Languages").  A locale is one of the codes Kimai
 * accepts in its URLs (about 300: "de", "de_AT", "zh_Hant_TW"), with Kimai's
 * date/time patterns for it; a language is one of the locales Kimai
 * translates its interface into (42), with a message file
 * (cs_templates/lang/<code>.hdf).  A locale without its own messages uses
 * those of its language: the code with its last "_part" dropped until a
 * language is found ("de_AT" -> "de", "pt_AO" -> "pt"), else English.  The
 * table is static and the files are loaded once at start-up, before worker
 * threads exist, and are read-only afterwards, so every lookup below is
 * thread-safe without locks. */
#ifndef PORTAL_I18N_H
#define PORTAL_I18N_H

#include <stddef.h>

#include <ClearSilver.h>

#include "perr.h"

struct i18n_lang {
	const char *code;          /* URL code: "pt_BR" */
	const char *html_lang;     /* <html lang>: "pt-BR" */
	const char *icu_locale;    /* ICU locale id: "pt_BR" */
	const char *date_pattern;  /* Kimai's short date pattern (ICU syntax): "dd/MM/y" */
	const char *time_pattern;  /* Kimai's time pattern: "HH:mm", en "h:mm a" */
	const char *name;          /* the language's own name, for the language menu
	                            * (that of `base` for a locale without messages) */
	HDF        *msgs;          /* the messages: the language's file over those of
	                            * its parent language over English, so every key
	                            * is there; NULL until i18n_load() */
	HDF        *root;          /* { Lang = msgs }: a read-only tree a template can
	                            * consult as CSPARSE.global_hdf instead of copying
	                            * msgs into every request's HDF */
	int         rtl;           /* written right to left (Kimai's list) */
	int         translated;    /* a language: has its own message file */
	const struct i18n_lang *base;    /* the language whose messages and menu the
	                                  * locale uses (itself for a language) */
	const struct i18n_lang *parent;  /* a language's fallback for keys its file
	                                  * lacks: de_CH -> de -> en -> NULL */
	HDF        *file;          /* a language's message file as written (for
	                            * checks); NULL for the other locales */
};

/* The language every message falls back to, and the one a URL without a
 * language redirects to. */
#define I18N_DEFAULT "en"

/* Loads <lang_dir>/<code>.hdf for every language.  A missing or
 * unparsable file is a start-up error naming the file.  Call once, before
 * threads start; a second call reloads (still single-threaded only). */
int i18n_load(const char *lang_dir, struct perr *e);

/* Exact, case-sensitive match of a URL code against Kimai's locales (a
 * binary search of the static table); NULL for anything else. */
const struct i18n_lang *i18n_find(const char *code);

/* The default language (never NULL, even before i18n_load()). */
const struct i18n_lang *i18n_default(void);

/* Message `key` ("share.title": a dotted path in the HDF) of locale `l`:
 * its language's, else its parent language's, …, else English's, else the
 * key itself, so it never returns NULL.  `l` may be NULL (English). */
const char *i18n_msg(const struct i18n_lang *l, const char *key);

/* All languages (the locales with message files), in menu order (English
 * first, then by code). */
size_t                  i18n_count(void);
const struct i18n_lang *i18n_at(size_t i);   /* NULL when i >= i18n_count() */

/* All locales, sorted by code. */
size_t                  i18n_locale_count(void);
const struct i18n_lang *i18n_locale_at(size_t i);   /* NULL when out of range */

/* Frees the message trees (the language table itself is static). */
void i18n_free(void);

#endif
