/* The one route table.  Order matters only where patterns overlap. */
#include "routes.h"

const struct route routes[] = {
	{"/customer-portal/health", RF_GET, page_health},
	{"/customer-portal/ready", RF_GET, page_ready},
	{"/customer-portal/static/{file}", RF_GET, page_static},
	/* share pages */
	{"/{lang}/auth/customer-portal/{key}", RF_GET | RF_POST, page_share},
	{"/{lang}/auth/customer-portal/{key}/p/{pid}", RF_GET | RF_POST, page_share},
	/* the plugin's old share URLs: moved permanently (page_legacy.c) */
	{"/{lang}/auth/shared-project-timesheets/customer/{cid}/{key}", RF_GET, page_legacy_customer},
	{"/{lang}/auth/shared-project-timesheets/customer/{cid}/{key}/project/{pid}", RF_GET,
	 page_legacy_customer},
	{"/{lang}/auth/shared-project-timesheets/{pid}/{key}", RF_GET, page_legacy_project},
	/* no language in the URL: send the client to English */
	{"/auth/{*}", RF_GET, page_lang_redirect},
	{"/admin/{*}", RF_GET, page_lang_redirect},
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
