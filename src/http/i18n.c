/* The language table and the message files (i18n.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"

/* Date and time patterns are Kimai's own (its locales table), so a date
 * reads the same in the portal as in Kimai for the same language. */
static struct i18n_lang langs[] = {
	{ "en",    "en",    "en",    "M/d/y",    "h:mm a", "English",             NULL, NULL },
	{ "de",    "de",    "de",    "dd.MM.y",  "HH:mm",  "Deutsch",             NULL, NULL },
	{ "fr",    "fr",    "fr",    "dd/MM/y",  "HH:mm",  "Français",            NULL, NULL },
	{ "es",    "es",    "es",    "d/M/y",    "HH:mm",  "Español",             NULL, NULL },
	{ "it",    "it",    "it",    "dd/MM/y",  "HH:mm",  "Italiano",            NULL, NULL },
	{ "nl",    "nl",    "nl",    "dd-MM-y",  "HH:mm",  "Nederlands",          NULL, NULL },
	{ "pt_BR", "pt-BR", "pt_BR", "dd/MM/y",  "HH:mm",  "Português (Brasil)",  NULL, NULL },
	{ "pl",    "pl",    "pl",    "d.MM.y",   "HH:mm",  "Polski",              NULL, NULL },
	{ "sv",    "sv",    "sv",    "y-MM-dd",  "HH:mm",  "Svenska",             NULL, NULL },
	{ "da",    "da",    "da",    "dd.MM.y",  "HH.mm",  "Dansk",               NULL, NULL },
	{ "cs",    "cs",    "cs",    "dd.MM.y",  "HH:mm",  "Čeština",             NULL, NULL },
	{ "ru",    "ru",    "ru",    "dd.MM.y",  "HH:mm",  "Русский",             NULL, NULL },
	{ "ja",    "ja",    "ja",    "y/MM/dd",  "HH:mm",  "日本語",              NULL, NULL },
	{ "zh_CN", "zh-CN", "zh_CN", "y/M/d",    "HH:mm",  "简体中文",            NULL, NULL },
};

#define NLANGS (sizeof langs / sizeof langs[0])

/* langs[0] is English: the fallback for messages and the default language. */
static const struct i18n_lang *const english = &langs[0];

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

int i18n_load(const char *lang_dir, struct perr *e)
{
	HDF *fresh[NLANGS] = { NULL };
	HDF *node = NULL;
	NEOERR *err = STATUS_OK;
	char path[4096];
	struct stat st;
	int rc = -1;

	if (lang_dir == NULL || lang_dir[0] == '\0')
		return PERR(e, PERR_INTERNAL, "no language directory given");
	/* ClearSilver registers its error types here; idempotent, and we run
	 * before any thread exists. */
	err = nerr_init();
	if (err != STATUS_OK)
		return neoerr_to_perr(&err, e, lang_dir);

	for (size_t i = 0; i < NLANGS; i++) {
		int n = snprintf(path, sizeof path, "%s/%s.hdf", lang_dir, langs[i].code);

		if (n < 0 || (size_t)n >= sizeof path) {
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
		/* The file is read into the node "Lang" of its own tree, so that
		 * the tree can serve templates directly as a global HDF. */
		err = hdf_init(&fresh[i]);
		if (err == STATUS_OK)
			err = hdf_get_node(fresh[i], "Lang", &node);
		if (err == STATUS_OK)
			err = hdf_read_file(node, path);
		if (err != STATUS_OK) {
			neoerr_to_perr(&err, e, path);
			goto out;
		}
		if (hdf_obj_child(node) == NULL) {
			PERR(e, PERR_INTERNAL, "language file %s: no messages", path);
			goto out;
		}
	}

	/* Every file loaded: swap them in, so a failed reload keeps the old set. */
	for (size_t i = 0; i < NLANGS; i++) {
		hdf_destroy(&langs[i].root);
		langs[i].root = fresh[i];
		langs[i].msgs = hdf_get_obj(fresh[i], "Lang");
		fresh[i] = NULL;
	}
	rc = 0;
out:
	free_msgs(fresh);
	return rc;
}

const struct i18n_lang *i18n_find(const char *code)
{
	if (code == NULL)
		return NULL;
	for (size_t i = 0; i < NLANGS; i++)
		if (strcmp(langs[i].code, code) == 0)
			return &langs[i];
	return NULL;
}

const struct i18n_lang *i18n_default(void)
{
	return english;
}

const char *i18n_msg(const struct i18n_lang *l, const char *key)
{
	const char *v = NULL;

	if (key == NULL)
		return "";
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
	return i < NLANGS ? &langs[i] : NULL;
}

void i18n_free(void)
{
	for (size_t i = 0; i < NLANGS; i++) {
		hdf_destroy(&langs[i].root);
		langs[i].msgs = NULL;
	}
}
