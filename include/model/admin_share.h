/* The shares an admin may manage (struct share, share.h, without the
 * password hash: only whether there is one), loaded by Kimai's team rule. */
#ifndef PORTAL_ADMIN_SHARE_H
#define PORTAL_ADMIN_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"
#include "share.h"

struct mctx;

/* Who asks: a Kimai user id and whether they may see all data; without
 * view_all_data Kimai's team rule decides what they see. */
struct share_viewer {
	long long user_id;
	bool      view_all_data;
};

/* Every share the admin may manage, in the plugin's order (project name,
 * customer name, key). */
int admin_shares_list(const struct mctx *mc, const struct share_viewer *who,
                      struct share **out, size_t *n,
                      struct perr *e);
/* The share `id` with exactly key `key`, if the admin may manage it;
 * otherwise PERR_NOT_FOUND. */
int admin_share_get(const struct mctx *mc, const struct share_viewer *who, long long id, const char *key,
                    struct share *out, struct perr *e);

#endif
