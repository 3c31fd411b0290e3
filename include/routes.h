/* The one route table (routes.c) and the pages it dispatches to. */
#ifndef PORTAL_ROUTES_H
#define PORTAL_ROUTES_H

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

extern const struct route routes[];
extern const size_t       routes_count;

/* Matches `path` against the table.  Returns the route and fills `args`,
 * or NULL (404).  `*method_ok` tells whether the method is allowed (405). */
const struct route *route_match(const char *path, struct arena *a,
                                struct route_args *args);

/* Pages (one file each: src/page_<name>.c). */
int page_health(struct req *r, struct perr *e);
int page_ready(struct req *r, struct perr *e);
int page_static(struct req *r, struct perr *e);
int page_share(struct req *r, struct perr *e);
int page_share_csv(struct req *r, struct perr *e);
int page_legacy_project(struct req *r, struct perr *e);
int page_legacy_customer(struct req *r, struct perr *e);
int page_lang_redirect(struct req *r, struct perr *e);
int page_admin_list(struct req *r, struct perr *e);
int page_admin_create(struct req *r, struct perr *e);    /* page_admin_edit.c */
int page_admin_edit(struct req *r, struct perr *e);
int page_admin_delete(struct req *r, struct perr *e);
int page_admin_rotate(struct req *r, struct perr *e);
int page_plugin_admin(struct req *r, struct perr *e);

#endif
