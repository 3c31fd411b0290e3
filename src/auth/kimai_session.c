/* Decoding Kimai's session payload and security token (docs/design.md, "Kimai facts").
 *
 * Only the facts needed to re-check a login are taken from the token: its
 * class, the firewall name and the serialized user (id, username, enabled,
 * password hash).  Roles are not taken from the token: Kimai reloads the user
 * on every request, and so do we (auth.c). */
#include <string.h>

#include "kimai_session.h"
#include "phpser.h"

/* Symfony's session keys are short identifiers; bound them anyway. */
#define SESSION_KEY_MAX  128
#define SESSION_VARS_MAX 64

#define FIREWALL "secured_area"

/* Session payloads hold more than the token (flashes, CSRF tokens, form
 * state of other bundles), so the tree limits are a little wider than the
 * defaults; every one of them is still a hard bound. */
static const struct php_limits session_limits = {
	.max_depth  = 32,
	.max_elems  = 4096,
	.max_nodes  = 65536,
	.max_strlen = KIMAI_SESSION_MAX_BYTES,
};

static const struct {
	const char        *cls;
	enum kimai_token   kind;
	long long          firewall_at;   /* index of the firewall name */
	long long          inner_at;      /* index of the parent token data */
} token_classes[] = {
	{ "Symfony\\Component\\Security\\Core\\Authentication\\Token\\UsernamePasswordToken",
	  KT_FORM, 1, 2 },
	{ "Symfony\\Component\\Security\\Core\\Authentication\\Token\\RememberMeToken",
	  KT_REMEMBER_ME, 1, 2 },
	{ "Symfony\\Component\\Security\\Http\\Authenticator\\Token\\PostAuthenticationToken",
	  KT_LOGIN_LINK, 0, 1 },
	{ "App\\Saml\\SamlToken", KT_SAML, 0, 1 },
	{ "Scheb\\TwoFactorBundle\\Security\\Authentication\\Token\\TwoFactorToken",
	  KT_TWO_FACTOR, -1, -1 },
};

const char *kimai_token_name(enum kimai_token k)
{
	static const char *const names[KT__MAX] = {
		[KT_NONE] = "none", [KT_FORM] = "form", [KT_REMEMBER_ME] = "remember_me",
		[KT_LOGIN_LINK] = "login_link", [KT_SAML] = "saml",
		[KT_TWO_FACTOR] = "two_factor", [KT_OTHER] = "other",
	};
	return (unsigned)k < KT__MAX ? names[k] : "?";
}

/* The serialized App\Entity\User inside a token. */
static int read_user(const struct php_val *user, struct kimai_session *out,
                     struct perr *e)
{
	const struct php_val *id = NULL, *name = NULL, *enabled = NULL, *pw = NULL;

	if (!php_is_object(user, "App\\Entity\\User"))
		return PERR(e, PERR_BAD_REQUEST, "token: user is not App\\Entity\\User");
	id = php_get(user, "id");
	name = php_get(user, "username");
	enabled = php_get(user, "enabled");
	pw = php_get(user, "password");
	if (!id || id->t != PHP_INT || id->i <= 0)
		return PERR(e, PERR_BAD_REQUEST, "token: bad user id");
	if (!name || name->t != PHP_STRING || name->len == 0)
		return PERR(e, PERR_BAD_REQUEST, "token: bad username");
	if (!enabled || enabled->t != PHP_BOOL)
		return PERR(e, PERR_BAD_REQUEST, "token: bad enabled flag");
	if (!pw || (pw->t != PHP_STRING && pw->t != PHP_NULL))
		return PERR(e, PERR_BAD_REQUEST, "token: bad password");

	out->user_id = id->i;
	out->username = name->s;
	out->username_len = name->len;
	out->enabled = enabled->i != 0;
	out->password = pw->t == PHP_STRING ? pw->s : NULL;
	out->password_len = pw->t == PHP_STRING ? pw->len : 0;
	return 0;
}

int kimai_token_decode(const char *tok, size_t len, struct arena *a,
                       struct kimai_session *out, struct perr *e)
{
	struct php_val *root = NULL;
	const struct php_val *inner = NULL;
	size_t k;

	memset(out, 0, sizeof(*out));
	out->kind = KT_NONE;
	if (php_unserialize(tok, len, &session_limits, a, &root, NULL, e) < 0)
		return -1;
	if (root->t != PHP_OBJECT) {
		out->kind = KT_OTHER;
		return 0;
	}
	for (k = 0; k < sizeof(token_classes) / sizeof(token_classes[0]); k++)
		if (php_is_object(root, token_classes[k].cls))
			break;
	if (k == sizeof(token_classes) / sizeof(token_classes[0])) {
		out->kind = KT_OTHER;
		return 0;
	}
	out->kind = token_classes[k].kind;
	if (out->kind == KT_TWO_FACTOR)
		return 0;

	/* An accepted class must have exactly the shape Symfony writes. */
	if (!php_str_eq(php_at(root, token_classes[k].firewall_at), FIREWALL))
		return PERR(e, PERR_BAD_REQUEST, "token: wrong firewall");
	inner = php_at(root, token_classes[k].inner_at);
	if (!inner || inner->t != PHP_ARRAY)
		return PERR(e, PERR_BAD_REQUEST, "token: no parent data");
	if (read_user(php_at(inner, 0), out, e) < 0)
		return -1;
	out->logged_in = true;
	return 0;
}

/* PHP's "php" session serializer: NAME|VALUE repeated, NAME without '|'.
 * Returns the value of `_sf2_attributes` (the last one, as PHP would keep)
 * or NULL when the session has none. */
static int find_attributes(const char *data, size_t len, struct arena *a,
                           struct php_val **attrs, struct perr *e)
{
	size_t pos = 0, nvars = 0;

	*attrs = NULL;
	while (pos < len) {
		const char *bar = memchr(data + pos, '|', len - pos);
		size_t keylen, used = 0;
		struct php_val *v = NULL;

		if (!bar)
			return PERR(e, PERR_BAD_REQUEST, "session: key without value");
		keylen = (size_t)(bar - (data + pos));
		if (keylen == 0 || keylen > SESSION_KEY_MAX)
			return PERR(e, PERR_BAD_REQUEST, "session: bad key length %zu", keylen);
		if (++nvars > SESSION_VARS_MAX)
			return PERR(e, PERR_BAD_REQUEST, "session: too many variables");
		if (php_unserialize(bar + 1, len - pos - keylen - 1, &session_limits, a,
		                    &v, &used, e) < 0)
			return -1;
		if (keylen == strlen("_sf2_attributes") &&
		    memcmp(data + pos, "_sf2_attributes", keylen) == 0)
			*attrs = v;
		pos += keylen + 1 + used;
	}
	return 0;
}

int kimai_session_decode(const char *data, size_t len, struct arena *a,
                         struct kimai_session *out, struct perr *e)
{
	struct php_val *attrs = NULL;
	const struct php_val *tok = NULL;

	memset(out, 0, sizeof(*out));
	out->kind = KT_NONE;
	if (!data)
		return PERR(e, PERR_BAD_REQUEST, "session: no data");
	if (len > KIMAI_SESSION_MAX_BYTES)
		return PERR(e, PERR_BAD_REQUEST, "session: %zu bytes is too large", len);
	if (find_attributes(data, len, a, &attrs, e) < 0)
		return -1;
	if (!attrs)
		return 0;
	if (attrs->t != PHP_ARRAY)
		return PERR(e, PERR_BAD_REQUEST, "session: attributes are a %s",
		            php_type_name(attrs->t));
	tok = php_get(attrs, "_security_" FIREWALL);
	if (!tok)
		return 0;
	if (tok->t != PHP_STRING)
		return PERR(e, PERR_BAD_REQUEST, "session: token is a %s",
		            php_type_name(tok->t));
	return kimai_token_decode(tok->s, tok->len, a, out, e);
}

static bool role_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* Adds `name` (upper-cased) unless already present or unusable. */
static void role_add(const char *name, size_t len, struct arena *a,
                     const char **roles, size_t *n, size_t max)
{
	char *up = NULL;

	if (len == 0 || len > KIMAI_ROLE_MAXLEN || *n >= max)
		return;
	for (size_t k = 0; k < len; k++)
		if (!role_char((unsigned char)name[k]))
			return;
	up = arena_strndup(a, name, len);
	for (size_t k = 0; k < len; k++)
		if (up[k] >= 'a' && up[k] <= 'z')
			up[k] = (char)(up[k] - 'a' + 'A');
	for (size_t k = 0; k < *n; k++)
		if (strcmp(roles[k], up) == 0)
			return;
	roles[(*n)++] = up;
}

int kimai_roles_parse(const char *s, size_t len, struct arena *a,
                      const char ***roles, size_t *nroles, struct perr *e)
{
	static const struct php_limits roles_limits = {
		.max_depth = 2, .max_elems = KIMAI_ROLES_MAX, .max_nodes = 2 * KIMAI_ROLES_MAX + 1,
		.max_strlen = 255,   /* longer names are skipped, not fatal */
	};
	struct php_val *v = NULL;
	const char **out = NULL;
	size_t n = 0;

	*roles = NULL;
	*nroles = 0;
	if (php_unserialize(s, len, &roles_limits, a, &v, NULL, e) < 0)
		return -1;
	if (v->t != PHP_ARRAY)
		return PERR(e, PERR_BAD_REQUEST, "roles: not an array");
	/* One spare slot for ROLE_USER. */
	out = arena_calloc(a, KIMAI_ROLES_MAX + 1, sizeof(*out));
	for (size_t k = 0; k < v->n; k++) {
		const struct php_val *r = v->items[k].val;
		if (r->t == PHP_STRING)
			role_add(r->s, r->len, a, out, &n, KIMAI_ROLES_MAX);
	}
	/* Kimai's User::getRoles() always adds ROLE_USER. */
	role_add("ROLE_USER", strlen("ROLE_USER"), a, out, &n, KIMAI_ROLES_MAX + 1);
	*roles = out;
	*nroles = n;
	return 0;
}
