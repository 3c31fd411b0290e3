/* ClearSilver rendering.  Templates are read once at start-up and served
 * from memory (also to <?cs include ?>), and every render runs with
 * VarEscapeMode=html, so a variable is escaped unless a template says
 * otherwise for markup the program built itself. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "assets.h"
#include "fileio.h"
#include "i18n.h"
#include "log.h"
#include "render.h"
#include "req.h"

#define TEMPLATE_MAX_BYTES (256 * 1024)
#define TEMPLATES_MAX      64

struct template {
	char  *name;
	char  *text;
	size_t len;
};

static struct template templates[TEMPLATES_MAX];
static size_t ntemplates;

static const struct template *find(const char *name)
{
	for (size_t i = 0; i < ntemplates; i++)
		if (strcmp(templates[i].name, name) == 0)
			return &templates[i];
	return NULL;
}

int render_init(const char *dir, struct perr *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return PERR(e, PERR_INTERNAL, "templates directory %s: %s", dir, strerror(errno));
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 4 || strcmp(de->d_name + n - 3, ".cs") != 0)
			continue;
		if (ntemplates == TEMPLATES_MAX) {
			rc = PERR(e, PERR_INTERNAL, "too many templates in %s", dir);
			break;
		}
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		struct template *t = &templates[ntemplates];
		if ((rc = file_read(path, TEMPLATE_MAX_BYTES, &t->text, &t->len, NULL, e)))
			break;
		t->name = xstrdup(de->d_name);
		ntemplates++;
	}
	closedir(d);
	if (!rc && !find("error.cs"))
		rc = PERR(e, PERR_INTERNAL, "templates directory %s lacks error.cs", dir);
	return rc;
}

void render_free(void)
{
	for (size_t i = 0; i < ntemplates; i++) {
		free(templates[i].name);
		free(templates[i].text);
	}
	ntemplates = 0;
}

/* <?cs include ?> from memory: ClearSilver frees what we hand it. */
static NEOERR *fileload(void *ctx, HDF *hdf, const char *filename, char **contents)
{
	(void)ctx, (void)hdf;
	const struct template *t = find(filename);
	if (!t)
		return nerr_raise(NERR_NOT_FOUND, "no template %s", filename);
	*contents = malloc(t->len + 1);
	if (!*contents)
		return nerr_raise(NERR_NOMEM, "template copy");
	memcpy(*contents, t->text, t->len + 1);
	return STATUS_OK;
}

static NEOERR *output(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

static int neo_fail(NEOERR *err, const char *name, struct perr *e)
{
	STRING str;
	string_init(&str);
	nerr_error_string(err, &str);
	PERR(e, PERR_INTERNAL, "template %s: %s", name, str.buf ? str.buf : "?");
	string_clear(&str);
	nerr_ignore(&err);
	return -1;
}

int render(struct req *r, const char *name, struct perr *e)
{
	const struct template *t = find(name);
	if (!t)
		return PERR(e, PERR_INTERNAL, "no template %s", name);
	CSPARSE *cs = NULL;
	NEOERR *err = STATUS_OK;
	char *copy = NULL;
	int rc = 0;

	err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	/* Static.portal_css = "/customer-portal/static/portal.1a2b3c4d.css" */
	for (size_t i = 0; !err && i < assets_count(); i++) {
		const struct asset *as = asset_at(i);
		char key[96];
		int n = snprintf(key, sizeof(key), "Static.%s", as->name);
		for (int k = 7; k < n && key[k]; k++)
			if (key[k] == '.' || key[k] == '-')
				key[k] = '_';
		err = hdf_set_value(r->hdf, key, as->url);
	}
	if (!err && r->lang) {
		err = hdf_set_value(r->hdf, "Page.Lang", r->lang->code);
		if (!err)
			err = hdf_set_value(r->hdf, "Page.HtmlLang", r->lang->html_lang);
	}
	if (!err)
		err = cs_init(&cs, r->hdf);
	/* Messages are looked up in the language's shared, read-only tree
	 * ({ Lang = … }) instead of being copied into every request. */
	if (!err && r->lang)
		cs->global_hdf = r->lang->root;
	if (!err)
		err = cgi_register_strfuncs(cs);
	if (!err) {
		cs_register_fileload(cs, NULL, fileload);
		/* cs_parse_string takes ownership of (and modifies) its buffer. */
		copy = malloc(t->len + 1);
		if (!copy) {
			rc = PERR(e, PERR_INTERNAL, "template copy");
			goto out;
		}
		memcpy(copy, t->text, t->len + 1);
		err = cs_parse_string(cs, copy, t->len);
		copy = NULL;
	}
	if (!err) {
		buf_reset(r->out);
		err = cs_render(cs, r->out, output);
	}
	if (err)
		rc = neo_fail(err, name, e);
out:
	free(copy);
	cs_destroy(&cs);
	return rc;
}
