/* Admin requests (routes with RF_ADMIN): who the browser is in Kimai, and
 * the CSRF token of their forms (auth.h does the checking). */
#ifndef PORTAL_ADMIN_GATE_H
#define PORTAL_ADMIN_GATE_H

#include "perr.h"

struct req;

/* For the dispatcher, before the page of an RF_ADMIN route: sets r->auth,
 * or fails with PERR_FORBIDDEN (403 page with the link to Kimai's login). */
int req_require_admin(struct req *r, struct perr *e);
/* For the dispatcher, before the page of an RF_CSRF route on POST (after
 * req_require_admin): the `_token` form field must equal req_csrf_token();
 * missing or wrong is PERR_BAD_INPUT. */
int req_check_csrf(struct req *r, struct perr *e);
/* The CSRF token of this request's Kimai session; NULL without r->auth. */
const char *req_csrf_token(struct req *r);

#endif
