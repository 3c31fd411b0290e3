/* What the admin pages (src/pages/admin/) share: URLs, the template
 * scaffolding, the confirmation gate of one-share actions and the guards. */
#ifndef PORTAL_ADMIN_PAGE_H
#define PORTAL_ADMIN_PAGE_H

#include <stdbool.h>

#include "admin_share.h"
#include "perr.h"
#include "url.h"

struct req;

/* The viewer of an admin request (r->auth) as the model wants it. */
struct share_viewer admin_viewer(const struct req *r);

/* Template data every admin page uses: Admin.Base and Admin.Csrf. */
void admin_page_setup(struct req *r);
/* An action on one share that needs a confirmation (delete, new link).
 * The three texts are message keys. */
struct admin_confirm {
	const char *action;     /* "delete", "rotate": names the card's title id */
	const char *title;      /* page and heading */
	const char *warning;    /* what happens when confirmed */
	const char *button;
};
/* Loads the share of the URL (admin_share_get) into `s`.  A GET answers
 * with the confirmation page (the share's type, name and public URL, the
 * warning and a button posting to the same URL with the CSRF token;
 * admin_confirm.cs) and leaves *confirmed false; a POST passes
 * admin_guard_post() and sets *confirmed: the caller acts. */
int admin_confirm_gate(struct req *r, const struct admin_confirm *c, struct share *s,
                       bool *confirmed, struct perr *e);

/* Pages call this first: the dispatcher has already checked RF_ADMIN
 * routes, this makes each page safe on its own as well. */
int admin_guard(struct req *r, struct perr *e);
/* The same for POSTs: admin_guard() plus the CSRF check. */
int admin_guard_post(struct req *r, struct perr *e);

#endif
