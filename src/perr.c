/* The error type and the one place where error kinds become HTTP statuses. */
#include <stdarg.h>
#include <stdio.h>

#include "perr.h"

static const struct {
	int         status;
	const char *reason;
	const char *name;
} kinds[PERR__MAX] = {
	[PERR_OK]          = {200, "OK", "ok"},
	[PERR_BAD_REQUEST] = {400, "Bad Request", "bad_request"},
	[PERR_FORBIDDEN]   = {403, "Forbidden", "forbidden"},
	[PERR_CROSS_SITE]  = {403, "Forbidden", "cross_site"},
	[PERR_NOT_FOUND]   = {404, "Not Found", "not_found"},
	[PERR_METHOD]      = {405, "Method Not Allowed", "method"},
	[PERR_THROTTLED]   = {429, "Too Many Requests", "throttled"},
	[PERR_INTERNAL]    = {500, "Internal Server Error", "internal"},
	[PERR_DB_DOWN]     = {503, "Service Unavailable", "unavailable"},
};

int perr_set(struct perr *e, enum perr_kind kind, const char *func, const char *fmt, ...)
{
	if (!e)
		return -1;
	e->kind = kind;
	e->func = func;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void perr_clear(struct perr *e)
{
	e->kind = PERR_OK;
	e->func = NULL;
	e->msg[0] = '\0';
}

int perr_status(enum perr_kind kind)
{
	return kind < PERR__MAX ? kinds[kind].status : 500;
}

const char *perr_reason(enum perr_kind kind)
{
	return kind < PERR__MAX ? kinds[kind].reason : "Internal Server Error";
}

const char *perr_name(enum perr_kind kind)
{
	return kind < PERR__MAX ? kinds[kind].name : "internal";
}
