/* Kimai's session payload (the `data` column of kimai2_sessions) and the
 * `roles` column of kimai2_users, decoded without trusting either.
 *
 * A session is PHP's session encoding: `KEY|serialize(VALUE)` repeated.
 * `_sf2_attributes["_security_secured_area"]` is a string holding a second
 * serialized security token; its class tells whether the browser finished
 * logging in (docs/design.md, "Kimai facts"). */
#ifndef PORTAL_KIMAI_SESSION_H
#define PORTAL_KIMAI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "perr.h"

/* Largest session payload we look at; Kimai's column is a BLOB (64 KiB). */
#define KIMAI_SESSION_MAX_BYTES (1024 * 1024)
/* Roles of one user we keep (Kimai has five built-in ones). */
#define KIMAI_ROLES_MAX 64
/* Kimai's role names are VARCHAR(50); anything longer is not a role. */
#define KIMAI_ROLE_MAXLEN 64

enum kimai_token {
	KT_NONE,          /* no security token: anonymous */
	KT_FORM,          /* UsernamePasswordToken (form login, LDAP) */
	KT_REMEMBER_ME,   /* RememberMeToken */
	KT_LOGIN_LINK,    /* PostAuthenticationToken */
	KT_SAML,          /* App\Saml\SamlToken */
	KT_TWO_FACTOR,    /* TwoFactorToken: second factor not given yet */
	KT_OTHER,         /* any other class (e.g. impersonation): refused */
	KT__MAX
};

struct kimai_session {
	enum kimai_token kind;
	bool             logged_in;     /* kind is FORM, REMEMBER_ME, LOGIN_LINK or SAML */
	/* The user as serialized into the token (valid when logged_in). */
	long long        user_id;
	const char      *username;      /* arena copy; may hold NULs (see len) */
	size_t           username_len;
	bool             enabled;
	const char      *password;      /* hash, NULL when the token holds null */
	size_t           password_len;
};

/* Decodes a session payload.  0 with `out` filled (logged_in false for an
 * anonymous, 2FA-pending or unknown token); -1 (PERR_BAD_REQUEST) when the
 * payload is malformed, over a limit, or a token of an accepted kind has an
 * unexpected shape. */
int kimai_session_decode(const char *data, size_t len, struct arena *a,
                         struct kimai_session *out, struct perr *e);

/* Parses a security token (the inner serialized string) on its own. */
int kimai_token_decode(const char *tok, size_t len, struct arena *a,
                       struct kimai_session *out, struct perr *e);

/* Parses kimai2_users.roles (`a:N:{i:0;s:…;}`): upper-cased (ASCII), without
 * duplicates, ROLE_USER added as Kimai does.  Non-string entries are
 * ignored.  *roles is an arena array of NUL-terminated names. */
int kimai_roles_parse(const char *s, size_t len, struct arena *a,
                      const char ***roles, size_t *nroles, struct perr *e);

const char *kimai_token_name(enum kimai_token k);

#endif
