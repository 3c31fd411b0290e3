/* Static assets (CSS, the admin page's script, icons): read once at
 * start-up, served from memory under content-versioned names so browsers
 * may cache them for a year. */
#ifndef PORTAL_ASSETS_H
#define PORTAL_ASSETS_H

#include "perr.h"

struct asset {
	char       *name;        /* "portal.css" */
	char       *versioned;   /* "portal.1a2b3c4d.css" */
	char       *url;         /* "/customer-portal/static/portal.1a2b3c4d.css" */
	const char *type;        /* Content-Type */
	char       *data;
	size_t      len;
	char       *gz;          /* the same bytes gzip-compressed once at
	                          * start-up (text types), NULL when not
	                          * smaller: sent to clients that accept gzip */
	size_t      gz_len;
};

int  assets_init(const char *dir, struct perr *e);
void assets_free(void);
/* By plain or versioned name; NULL if unknown. *versioned tells which. */
const struct asset *asset_find(const char *name, int *versioned);
/* Count and i-th asset (templates get every asset's URL as Static.<stem>). */
size_t assets_count(void);
const struct asset *asset_at(size_t i);

#endif
