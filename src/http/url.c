/* The portal's links (url.h). */
#include "arena.h"
#include "i18n.h"
#include "req.h"
#include "url.h"

static const char *share_path(struct arena *a, const struct url *u)
{
	const char *p = arena_printf(a, "/%s/auth/customer-portal/%s", u->lang, u->key);
	if (u->project_id)
		p = arena_printf(a, "%s/p/%lld", p, u->project_id);
	if (u->page == URL_SHARE_SIGNOFF)
		return arena_printf(a, "%s/signoff", p);
	return u->page == URL_SHARE_CSV ? arena_printf(a, "%s/csv", p) : p;
}

static const char *admin_path(struct arena *a, const struct url *u)
{
	static const char *const tail[] = {
		[URL_ADMIN_LIST]   = "",
		[URL_ADMIN_CREATE] = "/create",
		[URL_ADMIN_EDIT]   = "",
		[URL_ADMIN_DELETE] = "/delete",
		[URL_ADMIN_ROTATE] = "/rotate",
		[URL_ADMIN_WITHDRAW] = "/withdraw",
	};
	if (u->page == URL_ADMIN_LIST || u->page == URL_ADMIN_CREATE)
		return arena_printf(a, "/%s/admin/customer-portal%s", u->lang, tail[u->page]);
	return arena_printf(a, "/%s/admin/customer-portal/%lld/%s%s", u->lang, u->id, u->key,
	                    tail[u->page]);
}

const char *url_build(struct arena *a, const char *base, const struct url *u)
{
	struct url v = *u;
	const char *path;
	if (!v.lang)
		v.lang = I18N_DEFAULT;
	if (!v.key)
		v.key = "";
	if (v.page == URL_SHARE || v.page == URL_SHARE_CSV || v.page == URL_SHARE_SIGNOFF)
		path = share_path(a, &v);
	else if (v.page == URL_KIMAI_LOGIN)
		path = arena_printf(a, "/%s/login", v.lang);
	else if (v.page == URL_KIMAI_CUSTOMER || v.page == URL_KIMAI_PROJECT)
		path = arena_printf(a, "/%s/admin/%s/%lld/details", v.lang,
		                    v.page == URL_KIMAI_CUSTOMER ? "customer" : "project", v.id);
	else
		path = admin_path(a, &v);
	return arena_printf(a, "%s%s%s", base ? base : "", path, v.query ? v.query : "");
}

const char *url_query(struct arena *a, const char *q)
{
	return q && *q ? arena_printf(a, "?%s", q) : "";
}

const char *url_lang(struct arena *a, const char *base, const char *lang, const char *rest,
                     const char *query)
{
	return arena_printf(a, "%s/%s%s%s", base ? base : "", lang, rest ? rest : "",
	                    query ? query : "");
}

const char *url_for(struct req *r, struct url u)
{
	if (!u.lang)
		u.lang = r->lang ? r->lang->code : I18N_DEFAULT;
	return url_build(r->a, r->base, &u);
}

const char *url_public(struct req *r, struct url u)
{
	if (!u.lang)
		u.lang = r->lang ? r->lang->code : I18N_DEFAULT;
	return url_build(r->a, req_base_url(r), &u);
}
