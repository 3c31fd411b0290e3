/* Routing: the shape of a route table and the matcher (router.c).  The
 * table itself belongs to the pages (src/pages/routes.c). */
#ifndef PORTAL_ROUTER_H
#define PORTAL_ROUTER_H

#include <stddef.h>

#include "req.h"

typedef int (*page_fn)(struct req *r, struct perr *e);

enum route_flags {
	RF_GET      = 1 << 0,   /* GET and HEAD */
	RF_POST     = 1 << 1,
	RF_ADMIN    = 1 << 2,   /* needs a Kimai session with customer_portal */
	RF_CSRF     = 1 << 3,   /* POST must carry a valid CSRF token */
	RF_NO_STORE = 1 << 4,   /* Cache-Control: private, no-store */
};

struct route {
	const char *pattern;    /* "/{lang}/auth/customer-portal/{key}" */
	int         flags;
	page_fn     page;
};

/* A route table: the pages layer owns it (src/pages/routes.c) and hands
 * it to server_run(). */
struct route_table {
	const struct route *v;
	size_t              n;
};

/* Matches `path` against the table.  Returns the route and fills `args`,
 * or NULL (404).  `*method_ok` tells whether the method is allowed (405). */
const struct route *route_match(const struct route_table *t, const char *path,
                                struct arena *a, struct route_args *args);

#endif
