/* The one route table (routes.c) and the pages it dispatches to. */
#ifndef PORTAL_ROUTES_H
#define PORTAL_ROUTES_H

#include "router.h"

/* The one route table. */
extern const struct route_table routes;

/* Pages (one file each in src/pages/). */
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
int page_share_signoff(struct req *r, struct perr *e);
int page_admin_withdraw(struct req *r, struct perr *e);   /* admin/signoffs.c */

#endif
