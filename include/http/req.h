/* One request: everything parsed from FastCGI, the validated parameters,
 * the template data and the response being built.  The request's arena owns
 * every allocation made while serving it (STYLE: one owner, one free point). */
#ifndef PORTAL_REQ_H
#define PORTAL_REQ_H

#include <stdbool.h>
#include <stddef.h>

#include <ClearSilver.h>

#include "arena.h"
#include "mctx.h"
#include "perr.h"
#include "params.h"

struct worker;
struct config;
struct fmtctx;
struct tzctx;
struct db;
struct i18n_lang;
struct auth_user;

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_OTHER };

/* Captures of the matched route pattern. */
struct route_args {
	const char *lang;        /* {lang} */
	const char *share_key;   /* {key}: validated [A-Za-z0-9]{1,20} */
	long long   id;          /* {id}: share id (admin) or project id (legacy) */
	long long   project_id;  /* {pid} */
	long long   customer_id; /* {cid} */
	const char *file;        /* {file}: static asset name [a-z0-9._-] */
};

struct header {
	const char *name;
	const char *value;
};

#define REQ_MAX_HEADERS 16
#define REQ_MAX_MARKUP  8

struct req {
	struct arena            *a;
	struct worker           *w;          /* the thread serving it (dispatch and server only) */
	/* What pages need of the worker, copied from it when the request starts,
	 * so that pages reach it through the request alone. */
	const struct config     *cfg;
	struct fmtctx           *fmt;         /* the thread's ICU formatters (fmt.h) */
	struct tzctx            *tz;          /* the thread's zones (tz.h) */
	struct db               *db;          /* primary: writes */
	struct db               *rdb;         /* reads: a replica when configured */
	enum http_method         method;
	const char              *method_name;
	const char              *path;        /* raw path, no query, no base path */
	const char              *base;        /* --base-path: "" or "/kimai" */
	const char              *query;       /* raw query string ("" if none) */
	const char              *remote_addr; /* client address (trusted proxy resolved) */
	bool                     https;
	const char              *host;        /* Host header, validated */
	unsigned                 server_port; /* SERVER_PORT (nginx's listen port) */
	const char              *cookie_header;
	const char              *content_type;
	const char              *origin;      /* Origin header, NULL if none (origin.h) */
	const char              *fetch_site;  /* Sec-Fetch-Site header, NULL if none */
	const char              *accept_encoding; /* Accept-Encoding header, NULL if none */
	char                    *body;        /* POST body (NUL-terminated) */
	size_t                   body_len;

	struct route_args        args;
	const struct i18n_lang  *lang;        /* NULL until {lang} is validated */
	struct param_value       p[P__MAX];   /* validated parameters (params.h) */
	const struct auth_user  *auth;        /* Kimai user of RF_ADMIN routes (auth.h) */

	/* response */
	int                      status;      /* 0 = 200 */
	const char              *resp_type;   /* default text/html; charset=utf-8 */
	struct header            headers[REQ_MAX_HEADERS];
	size_t                   nheaders;
	bool                     header_refused; /* req_header() got an unfit value */
	bool                     no_store;    /* Cache-Control: private, no-store */
	const char              *cache_control; /* overrides when set (static files) */
	const char              *csp_img;     /* one more img-src origin (branding.h) */
	struct buf              *out;         /* response body */
	HDF                     *hdf;         /* template data of this request */
	struct req_markup {                   /* render_markup(): bytes by reference */
		const char *data;
		size_t      len;
	}                        markup[REQ_MAX_MARKUP];
	size_t                   nmarkup;
};

/* The model's view of this request: the read connection (a replica when
 * configured), or the primary for code that writes or must see its own
 * writes; the request's arena; the thread's zones. */
struct mctx req_model(const struct req *r);
struct mctx req_model_primary(const struct req *r);

/* Response helpers.  Every header value passes http_field_value_ok()
 * here, the one check for values built from request data: an unfit value
 * (CR, LF, other control bytes) is never sent; the request then ends in
 * 400 (dispatch.c). */
void req_header(struct req *r, const char *name, const char *value);
void req_redirect(struct req *r, int status, const char *location);
/* Value of a cookie from the Cookie header, or NULL. */
const char *req_cookie(struct req *r, const char *name);
/* The one Cookie header scanner ("a=1; b=2"): the next value of cookie
 * `name` from *cursor on (not NUL-terminated: *vlen bytes, trailing blanks
 * dropped), advancing *cursor past it; NULL when there is none. */
const char *cookie_next(const char **cursor, const char *name, size_t *vlen);
/* Absolute URL of this server and base path (scheme://host/prefix) for
 * links shown to admins. */
const char *req_base_url(struct req *r);
/* A path of ours ("/en/…") as the client must request it: with the base
 * path in front. */
const char *req_url(struct req *r, const char *path);

/* Template data helpers (never fail: OOM aborts). Values are escaped when
 * rendered, because every template runs with VarEscapeMode=html. */
void rset(struct req *r, const char *name, const char *value);
void rsetf(struct req *r, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void rseti(struct req *r, const char *name, long long v);
/* Many values below one node (a table row): rnode() finds or creates the
 * node once, rnode_at() its child named by a number, and the *_in setters
 * walk from there instead of from the root, with no key strings to build. */
HDF *rnode(struct req *r, const char *name);
HDF *rnode_in(HDF *parent, const char *name);
HDF *rnode_at(HDF *parent, size_t index);
void rset_in(HDF *node, const char *name, const char *value);
void rseti_in(HDF *node, const char *name, long long v);
/* Translated message of the request's language (key as in lang/en.hdf). */
const char *msg(struct req *r, const char *key);
/* `text` with its "%s" replaced by args[0], args[1], … in turn (at most n),
 * by plain substitution: a translation is never a printf format. */
const char *msg_subst(struct req *r, const char *text, const char *const *args, size_t n);

/* Renders cs_templates/<name> (e.g. "share.cs") with r->hdf into r->out. */
int render(struct req *r, const char *name, struct perr *e);
/* Sets template variable `name` to markup the program built itself (the
 * table's rows, the language menu, chart SVGs), for a template to write
 * with uvar:.  The markup is not copied into the template data: the
 * variable holds a marker that render() replaces with the bytes as it
 * writes, so `data` (NUL-terminated) must stay until render() returns.  A large value
 * costs no copy of its own (ClearSilver copies a value once when setting
 * it and once more when writing it). */
void render_markup(struct req *r, const char *name, const char *data, size_t len);
/* The value of template variable `name` as the page will show it (the
 * markup behind a render_markup() marker), NULL if unset: for tests. */
const char *render_value(struct req *r, const char *name);

#endif
