/* The admin gate of a request (admin_gate.h): Kimai's session from the
 * cookie, then the CSRF token of admin forms. */
#include <string.h>

#include "admin_gate.h"
#include "auth.h"
#include "crypto.h"
#include "log.h"
#include "req.h"

int req_require_admin(struct req *r, struct perr *e)
{
	struct auth_user *u = arena_alloc(r->a, sizeof(*u));
	enum auth_verdict v = AUTH_NO_COOKIE;
	char shortid[16];

	/* Admin pages are personal: never cached, whatever the outcome. */
	r->no_store = true;
	r->auth = NULL;
	struct mctx mc = req_model_primary(r);

	if (auth_check(&mc, req_cookie(r, KIMAI_SESSION_COOKIE), u, &v, e) < 0)
		return -1;
	if (v != AUTH_OK) {
		const char *sid = req_cookie(r, KIMAI_SESSION_COOKIE);
		return PERR(e, PERR_FORBIDDEN, "admin refused: %s (session %s, user %lld)",
		            auth_verdict_name(v),
		            sid && auth_session_id_ok(sid) ? log_short(sid, shortid) : "-",
		            u->id);
	}
	r->auth = u;
	return 0;
}

const char *req_csrf_token(struct req *r)
{
	char *tok = NULL;

	if (!r->auth || !r->auth->session_id)
		return NULL;
	tok = arena_alloc(r->a, CSRF_TOKEN_HEXLEN + 1);
	auth_csrf_compute(r->cfg->secret, sizeof(r->cfg->secret), r->auth->session_id,
	                  tok);
	return tok;
}

int req_check_csrf(struct req *r, struct perr *e)
{
	char want[CSRF_TOKEN_HEXLEN + 1];
	const struct param_value *got = &r->p[P_CSRF];

	if (!r->auth || !r->auth->session_id)
		return PERR(e, PERR_FORBIDDEN, "csrf check without an admin session");
	if (!got->set)
		return PERR(e, PERR_BAD_REQUEST, "csrf token missing");
	auth_csrf_compute(r->cfg->secret, sizeof(r->cfg->secret), r->auth->session_id,
	                  want);
	if (!ct_equal(got->s, got->len, want, CSRF_TOKEN_HEXLEN))
		return PERR(e, PERR_BAD_REQUEST, "csrf token wrong");
	return 0;
}
