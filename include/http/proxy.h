/* What a trusted reverse proxy says about the client (README, "Behind a
 * proxy"): its address from X-Forwarded-For (or Forwarded: for=), and the
 * scheme, host and port it used from X-Forwarded-Proto/-Host/-Port or
 * Forwarded: proto=/host=.  From anyone else these headers are ignored. */
#ifndef PORTAL_PROXY_H
#define PORTAL_PROXY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "config.h"

#define PROXY_MAX_HOPS 32   /* X-Forwarded-For entries looked at, from the right */

bool proxy_trusted(const struct config *cfg, const char *addr);

/* The client: `remote` (the peer of the FastCGI web server) unless that is
 * a trusted proxy; then the right-most entry of `chain` (a comma-separated
 * X-Forwarded-For, all header lines joined in order) that is not a trusted
 * proxy.  An entry that is no address ends the walk at the hop before it. */
const char *proxy_client_addr(const struct config *cfg, const char *remote, const char *chain,
                              struct arena *a);

/* The "for" addresses of a Forwarded header as an X-Forwarded-For chain,
 * or NULL when it has none. */
const char *proxy_forwarded_for(const char *forwarded, struct arena *a);

/* What the client used, from a trusted proxy's headers (any may be NULL).
 * Fields stay unset (NULL / -1 / 0) when the headers do not say. */
struct proxy_origin {
	int         https;   /* -1 unknown, 0 http, 1 https */
	const char *host;    /* validated host, without a port */
	unsigned    port;    /* 0 unknown */
};
void proxy_origin(const char *forwarded, const char *xf_proto, const char *xf_host,
                  const char *xf_port, struct arena *a, struct proxy_origin *out);

#endif
