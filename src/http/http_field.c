/* HTTP field values (http_field.h). */
#include <string.h>
#include <strings.h>

#include "http_field.h"

bool http_field_value_ok(const char *v)
{
	size_t n = 0;

	if (!v)
		return false;
	for (; *v; v++, n++) {
		unsigned char c = (unsigned char)*v;
		if (n >= HTTP_FIELD_VALUE_MAX || (c < 0x20 && c != '\t') || c == 0x7f)
			return false;
	}
	return true;
}

static bool ows(char c)
{
	return c == ' ' || c == '\t';
}

bool http_media_type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);

	if (!ct)
		return false;
	while (ows(*ct))
		ct++;
	if (strncasecmp(ct, type, n) != 0)
		return false;
	ct += n;
	while (ows(*ct))
		ct++;
	return *ct == '\0' || *ct == ';';
}

/* Default port of an origin's scheme, or NULL for a scheme we do not serve. */
static const char *default_port(const char *scheme, size_t len)
{
	if (len == 4 && strncasecmp(scheme, "http", 4) == 0)
		return "80";
	if (len == 5 && strncasecmp(scheme, "https", 5) == 0)
		return "443";
	return NULL;
}

/* The ':' before the port of "host[:port]", or NULL; an IPv6 literal's
 * colons are inside brackets. */
static const char *port_colon(const char *hp)
{
	const char *end = hp[0] == '[' ? strchr(hp, ']') : NULL;

	return strchr(end ? end : hp, ':');
}

/* host[:port] of `origin` equals `host`; a port that is the scheme's
 * default may be left out of the origin.  A `host` without a port names
 * the host only: Debian's fastcgi_params passes nginx's $host, which has
 * dropped the port the client used (and behind a TLS proxy nginx's own
 * port is not the client's either), so only the host names compare. */
static bool same_authority(const char *origin, const char *host)
{
	const char *sep = strstr(origin, "://");
	const char *dport, *auth, *colon_o, *colon_h;
	size_t olen, hlen;

	if (!sep || !host || !*host)
		return false;
	dport = default_port(origin, (size_t)(sep - origin));
	if (!dport)
		return false;
	auth = sep + 3;
	if (strpbrk(auth, "/?#@ \t"))
		return false;
	if (strcasecmp(auth, host) == 0)
		return true;
	/* The host names, then the ports with the default filled in. */
	colon_o = port_colon(auth);
	colon_h = port_colon(host);
	olen = colon_o ? (size_t)(colon_o - auth) : strlen(auth);
	hlen = colon_h ? (size_t)(colon_h - host) : strlen(host);
	if (olen != hlen || strncasecmp(auth, host, olen) != 0)
		return false;
	return !colon_h || strcmp(colon_o ? colon_o + 1 : dport, colon_h + 1) == 0;
}

bool http_post_origin_ok(const char *origin, const char *sec_fetch_site, const char *host)
{
	if (sec_fetch_site && strcasecmp(sec_fetch_site, "cross-site") == 0)
		return false;
	if (!origin || strcmp(origin, "null") == 0)
		return true;
	return same_authority(origin, host);
}

/* q of one coding's parameters ("; q=0.5"): 0 only for "q=0", "q=0.0"… */
static bool q_is_zero(const char *p, const char *end)
{
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ';'))
			p++;
		if (end - p >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			p += 2;
			if (p == end || *p != '0')
				return false;
			for (p++; p < end && (*p == '.' || *p == '0'); p++)
				;
			return p == end || *p == ' ' || *p == '\t' || *p == ';';
		}
		while (p < end && *p != ';')
			p++;
	}
	return false;
}

bool http_accepts_gzip(const char *v)
{
	int gzip = -1, star = -1;   /* -1: not named, 0: refused, 1: accepted */
	while (v && *v) {
		while (*v == ' ' || *v == '\t' || *v == ',')
			v++;
		const char *tok = v;
		while (*v && *v != ',' && *v != ';' && *v != ' ' && *v != '\t')
			v++;
		size_t n = (size_t)(v - tok);
		const char *params = v;
		while (*v && *v != ',')
			v++;
		int ok = !q_is_zero(params, v);
		if ((n == 4 && strncasecmp(tok, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(tok, "x-gzip", 6) == 0))
			gzip = gzip == 1 ? 1 : ok;
		else if (n == 1 && *tok == '*')
			star = ok;
	}
	return gzip >= 0 ? gzip == 1 : star == 1;
}
