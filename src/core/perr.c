/* The error type: what went wrong, where, and a message for the log. */
#include <stdarg.h>
#include <stdio.h>

#include "perr.h"

static const char *const names[PERR__MAX] = {
	[PERR_OK]             = "ok",
	[PERR_BAD_INPUT]      = "bad_input",
	[PERR_FORBIDDEN]      = "forbidden",
	[PERR_CROSS_SITE]     = "cross_site",
	[PERR_NOT_FOUND]      = "not_found",
	[PERR_METHOD]         = "method",
	[PERR_DB_UNAVAILABLE] = "db_unavailable",
	[PERR_CONFIG]         = "config",
	[PERR_INTERNAL]       = "internal",
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

const char *perr_name(enum perr_kind kind)
{
	return kind < PERR__MAX ? names[kind] : "internal";
}
