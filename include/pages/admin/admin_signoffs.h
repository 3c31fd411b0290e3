/* Client sign-off on the admin pages (docs/signoff.md): the option on the
 * share form, the newest sign-off of each month in the list and on the
 * share's page, and withdrawing one (page_admin_withdraw). */
#ifndef PORTAL_ADMIN_SIGNOFFS_H
#define PORTAL_ADMIN_SIGNOFFS_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct req;
struct share;

/* Ids of the shares with the option (ascending). */
int admin_signoff_ids(struct req *r, long long **ids, size_t *n, struct perr *e);
/* Whether share `id` has the option. */
int admin_signoff_enabled(struct req *r, long long id, bool *on, struct perr *e);
/* The posted checkbox. */
bool admin_signoff_from_post(struct req *r);
/* Stores the option of share `id`. */
int admin_signoff_save(struct req *r, long long id, bool on, struct perr *e);

/* <pre>SignOff and <pre>Signoffs.N.* (the newest months) of a list row;
 * `pre` ends with a dot. */
int admin_signoff_list_row(struct req *r, const char *pre, const struct share *s, bool on,
                           struct perr *e);
/* Form.SignOff, and for a stored share (s not NULL) its sign-offs with
 * their withdraw forms (Admin.Signoffs.*). */
int admin_signoff_form(struct req *r, const struct share *s, bool on, struct perr *e);

#endif
