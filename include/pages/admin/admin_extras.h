/* The portal's own fields on the admin pages (share_store.h): expiry date,
 * browse window and the options "show activity" and "show tags" on the
 * share form, and on the list the status
 * (active/expired), expiry, window, view statistics and the "new link"
 * action.  Kept apart from the plugin's fields (page_admin_edit.c) so both
 * stay small. */
#ifndef PORTAL_ADMIN_EXTRAS_H
#define PORTAL_ADMIN_EXTRAS_H

#include <stdbool.h>

#include "admin_share.h"
#include "share_store.h"

struct req;

struct admin_extras_form {
	struct share_extras x;
	/* what the fields show: the stored values, or what was typed */
	const char *expires, *window_from, *window_to;
	const char *err_expires, *err_window;   /* message keys of field errors */
	bool show_activity, show_tags;
};

/* The stored settings of share `s`. */
void admin_extras_from_share(struct req *r, const struct share *s,
                             struct admin_extras_form *f);
/* The posted fields; false (with field errors set) when one is invalid. */
bool admin_extras_from_post(struct req *r, struct admin_extras_form *f);
/* Form.Expires, Form.WindowFrom, Form.WindowTo, their errors,
 * Form.ShowActivity, Form.ShowTags. */
void admin_extras_show(struct req *r, const struct admin_extras_form *f);
/* Stores them for share `id` on the primary. */
int admin_extras_save(struct req *r, long long id, const struct admin_extras_form *f,
                      struct perr *e);

/* <pre>Status, Expired, Expires, Window, Views, LastView, RotateUrl of a
 * list row; `pre` ends with a dot. */
void admin_extras_list_row(struct req *r, const char *pre, const struct share *s);

#endif
