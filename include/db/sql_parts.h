/* The pieces of SQL that several statements of the statement table (sql.h)
 * share: select lists, team rules, the admin list's filters and order.
 * A macro that needs a placeholder takes it as an argument, so every `?`
 * is still written where its statement is declared. */
#ifndef PORTAL_SQL_PARTS_H
#define PORTAL_SQL_PARTS_H

/* The Unix epoch as a UTC DATETIME literal (stats statements). */
#define SQL_EPOCH "TIMESTAMP'1970-01-01 00:00:00'"

/* A Kimai user's display name: the alias when not empty, else the username
 * (of kimai2_users, unaliased in the statement). */
#define SQL_USER_DISPLAY_NAME "COALESCE(NULLIF(alias, ''), username)"

/* Ids in the IN list of ST_ADMIN_LIST_IDS: one page of the admin list
 * (ADMIN_LIST_PAGE_SIZE, admin_share.h; the caller repeats one to fill). */
#define SQL_ADMIN_LIST_IDS 50

/* Ids per IN list of ST_RECORDS_MONTH and ST_RECORDS_USERS (the caller
 * repeats one to fill the list). */
#define SQL_RECORDS_BATCH 16

/* Kimai's team rule for users without view_all_data (admin choosers and
 * lists): an entity is accessible when no team is attached to it or when one
 * of its teams is a team of the user.  `user` is the user id's placeholder,
 * "?" at the statement. */
#define SQL_CUSTOMER_TEAM_OK(c, user)                                         \
	"(NOT EXISTS (SELECT 1 FROM kimai2_customers_teams ct"                    \
	" WHERE ct.customer_id = " c ")"                                          \
	" OR EXISTS (SELECT 1 FROM kimai2_customers_teams ct"                     \
	" JOIN kimai2_users_teams ut ON ut.team_id = ct.team_id"                  \
	" WHERE ct.customer_id = " c " AND ut.user_id = " user "))"
#define SQL_PROJECT_TEAM_OK(p, user)                                          \
	"(NOT EXISTS (SELECT 1 FROM kimai2_projects_teams pt"                     \
	" WHERE pt.project_id = " p ")"                                           \
	" OR EXISTS (SELECT 1 FROM kimai2_projects_teams pt"                      \
	" JOIN kimai2_users_teams ut ON ut.team_id = pt.team_id"                  \
	" WHERE pt.project_id = " p " AND ut.user_id = " user "))"
/* Columns of a share row, whoever reads it (share.c decodes them, enum
 * SHARE_* below).  `pw` is the password hash column: "s.password" for the
 * share pages' unlock gate, "NULL" for the admin pages and the command
 * line, which see only whether there is one. */
#define SQL_SHARE_COLS(pw)                                                    \
	"SELECT s.id, s.project_id, s.customer_id, s.share_key, " pw ","          \
	" (s.password IS NOT NULL AND s.password <> ''), s.record_merge_mode,"    \
	" s.entry_user_visible, s.entry_rate_visible, s.annual_chart_visible,"    \
	" s.monthly_chart_visible, s.budget_stats_visible,"                       \
	" s.time_budget_stats_visible,"                                           \
	" COALESCE(c.id, pc.id), COALESCE(c.name, pc.name),"                      \
	" COALESCE(c.timezone, pc.timezone), COALESCE(c.currency, pc.currency),"  \
	" p.name, st.expires_at,"                                                 \
	" (st.expires_at IS NOT NULL AND st.expires_at <= UTC_TIMESTAMP()),"      \
	" st.window_from, st.window_to, COALESCE(v.views, 0), v.last_view,"       \
	" COALESCE(d.show_activity, 0), COALESCE(d.show_tags, 0),"                \
	" (so.share_id IS NOT NULL)"                                              \
	" FROM kimai2_customer_portals s"                                         \
	" LEFT JOIN kimai2_projects p ON p.id = s.project_id"                     \
	" LEFT JOIN kimai2_customers pc ON pc.id = p.customer_id"                 \
	" LEFT JOIN kimai2_customers c ON c.id = s.customer_id"                   \
	" LEFT JOIN kimai2_customer_portals_settings st ON st.share_id = s.id"    \
	" LEFT JOIN kimai2_customer_portals_views v ON v.share_id = s.id"         \
	" LEFT JOIN kimai2_customer_portals_display d ON d.share_id = s.id"     \
	/* whether the share offers sign-off: in the same round trip */           \
	" LEFT JOIN kimai2_customer_portals_signoff_shares so"                    \
	" ON so.share_id = s.id"
#define SQL_ADMIN_SHARE_COLS SQL_SHARE_COLS("NULL")
/* A customer share shows the records of every project of the customer: a
 * user without view_all_data may manage it only when the team rule lets
 * them see each of those projects, hidden ones included.  `user` is the
 * user id's placeholder. */
#define SQL_CUSTOMER_PROJECTS_OK(c, user)                                     \
	"NOT EXISTS (SELECT 1 FROM kimai2_projects cp"                            \
	" WHERE cp.customer_id = " c " AND NOT " SQL_PROJECT_TEAM_OK("cp.id", user) ")"
/* A share the user may manage: the placeholders of view_all_data, then of
 * the user id once per team condition. */
#define SQL_ADMIN_SHARE_OK(all, user1, user2, user3, user4)                   \
	"(" all " = 1 OR (s.customer_id IS NOT NULL AND "                         \
	SQL_CUSTOMER_TEAM_OK("s.customer_id", user1) " AND "                      \
	SQL_CUSTOMER_PROJECTS_OK("s.customer_id", user4) ")"                      \
	" OR (s.project_id IS NOT NULL AND "                                      \
	SQL_PROJECT_TEAM_OK("s.project_id", user2)                                \
	" AND " SQL_CUSTOMER_TEAM_OK("p.customer_id", user3) "))"

/* The admin list's search and filters (docs/design.md, "Admin pages"):
 * `q1`..`q3` the placeholders of one LIKE pattern ('!' escapes % _ and
 * itself) matched against the project's name, the customer's name and the
 * share key with each column's own collation (Kimai's utf8mb4_unicode_ci:
 * case and accents do not count); then the codes of the type (1 customer,
 * 2 project), password (1 yes, 2 no) and status (1 active, 2 expired)
 * filters, 0 for any. */
#define SQL_ADMIN_LIST_FILTER(q1, q2, q3, type, pw, status)                   \
	" AND (p.name LIKE " q1 " ESCAPE '!'"                                     \
	" OR COALESCE(c.name, pc.name) LIKE " q2 " ESCAPE '!'"                    \
	" OR s.share_key LIKE " q3 " ESCAPE '!')"                                 \
	" AND " type " IN (0, IF(s.customer_id IS NOT NULL, 1, 2))"               \
	" AND " pw " IN (0, IF(s.password IS NOT NULL AND s.password <> '', 1, 2))" \
	" AND " status " IN (0, IF(st.expires_at IS NOT NULL"                    \
	" AND st.expires_at <= UTC_TIMESTAMP(), 2, 1))"

/* The type and password filters alone (the share table's own columns). */
#define SQL_ADMIN_LIST_PLAIN_FILTER(type, pw)                                 \
	" AND " type " IN (0, IF(s.customer_id IS NOT NULL, 1, 2))"               \
	" AND " pw " IN (0, IF(s.password IS NOT NULL AND s.password <> '', 1, 2))"
/* The admin list's order: the plugin's (project name, customer name, key;
 * customer shares have no project name and come first), or by id
 * descending ("newest", `newest` = 1).  The keys are chosen in the inner
 * query (SQL_ADMIN_LIST_KEYS), which takes one page of ids, and sorted again
 * on that page's rows (SQL_ADMIN_LIST_ORDER). */
/* The tables joined to the share table (s) that the admin list's search,
 * filters and order read; no placeholder. */
#define SQL_ADMIN_LIST_JOINS                                                  \
	" LEFT JOIN kimai2_projects p ON p.id = s.project_id"                     \
	" LEFT JOIN kimai2_customers pc ON pc.id = p.customer_id"                 \
	" LEFT JOIN kimai2_customers c ON c.id = s.customer_id"                   \
	" LEFT JOIN kimai2_customer_portals_settings st ON st.share_id = s.id"
#define SQL_ADMIN_LIST_KEYS(newest)                                           \
	"CASE WHEN " newest " = 1 THEN s.id END AS k0, p.name AS k1,"             \
	" c.name AS k2, s.share_key AS k3"
#define SQL_ADMIN_LIST_PAGE(limit, offset)                                    \
	" ORDER BY k0 DESC, k1, k2, k3 LIMIT " limit " OFFSET " offset
#define SQL_ADMIN_LIST_ORDER " ORDER BY pg.k0 DESC, pg.k1, pg.k2, pg.k3"

#endif
