/* Request helpers used by pages: response headers, cookies, template data. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http_field.h"
#include "i18n.h"
#include "log.h"
#include "req.h"

void req_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders >= REQ_MAX_HEADERS)
		return;  /* a fixed small set per page; never reached by input */
	if (!http_field_value_ok(value)) {
		r->header_refused = true;
		return;
	}
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = value;
	r->nheaders++;
}

void req_redirect(struct req *r, int status, const char *location)
{
	r->status = status;
	req_header(r, "Location", location);
}

/* Cookie header: "a=1; b=2".  Returns the first value of `name`, without
 * surrounding quotes; values are bounded by the header limit. */
const char *req_cookie(struct req *r, const char *name)
{
	const char *h = r->cookie_header;
	size_t vlen;
	const char *v = cookie_next(&h, name, &vlen);
	if (!v)
		return NULL;
	if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"')
		v++, vlen -= 2;
	return arena_strndup(r->a, v, vlen);
}

const char *cookie_next(const char **cursor, const char *name, size_t *vlen)
{
	const char *h = *cursor;
	size_t nlen = strlen(name);
	if (!h)
		return NULL;
	while (*h) {
		while (*h == ' ' || *h == ';')
			h++;
		size_t len = strcspn(h, ";");
		const char *eq = memchr(h, '=', len);
		const char *end = h + len;
		if (eq && (size_t)(eq - h) == nlen && memcmp(h, name, nlen) == 0) {
			const char *v = eq + 1;
			size_t n = (size_t)(end - v);
			while (n && v[n - 1] == ' ')
				n--;
			*cursor = end;
			*vlen = n;
			return v;
		}
		h = end;
	}
	*cursor = h;
	return NULL;
}

/* Debian's fastcgi_params passes HTTP_HOST as nginx's $host, which drops
 * the port; put back a non-default one from SERVER_PORT. */
const char *req_base_url(struct req *r)
{
	const char *host = r->host ? r->host : "localhost";
	const char *close = strrchr(host, ']');
	bool has_port = strchr(close ? close : host, ':') != NULL;
	unsigned dflt = r->https ? 443 : 80;
	if (!has_port && r->server_port && r->server_port != dflt)
		return arena_printf(r->a, "%s://%s:%u%s", r->https ? "https" : "http", host,
		                    r->server_port, r->base ? r->base : "");
	return arena_printf(r->a, "%s://%s%s", r->https ? "https" : "http", host,
	                    r->base ? r->base : "");
}

const char *req_url(struct req *r, const char *path)
{
	if (!r->base || !*r->base)
		return path;
	return arena_printf(r->a, "%s%s", r->base, path);
}

void rset(struct req *r, const char *name, const char *value)
{
	hdf_set_value(r->hdf, name, value ? value : "");
}

void rsetf(struct req *r, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *v = arena_vprintf(r->a, fmt, ap);
	va_end(ap);
	hdf_set_value(r->hdf, name, v);
}

/* Decimal digits of v, ending at end[-1]; returns the first character.
 * Numbers are set by the thousand per page: cheaper than snprintf. */
static char *decimal(long long v, char *end)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char *p = end;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

void rseti(struct req *r, const char *name, long long v)
{
	char tmp[24];
	hdf_set_value(r->hdf, name, decimal(v, tmp + sizeof(tmp)));
}

const char *msg(struct req *r, const char *key)
{
	return i18n_msg(r->lang ? r->lang : i18n_find("en"), key);
}

const char *msg_subst(struct req *r, const char *text, const char *const *args, size_t n)
{
	const char *out = "";
	size_t k = 0;

	while (k < n) {
		const char *at = strstr(text, "%s");
		if (!at)
			break;
		out = arena_printf(r->a, "%s%.*s%s", out, (int)(at - text), text,
		                   args[k] ? args[k] : "");
		k++;
		text = at + 2;
	}
	return arena_printf(r->a, "%s%s", out, text);
}

struct mctx req_model(const struct req *r)
{
	return (struct mctx){ .db = r->rdb, .a = r->a, .tz = r->tz };
}

struct mctx req_model_primary(const struct req *r)
{
	return (struct mctx){ .db = r->db, .a = r->a, .tz = r->tz };
}

HDF *rnode_in(HDF *parent, const char *name)
{
	HDF *node = NULL;
	/* hdf_get_node creates what is missing; it fails only without memory,
	 * and running out of memory aborts (arena.h). */
	if (hdf_get_node(parent, name, &node) != STATUS_OK || !node) {
		log_error("template data: out of memory");
		abort();
	}
	return node;
}

HDF *rnode(struct req *r, const char *name)
{
	return rnode_in(r->hdf, name);
}

HDF *rnode_at(HDF *parent, size_t index)
{
	char tmp[24];
	return rnode_in(parent, decimal((long long)index, tmp + sizeof(tmp)));
}

void rset_in(HDF *node, const char *name, const char *value)
{
	hdf_set_value(node, name, value ? value : "");
}

void rseti_in(HDF *node, const char *name, long long v)
{
	char tmp[24];
	hdf_set_value(node, name, decimal(v, tmp + sizeof(tmp)));
}
