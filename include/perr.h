/* The one error type.  Functions that can fail take a `struct perr *` and
 * return -1 after filling it with PERR(); the request boundary (server.c)
 * logs it once and maps its kind to an HTTP status (perr_status()). */
#ifndef PORTAL_PERR_H
#define PORTAL_PERR_H

enum perr_kind {
	PERR_OK = 0,
	PERR_BAD_REQUEST,     /* 400: malformed or out-of-range input */
	PERR_FORBIDDEN,       /* 403: not allowed (admin pages) */
	PERR_CROSS_SITE,      /* 403: a POST sent by another site's page */
	PERR_NOT_FOUND,       /* 404: unknown share, route or language */
	PERR_METHOD,          /* 405: wrong method for the route */
	PERR_THROTTLED,       /* 429: too many failed unlock attempts */
	PERR_INTERNAL,        /* 500: a bug or an unexpected library failure */
	PERR_DB_DOWN,         /* 503: database unreachable or timed out */
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
int         perr_status(enum perr_kind kind);          /* HTTP status code */
const char *perr_reason(enum perr_kind kind);          /* "Not Found" */
const char *perr_name(enum perr_kind kind);            /* "not_found": template/message key */

#endif
