/* Every link the portal makes, built in one place: the share pages, a
 * customer share's project pages, the CSV downloads, the admin pages, the
 * moves of legacy URLs, the language menu and Kimai's login (the routes they lead to are
 * in src/pages/routes.c).  Share keys and ids are validated before they get
 * here ([A-Za-z0-9] and numbers), so nothing needs escaping. */
#ifndef PORTAL_URL_H
#define PORTAL_URL_H

struct arena;
struct req;

enum url_page {
	URL_SHARE,          /* /{lang}/auth/customer-portal/{key}[/p/{pid}] */
	URL_SHARE_CSV,      /* the same plus /csv */
	URL_ADMIN_LIST,     /* /{lang}/admin/customer-portal */
	URL_ADMIN_CREATE,   /* …/create */
	URL_ADMIN_EDIT,     /* …/{id}/{key} */
	URL_ADMIN_DELETE,   /* …/{id}/{key}/delete */
	URL_ADMIN_ROTATE,   /* …/{id}/{key}/rotate */
	URL_KIMAI_LOGIN,    /* /{lang}/login: Kimai's login page */
	URL_KIMAI_CUSTOMER, /* /{lang}/admin/customer/{id}/details: Kimai's page of a customer */
	URL_KIMAI_PROJECT,  /* /{lang}/admin/project/{id}/details: Kimai's page of a project */
	URL_SHARE_SIGNOFF,  /* /{lang}/auth/customer-portal/{key}/signoff: the client's POST */
	URL_ADMIN_WITHDRAW, /* …/{id}/{key}/withdraw: an admin withdraws a sign-off */
};

struct url {
	enum url_page page;
	const char   *lang;        /* language code; NULL: the request's (url_for) */
	const char   *key;         /* the share key (share and one-share admin pages) */
	long long     id;          /* the share id (one-share admin pages); the customer's
	                            * or project's id (Kimai's pages) */
	long long     project_id;  /* a customer share's project page; 0: the share itself */
	const char   *query;       /* appended as it is: NULL, "" or "?…" */
};

/* `base` followed by the path of `u`: base "" (or NULL) gives a
 * path-absolute reference, "scheme://host" an absolute URL (the command
 * line passes the one it is told). */
const char *url_build(struct arena *a, const char *base, const struct url *u);

/* "?q", or "" when q is NULL or empty. */
const char *url_query(struct arena *a, const char *q);

/* `base` (the base path, "" for none), "/{lang}", then `rest` (a routed path
 * without its language) and `query` ("" or "?…"): the same page in another
 * language. */
const char *url_lang(struct arena *a, const char *base, const char *lang, const char *rest,
                     const char *query);

/* url_build for request r: path-absolute under the base path, in r's
 * language unless u->lang says otherwise (the default language before
 * {lang} is validated). */
const char *url_for(struct req *r, struct url u);
/* The same as an absolute URL on the host the request came to
 * (req_base_url), for links meant to be sent to someone. */
const char *url_public(struct req *r, struct url u);

#endif
