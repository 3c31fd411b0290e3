/* The database-free parts of auth.c: session id syntax and Kimai's
 * permission resolution (defaults, overrides both ways, fixed grants). */
#include <string.h>

#include "auth.h"
#include "check.h"

static void test_session_ids(void)
{
	char big[300];

	CHECK(auth_session_id_ok("jaebqmpejo6trqbcbfjekce3ka"));          /* 26 [0-9a-v] */
	CHECK(auth_session_id_ok("0123456789abcdef0123456789abcdef"));    /* 32 hex */
	CHECK(auth_session_id_ok("AZaz09,-AZaz09,-AZaz09"));              /* 22 */
	CHECK(!auth_session_id_ok("AZaz09,-AZaz09,-AZaz0"));              /* 21 */
	CHECK(!auth_session_id_ok(""));
	CHECK(!auth_session_id_ok(NULL));
	CHECK(!auth_session_id_ok("jaebqmpejo6trqbcbfjekce3k'"));
	CHECK(!auth_session_id_ok("jaebqmpejo6trqbcbfjekce3k "));
	CHECK(!auth_session_id_ok("jaebqmpejo6trqbcbfjekce3k%"));
	CHECK(!auth_session_id_ok("jaebqmpejo6trqbcbfjekce3kä"));
	memset(big, 'a', 256);
	big[256] = '\0';
	CHECK(auth_session_id_ok(big));
	memset(big, 'a', 257);
	big[257] = '\0';
	CHECK(!auth_session_id_ok(big));
}

static void test_defaults(void)
{
	static const char *const super[] = { "ROLE_SUPER_ADMIN", "ROLE_USER" };
	static const char *const admin[] = { "ROLE_ADMIN", "ROLE_USER" };
	static const char *const lead[] = { "ROLE_TEAMLEAD", "ROLE_USER" };
	static const char *const user[] = { "ROLE_USER" };

	CHECK(auth_has_permission(super, 2, "customer_portal", NULL, 0));
	CHECK(!auth_has_permission(admin, 2, "customer_portal", NULL, 0));
	CHECK(!auth_has_permission(lead, 2, "customer_portal", NULL, 0));
	CHECK(!auth_has_permission(user, 1, "customer_portal", NULL, 0));

	CHECK(auth_has_permission(super, 2, "view_all_data", NULL, 0));
	CHECK(auth_has_permission(admin, 2, "view_all_data", NULL, 0));
	CHECK(!auth_has_permission(lead, 2, "view_all_data", NULL, 0));
	CHECK(!auth_has_permission(user, 1, "view_all_data", NULL, 0));
	CHECK(!auth_has_permission(super, 2, "something_else", NULL, 0));
}

static void test_overrides(void)
{
	static const char *const super[] = { "ROLE_SUPER_ADMIN", "ROLE_USER" };
	static const char *const admin[] = { "ROLE_ADMIN", "ROLE_USER" };
	static const char *const lead[] = { "ROLE_TEAMLEAD", "ROLE_USER" };
	static const char *const both[] = { "ROLE_SUPER_ADMIN", "ROLE_ADMIN", "ROLE_USER" };
	static const char *const custom[] = { "ROLE_PORTAL", "ROLE_USER" };
	const struct perm_row revoke_super[] = {
		{ "ROLE_SUPER_ADMIN", "customer_portal", false },
	};
	const struct perm_row grant_admin[] = {
		{ "ROLE_ADMIN", "customer_portal", true },
	};
	const struct perm_row grant_lead_revoke_admin_view[] = {
		{ "ROLE_TEAMLEAD", "customer_portal", true },
		{ "ROLE_ADMIN", "view_all_data", false },
		{ "ROLE_SUPER_ADMIN", "view_all_data", false },   /* cannot be revoked */
	};
	const struct perm_row grant_custom[] = {
		{ "ROLE_PORTAL", "customer_portal", true },
		{ "ROLE_PORTAL", "view_all_data", true },
	};
	/* Rows for other permissions change nothing (the dumps have such). */
	const struct perm_row unrelated[] = {
		{ "ROLE_SUPER_ADMIN", "view_customer", false },
		{ "ROLE_ADMIN", "edit_customer", false },
	};

	CHECK(!auth_has_permission(super, 2, "customer_portal", revoke_super, 1));
	/* …but another role of the same user may still have it. */
	CHECK(!auth_has_permission(both, 3, "customer_portal", revoke_super, 1));
	CHECK(auth_has_permission(both, 3, "customer_portal", grant_admin, 1));

	CHECK(auth_has_permission(admin, 2, "customer_portal", grant_admin, 1));
	CHECK(!auth_has_permission(lead, 2, "customer_portal", grant_admin, 1));

	CHECK(auth_has_permission(lead, 2, "customer_portal", grant_lead_revoke_admin_view, 3));
	CHECK(!auth_has_permission(lead, 2, "view_all_data", grant_lead_revoke_admin_view, 3));
	CHECK(!auth_has_permission(admin, 2, "view_all_data", grant_lead_revoke_admin_view, 3));
	CHECK(auth_has_permission(super, 2, "view_all_data", grant_lead_revoke_admin_view, 3));

	CHECK(auth_has_permission(custom, 2, "customer_portal", grant_custom, 2));
	CHECK(auth_has_permission(custom, 2, "view_all_data", grant_custom, 2));
	CHECK(!auth_has_permission(custom, 2, "customer_portal", NULL, 0));

	CHECK(auth_has_permission(super, 2, "customer_portal", unrelated, 2));
	CHECK(!auth_has_permission(admin, 2, "customer_portal", unrelated, 2));
	CHECK(auth_role_has("ROLE_SUPER_ADMIN", "customer_portal", unrelated, 2));
}

static void test_verdict_names(void)
{
	for (int v = 0; v < AUTH__MAX; v++)
		CHECK(auth_verdict_name((enum auth_verdict)v)[0] != '?');
	CHECK_STR(auth_verdict_name(AUTH__MAX), "?");
}

int main(void)
{
	test_session_ids();
	test_defaults();
	test_overrides();
	test_verdict_names();
	return check_done();
}
