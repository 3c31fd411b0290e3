/* Checks of HTTP field values (http_field.c): the one place where a value
 * built from request data is judged fit for a response header, where media
 * types are compared and where a POST's origin is judged.  Pure functions
 * of their arguments, so they are tested on their own (test_http_field.c). */
#ifndef PORTAL_HTTP_FIELD_H
#define PORTAL_HTTP_FIELD_H

#include <stdbool.h>

/* True when `v` may be sent as a header value: visible ASCII, spaces and
 * tabs only (never CR, LF, NUL or another control byte), at most
 * HTTP_FIELD_VALUE_MAX bytes. */
#define HTTP_FIELD_VALUE_MAX 8192
bool http_field_value_ok(const char *v);

/* True when the Content-Type value `ct` names the media type `type`
 * ("type/subtype", lower case), whatever its parameters: type and subtype
 * compare case-insensitively (RFC 9110 §8.3.1). */
bool http_media_type_is(const char *ct, const char *type);

/* True when a POST carrying these request headers (either may be NULL) may
 * come from a page of this site, whose Host header is `host`:
 * Sec-Fetch-Site "cross-site" is refused, and so is an Origin whose
 * host[:port] is not `host` (only the host name when `host` has no port,
 * as nginx's $host has not).  "Origin: null" is left to Sec-Fetch-Site:
 * browsers send it for same-origin forms of pages with
 * "Referrer-Policy: no-referrer", which every page of ours has. */
bool http_post_origin_ok(const char *origin, const char *sec_fetch_site, const char *host);

/* True when an Accept-Encoding value (NULL: no header) accepts gzip: a
 * "gzip" or "x-gzip" coding, or "*", whose q is not zero (RFC 9110
 * §12.5.3).  "gzip;q=0" refuses it even when "*" would take it. */
bool http_accepts_gzip(const char *accept_encoding);

#endif
