/* Same-origin POSTs (docs/signoff.md "Safety"): a form a browser posts from
 * another site must not act for the client.  Browsers send Origin with
 * every POST and, recent ones, Sec-Fetch-Site; a request without either
 * (a script, an old browser) is let through, since it carries no ambient
 * credentials a third site could borrow. */
#ifndef PORTAL_ORIGIN_H
#define PORTAL_ORIGIN_H

#include <stdbool.h>

struct req;

/* False when Sec-Fetch-Site says "cross-site", or when Origin names
 * another origin than the host the request came to.  "Origin: null" (what
 * browsers send for a form on a page with Referrer-Policy: no-referrer, as
 * ours are, and for sandboxed or file pages) passes only together with
 * "Sec-Fetch-Site: same-origin".  Scheme aside, host and port must match
 * the Host header (a default port may be left out on either side). */
bool req_same_origin(const struct req *r);

/* The comparison itself, for tests: Origin `origin` against Host `host`
 * (both as sent) on a request that came in over https or not. */
bool origin_matches(const char *origin, const char *host, bool https);

#endif
