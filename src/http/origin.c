/* Same-origin POSTs (origin.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "origin.h"
#include "req.h"

/* Length of `auth` without a port that is the default of `scheme_https`
 * (":443" for https, ":80" for http). */
static size_t without_default_port(const char *auth, size_t n, bool https)
{
	const char *dflt = https ? ":443" : ":80";
	size_t dl = strlen(dflt);
	if (n > dl && memcmp(auth + n - dl, dflt, dl) == 0)
		return n - dl;
	return n;
}

bool origin_matches(const char *origin, const char *host, bool https)
{
	const char *auth;
	bool origin_https;
	size_t an, hn;

	if (!origin || !host)
		return false;
	if (strncasecmp(origin, "https://", 8) == 0) {
		auth = origin + 8;
		origin_https = true;
	} else if (strncasecmp(origin, "http://", 7) == 0) {
		auth = origin + 7;
		origin_https = false;
	} else {
		return false;   /* "null" and anything else */
	}
	an = strlen(auth);
	if (an == 0 || strcspn(auth, "/?#@") != an)
		return false;
	an = without_default_port(auth, an, origin_https);
	hn = without_default_port(host, strlen(host), https);
	/* A TLS proxy in front may hand us plain http: the scheme is not
	 * compared, host and port are. */
	return an == hn && strncasecmp(auth, host, an) == 0;
}

bool req_same_origin(const struct req *r)
{
	bool fetch_same = r->fetch_site && strcasecmp(r->fetch_site, "same-origin") == 0;

	if (r->fetch_site && strcasecmp(r->fetch_site, "cross-site") == 0)
		return false;
	if (!r->origin)
		return true;
	/* Our pages send Referrer-Policy: no-referrer, under which browsers
	 * post their forms with "Origin: null"; then Sec-Fetch-Site decides. */
	if (strcmp(r->origin, "null") == 0)
		return fetch_same;
	if (origin_matches(r->origin, r->host, r->https))
		return true;
	/* nginx may hand over its $host, without the port: add SERVER_PORT. */
	if (r->host && !strchr(strrchr(r->host, ']') ? strrchr(r->host, ']') : r->host, ':') &&
	    r->server_port) {
		char h[300];
		int n = snprintf(h, sizeof(h), "%s:%u", r->host, r->server_port);
		return n > 0 && (size_t)n < sizeof(h) && origin_matches(r->origin, h, r->https);
	}
	return false;
}
