/* The public share page (DESIGN §4). */
#include "routes.h"
#include "share.h"

int page_share(struct req *r, struct perr *e)
{
	struct share s;
	if (share_load(r, r->args.share_key, &s, e))
		return -1;
	rset(r, "Share.Name", s.is_customer ? s.customer_name : s.project_name);
	rset(r, "Share.Customer", s.customer_name);
	rset(r, "Share.Type", s.is_customer ? "customer" : "project");
	return render(r, "share.cs", e);
}
