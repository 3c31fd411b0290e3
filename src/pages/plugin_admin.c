/* The Customer Portal plugin's admin URLs inside Kimai, /{lang}/customer-portal,
 * …/create and …/{id}/{key}, as bookmarks and Kimai's menu of older
 * installations still have them: moved permanently to the same page under
 * /{lang}/admin/customer-portal, query kept. */
#include <string.h>

#include "i18n.h"
#include "routes.h"

int page_plugin_admin(struct req *r, struct perr *e)
{
	(void)e;
	/* r->path is "/{lang}/customer-portal…": the route matched it. */
	const char *rest = strstr(r->path, "/customer-portal");
	rest = rest ? rest + strlen("/customer-portal") : "";
	const char *q = r->query;
	for (const char *p = q; *p; p++)
		if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
			q = "";
	req_redirect(r, 301, arena_printf(r->a, "%s/%s/admin/customer-portal%s%s%s", r->base,
	                                  r->lang->code, rest, *q ? "?" : "", q));
	return 0;
}
