/* Kimai's branding on the share pages (README, "Kimai's branding"): the
 * company name and logo an admin set under System > Settings
 * (theme.branding.company, theme.branding.logo in kimai2_configuration).
 * Read from the database at most once every BRANDING_TTL seconds per
 * process; a failed read leaves the pages generic. */
#ifndef PORTAL_BRANDING_H
#define PORTAL_BRANDING_H

#include <stdbool.h>
#include <stddef.h>

#include "req.h"

#define BRANDING_TTL      60    /* seconds between reads of kimai2_configuration */
#define BRANDING_MAX_TEXT 512   /* a longer company name or logo URL is ignored */

/* Sets Brand.Company and Brand.Logo for the templates, and the logo's
 * origin for the Content-Security-Policy.  Never fails the page. */
void branding_apply(struct req *r);

/* A logo the page may show: a same-origin path ("/uploads/logo.png") or
 * an https: URL.  `origin` gets "" or "https://host[:port]" (cap bytes).
 * Exposed for the unit tests. */
bool branding_logo_ok(const char *logo, char *origin, size_t cap);

/* Forgets the cached values (tests). */
void branding_clear(void);

#endif
