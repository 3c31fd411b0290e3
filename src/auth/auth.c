/* Admin authorization from Kimai's own session (docs/design.md, "Kimai facts" and
 * §Permissions).  Every request runs the whole chain again — cookie syntax,
 * session row and expiry, token kind, the user row as Kimai re-checks it,
 * roles and permission rows — so nothing outlives a logout, a disabled
 * account, a password change or a revoked permission. */
#include <string.h>
#include <time.h>

#include "auth.h"
#include "crypto.h"
#include "db.h"
#include "kimai_session.h"
#include "log.h"
#include "mctx.h"

#define SESSION_ID_MIN 22
#define SESSION_ID_MAX 256

#define ROLE_SUPER_ADMIN "ROLE_SUPER_ADMIN"
#define ROLE_ADMIN       "ROLE_ADMIN"

/* Grants before kimai2_roles_permissions is consulted: the plugin gives
 * customer_portal to super admins only; Kimai's kimai.yaml gives
 * view_all_data to admins and super admins. */
static const struct {
	const char *role;
	const char *perm;
} default_grants[] = {
	{ ROLE_SUPER_ADMIN, "customer_portal" },
	{ ROLE_ADMIN,       "view_all_data" },
	{ ROLE_SUPER_ADMIN, "view_all_data" },
};

/* Kimai keeps these true for super admins whatever the database says, so a
 * super admin can never lock everyone out. */
static const char *const super_admin_fixed[] = { "view_all_data" };

const char *auth_verdict_name(enum auth_verdict v)
{
	static const char *const names[AUTH__MAX] = {
		[AUTH_OK] = "ok", [AUTH_NO_COOKIE] = "no cookie",
		[AUTH_BAD_COOKIE] = "malformed cookie", [AUTH_NO_SESSION] = "no session",
		[AUTH_EXPIRED] = "session expired", [AUTH_BAD_PAYLOAD] = "malformed session",
		[AUTH_NOT_LOGGED_IN] = "not logged in", [AUTH_NO_USER] = "no such user",
		[AUTH_USER_CHANGED] = "user changed", [AUTH_DISABLED] = "user disabled",
		[AUTH_NO_PERMISSION] = "no customer_portal permission",
	};
	return (unsigned)v < AUTH__MAX ? names[v] : "?";
}

bool auth_session_id_ok(const char *id)
{
	size_t n = 0;

	if (!id)
		return false;
	for (; id[n]; n++) {
		unsigned char c = (unsigned char)id[n];
		if (n >= SESSION_ID_MAX)
			return false;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || c == ',' || c == '-'))
			return false;
	}
	return n >= SESSION_ID_MIN;
}

bool auth_role_has(const char *role, const char *perm,
                   const struct perm_row *rows, size_t nrows)
{
	if (strcmp(role, ROLE_SUPER_ADMIN) == 0)
		for (size_t k = 0; k < sizeof(super_admin_fixed) / sizeof(super_admin_fixed[0]); k++)
			if (strcmp(perm, super_admin_fixed[k]) == 0)
				return true;
	/* A row overrides the default for its role, both ways.  (role,
	 * permission) is unique in Kimai's table, so the first match is it. */
	for (size_t k = 0; k < nrows; k++)
		if (strcmp(rows[k].role, role) == 0 && strcmp(rows[k].permission, perm) == 0)
			return rows[k].allowed;
	for (size_t k = 0; k < sizeof(default_grants) / sizeof(default_grants[0]); k++)
		if (strcmp(default_grants[k].role, role) == 0 &&
		    strcmp(default_grants[k].perm, perm) == 0)
			return true;
	return false;
}

bool auth_has_permission(const char *const *roles, size_t nroles, const char *perm,
                         const struct perm_row *rows, size_t nrows)
{
	for (size_t k = 0; k < nroles; k++)
		if (auth_role_has(roles[k], perm, rows, nrows))
			return true;
	return false;
}

/* Kimai's role names are stored upper-case; compare them the way Kimai
 * compares a user's (upper-cased) roles with them. */
static const char *upper(struct arena *a, const char *s)
{
	char *u = arena_strdup(a, s ? s : "");
	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

static int load_permissions(const struct mctx *mc, struct auth_user *u, struct perr *e)
{
	struct dbrows rs = {0};
	struct perm_row *rows = NULL;

	if (db_exec(mc->db, ST_AUTH_PERMISSIONS, NULL, 0, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows)
		rows = arena_calloc(mc->a, rs.nrows, sizeof(*rows));
	for (size_t k = 0; k < rs.nrows; k++) {
		rows[k].role = upper(mc->a, dbr_text(&rs, k, 0));
		rows[k].permission = dbr_text(&rs, k, 1) ? dbr_text(&rs, k, 1) : "";
		rows[k].allowed = dbr_int(&rs, k, 2, 0) != 0;
	}
	u->customer_portal = auth_has_permission(u->roles, u->nroles, "customer_portal",
	                                         rows, rs.nrows);
	u->view_all_data = auth_has_permission(u->roles, u->nroles, "view_all_data",
	                                       rows, rs.nrows);
	return 0;
}

/* The user row must still be the user of the token, byte for byte, as
 * Kimai's User::isEqualTo() and the enabled check demand.  -1 only for a
 * database failure; otherwise 0 with the verdict in *v. */
static int check_user(const struct mctx *mc, const struct kimai_session *ks,
                      struct auth_user *u, enum auth_verdict *v, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[1];
	const struct dbval *name = NULL, *pw = NULL, *roles = NULL;
	struct perr pe = {0};
	bool same_pw;

	p[0] = dbv_textn(ks->username, ks->username_len);
	if (db_exec(mc->db, ST_AUTH_USER, p, 1, mc->a, &rs, e) < 0)
		return -1;
	*v = AUTH_NO_USER;
	if (rs.nrows != 1)
		return 0;
	name = DBROW(&rs, 0, 1);
	pw = DBROW(&rs, 0, 2);
	roles = DBROW(&rs, 0, 4);
	*v = AUTH_USER_CHANGED;
	if (dbr_int(&rs, 0, 0, -1) != ks->user_id || name->t != DB_TEXT ||
	    name->len != ks->username_len || memcmp(name->s, ks->username, name->len) != 0)
		return 0;
	/* The hash is a secret: compare in constant time.  A token without a
	 * hash never matches (Kimai's column is NOT NULL). */
	same_pw = ks->password && pw->t == DB_TEXT &&
	          ct_equal(pw->s, pw->len, ks->password, ks->password_len);
	if (!same_pw)
		return 0;
	*v = AUTH_DISABLED;
	if (!ks->enabled || dbr_int(&rs, 0, 3, 0) == 0)
		return 0;

	u->id = ks->user_id;
	u->username = arena_strndup(mc->a, name->s, name->len);
	if (roles->t != DB_TEXT ||
	    kimai_roles_parse(roles->s, roles->len, mc->a, &u->roles, &u->nroles, &pe) < 0) {
		/* A roles column we cannot read grants nothing beyond ROLE_USER. */
		log_warn("user %lld: unreadable roles column: %s", u->id, pe.msg);
		u->roles = arena_calloc(mc->a, 1, sizeof(*u->roles));
		u->roles[0] = "ROLE_USER";
		u->nroles = 1;
	}
	*v = AUTH_OK;
	return 0;
}

int auth_check(const struct mctx *mc, const char *sid, struct auth_user *u,
               enum auth_verdict *v, struct perr *e)
{
	struct dbrows rs = {0};
	struct dbval p[2];
	const struct dbval *data = NULL;
	struct kimai_session ks;
	struct perr pe = {0};

	memset(u, 0, sizeof(*u));
	if (!sid) {
		*v = AUTH_NO_COOKIE;
		return 0;
	}
	if (!auth_session_id_ok(sid)) {
		*v = AUTH_BAD_COOKIE;
		return 0;
	}
	/* The plain comparison uses the primary key (case-insensitive
	 * collation); BINARY then demands the exact id. */
	p[0] = dbv_text(sid);
	p[1] = dbv_text(sid);
	if (db_exec(mc->db, ST_AUTH_SESSION, p, 2, mc->a, &rs, e) < 0)
		return -1;
	if (rs.nrows != 1) {
		*v = AUTH_NO_SESSION;
		return 0;
	}
	if (dbr_int(&rs, 0, 1, 0) < (long long)time(NULL)) {
		*v = AUTH_EXPIRED;
		return 0;
	}
	data = DBROW(&rs, 0, 0);
	if (data->t != DB_TEXT ||
	    kimai_session_decode(data->s, data->len, mc->a, &ks, &pe) < 0) {
		log_debug("session payload rejected: %s", pe.msg);
		*v = AUTH_BAD_PAYLOAD;
		return 0;
	}
	if (!ks.logged_in) {
		*v = AUTH_NOT_LOGGED_IN;
		return 0;
	}
	if (check_user(mc, &ks, u, v, e) < 0)
		return -1;
	if (*v != AUTH_OK)
		return 0;
	u->session_id = sid;
	if (load_permissions(mc, u, e) < 0)
		return -1;
	*v = u->customer_portal ? AUTH_OK : AUTH_NO_PERMISSION;
	return 0;
}

void auth_csrf_compute(const unsigned char *secret, size_t secretlen, const char *session_id,
                       char out[CSRF_TOKEN_HEXLEN + 1])
{
	static const char label[] = "csrf|";
	unsigned char mac[HMAC_SHA256_LEN];
	/* The session id is shorter than SESSION_ID_MAX (auth_session_id_ok);
	 * strnlen keeps the copy bounded by construction all the same. */
	size_t sidlen = strnlen(session_id, SESSION_ID_MAX);
	char msg[sizeof(label) + SESSION_ID_MAX];

	memcpy(msg, label, sizeof(label) - 1);
	memcpy(msg + sizeof(label) - 1, session_id, sidlen);
	hmac_sha256(secret, secretlen, msg, sizeof(label) - 1 + sidlen, mac);
	hex_encode(mac, sizeof(mac), out);
}
