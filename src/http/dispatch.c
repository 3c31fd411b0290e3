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
#include "i18n.h"
#include "log.h"
#include "admin_gate.h"
#include "router.h"
#include "server.h"
#include "url.h"

#define CSP "default-src 'self'; img-src 'self' data:; style-src 'self'; " \
            "script-src 'self'; form-action 'self'; base-uri 'none'; "       \
            "frame-ancestors 'none'"

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

/* The client address: REMOTE_ADDR, or, when that is a trusted proxy, the
 * last X-Forwarded-For entry (the one our proxy appended). */
static const char *client_addr(struct req *r, FCGX_Request *fr)
{
	const struct config *cfg = r->w->cfg;
	const char *remote = param(fr, "REMOTE_ADDR");
	if (!remote || !*remote)
		return "unknown";
	bool trusted = false;
	for (size_t i = 0; i < cfg->n_trusted_proxies && !trusted; i++)
		trusted = cidr_match(&cfg->trusted_proxies[i], remote);
	const char *xff = param(fr, "HTTP_X_FORWARDED_FOR");
	if (!trusted || !xff || strlen(xff) > REQ_MAX_COOKIE)
		return remote;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	size_t n = strcspn(last, " \t");
	char *cand = arena_strndup(r->a, last, n);
	unsigned char tmp[16];
	if (inet_pton(AF_INET, cand, tmp) == 1 || inet_pton(AF_INET6, cand, tmp) == 1)
		return cand;
	return remote;
}

static int read_body(struct req *r, FCGX_Request *fr, struct perr *e)
{
	const char *cl = param(fr, "CONTENT_LENGTH");
	size_t len = 0;
	if (cl && *cl) {
		char *end = NULL;
		errno = 0;
		unsigned long long v = strtoull(cl, &end, 10);
		if (errno || *end || strlen(cl) > 12 || strspn(cl, "0123456789") != strlen(cl))
			return PERR(e, PERR_BAD_REQUEST, "malformed Content-Length");
		if (v > REQ_MAX_BODY)
			return PERR(e, PERR_BAD_REQUEST, "body of %llu bytes over the limit", v);
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
		return PERR(e, PERR_BAD_REQUEST, "body shorter than Content-Length");
	r->body[len] = '\0';
	r->body_len = len;
	return 0;
}

/* Parse and validate what the route needs before a page runs. */
static int prepare(struct req *r, FCGX_Request *fr, const struct route **out, struct perr *e)
{
	const char *method = param(fr, "REQUEST_METHOD");
	const char *uri = param(fr, "REQUEST_URI");
	if (!method || !uri)
		return PERR(e, PERR_BAD_REQUEST, "missing REQUEST_METHOD or REQUEST_URI");
	r->method_name = method;
	r->method = strcmp(method, "GET") == 0 ? HTTP_GET :
	            strcmp(method, "HEAD") == 0 ? HTTP_HEAD :
	            strcmp(method, "POST") == 0 ? HTTP_POST : HTTP_OTHER;
	size_t plen = strcspn(uri, "?");
	if (plen > REQ_MAX_PATH)
		return PERR(e, PERR_BAD_REQUEST, "path too long");
	r->path = arena_strndup(r->a, uri, plen);
	r->query = uri[plen] == '?' ? uri + plen + 1 : "";
	if (strlen(r->query) > REQ_MAX_QUERY)
		return PERR(e, PERR_BAD_REQUEST, "query too long");
	const char *https = param(fr, "HTTPS");
	r->https = https && *https && strcmp(https, "off") != 0;
	const char *host = param(fr, "HTTP_HOST");
	if (host && strlen(host) <= REQ_MAX_HOST && printable_ascii(host))
		r->host = host;
	const char *port = param(fr, "SERVER_PORT");
	if (port && strlen(port) <= 5 && strspn(port, "0123456789") == strlen(port))
		r->server_port = (unsigned)strtoul(port, NULL, 10);
	r->cookie_header = param(fr, "HTTP_COOKIE");
	if (r->cookie_header && strlen(r->cookie_header) > REQ_MAX_COOKIE)
		return PERR(e, PERR_BAD_REQUEST, "cookie header too long");
	r->content_type = param(fr, "CONTENT_TYPE");
	r->origin = param(fr, "HTTP_ORIGIN");
	r->fetch_site = param(fr, "HTTP_SEC_FETCH_SITE");
	r->remote_addr = client_addr(r, fr);

	const struct route *rt = route_match(r->w->routes, r->path, r->a, &r->args);
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
		const char *ct = r->content_type ? r->content_type : "";
		if (strncmp(ct, "application/x-www-form-urlencoded", 33) != 0 ||
		    (ct[33] && ct[33] != ';'))
			return PERR(e, PERR_BAD_REQUEST, "unsupported content type");
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

void dispatch_error_page(struct req *r, const struct perr *e)
{
	struct perr e2 = {0};
	r->status = perr_status(e->kind);
	if (e->kind == PERR_DB_DOWN)
		req_header(r, "Retry-After", "5");
	const char *name = perr_name(e->kind);
	if (!r->lang)
		r->lang = i18n_default();   /* unknown or no language in the URL */
	hdf_destroy(&r->hdf);
	hdf_init(&r->hdf);
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
		buf_printf(r->out, "%d %s\n", r->status, perr_reason(e->kind));
		r->resp_type = "text/plain; charset=utf-8";
	}
}

static void write_response(struct req *r, FCGX_Request *fr)
{
	int status = r->status ? r->status : 200;
	struct buf h;
	buf_init(&h);
	const char *reason = "OK";
	switch (status) {
	case 200: reason = "OK"; break;
	case 301: reason = "Moved Permanently"; break;
	case 302: reason = "Found"; break;
	case 303: reason = "See Other"; break;
	case 304: reason = "Not Modified"; break;
	case 307: reason = "Temporary Redirect"; break;
	case 308: reason = "Permanent Redirect"; break;
	default:
		for (int k = 0; k < PERR__MAX; k++)
			if (perr_status((enum perr_kind)k) == status)
				reason = perr_reason((enum perr_kind)k);
	}
	buf_printf(&h, "Status: %d %s\r\n", status, reason);
	buf_printf(&h, "Content-Type: %s\r\n", r->resp_type ? r->resp_type : "text/html; charset=utf-8");
	buf_printf(&h, "Content-Length: %zu\r\n", r->out->len);
	buf_puts(&h, "Content-Security-Policy: " CSP "\r\n"
	             "X-Content-Type-Options: nosniff\r\n"
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
	int st = perr_status(e->kind);
	if (e->kind == PERR_DB_DOWN && db_down_logged_recently())
		return;
	enum log_level lvl = st >= 500 ? LOG_ERROR : (st == 403 || st == 429) ? LOG_INFO : LOG_DEBUG;
	log_msg(lvl, "%d %s %s: %s: %s", st, r->method == HTTP_OTHER ? "OTHER" : r->method_name,
	        rt ? rt->pattern : "(no route)", e->func ? e->func : "?", e->msg);
}

void dispatch(struct worker *w, FCGX_Request *fr, struct arena *a, struct buf *out)
{
	struct req r = {0};
	struct perr e = {0};
	const struct route *rt = NULL;
	r.a = a;
	r.w = w;
	r.out = out;
	hdf_init(&r.hdf);
	if (prepare(&r, fr, &rt, &e) == 0) {
		r.status = 0;
		if (rt->page(&r, &e) != 0) {
			/* Headers a failing page set (except Allow/Retry-After from us)
			 * must not leak into the error page. */
			r.nheaders = 0;
		}
	}
	if (e.kind != PERR_OK) {
		log_failure(&r, rt, &e);
		dispatch_error_page(&r, &e);
	}
	write_response(&r, fr);
	hdf_destroy(&r.hdf);
}
