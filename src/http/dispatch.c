/* The request boundary.  Reads and bounds what FastCGI hands us, routes,
 * validates the language and the declared parameters, runs the page, and
 * writes one response with the security headers of docs/design.md, "HTTP behaviour".  Errors come
 * back here as a struct perr, are logged once and become a status page. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdatomic.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "auth.h"
#include "dispatch.h"
#include "http_field.h"
#include "i18n.h"
#include "intparse.h"
#include "log.h"
#include "admin_gate.h"
#include "router.h"
#include "proxy.h"
#include "server.h"
#include "status.h"
#include "url.h"

#define CSP_IMG "img-src 'self' data:"
#define CSP_REST "; style-src 'self'; script-src 'self'; form-action 'self'; " \
                 "base-uri 'none'; frame-ancestors 'none'"

static const char *param(FCGX_Request *fr, const char *name)
{
	return FCGX_GetParam(name, fr->envp);
}

static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x21 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* Every value of a parameter, in order, joined with ", ": nginx passes a
 * header sent twice as two parameters of the same name, and FCGX_GetParam
 * would give only the first (the one farthest from us).  NULL if absent. */
static const char *param_all(struct req *r, FCGX_Request *fr, const char *name)
{
	size_t nlen = strlen(name);
	const char *first = NULL;
	struct buf b;
	bool several = false;
	for (char **p = fr->envp; p && *p; p++) {
		if (strncmp(*p, name, nlen) != 0 || (*p)[nlen] != '=')
			continue;
		const char *v = *p + nlen + 1;
		if (!first) {
			first = v;
			continue;
		}
		if (!several) {
			buf_init(&b);
			buf_puts(&b, first);
			several = true;
		}
		buf_puts(&b, ", ");
		buf_puts(&b, v);
	}
	if (!several)
		return first;
	const char *all = arena_strndup(r->a, b.data, b.len);
	buf_free(&b);
	return all;
}

/* The client address and, from a trusted proxy, the scheme, host and port
 * the client used (include/proxy.h). */
static void client_origin(struct req *r, FCGX_Request *fr)
{
	const struct config *cfg = r->w->cfg;
	const char *remote = param(fr, "REMOTE_ADDR");
	if (!remote || !*remote || !proxy_trusted(cfg, remote)) {
		r->remote_addr = remote && *remote ? remote : "unknown";
		return;
	}
	const char *fwd = param_all(r, fr, "HTTP_FORWARDED");
	const char *chain = param_all(r, fr, "HTTP_X_FORWARDED_FOR");
	if (!chain)
		chain = proxy_forwarded_for(fwd, r->a);
	r->remote_addr = proxy_client_addr(cfg, remote, chain, r->a);
	struct proxy_origin o;
	proxy_origin(fwd, param_all(r, fr, "HTTP_X_FORWARDED_PROTO"),
	             param_all(r, fr, "HTTP_X_FORWARDED_HOST"),
	             param_all(r, fr, "HTTP_X_FORWARDED_PORT"), r->a, &o);
	if (o.https < 0 && !o.host && !o.port)
		return;
	if (o.https >= 0)
		r->https = o.https == 1;
	if (o.host)
		r->host = o.host;
	else if (o.port && r->host) {   /* the client's Host with the proxy's port */
		bool v6 = r->host[0] == '[';
		size_t hlen = strcspn(r->host, v6 ? "]" : ":") + (v6 ? 1 : 0);
		r->host = arena_strndup(r->a, r->host, hlen);
	}
	/* The web server's own port says nothing about the client's. */
	r->server_port = o.port;
}

static int read_body(struct req *r, FCGX_Request *fr, struct perr *e)
{
	const char *cl = param(fr, "CONTENT_LENGTH");
	size_t len = 0;
	if (cl && *cl) {
		long long v;
		size_t n = strlen(cl);
		if (n > 12 || int_parse(cl, n, 0, 999999999999LL, 0, &v))
			return PERR(e, PERR_BAD_INPUT, "malformed Content-Length");
		if (v > REQ_MAX_BODY)
			return PERR(e, PERR_BAD_INPUT, "body of %lld bytes over the limit", v);
		len = (size_t)v;
	}
	r->body = arena_alloc(r->a, len + 1);
	size_t got = 0;
	while (got < len) {
		int n = FCGX_GetStr(r->body + got, (int)(len - got), fr->in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != len)
		return PERR(e, PERR_BAD_INPUT, "body shorter than Content-Length");
	r->body[len] = '\0';
	r->body_len = len;
	return 0;
}

/* "…/KEY/" or "…/p/3/?year=2026": 301 to the path without the trailing
 * slashes, query kept, when that path is one of ours (any method: a form
 * posted there is resent by the client as a GET).  Returns true when the
 * redirect is set. */
static bool trailing_slash_redirect(struct req *r)
{
	size_t n = strlen(r->path);
	if (n < 2 || r->path[n - 1] != '/')
		return false;
	while (n > 1 && r->path[n - 1] == '/')
		n--;
	const char *bare = arena_strndup(r->a, r->path, n);
	struct route_args args;
	if (!route_match(r->w->routes, bare, r->a, &args) || !printable_ascii(bare))
		return false;
	bool q = *r->query && printable_ascii(r->query);
	req_redirect(r, 301, arena_printf(r->a, "%s%s%s%s", r->base, bare, q ? "?" : "",
	                                  q ? r->query : ""));
	return true;
}

/* Parse and validate what the route needs before a page runs.  Returns 1
 * when the response is already set (a redirect) and no page runs. */
static int prepare(struct req *r, FCGX_Request *fr, const struct route **out, struct perr *e)
{
	const char *method = param(fr, "REQUEST_METHOD");
	const char *uri = param(fr, "REQUEST_URI");
	if (!method || !uri)
		return PERR(e, PERR_BAD_INPUT, "missing REQUEST_METHOD or REQUEST_URI");
	r->method_name = method;
	r->method = strcmp(method, "GET") == 0 ? HTTP_GET :
	            strcmp(method, "HEAD") == 0 ? HTTP_HEAD :
	            strcmp(method, "POST") == 0 ? HTTP_POST : HTTP_OTHER;
	size_t plen = strcspn(uri, "?");
	if (plen > REQ_MAX_PATH)
		return PERR(e, PERR_BAD_INPUT, "path too long");
	r->path = arena_strndup(r->a, uri, plen);
	r->query = uri[plen] == '?' ? uri + plen + 1 : "";
	if (strlen(r->query) > REQ_MAX_QUERY)
		return PERR(e, PERR_BAD_INPUT, "query too long");
	/* Under --base-path the web server passes the whole path; routes and
	 * pages see it without the prefix, and URL builders put it back. */
	r->base = r->w->cfg->base_path ? r->w->cfg->base_path : "";
	size_t blen = strlen(r->base);
	if (blen) {
		if (strncmp(r->path, r->base, blen) != 0 || (r->path[blen] && r->path[blen] != '/'))
			return PERR(e, PERR_NOT_FOUND, "outside the base path");
		r->path += blen;
	}
	const char *https = param(fr, "HTTPS");
	r->https = https && *https && strcmp(https, "off") != 0;
	const char *host = param(fr, "HTTP_HOST");
	if (host && strlen(host) <= REQ_MAX_HOST && printable_ascii(host))
		r->host = host;
	const char *port = param(fr, "SERVER_PORT");
	long long port_v;
	if (port && strlen(port) <= 5 && int_parse(port, strlen(port), 0, 99999, 0, &port_v) == 0)
		r->server_port = (unsigned)port_v;
	r->cookie_header = param(fr, "HTTP_COOKIE");
	if (r->cookie_header && strlen(r->cookie_header) > REQ_MAX_COOKIE)
		return PERR(e, PERR_BAD_INPUT, "cookie header too long");
	r->content_type = param(fr, "CONTENT_TYPE");
	client_origin(r, fr);
	r->origin = param(fr, "HTTP_ORIGIN");
	r->fetch_site = param(fr, "HTTP_SEC_FETCH_SITE");
	r->accept_encoding = param(fr, "HTTP_ACCEPT_ENCODING");

	const struct route *rt = route_match(r->w->routes, r->path, r->a, &r->args);
	if (!rt && trailing_slash_redirect(r))
		return 1;
	if (!rt)
		return PERR(e, PERR_NOT_FOUND, "no route");
	*out = rt;
	if (r->args.lang) {
		r->lang = i18n_find(r->args.lang);
		if (!r->lang)
			return PERR(e, PERR_NOT_FOUND, "unknown language");
	}
	bool get = r->method == HTTP_GET || r->method == HTTP_HEAD;
	if ((get && !(rt->flags & RF_GET)) || (r->method == HTTP_POST && !(rt->flags & RF_POST)) ||
	    r->method == HTTP_OTHER) {
		req_header(r, "Allow", (rt->flags & RF_POST) ? ((rt->flags & RF_GET) ? "GET, HEAD, POST" : "POST")
		                                             : "GET, HEAD");
		return PERR(e, PERR_METHOD, "method %s not allowed", r->method == HTTP_OTHER ? "other" : method);
	}
	if (rt->flags & RF_NO_STORE)
		r->no_store = true;
	if (params_parse(r->query, strlen(r->query), PS_QUERY, r->a, r->p, e))
		return -1;
	if (r->method == HTTP_POST) {
		/* Every POST (unlock, admin) changes something for the visitor:
		 * one sent by another site's page is refused before it is read,
		 * so it is never counted as a failed unlock either. */
		if (!http_post_origin_ok(param(fr, "HTTP_ORIGIN"), param(fr, "HTTP_SEC_FETCH_SITE"),
		                         r->host))
			return PERR(e, PERR_CROSS_SITE, "POST from another site");
		if (!http_media_type_is(r->content_type, "application/x-www-form-urlencoded"))
			return PERR(e, PERR_BAD_INPUT, "unsupported content type");
		if (read_body(r, fr, e))
			return -1;
		if (params_parse(r->body, r->body_len, PS_FORM, r->a, r->p, e))
			return -1;
	}
	/* Authorization and CSRF are checked here, once, for every route that
	 * declares them; pages may re-check but cannot forget. */
	if ((rt->flags & RF_ADMIN) && req_require_admin(r, e))
		return -1;
	if (r->method == HTTP_POST && (rt->flags & RF_CSRF) && req_check_csrf(r, e))
		return -1;
	return 0;
}

static void dispatch_error_page(struct req *r, const struct perr *e)
{
	struct perr e2 = {0};
	r->status = status_of(e->kind);
	if (e->kind == PERR_DB_UNAVAILABLE)
		req_header(r, "Retry-After", "5");
	const char *name = status_key(e->kind);
	if (!r->lang)
		r->lang = i18n_default();   /* unknown or no language in the URL */
	hdf_destroy(&r->hdf);
	hdf_init(&r->hdf);
	r->nmarkup = 0;
	rseti(r, "Error.Status", r->status);
	rset(r, "Error.Key", name);
	rset(r, "Error.Title", msg(r, arena_printf(r->a, "error.%s.title", name)));
	rset(r, "Error.Text", msg(r, arena_printf(r->a, "error.%s.text", name)));
	if (e->kind == PERR_FORBIDDEN)
		rset(r, "Error.LoginUrl", url_for(r, (struct url){.page = URL_KIMAI_LOGIN}));
	r->resp_type = NULL;
	if (render(r, "error.cs", &e2) != 0) {
		log_error("%s: %s", e2.func ? e2.func : "render", e2.msg);
		buf_reset(r->out);
		buf_printf(r->out, "%d %s\n", r->status, status_reason(r->status));
		r->resp_type = "text/plain; charset=utf-8";
	}
}

static void write_response(struct req *r, FCGX_Request *fr)
{
	int status = r->status ? r->status : 200;
	struct buf h;
	buf_init(&h);
	buf_printf(&h, "Status: %d %s\r\n", status, status_reason(status));
	buf_printf(&h, "Content-Type: %s\r\n", r->resp_type ? r->resp_type : "text/html; charset=utf-8");
	buf_printf(&h, "Content-Length: %zu\r\n", r->out->len);
	/* A branding logo from another https origin: exactly that origin. */
	buf_printf(&h, "Content-Security-Policy: default-src 'self'; " CSP_IMG "%s%s" CSP_REST "\r\n",
	           r->csp_img ? " " : "", r->csp_img ? r->csp_img : "");
	buf_puts(&h, "X-Content-Type-Options: nosniff\r\n"
	             "Referrer-Policy: no-referrer\r\n"
	             "X-Robots-Tag: noindex, nofollow\r\n"
	             "X-Frame-Options: DENY\r\n");
	buf_printf(&h, "Cache-Control: %s\r\n",
	           r->no_store ? "private, no-store" :
	           r->cache_control ? r->cache_control : "private, no-cache");
	for (size_t i = 0; i < r->nheaders; i++)
		buf_printf(&h, "%s: %s\r\n", r->headers[i].name, r->headers[i].value);
	buf_puts(&h, "\r\n");
	FCGX_PutStr(h.data, (int)h.len, fr->out);
	if (r->method != HTTP_HEAD && r->out->len)
		FCGX_PutStr(r->out->data, (int)r->out->len, fr->out);
	buf_free(&h);
}

/* While the database is away every request fails the same way: log that
 * at most once a second per process instead of once per request. */
static bool db_down_logged_recently(void)
{
	static atomic_llong last;
	long long now = clock_mono_s(), prev = atomic_load(&last);
	return prev == now || !atomic_compare_exchange_strong(&last, &prev, now);
}

static void log_failure(const struct req *r, const struct route *rt, const struct perr *e)
{
	int st = status_of(e->kind);
	if (e->kind == PERR_DB_UNAVAILABLE && db_down_logged_recently())
		return;
	enum log_level lvl = st >= 500 ? LOG_ERROR : st == 403 ? LOG_INFO : LOG_DEBUG;
	log_msg(lvl, "%d %s %s: %s: %s", st, r->method == HTTP_OTHER ? "OTHER" : r->method_name,
	        rt ? rt->pattern : "(no route)", e->func ? e->func : "?", e->msg);
}

bool dispatch_page(struct req *r, const struct route *rt, struct perr *e)
{
	r->status = 0;
	if (rt->page(r, e) != 0 && e->kind == PERR_OK)
		PERR(e, PERR_INTERNAL, "the page failed without an error");
	if (e->kind == PERR_OK && r->header_refused)
		PERR(e, PERR_BAD_INPUT, "header value with control characters");
	if (e->kind == PERR_OK)
		return true;
	/* Neither what a failing page wrote nor the headers it set belong in
	 * the error page. */
	buf_reset(r->out);
	r->nheaders = 0;
	return false;
}

void dispatch(struct worker *w, FCGX_Request *fr, struct arena *a, struct buf *out)
{
	struct req r = {0};
	struct perr e = {0};
	const struct route *rt = NULL;
	r.a = a;
	r.w = w;
	r.cfg = w->cfg;
	r.fmt = w->fmt;
	r.tz = w->tz;
	r.db = w->db;
	r.rdb = w->rdb;
	r.out = out;
	hdf_init(&r.hdf);
	int prep = prepare(&r, fr, &rt, &e);
	if (prep == 0)
		dispatch_page(&r, rt, &e);
	if (e.kind != PERR_OK) {
		log_failure(&r, rt, &e);
		dispatch_error_page(&r, &e);
	}
	write_response(&r, fr);
	hdf_destroy(&r.hdf);
}
