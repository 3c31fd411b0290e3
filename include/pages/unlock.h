/* The password gate of protected shares (docs/design.md, "Share pages", page_unlock.c).  A
 * share page calls unlock_gate() first, before it loads or shows anything
 * of the customer or project. */
#ifndef PORTAL_UNLOCK_H
#define PORTAL_UNLOCK_H

#include <stdbool.h>

#include "perr.h"

struct req;
struct share;

/* How long an unlock lasts (cookie Max-Age and signed expiry): a week,
 * so a client opening a monthly report now and then is not asked each
 * time, while a leaked cookie does not last forever. */
#define UNLOCK_TTL_S (7 * 24 * 3600)

/* Unprotected share: *show_data = true, nothing else happens.
 * Protected share (the response is always private, no-store):
 *  - GET/HEAD with a valid unlock cookie: *show_data = true;
 *  - GET/HEAD otherwise: the unlock page (200) is rendered into r;
 *  - POST: counted against the client's failure budget first; over the
 *    limit → the "too many attempts" page (429, Retry-After) without
 *    checking the password; right password → cookie + 303 to the same
 *    URL; wrong → the unlock page with an error (200).
 * When *show_data is false on return 0, the response is complete and the
 * caller returns 0 at once.  Fails only on database errors. */
int unlock_gate(struct req *r, const struct share *s, bool *show_data, struct perr *e);

/* True when the client may see share `s` without being asked: it has no
 * password, or the request carries a valid unlock cookie.  For POSTs other
 * than the unlock form (a client's sign-off), which must never count as a
 * password attempt. */
bool unlock_ok(struct req *r, const struct share *s);

/* Name of the unlock cookie of share `id` ("portal_unlock_<id>"). */
const char *unlock_cookie_name(struct req *r, long long share_id);

#endif
