/* The one table of HTTP statuses: every status the portal sends with its
 * reason phrase, and for error statuses the kinds answered with it and the
 * error page's message key.  Nothing below the HTTP layer knows statuses. */
#include <stddef.h>

#include "status.h"

static const struct {
	int            status;
	const char    *reason;
	enum perr_kind kind;   /* PERR_OK: not an error status */
	const char    *key;
} statuses[] = {
	{200, "OK",                    PERR_OK,             NULL},
	{301, "Moved Permanently",     PERR_OK,             NULL},
	{302, "Found",                 PERR_OK,             NULL},
	{303, "See Other",             PERR_OK,             NULL},
	{304, "Not Modified",          PERR_OK,             NULL},
	{307, "Temporary Redirect",    PERR_OK,             NULL},
	{308, "Permanent Redirect",    PERR_OK,             NULL},
	{400, "Bad Request",           PERR_BAD_INPUT,      "bad_request"},
	{403, "Forbidden",             PERR_FORBIDDEN,      "forbidden"},
	{403, "Forbidden",             PERR_CROSS_SITE,     "cross_site"},
	{404, "Not Found",             PERR_NOT_FOUND,      "not_found"},
	{405, "Method Not Allowed",    PERR_METHOD,         "method"},
	/* The unlock form's own answer to too many wrong passwords, not an error. */
	{429, "Too Many Requests",     PERR_OK,             NULL},
	{500, "Internal Server Error", PERR_INTERNAL,       "internal"},
	/* Configuration is checked at startup; met while serving, it is our bug. */
	{500, "Internal Server Error", PERR_CONFIG,         "internal"},
	{503, "Service Unavailable",   PERR_DB_UNAVAILABLE, "unavailable"},
};

#define N_STATUSES (sizeof(statuses) / sizeof(statuses[0]))

static size_t row_of(enum perr_kind kind)
{
	for (size_t i = 0; i < N_STATUSES; i++)
		if (statuses[i].kind == kind)
			return i;
	for (size_t i = 0; i < N_STATUSES; i++)
		if (statuses[i].kind == PERR_INTERNAL)
			return i;
	return 0;
}

int status_of(enum perr_kind kind)
{
	return statuses[row_of(kind)].status;
}

const char *status_key(enum perr_kind kind)
{
	return statuses[row_of(kind)].key;
}

const char *status_reason(int status)
{
	for (size_t i = 0; i < N_STATUSES; i++)
		if (statuses[i].status == status)
			return statuses[i].reason;
	return "OK";
}
