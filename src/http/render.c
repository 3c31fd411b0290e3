/* ClearSilver rendering.  Templates are read once at start-up and served
 * from memory (also to <?cs include ?>), and every render runs with
 * VarEscapeMode=html, so a variable is escaped unless a template says
 * otherwise for markup the program built itself.
 *
 * Parsing a template costs about as much as rendering a small page, so
 * each worker thread parses a template once and renders the same parse
 * tree for every request (see `struct parsed`). */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "assets.h"
#include "fileio.h"
#include "i18n.h"
#include "log.h"
#include "random.h"
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
/* Bumped when the templates are freed: parse trees of older ones are
 * dropped rather than rendered. */
static unsigned generation = 1;

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

static void parsed_free(void *p);
static void parsed_key_init(void);
static pthread_key_t parsed_key;
static pthread_once_t parsed_once = PTHREAD_ONCE_INIT;

void render_free(void)
{
	/* Worker threads have ended (and freed theirs); this is the caller's. */
	pthread_once(&parsed_once, parsed_key_init);
	void *mine = pthread_getspecific(parsed_key);
	pthread_setspecific(parsed_key, NULL);
	parsed_free(mine);
	for (size_t i = 0; i < ntemplates; i++) {
		free(templates[i].name);
		free(templates[i].text);
	}
	ntemplates = 0;
	generation++;
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

/* render_markup()'s markers: "\x1a" + a token drawn at start-up + the
 * index + "\x1a".  Request data cannot forge one: no page lets data
 * through unescaped, and the token is not known outside the process. */
#define MARK_CHAR  '\x1a'
#define TOKEN_LEN  16
static char mark_token[TOKEN_LEN + 1];
static pthread_once_t mark_once = PTHREAD_ONCE_INIT;

static void mark_init(void)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[TOKEN_LEN / 2];
	struct perr e = {0};
	if (random_bytes(raw, sizeof(raw), &e) != 0)
		abort();
	for (size_t i = 0; i < sizeof(raw); i++) {
		mark_token[2 * i] = hex[raw[i] >> 4];
		mark_token[2 * i + 1] = hex[raw[i] & 15];
	}
}

void render_markup(struct req *r, const char *name, const char *data, size_t len)
{
	char mark[TOKEN_LEN + 8];
	if (len == 0 || r->nmarkup == REQ_MAX_MARKUP) {
		/* Empty stays empty (false for <?cs if: ?>); past the limit the
		 * value is copied as any other. */
		char *copy = len ? malloc(len + 1) : NULL;
		if (copy) {
			memcpy(copy, data, len);
			copy[len] = '\0';
			if (hdf_set_buf(r->hdf, name, copy) != STATUS_OK)
				free(copy);
		} else {
			rset(r, name, "");
		}
		return;
	}
	pthread_once(&mark_once, mark_init);
	size_t i = r->nmarkup++;
	r->markup[i] = (struct req_markup){data, len};
	mark[0] = MARK_CHAR;
	memcpy(mark + 1, mark_token, TOKEN_LEN);
	mark[TOKEN_LEN + 1] = (char)('0' + i);
	mark[TOKEN_LEN + 2] = MARK_CHAR;
	mark[TOKEN_LEN + 3] = '\0';
	rset(r, name, mark);
}

/* The markup `s` is the marker of, or NULL. */
static const struct req_markup *marked(const struct req *r, const char *s)
{
	if (s[0] == MARK_CHAR && r->nmarkup && strnlen(s, TOKEN_LEN + 4) == TOKEN_LEN + 3 &&
	    s[TOKEN_LEN + 2] == MARK_CHAR && memcmp(s + 1, mark_token, TOKEN_LEN) == 0) {
		size_t i = (size_t)(s[TOKEN_LEN + 1] - '0');
		if (i < r->nmarkup)
			return &r->markup[i];
	}
	return NULL;
}

const char *render_value(struct req *r, const char *name)
{
	const char *v = hdf_get_value(r->hdf, name, NULL);
	const struct req_markup *m = v ? marked(r, v) : NULL;
	return m ? m->data : v;
}

static NEOERR *output(void *ctx, char *s)
{
	struct req *r = ctx;
	/* A variable is written as one piece: a marker alone is one. */
	const struct req_markup *m = marked(r, s);
	if (m)
		buf_put(r->out, m->data, m->len);
	else
		buf_puts(r->out, s);
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

/* The parse trees of one thread.  ClearSilver binds a parse to the HDF
 * given to cs_init, but reads it while parsing only for its configuration
 * (Config.VarEscapeMode, Config.TagStart); rendering reads CSPARSE.hdf and
 * CSPARSE.global_hdf, which render() points at the request's data and the
 * language's messages for the duration of one cs_render.  What rendering
 * changes in the parse (the escape context of macro calls, the local
 * variable scopes of each/with/call) is restored from the state right
 * after parsing, and a parse whose render failed is thrown away. */
struct parsed {
	unsigned     generation;
	HDF         *cfg;                     /* Config.VarEscapeMode = html */
	CSPARSE     *cs[TEMPLATES_MAX];
	CS_ECONTEXT  escaping[TEMPLATES_MAX];  /* as after parsing */
};

static void parsed_free(void *p)
{
	struct parsed *pt = p;
	if (!pt)
		return;
	for (size_t i = 0; i < TEMPLATES_MAX; i++)
		if (pt->cs[i]) {
			pt->cs[i]->hdf = pt->cfg;
			pt->cs[i]->global_hdf = NULL;
			cs_destroy(&pt->cs[i]);
		}
	hdf_destroy(&pt->cfg);
	free(pt);
}

static void parsed_key_init(void)
{
	/* The destructor runs when a worker thread ends. */
	if (pthread_key_create(&parsed_key, parsed_free) != 0)
		abort();
}

static struct parsed *parsed_mine(void)
{
	pthread_once(&parsed_once, parsed_key_init);
	struct parsed *pt = pthread_getspecific(parsed_key);
	if (pt && pt->generation != generation) {
		parsed_free(pt);
		pt = NULL;
		pthread_setspecific(parsed_key, NULL);
	}
	if (!pt) {
		pt = xcalloc(1, sizeof(*pt));
		pt->generation = generation;
		if (hdf_init(&pt->cfg) != STATUS_OK ||
		    hdf_set_value(pt->cfg, "Config.VarEscapeMode", "html") != STATUS_OK) {
			log_error("template configuration: out of memory");
			abort();
		}
		pthread_setspecific(parsed_key, pt);
	}
	return pt;
}

/* This thread's parse tree of template `t`, parsed now if need be. */
static NEOERR *parsed_get(const struct template *t, CSPARSE **out)
{
	struct parsed *pt = parsed_mine();
	size_t i = (size_t)(t - templates);
	NEOERR *err = STATUS_OK;
	CSPARSE *cs = NULL;
	*out = pt->cs[i];
	if (*out)
		return STATUS_OK;
	err = cs_init(&cs, pt->cfg);
	if (!err)
		err = cgi_register_strfuncs(cs);
	if (!err) {
		cs_register_fileload(cs, NULL, fileload);
		/* cs_parse_string takes ownership of (and modifies) its buffer. */
		char *copy = malloc(t->len + 1);
		if (!copy) {
			err = nerr_raise(NERR_NOMEM, "template copy");
		} else {
			memcpy(copy, t->text, t->len + 1);
			err = cs_parse_string(cs, copy, t->len);
		}
	}
	if (err) {
		cs_destroy(&cs);
		return err;
	}
	pt->cs[i] = cs;
	pt->escaping[i] = cs->escaping;
	*out = cs;
	return STATUS_OK;
}

/* Renders the parse of `t` with the request's data; a failed render
 * leaves the parse in an unknown state, so it is dropped. */
static NEOERR *parsed_render(struct req *r, const struct template *t, CSPARSE *cs)
{
	struct parsed *pt = parsed_mine();
	size_t i = (size_t)(t - templates);
	cs->hdf = r->hdf;
	/* Messages are looked up in the language's shared, read-only tree
	 * ({ Lang = … }) instead of being copied into every request. */
	cs->global_hdf = r->lang ? r->lang->root : NULL;
	cs->escaping = pt->escaping[i];
	cs->locals = NULL;
	NEOERR *err = cs_render(cs, r, output);
	cs->hdf = pt->cfg;
	cs->global_hdf = NULL;
	cs->output_ctx = NULL;
	if (err) {
		cs_destroy(&pt->cs[i]);
		pt->cs[i] = NULL;
	}
	return err;
}

int render(struct req *r, const char *name, struct perr *e)
{
	const struct template *t = find(name);
	if (!t)
		return PERR(e, PERR_INTERNAL, "no template %s", name);
	CSPARSE *cs = NULL;
	NEOERR *err = STATUS_OK;

	/* Also for lvar/linclude, which parse again at render time. */
	err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	/* Static.portal_css = "/customer-portal/static/portal.1a2b3c4d.css" */
	for (size_t i = 0; !err && i < assets_count(); i++) {
		const struct asset *as = asset_at(i);
		char key[96];
		int n = snprintf(key, sizeof(key), "Static.%s", as->name);
		for (int k = 7; k < n && key[k]; k++)
			if (key[k] == '.' || key[k] == '-')
				key[k] = '_';
		err = hdf_set_value(r->hdf, key, req_url(r, as->url));
	}
	if (!err && r->lang) {
		err = hdf_set_value(r->hdf, "Page.Lang", r->lang->code);
		if (!err)
			err = hdf_set_value(r->hdf, "Page.HtmlLang", r->lang->html_lang);
		if (!err && r->lang->rtl)
			err = hdf_set_value(r->hdf, "Page.Rtl", "1");
	}
	if (!err)
		err = parsed_get(t, &cs);
	if (!err) {
		buf_reset(r->out);
		err = parsed_render(r, t, cs);
	}
	if (err)
		return neo_fail(err, name, e);
	return 0;
}
