/* The one route table.  Order matters only where patterns overlap. */
#include "routes.h"

static const struct route table[] = {
	{"/customer-portal/health", RF_GET, page_health},
	{"/customer-portal/ready", RF_GET, page_ready},
	{"/customer-portal/static/{file}", RF_GET, page_static},
	/* share pages */
	{"/{lang}/auth/customer-portal/{key}", RF_GET | RF_POST, page_share},
	{"/{lang}/auth/customer-portal/{key}/p/{pid}", RF_GET | RF_POST, page_share},
	/* the shown month as CSV; POST only for the unlock form of a locked share */
	{"/{lang}/auth/customer-portal/{key}/csv", RF_GET | RF_POST, page_share_csv},
	{"/{lang}/auth/customer-portal/{key}/p/{pid}/csv", RF_GET | RF_POST, page_share_csv},
	/* a client signs off the month of the query (share_signoff.c) */
	{"/{lang}/auth/customer-portal/{key}/signoff", RF_POST | RF_NO_STORE, page_share_signoff},
	/* the plugin's old share URLs: moved permanently (legacy.c) */
	{"/{lang}/auth/shared-project-timesheets/customer/{cid}/{key}", RF_GET, page_legacy_customer},
	{"/{lang}/auth/shared-project-timesheets/customer/{cid}/{key}/project/{pid}", RF_GET,
	 page_legacy_customer},
	{"/{lang}/auth/shared-project-timesheets/{pid}/{key}", RF_GET, page_legacy_project},
	/* admin pages (src/pages/admin/): a Kimai session with customer_portal */
	{"/{lang}/admin/customer-portal", RF_GET | RF_ADMIN | RF_NO_STORE, page_admin_list},
	{"/{lang}/admin/customer-portal/create",
	 RF_GET | RF_POST | RF_ADMIN | RF_CSRF | RF_NO_STORE, page_admin_create},
	{"/{lang}/admin/customer-portal/{id}/{key}",
	 RF_GET | RF_POST | RF_ADMIN | RF_CSRF | RF_NO_STORE, page_admin_edit},
	{"/{lang}/admin/customer-portal/{id}/{key}/delete",
	 RF_GET | RF_POST | RF_ADMIN | RF_CSRF | RF_NO_STORE, page_admin_delete},
	{"/{lang}/admin/customer-portal/{id}/{key}/rotate",
	 RF_GET | RF_POST | RF_ADMIN | RF_CSRF | RF_NO_STORE, page_admin_rotate},
	{"/{lang}/admin/customer-portal/{id}/{key}/withdraw",
	 RF_POST | RF_ADMIN | RF_CSRF | RF_NO_STORE, page_admin_withdraw},
	/* no language in the URL: send the client to English (before the
	 * plugin's admin URLs, whose {lang} would otherwise take "admin") */
	{"/auth/{*}", RF_GET, page_lang_redirect},
	{"/admin/{*}", RF_GET, page_lang_redirect},
	/* the plugin's admin URLs inside Kimai: moved (plugin_admin.c) */
	{"/{lang}/customer-portal", RF_GET, page_plugin_admin},
	{"/{lang}/customer-portal/create", RF_GET, page_plugin_admin},
	{"/{lang}/customer-portal/{id}/{key}", RF_GET, page_plugin_admin},
};

const struct route_table routes = { table, sizeof(table) / sizeof(table[0]) };
