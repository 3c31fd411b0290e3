/* Small fixed pages: liveness, readiness (both say nothing about the
 * installation beyond "ok"), the language redirect and static assets. */
#include <string.h>

#include "assets.h"
#include "db.h"
#include "http_field.h"
#include "i18n.h"
#include "routes.h"
#include "url.h"

/* Liveness: never touches the database (and is the benchmark reference). */
int page_health(struct req *r, struct perr *e)
{
	(void)e;
	r->resp_type = "text/plain; charset=utf-8";
	r->cache_control = "no-store";
	buf_puts(r->out, "ok\n");
	return 0;
}

/* Readiness: the database answers and the portal's table exists. */
int page_ready(struct req *r, struct perr *e)
{
	struct dbrows rows;
	if (db_exec(r->rdb, ST_READY, NULL, 0, r->a, &rows, e)) {
		/* A missing table is "not ready" too, not a bug of ours. */
		e->kind = PERR_DB_UNAVAILABLE;
		return -1;
	}
	r->resp_type = "text/plain; charset=utf-8";
	r->cache_control = "no-store";
	buf_puts(r->out, "ready\n");
	return 0;
}

/* "/auth/…" without a language: the same page in the default language. */
int page_lang_redirect(struct req *r, struct perr *e)
{
	(void)e;
	req_redirect(r, 302, url_lang(r->a, r->base, I18N_DEFAULT, r->path, url_query(r->a, r->query)));
	return 0;
}

/* Static assets: versioned names are immutable for a year. */
int page_static(struct req *r, struct perr *e)
{
	int versioned = 0;
	const struct asset *as = asset_find(r->args.file, &versioned);
	if (!as)
		return PERR(e, PERR_NOT_FOUND, "no asset");
	r->resp_type = as->type;
	r->cache_control = versioned ? "public, max-age=31536000, immutable" : "public, max-age=300";
	if (!as->gz) {
		buf_put(r->out, as->data, as->len);
		return 0;
	}
	/* Compressed once at start-up; a proxy in front compresses nothing
	 * that already has a Content-Encoding. */
	req_header(r, "Vary", "Accept-Encoding");
	if (http_accepts_gzip(r->accept_encoding)) {
		req_header(r, "Content-Encoding", "gzip");
		buf_put(r->out, as->gz, as->gz_len);
	} else {
		buf_put(r->out, as->data, as->len);
	}
	return 0;
}
