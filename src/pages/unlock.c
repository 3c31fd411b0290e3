/* The unlock gate of password-protected shares (unlock.h): the unlock
 * form, the signed unlock cookie and the throttled POST.  The pages it
 * renders show nothing of the share (not even its name) and are never
 * cached. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "branding.h"
#include "crypto.h"
#include "lang_menu.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "req.h"
#include "share.h"
#include "throttle.h"
#include "unlock.h"
#include "url.h"

/* A browser sends few cookies of one name; more is not a browser. */
#define UNLOCK_COOKIES_MAX 4

const char *unlock_cookie_name(struct req *r, long long share_id)
{
	return arena_printf(r->a, "portal_unlock_%lld", share_id);
}

static bool path_chars_ok(const char *s)
{
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* The cookie's Path: the request path up to and including the share key
 * segment, e.g. /de/auth/customer-portal/KEY.  A browser then sends the
 * cookie to the share and its sub-pages (…/KEY/p/12) only, never to other
 * shares or to Kimai.  One cookie for all languages would need Path=/,
 * which would send it everywhere on the host; so an unlock holds for the
 * language it was made in, and switching language asks again.  Deriving
 * the path from the request (rather than from one fixed pattern) makes
 * the legacy URLs (/{lang}/auth/shared-project-timesheets/…/KEY/…) work
 * the same way.  Share routes only match [A-Za-z0-9_/-], so the path is
 * safe in a header; anything else falls back to the canonical URL. */
static const char *cookie_path(struct req *r, const struct share *s)
{
	const char *path = r->path ? r->path : "";
	size_t klen = strlen(s->key);
	const char *seg = path;
	int index = 0;

	if (path_chars_ok(path)) {
		while (*seg == '/') {
			const char *start = seg + 1;
			size_t n = strcspn(start, "/");
			/* index 0 is the language: never the key segment */
			if (index > 0 && n == klen && memcmp(start, s->key, klen) == 0)
				return arena_strndup(r->a, path, (size_t)(start + n - path));
			seg = start + n;
			index++;
		}
	}
	return url_for(r, (struct url){.page = URL_SHARE, .key = s->key});
}

/* Where the 303 after a correct password goes: the same URL as a GET,
 * query string kept (a path-absolute reference, so scheme and host stay
 * whatever the client used).  A query with bytes unfit for a header is
 * dropped rather than echoed. */
static const char *get_url(struct req *r, const struct share *s)
{
	const char *path = req_url(r, r->path && path_chars_ok(r->path) ? r->path
	                                                                : cookie_path(r, s));
	const char *q = r->query ? r->query : "";

	for (const char *p = q; *p; p++)
		if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
			return path;
	return *q ? arena_printf(r->a, "%s?%s", path, q) : path;
}

/* True if any cookie of this share's name carries a valid unlock.  All of
 * them are tried: a stale cookie with a longer path (sent first) must not
 * hide a fresh one. */
static bool has_valid_cookie(struct req *r, const struct share *s)
{
	const char *h = r->cookie_header;
	const char *name = unlock_cookie_name(r, s->id);
	const struct config *cfg = r->cfg;
	long long now = (long long)time(NULL);
	const char *v;
	size_t vlen;

	if (!h || !cfg->has_secret)
		return false;
	for (int seen = 0; seen < UNLOCK_COOKIES_MAX && (v = cookie_next(&h, name, &vlen)); seen++)
		if (vlen <= UNLOCK_COOKIE_MAX &&
		    unlock_cookie_verify(cfg->secret, s->id, s->key, s->password_hash,
		                         arena_strndup(r->a, v, vlen), now))
			return true;
	return false;
}

/* Puts the number into the message's one "%d" by plain substitution: a
 * translated text is never used as a printf format. */
static const char *with_minutes(struct req *r, const char *text, long long minutes)
{
	const char *at = strstr(text, "%d");

	if (!at)
		return text;
	return arena_printf(r->a, "%.*s%lld%s", (int)(at - text), text, minutes, at + 2);
}

static int show_form(struct req *r, bool wrong_password, struct perr *e)
{
	r->status = 200;
	rset(r, "Unlock.Error", wrong_password ? "1" : "");
	lang_menu(r);
	branding_apply(r);
	return render(r, "unlock.cs", e);
}

static int show_throttled(struct req *r, long long retry_after, struct perr *e)
{
	long long minutes = (retry_after + 59) / 60;

	r->status = 429;
	req_header(r, "Retry-After", arena_printf(r->a, "%lld", retry_after));
	rset(r, "Unlock.Throttled", "1");
	rset(r, "Unlock.RetryText", with_minutes(r, msg(r, "unlock.retry"), minutes));
	branding_apply(r);
	return render(r, "unlock.cs", e);
}

/* Too many password checks running or waiting: answered at once, nothing
 * checked and nothing counted (crypto.h, password_check_admit). */
static int show_busy(struct req *r, struct perr *e)
{
	r->status = 503;
	req_header(r, "Retry-After", "2");
	rset(r, "Unlock.Busy", "1");
	return render(r, "unlock.cs", e);
}

static int set_cookie(struct req *r, const struct share *s, struct perr *e)
{
	const struct config *cfg = r->cfg;
	char value[UNLOCK_COOKIE_MAX + 1];
	long long expires = (long long)time(NULL) + UNLOCK_TTL_S;

	if (unlock_cookie_make(cfg->secret, s->id, s->key, s->password_hash, expires,
	                       value, sizeof value) < 0)
		return PERR(e, PERR_INTERNAL, "unlock cookie for share %lld", s->id);
	req_header(r, "Set-Cookie",
	           arena_printf(r->a, "%s=%s; Path=%s; Max-Age=%d; HttpOnly; SameSite=Lax%s",
	                        unlock_cookie_name(r, s->id), value, req_url(r, cookie_path(r, s)),
	                        UNLOCK_TTL_S, r->https ? "; Secure" : ""));
	explicit_bzero(value, sizeof value);
	return 0;
}

/* The decoded password and the raw body are wiped once checked, so they
 * do not linger in the request arena's reused memory. */
static void forget_password(struct req *r)
{
	struct param_value *pw = &r->p[P_SPT_PASSWORD];

	if (pw->set && pw->s)
		explicit_bzero((char *)pw->s, pw->len);
	if (r->body)
		explicit_bzero(r->body, r->body_len);
}

static int unlock_check(struct req *r, const struct share *s, struct perr *e)
{
	const struct param_value *pw = &r->p[P_SPT_PASSWORD];
	long long retry_after = 0;
	bool over = false, ok;

	if (throttle_attempt(r->db, r->a, r->remote_addr, s->id, &over, &retry_after, e)) {
		forget_password(r);
		return -1;
	}
	if (over) {
		forget_password(r);
		log_info("unlock: share %lld: too many failed attempts, retry in %llds",
		         s->id, retry_after);
		return show_throttled(r, retry_after, e);
	}
	ok = pw->set && pw->len > 0 && password_verify(s->password_hash, pw->s, pw->len);
	forget_password(r);
	if (!ok) {
		log_debug("unlock: share %lld: wrong password", s->id);
		return show_form(r, true, e);
	}
	if (throttle_reset(r->db, r->a, r->remote_addr, s->id, e))
		return -1;
	if (set_cookie(r, s, e))
		return -1;
	req_redirect(r, 303, get_url(r, s));
	return 0;
}

/* A page must never wait behind password checks: beyond the few admitted
 * at once, an attempt is answered with 503 before anything is counted or
 * hashed, and its worker is free again at once. */
static int unlock_post(struct req *r, const struct share *s, struct perr *e)
{
	int rc;

	if (!password_check_admit()) {
		forget_password(r);
		log_debug("unlock: share %lld: password checks busy", s->id);
		return show_busy(r, e);
	}
	rc = unlock_check(r, s, e);
	password_check_release();
	return rc;
}

bool unlock_ok(struct req *r, const struct share *s)
{
	if (!s->password_hash)
		return true;
	r->no_store = true;
	return r->cfg->has_secret && has_valid_cookie(r, s);
}

int unlock_gate(struct req *r, const struct share *s, bool *show_data, struct perr *e)
{
	*show_data = false;
	if (!s->password_hash) {
		*show_data = true;
		return 0;
	}
	r->no_store = true;
	if (!r->cfg->has_secret)
		return PERR(e, PERR_INTERNAL, "no secret for unlock cookies");
	if (r->method == HTTP_POST)
		return unlock_post(r, s, e);
	if (has_valid_cookie(r, s)) {
		*show_data = true;
		return 0;
	}
	return show_form(r, false, e);
}
