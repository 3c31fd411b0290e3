/* The one error type.  Functions that can fail take a `struct perr *` and
 * return -1 after filling it with PERR(); the kind says what went wrong.
 * The request boundary (src/http/dispatch.c) logs it once and alone knows
 * which HTTP status a kind becomes (src/http/status.c). */
#ifndef PORTAL_PERR_H
#define PORTAL_PERR_H

enum perr_kind {
	PERR_OK = 0,
	PERR_BAD_INPUT,       /* malformed or out-of-range input */
	PERR_FORBIDDEN,       /* not allowed (admin pages) */
	PERR_CROSS_SITE,      /* a POST sent by another site's page */
	PERR_NOT_FOUND,       /* unknown share, route, language or asset */
	PERR_METHOD,          /* wrong request method for the route */
	PERR_DB_UNAVAILABLE,  /* database unreachable or timed out */
	PERR_CONFIG,          /* flags, environment, .env, DATABASE_URL or the database it names */
	PERR_INTERNAL,        /* a bug or an unexpected library failure */
	PERR__MAX
};

struct perr {
	enum perr_kind kind;
	const char    *func;      /* where it was raised */
	char           msg[256];  /* for the log only, never shown to clients */
};

/* Fill `e` and evaluate to -1:  return PERR(e, PERR_NOT_FOUND, "no share %s", k); */
#define PERR(e, k, ...) perr_set((e), (k), __func__, __VA_ARGS__)

int         perr_set(struct perr *e, enum perr_kind kind, const char *func,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void        perr_clear(struct perr *e);
const char *perr_name(enum perr_kind kind);            /* "not_found" */

#endif
