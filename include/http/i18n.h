/* Languages (docs/design.md, "Languages"): the fixed list of supported UI languages, their
 * Kimai date/time patterns and their message files
 * (cs_templates/lang/<code>.hdf).  The files are loaded once at start-up,
 * before worker threads exist, and are read-only afterwards, so every
 * lookup below is thread-safe without locks. */
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
	const char *name;          /* the language's own name, for the language menu */
	HDF        *msgs;          /* the message file; NULL until i18n_load() */
	HDF        *root;          /* { Lang = msgs }: a read-only tree a template can
	                            * consult as CSPARSE.global_hdf instead of copying
	                            * msgs into every request's HDF */
};

/* The language every message falls back to, and the one a URL without a
 * language redirects to. */
#define I18N_DEFAULT "en"

/* Loads <lang_dir>/<code>.hdf for every supported language.  A missing or
 * unparsable file is a start-up error naming the file.  Call once, before
 * threads start; a second call reloads (still single-threaded only). */
int i18n_load(const char *lang_dir, struct perr *e);

/* Exact, case-sensitive match of a URL code; NULL for anything else. */
const struct i18n_lang *i18n_find(const char *code);

/* The default language (never NULL, even before i18n_load()). */
const struct i18n_lang *i18n_default(void);

/* Message `key` ("share.title": a dotted path in the HDF) of language `l`;
 * falls back to English, then to the key itself, so it never returns NULL.
 * `l` may be NULL (English). */
const char *i18n_msg(const struct i18n_lang *l, const char *key);

/* All supported languages, in menu order (English first). */
size_t                  i18n_count(void);
const struct i18n_lang *i18n_at(size_t i);   /* NULL when i >= i18n_count() */

/* Frees the message trees (the language table itself is static). */
void i18n_free(void);

#endif
