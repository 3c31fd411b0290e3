/* The request boundary: FastCGI in, one response out. */
#ifndef PORTAL_DISPATCH_H
#define PORTAL_DISPATCH_H

#include <fcgiapp.h>

#include "arena.h"
#include "req.h"
#include "router.h"

/* Limits on what a client may send (README "Limits"). */
#define REQ_MAX_PATH     2048
#define REQ_MAX_QUERY    4096
#define REQ_MAX_COOKIE   8192
#define REQ_MAX_BODY     (64 * 1024)
#define REQ_MAX_HOST     255

struct worker;

void dispatch(struct worker *w, FCGX_Request *fr, struct arena *a, struct buf *out);

/* Runs the route's page.  True when the page answered; false when it failed,
 * with `e` filled: a page returning -1 without an error is PERR_INTERNAL.
 * The failed page's output and headers are dropped for the error page. */
bool dispatch_page(struct req *r, const struct route *rt, struct perr *e);

#endif
