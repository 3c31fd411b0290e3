/* The language table and the message files (i18n.h). */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "locale_table.h"

/* The languages, in menu order, by their own names.  Every locale, with
 * Kimai's date and time patterns for it (its locales table), is in the
 * generated locale_table.c, so a date reads the same in the portal as in
 * Kimai for the same locale. */
static const struct {
	const char *code;
	const char *name;
} names[] = {
	{ "en",         "English" },
	{ "ar",         "العربية" },
	{ "bg",         "Български" },
	{ "ca",         "Català" },
	{ "cs",         "Čeština" },
	{ "da",         "Dansk" },
	{ "de",         "Deutsch" },
	{ "de_CH",      "Deutsch (Schweiz)" },
	{ "el",         "Ελληνικά" },
	{ "eo",         "Esperanto" },
	{ "es",         "Español" },
	{ "eu",         "Euskara" },
	{ "fa",         "فارسی" },
	{ "fi",         "Suomi" },
	{ "fo",         "Føroyskt" },
	{ "fr",         "Français" },
	{ "he",         "עברית" },
	{ "hr",         "Hrvatski" },
	{ "hu",         "Magyar" },
	{ "id",         "Bahasa Indonesia" },
	{ "it",         "Italiano" },
	{ "ja",         "日本語" },
	{ "ko",         "한국어" },
	{ "nb_NO",      "Norsk bokmål" },
	{ "nl",         "Nederlands" },
	{ "pa",         "ਪੰਜਾਬੀ" },
	{ "pl",         "Polski" },
	{ "pt",         "Português" },
	{ "pt_BR",      "Português (Brasil)" },
	{ "ro",         "Română" },
	{ "ru",         "Русский" },
	{ "sk",         "Slovenčina" },
	{ "sl",         "Slovenščina" },
	{ "sr",         "Српски" },
	{ "sv",         "Svenska" },
	{ "ta",         "தமிழ்" },
	{ "tr",         "Türkçe" },
	{ "uk",         "Українська" },
	{ "vi",         "Tiếng Việt" },
	{ "zh_CN",      "简体中文" },
	{ "zh_Hant",    "繁體中文" },
	{ "zh_Hant_TW", "繁體中文（台灣）" },
};

#define NLANGS (sizeof names / sizeof names[0])

/* The languages in menu order; langs[0] is English: the last fallback for
 * messages and the default locale. */
static struct i18n_lang *langs[NLANGS];
static struct i18n_lang *english;

static int cmp_code(const void *key, const void *elem)
{
	return strcmp(key, ((const struct i18n_lang *)elem)->code);
}

static struct i18n_lang *lookup(const char *code)
{
	return bsearch(code, i18n_locales, i18n_nlocales, sizeof i18n_locales[0], cmp_code);
}

/* The nearest language of `code` with its last "_part"s dropped, starting
 * with `code` itself when `self`; English when there is none. */
static struct i18n_lang *nearest_language(const char *code, bool self)
{
	char buf[32];
	char *cut;

	snprintf(buf, sizeof buf, "%s", code);
	if (!self && (cut = strrchr(buf, '_')) != NULL)
		*cut = '\0';
	else if (!self)
		return english;
	for (;;) {
		struct i18n_lang *l = lookup(buf);

		if (l != NULL && l->translated)
			return l;
		if ((cut = strrchr(buf, '_')) == NULL)
			return english;
		*cut = '\0';
	}
}

/* Links the static table once: menu order, names, each locale's language
 * and each language's parent.  Everything here is static data, so it cannot
 * fail (the unit test checks that every language is in the table). */
static void link_table(void)
{
	for (size_t i = 0; i < NLANGS; i++) {
		langs[i] = lookup(names[i].code);
		if (langs[i] == NULL || !langs[i]->translated)
			abort();   /* names[] and the table disagree: a build error */
		langs[i]->name = names[i].name;
	}
	english = langs[0];
	for (size_t i = 0; i < i18n_nlocales; i++) {
		struct i18n_lang *l = &i18n_locales[i];

		l->base = nearest_language(l->code, true);
		l->name = l->base->name;
		l->parent = l->translated && l != english ? nearest_language(l->code, false) : NULL;
	}
}

static pthread_once_t linked = PTHREAD_ONCE_INIT;

static void table(void)
{
	pthread_once(&linked, link_table);
}

static void free_msgs(HDF *msgs[NLANGS])
{
	for (size_t i = 0; i < NLANGS; i++)
		hdf_destroy(&msgs[i]);
}

/* Turns a ClearSilver error into ours and releases it. */
static int neoerr_to_perr(NEOERR **err, struct perr *e, const char *path)
{
	STRING s;

	string_init(&s);
	nerr_error_string(*err, &s);
	nerr_ignore(err);
	PERR(e, PERR_INTERNAL, "language file %s: %s", path, s.buf ? s.buf : "parse error");
	string_clear(&s);
	return -1;
}

/* Reads one message file into `node`, over what is there already. */
static int read_into(HDF *node, const char *path, struct perr *e)
{
	NEOERR *err = hdf_read_file(node, path);

	return err != STATUS_OK ? neoerr_to_perr(&err, e, path) : 0;
}

int i18n_load(const char *lang_dir, struct perr *e)
{
	HDF *fresh[NLANGS] = { NULL };   /* each file as written */
	HDF *merged[NLANGS] = { NULL };  /* { Lang = file over parent … over English } */
	static char paths[NLANGS][4096];   /* single-threaded: see i18n.h */
	HDF *node = NULL;
	NEOERR *err = STATUS_OK;
	struct stat st;
	int rc = -1;

	table();
	if (lang_dir == NULL || lang_dir[0] == '\0')
		return PERR(e, PERR_INTERNAL, "no language directory given");
	/* ClearSilver registers its error types here; idempotent, and we run
	 * before any thread exists. */
	err = nerr_init();
	if (err != STATUS_OK)
		return neoerr_to_perr(&err, e, lang_dir);

	for (size_t i = 0; i < NLANGS; i++) {
		const char *path = paths[i];
		int n = snprintf(paths[i], sizeof paths[i], "%s/%s.hdf", lang_dir, langs[i]->code);

		if (n < 0 || (size_t)n >= sizeof paths[i]) {
			PERR(e, PERR_INTERNAL, "language directory path too long");
			goto out;
		}
		/* Checked first so that the message names the file plainly instead
		 * of ClearSilver's search-path wording. */
		if (stat(path, &st) != 0) {
			PERR(e, PERR_INTERNAL, "language file %s: %s", path, strerror(errno));
			goto out;
		}
		if (!S_ISREG(st.st_mode)) {
			PERR(e, PERR_INTERNAL, "language file %s: not a regular file", path);
			goto out;
		}
		err = hdf_init(&fresh[i]);
		if (err != STATUS_OK) {
			neoerr_to_perr(&err, e, path);
			goto out;
		}
		if (read_into(fresh[i], path, e) != 0)
			goto out;
		if (hdf_obj_child(fresh[i]) == NULL) {
			PERR(e, PERR_INTERNAL, "language file %s: no messages", path);
			goto out;
		}
	}

	/* The merged messages are read into the node "Lang" of their own tree,
	 * so that the tree can serve templates directly as a global HDF: English
	 * first, then each fallback language, the language's own file last. */
	for (size_t i = 0; i < NLANGS; i++) {
		const struct i18n_lang *chain[8];
		size_t depth = 0;

		for (const struct i18n_lang *l = langs[i]; l != NULL && depth < 8; l = l->parent)
			chain[depth++] = l;
		err = hdf_init(&merged[i]);
		if (err == STATUS_OK)
			err = hdf_get_node(merged[i], "Lang", &node);
		if (err != STATUS_OK) {
			neoerr_to_perr(&err, e, paths[i]);
			goto out;
		}
		while (depth-- > 0) {
			size_t k = 0;

			while (langs[k] != chain[depth])
				k++;
			if (read_into(node, paths[k], e) != 0)
				goto out;
		}
	}

	/* Every file loaded: swap them in, so a failed reload keeps the old set. */
	for (size_t i = 0; i < NLANGS; i++) {
		hdf_destroy(&langs[i]->root);
		hdf_destroy(&langs[i]->file);
		langs[i]->root = merged[i];
		langs[i]->msgs = hdf_get_obj(merged[i], "Lang");
		langs[i]->file = fresh[i];
		merged[i] = fresh[i] = NULL;
	}
	/* Locales without a file of their own use their language's. */
	for (size_t i = 0; i < i18n_nlocales; i++) {
		struct i18n_lang *l = &i18n_locales[i];

		if (!l->translated) {
			l->root = l->base->root;
			l->msgs = l->base->msgs;
		}
	}
	rc = 0;
out:
	free_msgs(fresh);
	free_msgs(merged);
	return rc;
}

const struct i18n_lang *i18n_find(const char *code)
{
	if (code == NULL)
		return NULL;
	table();
	return lookup(code);
}

const struct i18n_lang *i18n_default(void)
{
	table();
	return english;
}

const char *i18n_msg(const struct i18n_lang *l, const char *key)
{
	const char *v = NULL;

	if (key == NULL)
		return "";
	table();
	/* msgs already holds every fallback; English covers a locale whose
	 * files are not loaded. */
	if (l != NULL && l->msgs != NULL)
		v = hdf_get_value(l->msgs, key, NULL);
	if (v == NULL && english->msgs != NULL)
		v = hdf_get_value(english->msgs, key, NULL);
	return v != NULL ? v : key;
}

size_t i18n_count(void)
{
	return NLANGS;
}

const struct i18n_lang *i18n_at(size_t i)
{
	table();
	return i < NLANGS ? langs[i] : NULL;
}

size_t i18n_locale_count(void)
{
	return i18n_nlocales;
}

const struct i18n_lang *i18n_locale_at(size_t i)
{
	table();
	return i < i18n_nlocales ? &i18n_locales[i] : NULL;
}

void i18n_free(void)
{
	table();
	for (size_t i = 0; i < i18n_nlocales; i++) {
		struct i18n_lang *l = &i18n_locales[i];

		if (l->translated) {
			hdf_destroy(&l->root);
			hdf_destroy(&l->file);
		}
		l->root = NULL;
		l->msgs = NULL;
	}
}
