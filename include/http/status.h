/* HTTP statuses: the boundary's one table (status.c) of status codes,
 * reason phrases and the error kind each status answers. */
#ifndef PORTAL_STATUS_H
#define PORTAL_STATUS_H

#include "perr.h"

/* The status an error kind is answered with: 200 for PERR_OK, 500 for a
 * kind missing from the table. */
int         status_of(enum perr_kind kind);

/* The error page's key for a kind: Error.Key in error.cs and the
 * error.<key>.title / error.<key>.text messages ("not_found"); NULL for
 * PERR_OK. */
const char *status_key(enum perr_kind kind);

/* "Not Found" for 404; "OK" for a status the portal never sends. */
const char *status_reason(int status);

#endif
