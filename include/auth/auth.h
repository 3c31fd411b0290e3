/* Who may use the admin pages (docs/design.md, "Admin pages" and "Kimai facts"):
 * a browser logged in to Kimai whose user holds the `customer_portal`
 * permission.  Nothing is cached across requests: every admin request reads
 * the session row, the user row and the permission rows again, so a logout,
 * a disabled account, a changed password or a revoked permission takes
 * effect on the very next request.  Kimai's session is never written. */
#ifndef PORTAL_AUTH_H
#define PORTAL_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct mctx;

#define KIMAI_SESSION_COOKIE "KIMAI_SESSION"
#define CSRF_TOKEN_HEXLEN    64

struct auth_user {
	long long     id;
	const char   *username;
	const char   *session_id;      /* the cookie value: CSRF tokens are bound to it */
	const char  **roles;           /* upper-cased, ROLE_USER included */
	size_t        nroles;
	bool          customer_portal; /* may use the admin pages */
	bool          view_all_data;   /* sees every customer and project; without it
	                                * the team rule applies (SQL_*_TEAM_OK) */
};

/* Why a browser is (not) let in; logged at info level, never shown. */
enum auth_verdict {
	AUTH_OK,
	AUTH_NO_COOKIE,
	AUTH_BAD_COOKIE,       /* value outside 22–256 chars of [0-9A-Za-z,-] */
	AUTH_NO_SESSION,       /* no such row */
	AUTH_EXPIRED,          /* lifetime < now */
	AUTH_BAD_PAYLOAD,      /* session data malformed or over a limit */
	AUTH_NOT_LOGGED_IN,    /* anonymous, 2FA pending, unknown token kind */
	AUTH_NO_USER,          /* no user row with the token's username */
	AUTH_USER_CHANGED,     /* id, username or password hash differ */
	AUTH_DISABLED,         /* disabled in the token or in the row */
	AUTH_NO_PERMISSION,    /* logged in, but without customer_portal */
	AUTH__MAX
};

const char *auth_verdict_name(enum auth_verdict v);

/* True for a syntactically acceptable KIMAI_SESSION value (checked before
 * any query). */
bool auth_session_id_ok(const char *id);

/* Runs every check on the KIMAI_SESSION cookie value `sid` (NULL when
 * the browser sent none).  Returns -1 only for database failures (e
 * filled); otherwise 0 with *v set, and *u filled when *v is AUTH_OK or
 * AUTH_NO_PERMISSION. */
int auth_check(const struct mctx *mc, const char *sid, struct auth_user *u,
               enum auth_verdict *v, struct perr *e);

/* The CSRF token of a Kimai session: hex of
 * HMAC-SHA256(portal secret, "csrf|" + session id). */
void auth_csrf_compute(const unsigned char *secret, size_t secretlen, const char *session_id,
                       char out[CSRF_TOKEN_HEXLEN + 1]);

/* Permission resolution as Kimai does it, without the database: the
 * defaults of Kimai's configuration and the plugin, overridden per role by
 * rows of kimai2_roles_permissions; a user has a permission when any of
 * their roles has it. */
struct perm_row {
	const char *role;        /* kimai2_roles.name */
	const char *permission;
	bool        allowed;
};
bool auth_role_has(const char *role, const char *perm,
                   const struct perm_row *rows, size_t nrows);
bool auth_has_permission(const char *const *roles, size_t nroles, const char *perm,
                         const struct perm_row *rows, size_t nrows);

#endif
