/* Languages and message files (i18n.c, cs_templates/lang/).  Runs from the
 * project root.  Fails when a language lacks a key English has, has a key
 * English lacks, has an empty value or different placeholders, and when a
 * template or a page asks for a key English does not have. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "i18n.h"
#include "perr.h"
#include "status.h"

#ifndef LANG_DIR
#define LANG_DIR "cs_templates/lang"
#endif
#ifndef TEMPLATE_DIR
#define TEMPLATE_DIR "cs_templates"
#endif
#ifndef SRC_DIR
#define SRC_DIR "src"
#endif

/* ---- walking a message tree ----------------------------------------- */

typedef void (*leaf_fn)(const char *key, const char *value, void *ctx);

static void walk(HDF *node, const char *prefix, leaf_fn fn, void *ctx)
{
	for (HDF *h = hdf_obj_child(node); h != NULL; h = hdf_obj_next(h)) {
		char key[256];

		snprintf(key, sizeof key, "%s%s%s", prefix, prefix[0] ? "." : "", hdf_obj_name(h));
		if (hdf_obj_value(h) != NULL)
			fn(key, hdf_obj_value(h), ctx);
		walk(h, key, fn, ctx);
	}
}

/* The printf conversions of a message, e.g. "sd" for "%s ... %d"; only %s
 * and %d are allowed (pages pass messages to snprintf). */
static bool placeholders(const char *s, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s != '%')
			continue;
		s++;
		if (*s == '%')
			continue;
		if ((*s != 's' && *s != 'd') || n + 1 >= outsz)
			return false;
		out[n++] = *s;
	}
	out[n] = '\0';
	return true;
}

struct cmp {
	const struct i18n_lang *l;
	int missing, empty, badph, count;
};

/* Every English key: present in language l, not empty, same placeholders. */
static void check_against_en(const char *key, const char *en_value, void *ctx)
{
	struct cmp *c = ctx;
	const char *v = hdf_get_value(c->l->file, key, NULL);
	char pe[16], pl[16];

	c->count++;
	if (v == NULL) {
		c->missing++;
		fprintf(stderr, "%s.hdf: missing key %s\n", c->l->code, key);
		return;
	}
	if (v[0] == '\0') {
		c->empty++;
		fprintf(stderr, "%s.hdf: empty value for %s\n", c->l->code, key);
	}
	if (!placeholders(en_value, pe, sizeof pe) || !placeholders(v, pl, sizeof pl) ||
	    strcmp(pe, pl) != 0) {
		c->badph++;
		fprintf(stderr, "%s.hdf: placeholders of %s differ from English\n", c->l->code, key);
	}
}

/* Every key of language l exists in English. */
static void check_extra(const char *key, const char *value, void *ctx)
{
	struct cmp *c = ctx;

	(void)value;
	if (hdf_get_value(i18n_find("en")->file, key, NULL) == NULL) {
		c->missing++;
		fprintf(stderr, "%s.hdf: key %s is not in en.hdf\n", c->l->code, key);
	}
}

/* Every language Kimai translates (the translated column of
 * src/http/kimai-locales.tsv), and every file as written has every key. */
static void test_all_languages_complete(void)
{
	const char *required[] = { "ar", "bg", "ca", "cs", "da", "de", "de_CH", "el", "en", "eo",
	                           "es", "eu", "fa", "fi", "fo", "fr", "he", "hr", "hu", "id",
	                           "it", "ja", "ko", "nb_NO", "nl", "pa", "pl", "pt", "pt_BR",
	                           "ro", "ru", "sk", "sl", "sr", "sv", "ta", "tr", "uk", "vi",
	                           "zh_CN", "zh_Hant", "zh_Hant_TW" };

	CHECK(i18n_count() == 42);
	CHECK(i18n_count() == sizeof required / sizeof required[0]);
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		const struct i18n_lang *l = i18n_find(required[i]);

		CHECK(l != NULL && l->translated && l->base == l);
		if (l == NULL)
			fprintf(stderr, "language %s missing\n", required[i]);
	}

	for (size_t i = 0; i < i18n_count(); i++) {
		struct cmp c = { .l = i18n_at(i) };

		CHECK(c.l->file != NULL && c.l->msgs != NULL);
		if (c.l->file == NULL)
			continue;
		walk(i18n_find("en")->file, "", check_against_en, &c);
		walk(c.l->file, "", check_extra, &c);
		CHECK(c.count > 50);
		CHECK(c.missing == 0);
		CHECK(c.empty == 0);
		CHECK(c.badph == 0);
		/* The menu shows names as they are: no markup characters. */
		CHECK(strpbrk(c.l->name, "<>&\"'") == NULL);
	}
}

/* The generated table (src/http/locale_table.c) is exactly the tsv's URL locales. */
static void test_table_matches_tsv(void)
{
	FILE *f = fopen(SRC_DIR "/http/kimai-locales.tsv", "r");
	char line[512];
	size_t listed = 0, translated = 0;

	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK(fgets(line, sizeof line, f) != NULL);   /* header */
	while (fgets(line, sizeof line, f) != NULL) {
		char *cols[6] = { NULL };
		char *save = NULL, *p = line;
		size_t n = 0;
		const struct i18n_lang *l;

		line[strcspn(line, "\r\n")] = '\0';
		while (n < 6 && (cols[n] = strtok_r(p, "\t", &save)) != NULL) {
			p = NULL;
			n++;
		}
		if (n != 6)
			continue;
		l = i18n_find(cols[0]);
		if (strcmp(cols[5], "1") != 0) {
			CHECK(l == NULL);
			continue;
		}
		listed++;
		CHECK(l != NULL);
		if (l == NULL) {
			fprintf(stderr, "locale %s missing from the table\n", cols[0]);
			continue;
		}
		CHECK_STR(l->date_pattern, cols[1]);
		CHECK_STR(l->time_pattern, cols[2]);
		CHECK(l->rtl == (strcmp(cols[3], "1") == 0));
		CHECK(l->translated == (strcmp(cols[4], "1") == 0));
		translated += l->translated ? 1 : 0;
	}
	fclose(f);
	CHECK(listed == i18n_locale_count());
	CHECK(listed > 290);
	CHECK(translated == i18n_count());
	for (size_t i = 1; i < i18n_locale_count(); i++)
		CHECK(strcmp(i18n_locale_at(i - 1)->code, i18n_locale_at(i)->code) < 0);
	CHECK(i18n_locale_at(i18n_locale_count()) == NULL);
}

static void test_find_and_fallback(void)
{
	const struct i18n_lang *de = i18n_find("de");

	CHECK(i18n_find("pt_BR") != NULL);
	CHECK_STR(i18n_find("pt_BR")->html_lang, "pt-BR");
	CHECK_STR(i18n_find("zh_CN")->html_lang, "zh-CN");
	CHECK_STR(i18n_find("de_AT")->html_lang, "de-AT");
	CHECK_STR(i18n_find("zh_Hant_TW")->html_lang, "zh-Hant-TW");
	CHECK(i18n_find("EN") == NULL);
	CHECK(i18n_find("pt-BR") == NULL);
	CHECK(i18n_find("pt_br") == NULL);
	CHECK(i18n_find("de_at") == NULL);
	CHECK(i18n_find("zh_hant_tw") == NULL);
	CHECK(i18n_find("zh") == NULL);
	CHECK(i18n_find("en_DG") == NULL);   /* in the tsv, not in Kimai's URL list */
	CHECK(i18n_find("en/") == NULL);
	CHECK(i18n_find("") == NULL);
	CHECK(i18n_find(NULL) == NULL);
	CHECK(i18n_find("xx") == NULL);
	CHECK(i18n_find("zz_ZZ") == NULL);
	CHECK(i18n_at(i18n_count()) == NULL);
	CHECK_STR(i18n_default()->code, "en");
	CHECK_STR(i18n_at(0)->code, "en");

	/* A locale uses its language's messages: de_AT -> de, pt_AO -> pt,
	 * en_GB -> en, fr_CA -> fr; a language uses its own. */
	CHECK(i18n_find("de_AT")->base == de);
	CHECK(i18n_find("pt_AO")->base == i18n_find("pt"));
	CHECK(i18n_find("pt_BR")->base == i18n_find("pt_BR"));
	CHECK(i18n_find("en_GB")->base == i18n_find("en"));
	CHECK(i18n_find("fr_CA")->base == i18n_find("fr"));
	CHECK(i18n_find("de_CH")->base == i18n_find("de_CH"));
	CHECK(i18n_find("fa_AF")->base == i18n_find("fa"));
	CHECK(i18n_find("nl_BE")->msgs == i18n_find("nl")->msgs);
	CHECK(i18n_find("de_AT")->root == de->root);
	CHECK_STR(i18n_find("de_AT")->name, "Deutsch");
	CHECK(!i18n_find("de_AT")->translated);
	/* A language falls back to its parent, then English, key by key. */
	CHECK(i18n_find("de_CH")->parent == de);
	CHECK(i18n_find("zh_Hant_TW")->parent == i18n_find("zh_Hant"));
	CHECK(i18n_find("pt_BR")->parent == i18n_find("pt"));
	CHECK(i18n_find("nb_NO")->parent == i18n_find("en"));
	CHECK(de->parent == i18n_find("en"));
	CHECK(i18n_find("en")->parent == NULL);
	/* Right to left: ar, fa, he and their regions (Kimai's list). */
	CHECK(i18n_find("ar")->rtl && i18n_find("fa_IR")->rtl && i18n_find("he_IL")->rtl);
	CHECK(!i18n_find("en")->rtl && !i18n_find("zh_Hant_TW")->rtl);
	/* Kimai's patterns for the exact locale, not its language. */
	CHECK_STR(i18n_find("en_GB")->date_pattern, "dd/MM/y");
	CHECK_STR(i18n_find("en")->date_pattern, "M/d/y");
	CHECK_STR(i18n_find("hu")->date_pattern, "y. MM. dd.");
	CHECK_STR(i18n_find("de_CH")->icu_locale, "de_CH");

	CHECK_STR(i18n_msg(i18n_find("en"), "unlock.button"), "Unlock");
	CHECK_STR(i18n_msg(de, "unlock.button"), "Entsperren");
	CHECK_STR(i18n_msg(i18n_find("de_AT"), "unlock.button"), "Entsperren");
	CHECK_STR(i18n_msg(i18n_find("en_GB"), "unlock.button"), "Unlock");
	CHECK_STR(i18n_msg(NULL, "unlock.button"), "Unlock");
	CHECK_STR(i18n_msg(de, "no.such.key"), "no.such.key");
	CHECK_STR(i18n_msg(de, NULL), "");
	/* A section is not a message. */
	CHECK_STR(i18n_msg(de, "unlock"), "unlock");

	/* The tree handed to templates as a global HDF has the messages under
	 * Lang, exactly as the templates name them. */
	CHECK(de->root != NULL);
	CHECK_STR(hdf_get_value(de->root, "Lang.unlock.button", ""), "Entsperren");
}

/* ---- keys used by templates and pages -------------------------------- */

static bool key_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
}

static bool ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

static int unknown_keys;

static void need_key(const char *file, const char *key)
{
	static char seen[256][192];
	static size_t nseen;
	char id[192];

	if (hdf_get_value(i18n_find("en")->msgs, key, NULL) != NULL)
		return;
	unknown_keys++;
	/* Both scanners may meet the same literal: report it once. */
	snprintf(id, sizeof id, "%s %s", file, key);
	for (size_t i = 0; i < nseen; i++)
		if (strcmp(seen[i], id) == 0)
			return;
	if (nseen < sizeof seen / sizeof seen[0])
		memcpy(seen[nseen++], id, sizeof id);
	fprintf(stderr, "%s uses message %s, which en.hdf lacks\n", file, key);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < 4 * 1024 * 1024 &&
	    fseek(f, 0, SEEK_SET) == 0 && (s = calloc(1, (size_t)n + 1)) != NULL &&
	    fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	fclose(f);
	return s;
}

/* Template references: Lang.section.key (not Lang.section, which is a
 * loop or a test over a section, nor ones built at run time). */
static void scan_template(const char *path, const char *text)
{
	for (const char *p = strstr(text, "Lang."); p != NULL; p = strstr(p + 1, "Lang.")) {
		char key[128];
		size_t n = 0;
		const char *q = p + 5;

		if (p > text && (ident_char(p[-1]) || p[-1] == '.'))
			continue;
		while (key_char(*q) && n + 1 < sizeof key)
			key[n++] = *q++;
		while (n > 0 && key[n - 1] == '.')
			n--;
		key[n] = '\0';
		if (*q == '[' || memchr(key, '.', n) == NULL)
			continue;   /* computed (Lang.x[y]) or a whole section */
		need_key(path, key);
	}
}

/* Page code: msg(<request>, "section.key") and i18n_msg(<lang>, "section.key"). */
static void scan_source(const char *path, const char *text)
{
	for (const char *p = strstr(text, "msg("); p != NULL; p = strstr(p + 1, "msg(")) {
		char key[128];
		size_t n = 0;
		const char *q = p + 4;

		if (p > text && ident_char(p[-1]) &&
		    !(p - text >= 5 && strncmp(p - 5, "i18n_", 5) == 0))
			continue;   /* log_msg( and friends */
		while (*q && *q != ',' && *q != ')' && *q != '\n')
			q++;
		if (*q != ',')
			continue;
		q++;
		while (*q == ' ')
			q++;
		if (*q++ != '"')
			continue;   /* a key computed at run time */
		while (key_char(*q) && n + 1 < sizeof key)
			key[n++] = *q++;
		key[n] = '\0';
		if (*q != '"' || memchr(key, '.', n) == NULL)
			continue;
		need_key(path, key);
	}
}

/* Keys kept in tables (static const char *keys[] = { "admin.saved", … })
 * never pass through msg( literally: any string literal of the form
 * "<section of en.hdf>.<key>" counts, except file names. */
static void scan_literals(const char *path, const char *text)
{
	static const char *const file_ext[] = { ".c", ".h", ".cs", ".hdf", ".css", ".js",
	                                        ".svg", ".png", ".ico", ".txt", NULL };

	for (const char *p = strchr(text, '"'); p != NULL; p = strchr(p + 1, '"')) {
		char key[128];
		size_t n = 0;
		const char *q = p + 1;
		bool file = false;

		while (key_char(*q) && n + 1 < sizeof key)
			key[n++] = *q++;
		key[n] = '\0';
		if (*q != '"' || n == 0 || memchr(key, '.', n) == NULL) {
			if (*q == '"')
				p = q;   /* the closing quote opens nothing */
			continue;
		}
		p = q;
		for (size_t i = 0; file_ext[i] != NULL; i++) {
			size_t en = strlen(file_ext[i]);

			if (n > en && strcmp(key + n - en, file_ext[i]) == 0)
				file = true;
		}
		if (file)
			continue;
		{
			char section[64];
			size_t sn = (size_t)((char *)memchr(key, '.', n) - key);

			if (sn == 0 || sn >= sizeof section)
				continue;
			memcpy(section, key, sn);
			section[sn] = '\0';
			if (hdf_get_obj(i18n_find("en")->msgs, section) == NULL)
				continue;
		}
		need_key(path, key);
	}
}

static void scan_code(const char *path, const char *text)
{
	scan_source(path, text);
	scan_literals(path, text);
}

static void scan_dir(const char *dir, const char *suffix, int depth,
                     void (*scan)(const char *, const char *))
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char path[512];
		size_t n = strlen(de->d_name), sn = strlen(suffix);
		char *text;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (de->d_type == DT_DIR && depth > 0 && strcmp(de->d_name, "lang") != 0) {
			scan_dir(path, suffix, depth - 1, scan);
			continue;
		}
		if (n <= sn || strcmp(de->d_name + n - sn, suffix) != 0)
			continue;
		if ((text = slurp(path)) != NULL)
			scan(path, text);
		free(text);
	}
	closedir(d);
}

static void test_used_keys_exist(void)
{
	unknown_keys = 0;
	scan_dir(TEMPLATE_DIR, ".cs", 2, scan_template);
	scan_dir(SRC_DIR, ".c", 3, scan_code);
	/* Error pages look their texts up by status_key(). */
	for (int k = PERR_BAD_INPUT; k < PERR__MAX; k++) {
		char key[64];

		snprintf(key, sizeof key, "error.%s.title", status_key((enum perr_kind)k));
		need_key("error page", key);
		snprintf(key, sizeof key, "error.%s.text", status_key((enum perr_kind)k));
		need_key("error page", key);
	}
	CHECK(unknown_keys == 0);
}

/* ---- loading errors -------------------------------------------------- */

static void copy_file(const char *from, const char *to)
{
	char *s = slurp(from);
	FILE *f = fopen(to, "wb");

	if (s != NULL && f != NULL)
		fputs(s, f);
	if (f != NULL)
		fclose(f);
	free(s);
}

static void test_load_errors(void)
{
	const char *tmp = getenv("TMPDIR");
	char tmpl[512];
	char *dir = NULL;
	char from[512], to[512];
	struct perr e = {0};

	snprintf(tmpl, sizeof tmpl, "%s/portal-i18n-XXXXXX", tmp && tmp[0] ? tmp : P_tmpdir);
	dir = mkdtemp(tmpl);
	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	for (size_t i = 0; i < i18n_count(); i++) {
		snprintf(from, sizeof from, "%s/%s.hdf", LANG_DIR, i18n_at(i)->code);
		snprintf(to, sizeof to, "%s/%s.hdf", dir, i18n_at(i)->code);
		copy_file(from, to);
	}
	CHECK(i18n_load(dir, &e) == 0);

	/* A missing file is named in the error, and the loaded set survives. */
	snprintf(to, sizeof to, "%s/sv.hdf", dir);
	unlink(to);
	CHECK(i18n_load(dir, &e) == -1);
	CHECK(strstr(e.msg, "sv.hdf") != NULL);
	CHECK_STR(i18n_msg(i18n_find("sv"), "unlock.button"), "Lås upp");

	/* So is a file that does not parse. */
	copy_file(LANG_DIR "/sv.hdf", to);
	snprintf(to, sizeof to, "%s/cs.hdf", dir);
	{
		FILE *f = fopen(to, "wb");

		if (f != NULL) {
			fputs("app {\n  name = Zákaznický portál\n  this line is not HDF\n}\n", f);
			fclose(f);
		}
	}
	perr_clear(&e);
	CHECK(i18n_load(dir, &e) == -1);
	CHECK(strstr(e.msg, "cs.hdf") != NULL);

	/* A language lacking a key falls back to English for it. */
	copy_file(LANG_DIR "/cs.hdf", to);
	{
		FILE *f = fopen(to, "ab");

		if (f != NULL) {
			fputs("extra_only_here = x\n", f);
			fclose(f);
		}
	}
	snprintf(to, sizeof to, "%s/de.hdf", dir);
	{
		FILE *f = fopen(to, "wb");

		if (f != NULL) {
			fputs("unlock {\n  label = Passwort\n}\n", f);
			fclose(f);
		}
	}
	/* ... and de_CH, lacking a key, to de before English. */
	snprintf(to, sizeof to, "%s/de_CH.hdf", dir);
	{
		FILE *f = fopen(to, "wb");

		if (f != NULL) {
			fputs("unlock {\n  button = Entsperren!\n}\n", f);
			fclose(f);
		}
	}
	CHECK(i18n_load(dir, &e) == 0);
	CHECK_STR(i18n_msg(i18n_find("de"), "unlock.label"), "Passwort");
	CHECK_STR(i18n_msg(i18n_find("de"), "unlock.button"), "Unlock");
	CHECK_STR(i18n_msg(i18n_find("de_AT"), "unlock.label"), "Passwort");
	CHECK_STR(i18n_msg(i18n_find("de_CH"), "unlock.button"), "Entsperren!");
	CHECK_STR(i18n_msg(i18n_find("de_CH"), "unlock.label"), "Passwort");
	CHECK_STR(i18n_msg(i18n_find("de_CH"), "app.yes"), "Yes");
	CHECK_STR(hdf_get_value(i18n_find("de_CH")->root, "Lang.unlock.label", ""), "Passwort");

	CHECK(i18n_load(NULL, &e) == -1);
	CHECK(i18n_load("", &e) == -1);

	for (size_t i = 0; i < i18n_count(); i++) {
		snprintf(to, sizeof to, "%s/%s.hdf", dir, i18n_at(i)->code);
		unlink(to);
	}
	rmdir(dir);
	/* Back to the real files for anything after this. */
	CHECK(i18n_load(LANG_DIR, &e) == 0);
}

int main(void)
{
	struct perr e = {0};

	if (i18n_load(LANG_DIR, &e) != 0) {
		fprintf(stderr, "i18n_load: %s\n", e.msg);
		return 1;
	}
	test_all_languages_complete();
	test_table_matches_tsv();
	test_find_and_fallback();
	test_used_keys_exist();
	test_load_errors();
	i18n_free();
	i18n_free();
	return check_done();
}
